import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accounts, invites, neighbourhoods } from '$lib/server/db/schema';
import { createTestAccount, makeEvent, outcome } from '../../../../tests/support/events';
import { actions, load } from '../../../routes/[lang=lang]/team/accounts/+page.server';
import type { PageServerData } from '../../../routes/[lang=lang]/team/accounts/$types';
import { load as loadAccept } from '../../../routes/[lang=lang]/invite/[token]/+page.server';
import { createAccount, UsernameTakenError } from './accounts';
import { hashInviteToken } from './invites';
import { createSession, validateSessionToken, type SignedInAccount } from './session';

let noor: SignedInAccount;
let hood = 0;

type Reset = { reset: { name: string; link: string; expires: string } };

async function act(
	action: 'disable' | 'enable' | 'reset',
	id: number | string,
	{ account = noor, lang = 'en' }: { account?: SignedInAccount; lang?: string } = {}
) {
	const { event } = makeEvent(`/${lang}/team/accounts?/${action}`, {
		account,
		form: { id: String(id) }
	});
	const run = actions[action] as (event: never) => Promise<unknown>;
	return outcome(() => run(event as never));
}

beforeAll(async () => {
	const [row] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'marollen',
			name: { nl: 'Marollen', fr: 'Marolles', en: 'Marolles' },
			municipality: 'Brussel',
			centreLat: 50.84,
			centreLon: 4.35
		})
		.returning();
	hood = row.id;
	noor = await createTestAccount('coordinator', { username: 'noor', displayName: 'Noor' });
});

describe('accounts page', () => {
	it('lists every account with role, neighbourhoods and whether it is switched off', async () => {
		await createTestAccount('volunteer', {
			username: 'yasmina',
			displayName: 'Yasmina',
			neighbourhoodIds: [hood]
		});
		const { event } = makeEvent('/fr/team/accounts', { account: noor });
		const data = (await load(event as never)) as PageServerData;
		expect(data.selfId).toBe(noor.id);
		const yasmina = data.accounts.find((account) => account.username === 'yasmina');
		expect(yasmina).toMatchObject({
			displayName: 'Yasmina',
			role: 'volunteer',
			neighbourhoods: ['Marolles'],
			disabled: false
		});
		expect(JSON.stringify(data)).not.toContain('passwordHash');
		expect(JSON.stringify(data)).not.toContain('not-a-real-hash');
	});

	it('switching an account off signs it out at once; switching on lets it in again', async () => {
		const vera = await createTestAccount('volunteer', { displayName: 'Vera' });
		const { token } = await createSession(vera.id);

		const off = await act('disable', vera.id);
		expect(off.returned).toMatchObject({
			done: 'Vera is switched off and signed out on every device.'
		});
		expect(await validateSessionToken(token)).toBeNull();
		const [row] = await db.select().from(accounts).where(eq(accounts.id, vera.id));
		expect(row.disabledAt).not.toBeNull();

		const on = await act('enable', vera.id, { lang: 'nl' });
		expect(on.returned).toMatchObject({ done: 'Vera kan weer aanmelden.' });
		const fresh = await createSession(vera.id);
		expect(await validateSessionToken(fresh.token)).not.toBeNull();
	});

	it('a coordinator cannot switch themselves off', async () => {
		const result = await act('disable', noor.id, { lang: 'fr' });
		expect(result.returned).toMatchObject({
			status: 400,
			data: { problem: 'Vous ne pouvez pas désactiver votre propre compte.' }
		});
		const [row] = await db.select().from(accounts).where(eq(accounts.id, noor.id));
		expect(row.disabledAt).toBeNull();
	});

	it('an account that does not exist gets 404', async () => {
		expect((await act('disable', 99999)).thrown?.status).toBe(404);
		expect((await act('reset', 'abc')).thrown?.status).toBe(404);
	});

	it('a new password link is shown once, for the same account and role', async () => {
		const sara = await createTestAccount('worker', { displayName: 'Sara' });
		const result = await act('reset', sara.id);
		const { reset } = result.returned as Reset;
		expect(reset.name).toBe('Sara');
		expect(reset.link).toMatch(/^http:\/\/localhost\/en\/invite\/[a-z2-7]{32}$/);
		const token = reset.link.split('/invite/')[1];
		const [row] = await db
			.select()
			.from(invites)
			.where(eq(invites.tokenHash, hashInviteToken(token)));
		expect(row).toMatchObject({ accountId: sara.id, role: 'worker', createdBy: noor.id });

		// A second link replaces the first.
		const second = (await act('reset', sara.id)).returned as Reset;
		const { event } = makeEvent(`/en/invite/${token}`, { params: { lang: 'en', token } });
		expect((await outcome(() => loadAccept(event as never))).thrown?.status).toBe(404);
		expect(second.reset.link).not.toBe(reset.link);
	});

	it('a switched-off account gets no new password link', async () => {
		const bram = await createTestAccount('volunteer');
		await act('disable', bram.id);
		const result = await act('reset', bram.id);
		expect(result.returned).toMatchObject({ status: 400 });
		expect(await db.$count(invites, eq(invites.accountId, bram.id))).toBe(0);
	});

	it('one user name belongs to one account', async () => {
		const account = {
			displayName: 'Someone',
			role: 'volunteer' as const,
			passwordHash: 'x',
			phone: null,
			languages: [],
			peerWorker: false,
			neighbourhoodIds: []
		};
		await createAccount({ ...account, username: 'unique.name' });
		await expect(createAccount({ ...account, username: 'unique.name' })).rejects.toBeInstanceOf(
			UsernameTakenError
		);
	});
});
