import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createScenario, sendCall, type Scenario } from '$lib/server/backup/spec-support';
import { liveEvents } from '$lib/server/live';
import { makeEvent, outcome } from '../../../../tests/support/events';
import { GET } from './+server';

let s: Scenario;

beforeAll(async () => {
	s = await createScenario();
});

afterAll(() => {
	liveEvents().close();
});

function asAccount(person: Scenario['vera']): SignedInAccount {
	return { ...person, username: person.displayName.toLowerCase() };
}

async function openStream(account: SignedInAccount | null) {
	const { event } = makeEvent('/api/stream', { account, params: {} });
	const leave = new AbortController();
	event.request = new Request(event.url, { signal: leave.signal });
	return { result: await outcome(() => GET(event as never)), leave };
}

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string) {
	const decoder = new TextDecoder();
	let seen = '';
	while (!seen.includes(text)) {
		const { value, done } = await reader.read();
		if (done) break;
		seen += decoder.decode(value);
	}
	return seen;
}

describe('GET /api/stream', () => {
	it('answers 401 to someone who is not signed in (an EventSource cannot follow a redirect)', async () => {
		const { result } = await openStream(null);
		expect(result.thrown?.status).toBe(401);
	});

	it('streams the volunteer’s own call and nothing of another volunteer’s call', async () => {
		const { result, leave } = await openStream(asAccount(s.wout));
		const response = result.returned as Response;
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reader = response.body!.getReader();
		await readUntil(reader, 'event: ready');
		// The one poller of this process fixes its starting point first.
		await liveEvents().pollOnce();

		const others = await sendCall(s, '2025-03-10T09:30');
		const own = await sendCall(s, '2025-03-10T09:31', { volunteerId: s.wout.id });
		const text = await readUntil(reader, `"callId":${own.call.id}`);
		expect(text).toContain('event: backup');
		expect(text).not.toContain(`"callId":${others.call.id},`);

		leave.abort();
		expect(liveEvents().size).toBe(0);
	});
});
