import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	flushOutbox,
	OUTBOX_KEY,
	readOutbox,
	saveToOutbox,
	type OutboxEnvironment,
	type OutboxItem
} from '$lib/backup-outbox';
import { db } from '$lib/server/db';
import { backupCalls } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createScenario, type Scenario } from '$lib/server/backup/spec-support';
import { makeEvent } from '../../../../tests/support/events';
import { POST } from './+server';

let s: Scenario;

beforeAll(async () => {
	vi.stubEnv('KWARTIER_NOW', '2025-03-10T09:30:00+01:00');
	s = await createScenario();
});

afterAll(() => {
	vi.unstubAllEnvs();
});

/** A device: its storage, whether it is online, and a fetch that reaches the real endpoint. */
function device(account: SignedInAccount | null) {
	const stored = new Map<string, string>();
	const state = { online: true, broken: false, posts: 0 };
	const env: OutboxEnvironment = {
		storage: {
			getItem: (key) => stored.get(key) ?? null,
			setItem: (key, value) => void stored.set(key, value)
		},
		isOnline: () => state.online,
		fetch: (async (path: string, init: RequestInit) => {
			state.posts += 1;
			if (state.broken) throw new TypeError('Failed to fetch');
			const { event } = makeEvent(String(path), { account, params: {} });
			event.request = new Request(event.url, {
				method: 'POST',
				headers: { ...(init.headers as Record<string, string>), origin: 'http://localhost' },
				body: init.body
			});
			return (await POST(event as never)) as Response;
		}) as typeof fetch
	};
	return { env, state, stored };
}

function asAccount(person: Scenario['vera']): SignedInAccount {
	return { ...person, username: person.displayName.toLowerCase() };
}

function item(changes: Partial<OutboxItem['values']> = {}): OutboxItem {
	return {
		deviceCallId: randomUUID(),
		values: {
			where: 'here',
			lat: '50.8467',
			lon: '4.3525',
			urgency: 'call-me',
			helpKind: 'advice',
			note: '',
			...changes
		},
		accountId: s.vera.id,
		locale: 'en',
		savedAt: new Date().toISOString()
	};
}

async function stored(deviceCallId: string) {
	return db.$count(backupCalls, eq(backupCalls.deviceCallId, deviceCallId));
}

describe('the browser outbox', () => {
	it('keeps a call made offline, and sends it exactly once when the connection is back', async () => {
		const { env, state } = device(asAccount(s.vera));
		const call = item();
		state.online = false;
		saveToOutbox(call, env);

		expect(await flushOutbox(env)).toMatchObject([{ kind: 'waiting', reason: 'offline' }]);
		expect(state.posts).toBe(0);
		expect(readOutbox(env)).toHaveLength(1);

		state.online = true;
		const [result] = await flushOutbox(env);
		expect(result).toMatchObject({ kind: 'sent', answer: { created: true, sentTo: 2 } });
		expect(readOutbox(env)).toEqual([]);
		// A second "online" finds nothing left to send.
		expect(await flushOutbox(env)).toEqual([]);
		expect(await stored(call.deviceCallId)).toBe(1);
	});

	it('keeps the call when the network fails, and a repeat after a lost answer stores it once', async () => {
		const { env, state } = device(asAccount(s.vera));
		const call = item();
		saveToOutbox(call, env);
		state.broken = true;
		expect(await flushOutbox(env)).toMatchObject([{ kind: 'waiting', reason: 'network' }]);
		expect(readOutbox(env)).toHaveLength(1);

		state.broken = false;
		// Two tabs coming back online at once.
		const [one, two] = await Promise.all([flushOutbox(env), flushOutbox(env)]);
		expect([...one, ...two].filter((result) => result.kind === 'sent').length).toBeGreaterThan(0);
		expect(await stored(call.deviceCallId)).toBe(1);
		expect(readOutbox(env)).toEqual([]);
	});

	it('keeps the call while nobody is signed in (401), and for its own maker only', async () => {
		const call = item();
		const signedOut = device(null);
		saveToOutbox(call, signedOut.env);
		expect(await flushOutbox(signedOut.env)).toMatchObject([
			{ kind: 'waiting', reason: 'signed-out' }
		]);
		const someoneElse = device(asAccount(s.wout));
		saveToOutbox(call, someoneElse.env);
		expect(await flushOutbox(someoneElse.env)).toMatchObject([
			{ kind: 'waiting', reason: 'signed-out' }
		]);
		expect(readOutbox(someoneElse.env)).toHaveLength(1);
		expect(await stored(call.deviceCallId)).toBe(0);
	});

	it('drops a call the server will never take, with the reasons in the volunteer’s language', async () => {
		const { env } = device(asAccount(s.vera));
		const call = item({ urgency: '' });
		saveToOutbox(call, env);
		expect(await flushOutbox(env)).toMatchObject([
			{ kind: 'rejected', status: 400, errors: { urgency: 'Choose how urgent it is.' } }
		]);
		expect(readOutbox(env)).toEqual([]);
	});

	it('survives broken storage content', () => {
		const { env, stored: raw } = device(asAccount(s.vera));
		raw.set(OUTBOX_KEY, '{not json');
		expect(readOutbox(env)).toEqual([]);
	});
});
