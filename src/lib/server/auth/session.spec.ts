import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { sessions } from '$lib/server/db/schema';
import { createTestAccount, makeEvent, outcome } from '../../../../tests/support/events';
import { actions as logoutActions } from '../../../routes/[lang=lang]/logout/+page.server';
import { disableAccount } from './accounts';
import {
	createSession,
	invalidateAccountSessions,
	SESSION_COOKIE,
	validateSessionToken
} from './session';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function sessionRow(id: string) {
	const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
	return row;
}

describe('sessions', () => {
	it('a token is id.secret and only a hash of the secret is stored', async () => {
		const account = await createTestAccount('volunteer');
		const { token, session } = await createSession(account.id);
		const [id, secret] = token.split('.');
		expect(token.split('.')).toHaveLength(2);
		expect(id).toBe(session.id);
		expect(secret).toMatch(/^[a-z2-7]{24}$/);

		const row = await sessionRow(id);
		expect(row.accountId).toBe(account.id);
		expect(row.secretHash).toHaveLength(32);
		const stored = JSON.stringify({ ...row, secretHash: row.secretHash.toString('latin1') });
		expect(stored).not.toContain(secret);
		expect(row.secretHash.toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
		expect(row.secretHash.toString('base64')).not.toContain(secret);
	});

	it('the right token gives the account back', async () => {
		const account = await createTestAccount('worker', { displayName: 'Sara' });
		const { token } = await createSession(account.id);
		const result = await validateSessionToken(token);
		expect(result?.account).toMatchObject({ id: account.id, role: 'worker', displayName: 'Sara' });
	});

	it('a wrong or malformed secret gives nothing', async () => {
		const account = await createTestAccount('volunteer');
		const { token } = await createSession(account.id);
		const [id] = token.split('.');
		expect(await validateSessionToken(`${id}.${'a'.repeat(24)}`)).toBeNull();
		expect(await validateSessionToken(id)).toBeNull();
		expect(await validateSessionToken(`${token}.extra`)).toBeNull();
		expect(await validateSessionToken('')).toBeNull();
		// The real session is still fine after the wrong tries.
		expect(await validateSessionToken(token)).not.toBeNull();
	});

	it('a session unused for too long ends and is deleted', async () => {
		const account = await createTestAccount('volunteer');
		const { token, session } = await createSession(account.id);
		const later = new Date(Date.now() + 30 * DAY);
		expect(await validateSessionToken(token, later)).toBeNull();
		expect(await sessionRow(session.id)).toBeUndefined();
	});

	it('using a session keeps it alive: lastUsedAt moves on', async () => {
		const account = await createTestAccount('volunteer');
		const { token, session } = await createSession(account.id);
		const before = (await sessionRow(session.id)).lastUsedAt.getTime();

		// Within the hour nothing is written.
		const soon = new Date(before + 10 * 60 * 1000);
		expect((await validateSessionToken(token, soon))?.session.lastUsedAt.getTime()).toBe(before);

		const later = new Date(before + 10 * DAY);
		const renewed = await validateSessionToken(token, later);
		expect(renewed?.session.lastUsedAt.getTime()).toBe(Math.floor(later.getTime() / 1000) * 1000);
		expect((await sessionRow(session.id)).lastUsedAt.getTime()).toBeGreaterThan(before);

		// Ten more days after the renewal it still works: it counts from the last use.
		expect(await validateSessionToken(token, new Date(later.getTime() + 10 * DAY))).not.toBeNull();
	});

	it('signing out ends the session and removes the cookie', async () => {
		const account = await createTestAccount('volunteer');
		const { token, session } = await createSession(account.id);
		const { event, jar } = makeEvent('/fr/logout', { account, form: {} });
		event.locals.session = session;
		jar.set(SESSION_COOKIE, token);

		const result = await outcome(() => logoutActions.default(event as never));
		expect(result.thrown).toMatchObject({ status: 303, location: '/fr' });
		expect(jar.has(SESSION_COOKIE)).toBe(false);
		expect(await validateSessionToken(token)).toBeNull();
		expect(await sessionRow(session.id)).toBeUndefined();
	});

	it('signing out by opening the address (GET) does nothing but send you home', async () => {
		const account = await createTestAccount('volunteer');
		const { token } = await createSession(account.id);
		const { load } = await import('../../../routes/[lang=lang]/logout/+page.server');
		const { event } = makeEvent('/en/logout', { account });
		const result = await outcome(() => load(event as never));
		expect(result.thrown).toMatchObject({ status: 303, location: '/en' });
		expect(await validateSessionToken(token)).not.toBeNull();
	});

	it('switching an account off ends all its sessions at once', async () => {
		const account = await createTestAccount('worker');
		const first = await createSession(account.id);
		const second = await createSession(account.id);
		await disableAccount(account.id);
		expect(await validateSessionToken(first.token)).toBeNull();
		expect(await validateSessionToken(second.token)).toBeNull();
		expect(await db.$count(sessions, eq(sessions.accountId, account.id))).toBe(0);
	});

	it('ending all sessions of one account leaves other accounts signed in', async () => {
		const one = await createTestAccount('volunteer');
		const other = await createTestAccount('volunteer');
		const mine = await createSession(one.id);
		const theirs = await createSession(other.id);
		await invalidateAccountSessions(one.id);
		expect(await validateSessionToken(mine.token)).toBeNull();
		expect(await validateSessionToken(theirs.token)).not.toBeNull();
	});
});
