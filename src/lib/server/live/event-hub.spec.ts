import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeCall, findLatestEventId, listEventsAfter } from '$lib/server/backup';
import { at, createScenario, sendCall, type Scenario } from '$lib/server/backup/spec-support';
import { EventHub, type LiveCallEvent } from './event-hub';
import { openEventStream } from './event-stream';

let s: Scenario;
const hubs: EventHub[] = [];

beforeAll(async () => {
	s = await createScenario();
});

afterEach(() => {
	for (const hub of hubs.splice(0)) hub.close();
});

/** A hub that only reads when the test says so, counting its reads of the database. */
function quietHub() {
	const reads = { latest: 0, after: 0 };
	const hub = new EventHub({
		intervalMs: 60_000,
		heartbeatMs: 0,
		source: {
			latestId: () => {
				reads.latest += 1;
				return findLatestEventId();
			},
			after: (id, limit) => {
				reads.after += 1;
				return listEventsAfter(id, limit);
			}
		}
	});
	hubs.push(hub);
	return { hub, reads };
}

function listen(hub: EventHub, accountId: number) {
	const received: LiveCallEvent[] = [];
	const stop = hub.subscribe({ accountId, onEvent: (event) => received.push(event) });
	return { received, stop };
}

describe('the live event poller', () => {
	it('delivers a new call to the workers it was sent to and its volunteer, not to others', async () => {
		const { hub } = quietHub();
		const amina = listen(hub, s.amina.id);
		const vera = listen(hub, s.vera.id);
		const omar = listen(hub, s.omar.id);
		const wout = listen(hub, s.wout.id);
		await hub.pollOnce();

		const sent = await sendCall(s, '2025-03-10T09:30');
		await hub.pollOnce();

		// Each worker gets the call and the one "notified" event meant for them, not a colleague's.
		expect(amina.received.map((event) => event.type)).toEqual(['created', 'notified']);
		expect(amina.received.filter((event) => event.forYou)).toHaveLength(1);
		expect(amina.received.every((event) => event.callId === sent.call.id)).toBe(true);
		expect(vera.received.map((event) => event.type)).toContain('created');
		expect(vera.received.some((event) => event.forYou)).toBe(false);
		// Omar works next door and was not sent it; Wout is another volunteer.
		expect(omar.received).toEqual([]);
		expect(wout.received).toEqual([]);
	});

	it('tells the volunteer when a worker saw the call', async () => {
		const { hub } = quietHub();
		const sent = await sendCall(s, '2025-03-10T09:40');
		const vera = listen(hub, s.vera.id);
		await hub.pollOnce();
		expect(vera.received).toEqual([]);

		await acknowledgeCall(sent.call.id, s.bram.id, at('2025-03-10T09:41'));
		await hub.pollOnce();
		expect(vera.received).toMatchObject([
			{ callId: sent.call.id, type: 'acknowledged', status: 'acknowledged', forYou: false }
		]);
	});

	it('reads the database once per round, however many streams are open', async () => {
		const { hub, reads } = quietHub();
		const streams = Array.from({ length: 500 }, (_, index) =>
			listen(hub, index % 2 === 0 ? s.amina.id : s.omar.id)
		);
		await hub.pollOnce();
		await sendCall(s, '2025-03-10T10:00');
		const before = reads.after;
		await hub.pollOnce();

		expect(reads.after - before).toBe(1);
		expect(reads.latest).toBe(1);
		expect(streams.filter((stream) => stream.received.length > 0)).toHaveLength(250);
	});

	it('stops reading when the last stream closes', async () => {
		const { hub } = quietHub();
		const first = listen(hub, s.amina.id);
		const second = listen(hub, s.amina.id);
		expect(hub.size).toBe(2);
		first.stop();
		second.stop();
		first.stop();
		expect(hub.size).toBe(0);
	});

	it('polls by itself about every 200 ms while someone listens', async () => {
		const hub = new EventHub({ intervalMs: 20, heartbeatMs: 0 });
		hubs.push(hub);
		const amina = listen(hub, s.amina.id);
		// The first round fixes the starting point.
		await hub.pollOnce();
		await sendCall(s, '2025-03-10T10:10');
		await expect
			.poll(() => amina.received.length, { timeout: 2000, interval: 10 })
			.toBeGreaterThan(0);
	});
});

describe('the event stream', () => {
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

	it('is text/event-stream, says ready, sends changes and cleans up when the browser leaves', async () => {
		const hub = new EventHub({ intervalMs: 20, heartbeatMs: 30 });
		hubs.push(hub);
		const leave = new AbortController();
		const response = openEventStream({ accountId: s.amina.id, signal: leave.signal, hub });
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reader = response.body!.getReader();
		expect(await readUntil(reader, 'event: ready')).toContain('retry: 3000');
		expect(hub.size).toBe(1);
		await hub.pollOnce();

		const sent = await sendCall(s, '2025-03-10T10:20');
		const text = await readUntil(reader, '"forYou":true');
		expect(text).toContain('event: backup');
		expect(text).toContain(`"callId":${sent.call.id}`);
		expect(await readUntil(reader, ': heartbeat')).toContain(': heartbeat');

		leave.abort();
		expect(hub.size).toBe(0);
		expect((await reader.read()).done).toBe(true);
	});
});
