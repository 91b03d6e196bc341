import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accounts } from '$lib/server/db/schema';
import { createTestAccount, makeEvent, outcome } from '../../../../tests/support/events';
import { actions, load } from '../../../routes/[lang=lang]/login/+page.server';
import { disableAccount } from './accounts';
import { checkCredentials, safeNextPath } from './login';
import { hashPassword } from './password';
import { SESSION_COOKIE, validateSessionToken } from './session';

const PASSWORD = 'een lange zin als wachtwoord';
let addressCount = 0;

/** Each test signs in from its own address, so the limits of one never touch another. */
function nextAddress() {
	addressCount += 1;
	return `198.51.100.${addressCount}`;
}

async function accountWithPassword(username: string, role: 'volunteer' | 'worker' = 'volunteer') {
	const account = await createTestAccount(role, { username, displayName: username });
	await db
		.update(accounts)
		.set({ passwordHash: await hashPassword(PASSWORD) })
		.where(eq(accounts.id, account.id));
	return account;
}

async function signIn(
	form: Record<string, string>,
	{ path = '/nl/login', address = nextAddress() }: { path?: string; address?: string } = {}
) {
	const { event, jar } = makeEvent(path, { form, address });
	const result = await outcome(() => actions.default(event as never));
	return { ...result, jar };
}

type Failure = {
	status: number;
	data: { values: { username: string }; errors: Record<string, string> };
};

beforeAll(async () => {
	await accountWithPassword('vera');
	await accountWithPassword('lotte');
});

describe('signing in', () => {
	it('the right name and password set the cookie and go to the team pages', async () => {
		const result = await signIn({ username: 'vera', password: PASSWORD });
		expect(result.thrown).toMatchObject({ status: 303, location: '/nl/team' });
		const token = result.jar.get(SESSION_COOKIE);
		expect(token).toBeTruthy();
		expect((await validateSessionToken(token!))?.account.username).toBe('vera');
	});

	it('the name is not case sensitive and spaces around it do not matter', async () => {
		const result = await signIn({ username: '  Vera ', password: PASSWORD });
		expect(result.thrown).toMatchObject({ status: 303 });
	});

	it('goes back to the page that asked for signing in', async () => {
		const result = await signIn(
			{ username: 'vera', password: PASSWORD },
			{ path: '/fr/login?next=%2Ffr%2Fteam%2Fshifts%3Fweek%3D2' }
		);
		expect(result.thrown).toMatchObject({ status: 303, location: '/fr/team/shifts?week=2' });
	});

	it('never goes to another site: next=//evil.example is ignored', async () => {
		for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/']) {
			const result = await signIn(
				{ username: 'vera', password: PASSWORD },
				{ path: `/en/login?next=${encodeURIComponent(next)}` }
			);
			expect(result.thrown?.location, next).toBe('/en/team');
		}
		expect(safeNextPath('//evil.example')).toBeNull();
		expect(safeNextPath('/\\evil.example')).toBeNull();
		expect(safeNextPath('https://evil.example')).toBeNull();
		expect(safeNextPath('/\t/evil.example')).toBeNull();
		expect(safeNextPath('/nl/team/places?x=1')).toBe('/nl/team/places?x=1');
	});

	it('a wrong password gets 400, one plain message in the language, and the name back', async () => {
		const result = await signIn(
			{ username: 'vera', password: 'not the password' },
			{ path: '/fr/login' }
		);
		const failure = result.returned as Failure;
		expect(failure.status).toBe(400);
		expect(failure.data.errors).toEqual({
			form: 'Ce nom ou ce mot de passe n’est pas correct.'
		});
		expect(failure.data.values).toEqual({ username: 'vera' });
		expect(JSON.stringify(failure)).not.toContain('not the password');
		expect(result.jar.has(SESSION_COOKIE)).toBe(false);
	});

	it('an unknown name gets exactly the same answer as a wrong password', async () => {
		const wrongPassword = (await signIn({ username: 'vera', password: 'x'.repeat(12) }))
			.returned as Failure;
		const unknownName = (await signIn({ username: 'nobody-here', password: 'x'.repeat(12) }))
			.returned as Failure;
		expect(unknownName.status).toBe(wrongPassword.status);
		expect(unknownName.data.errors).toEqual(wrongPassword.data.errors);
	});

	it('an unknown name still costs a real password check', async () => {
		const started = performance.now();
		expect(await checkCredentials('nobody-at-all', 'some password')).toEqual({ status: 'wrong' });
		const unknownMs = performance.now() - started;
		const again = performance.now();
		expect(await checkCredentials('vera', 'some password')).toEqual({ status: 'wrong' });
		const knownMs = performance.now() - again;
		// Both run argon2 (several milliseconds); a lookup alone would take well under one.
		expect(unknownMs).toBeGreaterThan(3);
		expect(knownMs).toBeGreaterThan(3);
	});

	it('empty fields get a message next to each field', async () => {
		const result = await signIn({ username: '', password: '' }, { path: '/en/login' });
		const failure = result.returned as Failure;
		expect(failure.status).toBe(400);
		expect(failure.data.errors).toEqual({
			username: 'Please fill this in.',
			password: 'Please fill this in.'
		});
	});

	it('after five wrong passwords for one name, the sixth try gets 429 even if right', async () => {
		for (let i = 0; i < 5; i += 1) {
			const result = await signIn({ username: 'lotte', password: `wrong guess ${i}` });
			expect((result.returned as Failure).status).toBe(400);
		}
		const sixth = await signIn({ username: 'lotte', password: PASSWORD }, { path: '/nl/login' });
		const failure = sixth.returned as Failure;
		expect(failure.status).toBe(429);
		expect(failure.data.errors.form).toBe(
			'Te veel pogingen na elkaar. Wacht enkele minuten en probeer opnieuw.'
		);
		expect(failure.data.values).toEqual({ username: 'lotte' });
		// Someone else is not locked out by it.
		expect((await signIn({ username: 'vera', password: PASSWORD })).thrown?.status).toBe(303);
	});

	it('after five wrong tries from one address, that address waits, whatever the name', async () => {
		const address = nextAddress();
		for (let i = 0; i < 5; i += 1) {
			await signIn({ username: `guess-${i}`, password: 'wrong password' }, { address });
		}
		const result = await signIn({ username: 'vera', password: PASSWORD }, { address });
		expect((result.returned as Failure).status).toBe(429);
	});

	it('a switched-off account cannot sign in', async () => {
		const account = await accountWithPassword('bram');
		await disableAccount(account.id);
		const result = await signIn({ username: 'bram', password: PASSWORD }, { path: '/en/login' });
		const failure = result.returned as Failure;
		expect(failure.status).toBe(403);
		expect(failure.data.errors.form).toContain('switched off');
		expect(result.jar.has(SESSION_COOKIE)).toBe(false);
		// With a wrong password it looks like any other wrong try.
		const wrong = await signIn({ username: 'bram', password: 'wrong password' });
		expect((wrong.returned as Failure).status).toBe(400);
	});

	it('someone already signed in who opens the page goes to the team pages', async () => {
		const account = await createTestAccount('volunteer');
		const { event } = makeEvent('/fr/login', { account });
		expect((await outcome(() => load(event as never))).thrown).toMatchObject({
			status: 303,
			location: '/fr/team'
		});
		const visitor = makeEvent('/fr/login').event;
		expect((await outcome(() => load(visitor as never))).returned).toEqual({});
	});
});
