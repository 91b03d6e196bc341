import { beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/session';
import { findPublicRound } from '$lib/server/rounds/public';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount } from '../../../../tests/support/events';
import {
	endRoundDay,
	findTeamRoundDay,
	listRoundsToday,
	listTeamRoundsToday,
	markStopReached,
	setRunningLate,
	showRoundToday,
	type RoundDay
} from './live-status';
import { createLiveScenario } from './live-spec-support';

// A weekly Tuesday round. Tuesday 1 December is cancelled; Tuesday 8 December moves to
// Thursday 10 December at 14:00. Every test uses its own Tuesday, so they do not meet.
let roundId: number;
let worker: SignedInAccount;

const at = (wall: string) => wallTimeToDate(wall);

async function today(wall: string): Promise<RoundDay | null> {
	const round = await findPublicRound('koffiebus-test', 'nl');
	if (!round) throw new Error('test round missing');
	return showRoundToday(round, at(wall));
}

function times(day: RoundDay | null) {
	return day?.stops.map((stop) => [stop.position, stop.state, stop.expectedArrival.slice(11)]);
}

beforeAll(async () => {
	const scenario = await createLiveScenario();
	roundId = scenario.roundId;
	worker = await createTestAccount('worker', { neighbourhoodIds: [scenario.neighbourhoodId] });
});

describe('a round day nobody marks', () => {
	it('keeps the planned times, and has not started before the first stop', async () => {
		const day = await today('2026-11-24T09:00');
		expect(day).toMatchObject({
			date: '2026-11-24',
			day: '2026-11-24',
			phase: 'not-started',
			reported: false,
			delayMinutes: 0,
			currentStop: null,
			nextStop: 1
		});
		expect(times(day)).toEqual([
			[1, 'coming', '10:00'],
			[2, 'coming', '10:45'],
			[3, 'coming', '11:30'],
			[4, 'coming', '12:30']
		]);
	});

	it('follows the plan during the day and ends with the last stop', async () => {
		const during = await today('2026-11-24T10:50');
		expect(during).toMatchObject({ phase: 'under-way', reported: false, currentStop: 2 });
		expect(times(during)?.map(([, state]) => state)).toEqual(['done', 'here', 'coming', 'coming']);
		expect((await today('2026-11-24T13:00'))?.phase).toBe('ended');
	});

	it('is not there on a day the round does not ride', async () => {
		expect(await today('2026-11-25T10:00')).toBeNull();
	});
});

describe('the team marks the day', () => {
	it('"at stop 2, 15 minutes late" moves the stops not yet reached, and only those', async () => {
		const now = at('2026-11-17T10:50');
		const marked = await markStopReached({
			roundId,
			date: '2026-11-17',
			stop: 2,
			accountId: worker.id,
			now
		});
		expect(marked.ok).toBe(true);
		const late = await setRunningLate({
			roundId,
			date: '2026-11-17',
			minutes: 15,
			accountId: worker.id,
			now
		});
		expect(late.ok).toBe(true);

		const day = await today('2026-11-17T10:51');
		expect(day).toMatchObject({
			phase: 'under-way',
			reported: true,
			currentStop: 2,
			nextStop: 3,
			delayMinutes: 15,
			updatedAt: now.toISOString()
		});
		expect(times(day)).toEqual([
			[1, 'done', '10:00'],
			[2, 'here', '11:00'],
			[3, 'coming', '11:45'],
			[4, 'coming', '12:45']
		]);
		expect(day?.stops[2].plannedArrival).toBe('2026-11-17T11:30');

		await setRunningLate({ roundId, date: '2026-11-17', minutes: 0, accountId: worker.id, now });
		expect(times(await today('2026-11-17T10:52'))?.[2]).toEqual([3, 'coming', '11:30']);
	});

	it('running late before the first stop: not started until the later first arrival', async () => {
		const result = await setRunningLate({
			roundId,
			date: '2026-11-10',
			minutes: 15,
			accountId: worker.id,
			now: at('2026-11-10T09:30')
		});
		expect(result.ok).toBe(true);
		expect(await today('2026-11-10T10:10')).toMatchObject({
			phase: 'not-started',
			reported: true
		});
		expect(times(await today('2026-11-10T10:10'))?.[0]).toEqual([1, 'coming', '10:15']);
		expect(await today('2026-11-10T10:20')).toMatchObject({
			phase: 'under-way',
			currentStop: null,
			nextStop: 1
		});
	});

	it('ended early: the stops after the last one reached are skipped', async () => {
		const now = at('2026-11-03T11:00');
		await markStopReached({ roundId, date: '2026-11-03', stop: 2, accountId: worker.id, now });
		await setRunningLate({ roundId, date: '2026-11-03', minutes: 30, accountId: worker.id, now });
		const ended = await endRoundDay({
			roundId,
			date: '2026-11-03',
			early: true,
			accountId: worker.id,
			now
		});
		expect(ended.ok && ended.day).toMatchObject({
			phase: 'ended-early',
			currentStop: null,
			nextStop: null,
			delayMinutes: 0
		});
		expect(ended.ok && ended.day.stops.map((stop) => stop.state)).toEqual([
			'done',
			'done',
			'skipped',
			'skipped'
		]);

		// Once ended, "running late" means nothing; "we are here" carries on.
		const late = await setRunningLate({
			roundId,
			date: '2026-11-03',
			minutes: 5,
			accountId: worker.id,
			now
		});
		expect(late).toEqual({ ok: false, problem: 'ended' });
		const again = await markStopReached({
			roundId,
			date: '2026-11-03',
			stop: 3,
			accountId: worker.id,
			now
		});
		expect(again.ok && again.day).toMatchObject({ phase: 'under-way', currentStop: 3 });
		// The delay said before the early end is still there when the day carries on.
		expect(again.ok && again.day.delayMinutes).toBe(30);

		const done = await endRoundDay({
			roundId,
			date: '2026-11-03',
			early: false,
			accountId: worker.id,
			now
		});
		expect(done.ok && done.day.phase).toBe('ended');
		expect(done.ok && done.day.stops.every((stop) => stop.state === 'done')).toBe(true);
	});

	it('a day left "at a stop" is over an hour after the last stop should have ended', async () => {
		await markStopReached({
			roundId,
			date: '2026-12-15',
			stop: 4,
			accountId: worker.id,
			now: at('2026-12-15T12:30')
		});
		expect((await today('2026-12-15T13:59'))?.phase).toBe('under-way');
		expect(await today('2026-12-15T14:00')).toMatchObject({ phase: 'ended', currentStop: null });
	});
});

describe('what the team may mark', () => {
	it('a moved date counts on its new day, not on its old one', async () => {
		const moved = await today('2026-12-10T13:00');
		expect(moved).toMatchObject({ date: '2026-12-08', day: '2026-12-10', phase: 'not-started' });
		expect(times(moved)?.map(([, , time]) => time)).toEqual(['14:00', '14:45', '15:30', '16:30']);
		const marked = await markStopReached({
			roundId,
			date: '2026-12-08',
			stop: 1,
			accountId: worker.id,
			now: at('2026-12-10T14:05')
		});
		expect(marked.ok && marked.day).toMatchObject({ day: '2026-12-10', currentStop: 1 });

		expect(await today('2026-12-08T10:00')).toBeNull();
		const onOldDay = await markStopReached({
			roundId,
			date: '2026-12-08',
			stop: 1,
			accountId: worker.id,
			now: at('2026-12-08T10:00')
		});
		expect(onOldDay).toEqual({ ok: false, problem: 'not-today' });
	});

	it('a cancelled date cannot be started, and residents read that it is cancelled', async () => {
		const now = at('2026-12-01T10:00');
		for (const attempt of [
			markStopReached({ roundId, date: '2026-12-01', stop: 1, accountId: worker.id, now }),
			setRunningLate({ roundId, date: '2026-12-01', minutes: 5, accountId: worker.id, now }),
			endRoundDay({ roundId, date: '2026-12-01', early: true, accountId: worker.id, now })
		]) {
			expect(await attempt).toEqual({ ok: false, problem: 'cancelled' });
		}
		expect(await today('2026-12-01T10:00')).toMatchObject({
			phase: 'cancelled',
			note: { nl: 'Het busje is in herstelling.' }
		});
	});

	it('refuses a stop that is not on the round, a date that is not today and a wild delay', async () => {
		const now = at('2026-11-24T10:00');
		const date = '2026-11-24';
		const base = { roundId, accountId: worker.id, now };
		for (const stop of [0, 5, -1]) {
			expect(await markStopReached({ ...base, date, stop })).toEqual({
				ok: false,
				problem: 'no-stop'
			});
		}
		for (const other of ['2026-11-17', '2026-11-25', '24-11-2026', '', '2026-02-30']) {
			expect(await markStopReached({ ...base, date: other, stop: 1 })).toEqual({
				ok: false,
				problem: 'not-today'
			});
		}
		for (const minutes of [-5, 241, 2.5, Number.NaN]) {
			expect(await setRunningLate({ ...base, date, minutes })).toEqual({
				ok: false,
				problem: 'bad-delay'
			});
		}
		expect(await markStopReached({ ...base, roundId: 999999, date, stop: 1 })).toEqual({
			ok: false,
			problem: 'no-round'
		});
		// Nothing of this reached the residents.
		expect((await today('2026-11-24T10:00'))?.reported).toBe(false);
	});
});

describe('lists of today', () => {
	it('the listing names only rounds the viewer may see, and not once they are over', async () => {
		const now = at('2026-11-24T09:00');
		expect((await listRoundsToday('nl', { kind: 'visitor' }, now)).map((r) => r.slug)).toEqual([
			'koffiebus-test'
		]);
		expect((await listRoundsToday('nl', { kind: 'member' }, now)).map((r) => r.slug)).toEqual([
			'koffiebus-test',
			'ledenbus'
		]);
		expect(await listRoundsToday('nl', { kind: 'visitor' }, at('2026-11-24T13:30'))).toEqual([]);
	});

	it('the team sees every round of today, hidden ones too, and who changed it last', async () => {
		const now = at('2026-11-17T10:55');
		const list = await listTeamRoundsToday('nl', now);
		expect(list.map((round) => round.slug).sort()).toEqual([
			'koffiebus-test',
			'ledenbus',
			'verborgen-bus'
		]);
		const found = await findTeamRoundDay(roundId, 'nl', { now });
		expect(found?.changedBy).toBe(worker.displayName);
		expect(found?.day?.currentStop).toBe(2);
		expect(await findTeamRoundDay(999999, 'nl', { now })).toBeUndefined();
	});
});
