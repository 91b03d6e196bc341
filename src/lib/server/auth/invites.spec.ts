import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accountNeighbourhoods, accounts, invites, neighbourhoods } from '$lib/server/db/schema';
import type { SignedInAccount } from './session';
import { createTestAccount, makeEvent, outcome } from '../../../../tests/support/events';
import {
	actions as inviteActions,
	load as loadInvites
} from '../../../routes/[lang=lang]/team/invites/+page.server';
import {
	actions as acceptActions,
	load as loadAccept
} from '../../../routes/[lang=lang]/invite/[token]/+page.server';
import type { PageServerData } from '../../../routes/[lang=lang]/team/invites/$types';
import { checkCredentials } from './login';
import { createInvite, hashInviteToken, INVITE_LIFETIME_MS } from './invites';
import { createSession, SESSION_COOKIE, validateSessionToken } from './session';

const hoods = { north: 0, south: 0, east: 0 };
const people = {} as Record<'sara' | 'wim' | 'noor' | 'vera', SignedInAccount>;
const GOOD_PASSWORD = 'koffie met de buren';

type Created = { action: 'create'; created: { link: string; expires: string; role: string } };
type CreateFailure = { status: number; data: { errors: Record<string, string>; values: unknown } };
type AcceptFailure = {
	status: number;
	data: { errors: Record<string, string>; values?: Record<string, unknown> };
};

async function makeInvite(
	account: SignedInAccount,
	form: Record<string, string | string[]>,
	lang = 'nl'
) {
	const { event } = makeEvent(`/${lang}/team/invites?/create`, { account, form });
	return outcome(() => inviteActions.create(event as never));
}

function tokenOf(link: string) {
	return link.split('/invite/')[1];
}

async function openInvite(token: string, lang = 'nl') {
	const { event, headers } = makeEvent(`/${lang}/invite/${token}`, { params: { lang, token } });
	const result = await outcome(() => loadAccept(event as never));
	return { ...result, headers };
}

async function accept(token: string, form: Record<string, string | string[]>, lang = 'nl') {
	const { event, jar } = makeEvent(`/${lang}/invite/${token}`, { params: { lang, token }, form });
	const result = await outcome(() => acceptActions.default(event as never));
	return { ...result, jar };
}

async function volunteerInvite() {
	const result = await makeInvite(people.sara, {
		role: 'volunteer',
		neighbourhoods: String(hoods.north)
	});
	return tokenOf((result.returned as Created).created.link);
}

const newcomer = {
	displayName: 'Amira',
	username: 'amira',
	password: GOOD_PASSWORD,
	passwordConfirm: GOOD_PASSWORD,
	phone: '+32 470 12 34 56',
	languages: ['nl', 'ar'],
	peerWorker: 'on'
};

beforeAll(async () => {
	const rows = await db
		.insert(neighbourhoods)
		.values(
			(['north', 'south', 'east'] as const).map((slug) => ({
				slug,
				name: { nl: `Wijk ${slug}`, fr: `Quartier ${slug}`, en: `Area ${slug}` },
				municipality: 'Brussel',
				centreLat: 50.84,
				centreLon: 4.35
			}))
		)
		.returning();
	for (const row of rows) hoods[row.slug as keyof typeof hoods] = row.id;
	people.sara = await createTestAccount('worker', {
		username: 'sara',
		displayName: 'Sara',
		neighbourhoodIds: [hoods.north, hoods.south]
	});
	people.wim = await createTestAccount('worker', {
		username: 'wim',
		displayName: 'Wim',
		neighbourhoodIds: [hoods.east]
	});
	people.noor = await createTestAccount('coordinator', { username: 'noor', displayName: 'Noor' });
	people.vera = await createTestAccount('volunteer', {
		username: 'vera',
		neighbourhoodIds: [hoods.north]
	});
});

describe('making an invite link', () => {
	it('a worker makes a link for a volunteer; only a hash of its token is stored', async () => {
		const before = Date.now();
		const result = await makeInvite(
			people.sara,
			{ role: 'volunteer', neighbourhoods: [String(hoods.north)], linkLanguage: 'fr' },
			'en'
		);
		const { created } = result.returned as Created;
		expect(created.link).toMatch(/^http:\/\/localhost\/fr\/invite\/[a-z2-7]{32}$/);
		expect(created.expires).toMatch(/2\d{3}/);
		const token = tokenOf(created.link);

		const [row] = await db
			.select()
			.from(invites)
			.where(eq(invites.tokenHash, hashInviteToken(token)));
		expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(token);
		expect(row).toMatchObject({
			role: 'volunteer',
			neighbourhoodIds: [hoods.north],
			accountId: null,
			createdBy: people.sara.id,
			usedAt: null
		});
		const expires = new Date(row.expiresAt).getTime();
		expect(expires).toBeGreaterThanOrEqual(before + INVITE_LIFETIME_MS);
		expect(expires).toBeLessThan(Date.now() + INVITE_LIFETIME_MS + 1000);
	});

	it('two links are never the same', async () => {
		const first = await createInvite({
			role: 'volunteer',
			neighbourhoodIds: [],
			createdBy: people.noor.id
		});
		const second = await createInvite({
			role: 'volunteer',
			neighbourhoodIds: [],
			createdBy: people.noor.id
		});
		expect(first.token).not.toBe(second.token);
		expect(first.token).toHaveLength(32);
	});

	it('a worker may invite volunteers only', async () => {
		const result = await makeInvite(
			people.sara,
			{ role: 'worker', neighbourhoods: String(hoods.north) },
			'en'
		);
		const failure = result.returned as CreateFailure;
		expect(failure.status).toBe(400);
		expect(failure.data.errors.role).toBe('You may invite volunteers only.');
	});

	it('a worker invites only to their own neighbourhoods, and to at least one', async () => {
		const other = await makeInvite(
			people.sara,
			{ role: 'volunteer', neighbourhoods: String(hoods.east) },
			'en'
		);
		expect((other.returned as CreateFailure).data.errors.neighbourhoods).toBe(
			'Choose only from your own neighbourhoods.'
		);
		const none = await makeInvite(people.sara, { role: 'volunteer' }, 'en');
		expect((none.returned as CreateFailure).data.errors.neighbourhoods).toBe(
			'Choose at least one neighbourhood.'
		);
		const tampered = await makeInvite(
			people.sara,
			{ role: 'volunteer', neighbourhoods: ['abc', String(hoods.north)] },
			'en'
		);
		expect((tampered.returned as CreateFailure).data.errors.neighbourhoods).toBe(
			'This does not exist (any more). Please choose again.'
		);
		const unknown = await makeInvite(
			people.noor,
			{ role: 'volunteer', neighbourhoods: '99999' },
			'en'
		);
		expect((unknown.returned as CreateFailure).status).toBe(400);
	});

	it('a coordinator may invite any role, a coordinator even without neighbourhoods', async () => {
		for (const role of ['volunteer', 'worker']) {
			const result = await makeInvite(people.noor, {
				role,
				neighbourhoods: [String(hoods.east), String(hoods.south)]
			});
			expect((result.returned as Created).created.role).toBe(role);
		}
		const coordinator = await makeInvite(people.noor, { role: 'coordinator' });
		expect((coordinator.returned as Created).created.role).toBe('coordinator');
	});

	it('the page offers a worker their own neighbourhoods and the volunteer role only', async () => {
		const { event } = makeEvent('/en/team/invites', { account: people.sara });
		const data = (await loadInvites(event as never)) as PageServerData;
		expect(data.roles).toEqual(['volunteer']);
		expect(data.neighbourhoods.map((hood) => hood.id).sort()).toEqual(
			[hoods.north, hoods.south].sort()
		);
		// Only the invites Sara made herself.
		expect(data.invites.length).toBeGreaterThan(0);
		expect(data.invites.every((invite) => invite.createdByName === null)).toBe(true);
		expect(data.invites[0].expires).toMatch(/20\d\d/);

		const coordinator = makeEvent('/en/team/invites', { account: people.noor }).event;
		const all = (await loadInvites(coordinator as never)) as PageServerData;
		expect(all.roles).toEqual(['volunteer', 'worker', 'coordinator']);
		expect(all.invites.length).toBeGreaterThan(data.invites.length);
		expect(all.invites.some((invite) => invite.createdByName === 'Sara')).toBe(true);
	});

	it('a withdrawn link stops working; a worker cannot withdraw someone else’s', async () => {
		const token = await volunteerInvite();
		const [row] = await db
			.select()
			.from(invites)
			.where(eq(invites.tokenHash, hashInviteToken(token)));

		const byWim = makeEvent('/en/team/invites?/withdraw', {
			account: people.wim,
			form: { id: String(row.id) }
		});
		const refused = await outcome(() => inviteActions.withdraw(byWim.event as never));
		expect((refused.returned as { status: number }).status).toBe(404);
		expect((await openInvite(token)).returned).toBeTruthy();

		const bySara = makeEvent('/en/team/invites?/withdraw', {
			account: people.sara,
			form: { id: String(row.id) }
		});
		const done = await outcome(() => inviteActions.withdraw(bySara.event as never));
		expect(done.returned).toMatchObject({ message: 'The link is withdrawn. It no longer works.' });
		expect((await openInvite(token)).thrown?.status).toBe(404);
	});
});

describe('opening an invite link', () => {
	it('shows the role and is never cached', async () => {
		const token = await volunteerInvite();
		const result = await openInvite(token);
		expect(result.returned).toMatchObject({ mode: 'join', role: 'volunteer', account: null });
		expect(result.headers.get('cache-control')).toBe('no-store');
	});

	it('an unknown link gets 404 and an expired one 410, each saying to ask for a new link', async () => {
		const unknown = await openInvite('abcdefghijklmnopqrstuvwxyz234567', 'en');
		expect(unknown.thrown?.status).toBe(404);
		expect(unknown.thrown?.body?.message).toContain('ask your neighbourhood worker for a new link');

		const old = await createInvite(
			{ role: 'volunteer', neighbourhoodIds: [hoods.north], createdBy: people.sara.id },
			new Date(Date.now() - INVITE_LIFETIME_MS - 1000)
		);
		const expired = await openInvite(old.token, 'fr');
		expect(expired.thrown?.status).toBe(410);
		expect(expired.thrown?.body?.message).toBe(
			'Ce lien a expiré ou a déjà été utilisé. Demandez un nouveau lien à votre travailleur de quartier.'
		);
		expect((await accept(old.token, newcomer)).thrown?.status).toBe(410);
	});
});

describe('accepting an invite', () => {
	it('makes the account with the invite’s role and neighbourhoods, signs in and works once', async () => {
		const token = await volunteerInvite();
		const result = await accept(token, newcomer, 'fr');
		expect(result.thrown).toMatchObject({ status: 303, location: '/fr/team' });

		const [account] = await db.select().from(accounts).where(eq(accounts.username, 'amira'));
		expect(account).toMatchObject({
			displayName: 'Amira',
			role: 'volunteer',
			phone: '+32 470 12 34 56',
			languages: ['nl', 'ar'],
			peerWorker: true,
			disabledAt: null,
			isDemo: false
		});
		expect(account.passwordHash).toMatch(/^\$argon2id\$/);
		const links = await db
			.select()
			.from(accountNeighbourhoods)
			.where(eq(accountNeighbourhoods.accountId, account.id));
		expect(links.map((link) => link.neighbourhoodId)).toEqual([hoods.north]);

		const session = await validateSessionToken(result.jar.get(SESSION_COOKIE)!);
		expect(session?.account).toMatchObject({ id: account.id, neighbourhoodIds: [hoods.north] });

		const [row] = await db
			.select()
			.from(invites)
			.where(eq(invites.tokenHash, hashInviteToken(token)));
		expect(row.usedAt).not.toBeNull();
		expect((await openInvite(token)).thrown?.status).toBe(410);
		const again = await accept(token, { ...newcomer, username: 'amira2' });
		expect(again.thrown?.status).toBe(410);
		expect(await checkCredentials('amira', GOOD_PASSWORD)).toEqual({
			status: 'ok',
			accountId: account.id
		});
	});

	it('the peer worker badge stays off unless the person ticks it', async () => {
		const token = await volunteerInvite();
		const { peerWorker: _ticked, ...form } = { ...newcomer, username: 'jonas', phone: '' };
		void _ticked;
		await accept(token, form);
		const [account] = await db.select().from(accounts).where(eq(accounts.username, 'jonas'));
		expect(account).toMatchObject({ peerWorker: false, phone: null });
	});

	it('says what is wrong, in the language, and gives back everything but the passwords', async () => {
		const token = await volunteerInvite();
		const result = await accept(
			token,
			{
				displayName: '',
				username: 'Sa ra!',
				password: 'short',
				passwordConfirm: 'other',
				phone: 'call me',
				languages: ['nl', 'klingon']
			},
			'en'
		);
		const failure = result.returned as AcceptFailure;
		expect(failure.status).toBe(400);
		expect(failure.data.errors).toEqual({
			displayName: 'Please fill this in.',
			username: 'Use only small letters (a–z), numbers, a dot, a dash or an underscore.',
			password: 'Write at least 10 characters.',
			phone: 'Enter a phone number, for example +32 2 123 45 67.',
			languages: 'Choose one of the options.'
		});
		expect(failure.data.values).toEqual({
			displayName: '',
			username: 'Sa ra!',
			phone: 'call me',
			languages: ['nl', 'klingon'],
			peerWorker: false
		});
		expect(JSON.stringify(failure)).not.toContain('short');
		// Nothing was used up.
		expect((await openInvite(token)).returned).toBeTruthy();
	});

	it('the two passwords must be the same', async () => {
		const token = await volunteerInvite();
		const result = await accept(
			token,
			{ ...newcomer, username: 'tom', passwordConfirm: 'something else entirely' },
			'nl'
		);
		expect((result.returned as AcceptFailure).data.errors).toEqual({
			passwordConfirm: 'De twee wachtwoorden zijn niet hetzelfde.'
		});
	});

	it('a user name someone has already gets its own message; the link still works', async () => {
		const token = await volunteerInvite();
		const result = await accept(token, { ...newcomer, username: 'Sara' }, 'fr');
		const failure = result.returned as AcceptFailure;
		expect(failure.data.errors).toEqual({
			username: 'Quelqu’un utilise déjà ce nom d’utilisateur. Choisissez-en un autre.'
		});
		expect((await openInvite(token)).returned).toBeTruthy();
		expect((await accept(token, { ...newcomer, username: 'sara.b' })).thrown?.status).toBe(303);
	});

	it('user names are 3 to 32 characters', async () => {
		const token = await volunteerInvite();
		const short = await accept(token, { ...newcomer, username: 'ab' }, 'en');
		expect((short.returned as AcceptFailure).data.errors.username).toBe(
			'Write at least 3 characters.'
		);
		const long = await accept(token, { ...newcomer, username: 'a'.repeat(33) }, 'en');
		expect((long.returned as AcceptFailure).data.errors.username).toBe(
			'This is too long: 32 characters at most.'
		);
	});
});

describe('a new password link', () => {
	it('sets only the password, ends every old session and signs in', async () => {
		const account = await createTestAccount('volunteer', {
			username: 'lotte',
			displayName: 'Lotte'
		});
		const oldSession = await createSession(account.id);
		const { token } = await createInvite({
			role: 'volunteer',
			neighbourhoodIds: [],
			accountId: account.id,
			createdBy: people.noor.id
		});

		const opened = await openInvite(token);
		expect(opened.returned).toMatchObject({
			mode: 'reset',
			account: { username: 'lotte', displayName: 'Lotte' }
		});

		const mismatch = await accept(
			token,
			{ password: GOOD_PASSWORD, passwordConfirm: 'nope' },
			'en'
		);
		expect((mismatch.returned as AcceptFailure).data.errors).toEqual({
			passwordConfirm: 'The two passwords are not the same.'
		});

		const result = await accept(
			token,
			// A tampered form cannot change the name or role through this link.
			{
				password: GOOD_PASSWORD,
				passwordConfirm: GOOD_PASSWORD,
				username: 'hacker',
				role: 'coordinator'
			},
			'en'
		);
		expect(result.thrown).toMatchObject({ status: 303, location: '/en/team' });
		expect(await validateSessionToken(oldSession.token)).toBeNull();
		const fresh = await validateSessionToken(result.jar.get(SESSION_COOKIE)!);
		expect(fresh?.account).toMatchObject({ id: account.id, username: 'lotte', role: 'volunteer' });
		expect(await checkCredentials('lotte', GOOD_PASSWORD)).toEqual({
			status: 'ok',
			accountId: account.id
		});
		expect((await openInvite(token)).thrown?.status).toBe(410);
		expect(await db.$count(accounts, eq(accounts.username, 'hacker'))).toBe(0);
	});
});
