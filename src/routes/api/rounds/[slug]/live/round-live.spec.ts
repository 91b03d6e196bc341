import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/server/db';
import { rounds } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createLiveScenario, type LiveScenario } from '$lib/server/outreach/live-spec-support';
import { markStopReached, setRunningLate } from '$lib/server/outreach/live-status';
import { liveRoundDays } from '$lib/server/outreach/live-stream';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount, makeEvent, outcome } from '../../../../../../tests/support/events';
import { load as loadRoundPage } from '../../../../[lang=lang]/rounds/[slug]/+page.server';
import { GET } from './+server';

let s: LiveScenario;
let worker: SignedInAccount;
const NOW = '2026-11-24T10:30';

beforeAll(async () => {
	s = await createLiveScenario();
	worker = await createTestAccount('worker', { neighbourhoodIds: [s.neighbourhoodId] });
});

beforeEach(() => {
	vi.stubEnv('KWARTIER_NOW', wallTimeToDate(NOW).toISOString());
});

afterAll(() => {
	liveRoundDays().close();
	vi.unstubAllEnvs();
});

async function openStream(slug: string, account: SignedInAccount | null = null) {
	const { event } = makeEvent(`/api/rounds/${slug}/live`, { account, params: { slug } });
	const leave = new AbortController();
	event.request = new Request(event.url, { signal: leave.signal });
	return { result: await outcome(() => GET(event as never)), leave };
}

type Frame = { event: string; data: string };

/** Reads frames until one passes the test; each frame is `event:` and `data:` lines. */
function frames(response: Response) {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	return async function next(test: (frame: Frame) => boolean): Promise<Frame> {
		for (;;) {
			const end = buffer.indexOf('\n\n');
			if (end >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const frame = { event: '', data: '' };
				for (const line of block.split('\n')) {
					if (line.startsWith('event: ')) frame.event = line.slice(7);
					if (line.startsWith('data: ')) frame.data = line.slice(6);
				}
				if (frame.event && test(frame)) return frame;
				continue;
			}
			await liveRoundDays().pollOnce();
			const { value, done } = await reader.read();
			if (done) throw new Error('stream ended');
			buffer += decoder.decode(value);
		}
	};
}

async function pageLoad(slug: string, account: SignedInAccount | null = null) {
	const { event } = makeEvent(`/nl/rounds/${slug}`, { account, params: { lang: 'nl', slug } });
	return outcome(() => loadRoundPage(event as never));
}

describe('GET /api/rounds/[slug]/live', () => {
	it('pushes the status as the team changes it, and the page says the same after a reload', async () => {
		const { result, leave } = await openStream('koffiebus-test');
		const response = result.returned as Response;
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const next = frames(response);

		const first = JSON.parse((await next((frame) => frame.event === 'status')).data);
		expect(first).toMatchObject({ date: '2026-11-24', phase: 'under-way', reported: false });

		await markStopReached({
			roundId: s.roundId,
			date: '2026-11-24',
			stop: 2,
			accountId: worker.id
		});
		await setRunningLate({
			roundId: s.roundId,
			date: '2026-11-24',
			minutes: 15,
			accountId: worker.id
		});
		const pushed = await next(
			(frame) => frame.event === 'status' && JSON.parse(frame.data).delayMinutes === 15
		);
		const day = JSON.parse(pushed.data);
		expect(day).toMatchObject({ currentStop: 2, nextStop: 3, delayMinutes: 15, reported: true });
		// The team member's name stays in the team's screens.
		expect(pushed.data).not.toContain(worker.displayName);

		// A reload: the page load gives exactly what the stream last said.
		const reloaded = await pageLoad('koffiebus-test');
		expect((reloaded.returned as { live: unknown }).live).toEqual(day);

		leave.abort();
		expect(liveRoundDays().size).toBe(0);
	});

	it('one reader serves every open page: nothing is sent that did not change', async () => {
		const pages = await Promise.all([openStream('koffiebus-test'), openStream('koffiebus-test')]);
		const readers = pages.map(({ result }) => frames(result.returned as Response));
		for (const next of readers) await next((frame) => frame.event === 'status');
		expect(liveRoundDays().size).toBe(2);
		await markStopReached({
			roundId: s.roundId,
			date: '2026-11-24',
			stop: 3,
			accountId: worker.id
		});
		for (const next of readers) {
			const frame = await next((candidate) => candidate.event === 'status');
			expect(JSON.parse(frame.data).currentStop).toBe(3);
		}
		for (const { leave } of pages) leave.abort();
		expect(liveRoundDays().size).toBe(0);
	});

	it('a visitor gets 404 for a members-only or hidden round, exactly like the page', async () => {
		for (const slug of ['ledenbus', 'verborgen-bus', 'bestaat-niet']) {
			expect((await openStream(slug)).result.thrown?.status, slug).toBe(404);
			expect((await pageLoad(slug)).thrown?.status, slug).toBe(404);
		}
	});

	it('a team member gets the members-only round, and never a hidden one', async () => {
		const { result, leave } = await openStream('ledenbus', worker);
		expect((result.returned as Response).status).toBe(200);
		leave.abort();
		expect((await openStream('verborgen-bus', worker)).result.thrown?.status).toBe(404);
		expect((await pageLoad('verborgen-bus', worker)).thrown?.status).toBe(404);
	});

	it('a round made members-only while a visitor watches stops streaming to them', async () => {
		const { result } = await openStream('koffiebus-test');
		const next = frames(result.returned as Response);
		await next((frame) => frame.event === 'status');
		await db.update(rounds).set({ visibility: 'members' }).where(eq(rounds.id, s.roundId));
		try {
			await markStopReached({
				roundId: s.roundId,
				date: '2026-11-24',
				stop: 4,
				accountId: worker.id
			});
			const frame = await next(() => true);
			expect(frame.event).toBe('gone');
			expect(liveRoundDays().size).toBe(0);
		} finally {
			await db.update(rounds).set({ visibility: 'public' }).where(eq(rounds.id, s.roundId));
		}
	});
});
