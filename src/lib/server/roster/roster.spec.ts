import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accounts } from '$lib/server/db/schema';
import {
	addDutyPattern,
	addDutyShift,
	findNextDutyStart,
	findRosterGaps,
	listCoordinators,
	listDutyNeighbourhoods,
	listOnDuty,
	listRoster,
	removeDutyPattern,
	removeDutyShift,
	RosterError,
	type NewDutyPattern
} from './index';
import { at, createNeighbourhood, createPerson } from './spec-support';

// 10 March 2025 is a Monday; the clocks go forward on Sunday 30 March 2025.

async function names(neighbourhoodId: number, wall: string) {
	return (await listOnDuty(neighbourhoodId, at(wall))).map((worker) => worker.displayName);
}

function weekdays(days: number[], pattern: Omit<NewDutyPattern, 'weekday'>) {
	return Promise.all(days.map((weekday) => addDutyPattern({ ...pattern, weekday })));
}

async function rosterError(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (thrown) {
		if (thrown instanceof RosterError) return { code: thrown.code, field: thrown.field };
		throw thrown;
	}
	throw new Error('expected a RosterError');
}

describe('who is on duty', () => {
	it('a weekly pattern puts a worker on duty on that weekday, between its times', async () => {
		const hood = await createNeighbourhood();
		const other = await createNeighbourhood();
		const amina = await createPerson('worker', 'Amina');
		await addDutyPattern({
			accountId: amina.id,
			neighbourhoodIds: [hood.id],
			weekday: 1,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2025-03-01'
		});

		expect(await names(hood.id, '2025-03-10T08:59')).toEqual([]);
		expect(await names(hood.id, '2025-03-10T09:00')).toEqual(['Amina']);
		expect(await names(hood.id, '2025-03-10T16:59')).toEqual(['Amina']);
		expect(await names(hood.id, '2025-03-10T17:00')).toEqual([]);
		expect(await names(hood.id, '2025-03-11T10:00')).toEqual([]);
		expect(await names(hood.id, '2025-03-17T10:00')).toEqual(['Amina']);
		expect(await names(other.id, '2025-03-10T10:00')).toEqual([]);

		const [worker] = await listOnDuty(hood.id, at('2025-03-10T10:00'));
		expect(worker).toEqual({
			id: amina.id,
			displayName: 'Amina',
			role: 'worker',
			phone: null,
			since: '2025-03-10T09:00',
			until: '2025-03-10T17:00'
		});
	});

	it('a pattern counts only within its valid dates', async () => {
		const hood = await createNeighbourhood();
		const bram = await createPerson('worker', 'Bram');
		await addDutyPattern({
			accountId: bram.id,
			neighbourhoodIds: [hood.id],
			weekday: 1,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2025-03-10',
			validUntil: '2025-03-17'
		});

		expect(await names(hood.id, '2025-03-03T10:00')).toEqual([]);
		expect(await names(hood.id, '2025-03-10T10:00')).toEqual(['Bram']);
		expect(await names(hood.id, '2025-03-17T16:30')).toEqual(['Bram']);
		expect(await names(hood.id, '2025-03-24T10:00')).toEqual([]);
	});

	it('an extra shift puts a worker on duty outside the pattern', async () => {
		const hood = await createNeighbourhood();
		const chloe = await createPerson('worker', 'Chloé');
		await addDutyShift({
			accountId: chloe.id,
			neighbourhoodIds: [hood.id],
			startsAt: '2025-03-12T18:00',
			endsAt: '2025-03-12T21:00',
			kind: 'extra'
		});

		expect(await names(hood.id, '2025-03-12T17:59')).toEqual([]);
		expect(await names(hood.id, '2025-03-12T19:00')).toEqual(['Chloé']);
		expect(await names(hood.id, '2025-03-12T21:00')).toEqual([]);
	});

	it('time off cancels the pattern for that period, only for the neighbourhoods it names', async () => {
		const hood = await createNeighbourhood();
		const other = await createNeighbourhood();
		const dries = await createPerson('worker', 'Dries');
		await addDutyPattern({
			accountId: dries.id,
			neighbourhoodIds: [hood.id, other.id],
			weekday: 1,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2025-03-01'
		});
		await addDutyShift({
			accountId: dries.id,
			neighbourhoodIds: [hood.id],
			startsAt: '2025-03-10T12:00',
			endsAt: '2025-03-10T13:00',
			kind: 'off'
		});

		expect(await names(hood.id, '2025-03-10T11:59')).toEqual(['Dries']);
		expect(await names(hood.id, '2025-03-10T12:30')).toEqual([]);
		expect(await names(other.id, '2025-03-10T12:30')).toEqual(['Dries']);
		expect(await names(hood.id, '2025-03-10T13:00')).toEqual(['Dries']);

		// Time off that names no neighbourhood is time off from all of them.
		await addDutyShift({
			accountId: dries.id,
			neighbourhoodIds: [],
			startsAt: '2025-03-17T00:00',
			endsAt: '2025-03-22T00:00',
			kind: 'off'
		});
		expect(await names(hood.id, '2025-03-17T10:00')).toEqual([]);
		expect(await names(other.id, '2025-03-17T10:00')).toEqual([]);
		expect(await names(other.id, '2025-03-24T10:00')).toEqual(['Dries']);
	});

	it('time off also cancels an extra shift', async () => {
		const hood = await createNeighbourhood();
		const elif = await createPerson('worker', 'Elif');
		await addDutyShift({
			accountId: elif.id,
			neighbourhoodIds: [hood.id],
			startsAt: '2025-03-15T10:00',
			endsAt: '2025-03-15T14:00',
			kind: 'extra'
		});
		await addDutyShift({
			accountId: elif.id,
			neighbourhoodIds: [],
			startsAt: '2025-03-15T11:00',
			endsAt: '2025-03-15T12:00',
			kind: 'off'
		});
		expect(await names(hood.id, '2025-03-15T10:30')).toEqual(['Elif']);
		expect(await names(hood.id, '2025-03-15T11:30')).toEqual([]);
	});

	it('lists who came on duty first first, then by account, so "the next worker" is stable', async () => {
		const hood = await createNeighbourhood();
		const late = await createPerson('worker', 'Late');
		const early = await createPerson('coordinator', 'Early');
		const same = await createPerson('worker', 'Same');
		for (const [person, startTime] of [
			[late, '10:00'],
			[early, '08:00'],
			[same, '10:00']
		] as const) {
			await addDutyPattern({
				accountId: person.id,
				neighbourhoodIds: [hood.id],
				weekday: 2,
				startTime,
				endTime: '18:00',
				validFrom: '2025-01-01'
			});
		}
		expect(await names(hood.id, '2025-03-11T11:00')).toEqual(['Early', 'Late', 'Same']);
	});

	it('a duty to midnight and one from midnight read as one stretch', async () => {
		const hood = await createNeighbourhood();
		const fatima = await createPerson('worker', 'Fatima');
		const base = { accountId: fatima.id, neighbourhoodIds: [hood.id], validFrom: '2025-01-01' };
		await addDutyPattern({ ...base, weekday: 5, startTime: '20:00', endTime: '24:00' });
		await addDutyPattern({ ...base, weekday: 6, startTime: '00:00', endTime: '02:00' });

		const [atMidnight] = await listOnDuty(hood.id, at('2025-03-15T00:30'));
		expect(atMidnight).toMatchObject({ since: '2025-03-14T20:00', until: '2025-03-15T02:00' });
		expect(await names(hood.id, '2025-03-14T23:59')).toEqual(['Fatima']);
		expect(await names(hood.id, '2025-03-15T02:00')).toEqual([]);
	});

	it('follows Brussels wall time across the change to summer time', async () => {
		const hood = await createNeighbourhood();
		const gust = await createPerson('worker', 'Gust');
		await addDutyPattern({
			accountId: gust.id,
			neighbourhoodIds: [hood.id],
			weekday: 1,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2025-01-01'
		});
		// 09:30 in Brussels is 08:30 UTC in winter and 07:30 UTC in summer.
		expect(await listOnDuty(hood.id, new Date('2025-03-24T08:30:00Z'))).toHaveLength(1);
		expect(await listOnDuty(hood.id, new Date('2025-03-31T07:30:00Z'))).toHaveLength(1);
		expect(await listOnDuty(hood.id, new Date('2025-03-31T15:30:00Z'))).toHaveLength(0);
	});

	it('a disabled account is never on duty', async () => {
		const hood = await createNeighbourhood();
		const hanne = await createPerson('worker', 'Hanne');
		await addDutyPattern({
			accountId: hanne.id,
			neighbourhoodIds: [hood.id],
			weekday: 1,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2025-01-01'
		});
		await db
			.update(accounts)
			.set({ disabledAt: '2025-03-01T00:00:00Z' })
			.where(eq(accounts.id, hanne.id));
		expect(await names(hood.id, '2025-03-10T10:00')).toEqual([]);
	});

	it('says which neighbourhoods someone is on duty for, and when the next person starts', async () => {
		const hood = await createNeighbourhood();
		const other = await createNeighbourhood();
		const ilse = await createPerson('worker', 'Ilse');
		const jonas = await createPerson('worker', 'Jonas');
		await addDutyPattern({
			accountId: ilse.id,
			neighbourhoodIds: [other.id, hood.id],
			weekday: 3,
			startTime: '09:00',
			endTime: '12:00',
			validFrom: '2025-01-01'
		});
		await addDutyPattern({
			accountId: jonas.id,
			neighbourhoodIds: [hood.id],
			weekday: 3,
			startTime: '13:00',
			endTime: '17:00',
			validFrom: '2025-01-01'
		});

		expect(await listDutyNeighbourhoods(ilse.id, at('2025-03-12T10:00'))).toEqual(
			[hood.id, other.id].sort((a, b) => a - b)
		);
		expect(await listDutyNeighbourhoods(ilse.id, at('2025-03-12T12:00'))).toEqual([]);

		const next = (after: string, until: string, except: number[] = []) =>
			findNextDutyStart(hood.id, at(after), at(until), except);
		expect(await next('2025-03-12T07:00', '2025-03-12T10:00')).toEqual(at('2025-03-12T09:00'));
		expect(await next('2025-03-12T07:00', '2025-03-12T08:30')).toBeNull();
		expect(await next('2025-03-12T10:00', '2025-03-12T18:00')).toEqual(at('2025-03-12T13:00'));
		expect(await next('2025-03-12T07:00', '2025-03-12T18:00', [ilse.id])).toEqual(
			at('2025-03-12T13:00')
		);
	});

	it('lists the coordinators whose account is active, by name', async () => {
		const zoe = await createPerson('coordinator', 'Zoë', { phone: '+32 2 555 01 01' });
		const anke = await createPerson('coordinator', 'Anke');
		const gone = await createPerson('coordinator', 'Gone');
		await db.update(accounts).set({ disabledAt: '2025-01-01' }).where(eq(accounts.id, gone.id));

		const coordinators = await listCoordinators();
		expect(coordinators.map((person) => person.displayName)).toEqual(
			expect.arrayContaining(['Anke', 'Zoë'])
		);
		expect(coordinators.map((person) => person.id)).not.toContain(gone.id);
		expect(coordinators.find((person) => person.id === zoe.id)?.phone).toBe('+32 2 555 01 01');
		const order = coordinators.map((person) => person.id);
		expect(order.indexOf(anke.id)).toBeLessThan(order.indexOf(zoe.id));
	});
});

describe('changing the roster', () => {
	let hoodId = 0;
	let workerId = 0;

	beforeAll(async () => {
		hoodId = (await createNeighbourhood()).id;
		workerId = (await createPerson('worker', 'Kaat')).id;
	});

	const pattern = (changes: Partial<NewDutyPattern> = {}): NewDutyPattern => ({
		accountId: workerId,
		neighbourhoodIds: [hoodId],
		weekday: 1,
		startTime: '09:00',
		endTime: '17:00',
		validFrom: '2025-03-01',
		...changes
	});

	it('refuses times that are not HH:mm, or that end before they start', async () => {
		expect(await rosterError(() => addDutyPattern(pattern({ startTime: '9:00' })))).toEqual({
			code: 'invalid-time',
			field: 'startTime'
		});
		expect(await rosterError(() => addDutyPattern(pattern({ endTime: '25:00' })))).toEqual({
			code: 'invalid-time',
			field: 'endTime'
		});
		expect(await rosterError(() => addDutyPattern(pattern({ startTime: '24:00' })))).toEqual({
			code: 'invalid-time',
			field: 'startTime'
		});
		expect(
			await rosterError(() => addDutyPattern(pattern({ startTime: '17:00', endTime: '09:00' })))
		).toEqual({ code: 'invalid-range', field: 'endTime' });
		expect(
			await rosterError(() => addDutyPattern(pattern({ startTime: '09:00', endTime: '09:00' })))
		).toEqual({ code: 'invalid-range', field: 'endTime' });
		const untilMidnight = await addDutyPattern(pattern({ startTime: '18:00', endTime: '24:00' }));
		expect(untilMidnight.endTime).toBe('24:00');
	});

	it('refuses a weekday outside 1–7, bad dates and an end date before the start', async () => {
		for (const weekday of [0, 8, 1.5]) {
			expect(await rosterError(() => addDutyPattern(pattern({ weekday })))).toEqual({
				code: 'invalid-weekday',
				field: 'weekday'
			});
		}
		expect(await rosterError(() => addDutyPattern(pattern({ validFrom: '2025-02-30' })))).toEqual({
			code: 'invalid-date',
			field: 'validFrom'
		});
		expect(await rosterError(() => addDutyPattern(pattern({ validUntil: '2025-02-01' })))).toEqual({
			code: 'invalid-range',
			field: 'validUntil'
		});
	});

	it('refuses unknown neighbourhoods and people who are not on the team', async () => {
		expect(await rosterError(() => addDutyPattern(pattern({ neighbourhoodIds: [] })))).toEqual({
			code: 'no-neighbourhoods',
			field: 'neighbourhoodIds'
		});
		expect(
			await rosterError(() => addDutyPattern(pattern({ neighbourhoodIds: [hoodId, 99_999] })))
		).toEqual({ code: 'unknown-neighbourhood', field: 'neighbourhoodIds' });
		expect(await rosterError(() => addDutyPattern(pattern({ accountId: 99_999 })))).toEqual({
			code: 'unknown-account',
			field: 'accountId'
		});
		const volunteer = await createPerson('volunteer', 'Lotte');
		expect(await rosterError(() => addDutyPattern(pattern({ accountId: volunteer.id })))).toEqual({
			code: 'not-on-the-team',
			field: 'accountId'
		});
	});

	it('refuses shifts that end before they start or lack neighbourhoods', async () => {
		const shift = {
			accountId: workerId,
			neighbourhoodIds: [hoodId],
			startsAt: '2025-03-12T18:00',
			endsAt: '2025-03-12T21:00',
			kind: 'extra' as const
		};
		expect(await rosterError(() => addDutyShift({ ...shift, endsAt: '2025-03-12T18:00' }))).toEqual(
			{ code: 'invalid-range', field: 'endsAt' }
		);
		expect(
			await rosterError(() => addDutyShift({ ...shift, startsAt: '2025-03-12 18:00' }))
		).toEqual({ code: 'invalid-date', field: 'startsAt' });
		expect(await rosterError(() => addDutyShift({ ...shift, neighbourhoodIds: [] }))).toEqual({
			code: 'no-neighbourhoods',
			field: 'neighbourhoodIds'
		});
		const off = await addDutyShift({ ...shift, kind: 'off', neighbourhoodIds: [] });
		expect(off.neighbourhoodIds).toEqual([]);
	});

	it('a removed pattern or shift no longer counts', async () => {
		const hood = await createNeighbourhood();
		const mo = await createPerson('worker', 'Mo');
		const weekly = await addDutyPattern({
			accountId: mo.id,
			neighbourhoodIds: [hood.id],
			weekday: 4,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2025-01-01'
		});
		const off = await addDutyShift({
			accountId: mo.id,
			neighbourhoodIds: [],
			startsAt: '2025-03-13T09:00',
			endsAt: '2025-03-13T17:00',
			kind: 'off'
		});
		expect(await names(hood.id, '2025-03-13T10:00')).toEqual([]);
		expect(await removeDutyShift(off.id)).toBe(true);
		expect(await names(hood.id, '2025-03-13T10:00')).toEqual(['Mo']);
		expect(await removeDutyPattern(weekly.id)).toBe(true);
		expect(await names(hood.id, '2025-03-13T10:00')).toEqual([]);
		expect(await removeDutyPattern(weekly.id)).toBe(false);
		expect(await removeDutyShift(off.id)).toBe(false);
	});
});

describe('gaps in the roster', () => {
	it('finds daytime periods with nobody on duty over two weeks, and joins touching ones', async () => {
		const hood = await createNeighbourhood();
		const empty = await createNeighbourhood();
		const nora = await createPerson('worker', 'Nora');
		const omar = await createPerson('worker', 'Omar');
		const base = { neighbourhoodIds: [hood.id], validFrom: '2025-01-01' };
		await weekdays([1, 2, 3, 4, 5], {
			...base,
			accountId: nora.id,
			startTime: '08:00',
			endTime: '15:00'
		});
		await weekdays([1, 2, 3, 4, 5], {
			...base,
			accountId: omar.id,
			startTime: '15:00',
			endTime: '22:00'
		});
		await addDutyShift({
			accountId: omar.id,
			neighbourhoodIds: [hood.id],
			startsAt: '2025-03-12T18:00',
			endsAt: '2025-03-12T22:00',
			kind: 'off'
		});

		const gaps = await findRosterGaps([hood.id, empty.id], at('2025-03-10T00:00'));
		expect(gaps.filter((gap) => gap.neighbourhoodId === hood.id)).toEqual([
			{
				neighbourhoodId: hood.id,
				start: '2025-03-12T18:00',
				end: '2025-03-12T22:00',
				minutes: 240
			},
			{
				neighbourhoodId: hood.id,
				start: '2025-03-15T08:00',
				end: '2025-03-15T22:00',
				minutes: 840
			},
			{
				neighbourhoodId: hood.id,
				start: '2025-03-16T08:00',
				end: '2025-03-16T22:00',
				minutes: 840
			},
			{
				neighbourhoodId: hood.id,
				start: '2025-03-22T08:00',
				end: '2025-03-22T22:00',
				minutes: 840
			},
			{ neighbourhoodId: hood.id, start: '2025-03-23T08:00', end: '2025-03-23T22:00', minutes: 840 }
		]);
		// Nobody at all: one gap for each of the fourteen days.
		expect(gaps.filter((gap) => gap.neighbourhoodId === empty.id)).toHaveLength(14);

		// Counting the whole day, the weekend is one gap from Friday night to Monday morning.
		const allDay = await findRosterGaps([hood.id], at('2025-03-10T00:00'), 7, {
			dayStart: '00:00',
			dayEnd: '24:00'
		});
		expect(allDay.map((gap) => `${gap.start}–${gap.end}`)).toEqual([
			'2025-03-10T00:00–2025-03-10T08:00',
			'2025-03-10T22:00–2025-03-11T08:00',
			'2025-03-11T22:00–2025-03-12T08:00',
			'2025-03-12T18:00–2025-03-13T08:00',
			'2025-03-13T22:00–2025-03-14T08:00',
			'2025-03-14T22:00–2025-03-17T00:00'
		]);
	});

	it('starts counting at the moment asked, not at midnight', async () => {
		const hood = await createNeighbourhood();
		const gaps = await findRosterGaps([hood.id], at('2025-03-10T10:30'), 1);
		expect(gaps).toEqual([
			{ neighbourhoodId: hood.id, start: '2025-03-10T10:30', end: '2025-03-10T22:00', minutes: 690 }
		]);
	});

	it('refuses day hours that are not times or end before they start', async () => {
		expect(
			await rosterError(() => findRosterGaps([1], at('2025-03-10T00:00'), 14, { dayEnd: '07:00' }))
		).toEqual({ code: 'invalid-range', field: 'dayEnd' });
	});
});

describe('the roster screen', () => {
	it('shows each day with who is on duty, time off taken out and shown', async () => {
		const hood = await createNeighbourhood();
		const other = await createNeighbourhood();
		const pieter = await createPerson('worker', 'Pieter');
		await addDutyPattern({
			accountId: pieter.id,
			neighbourhoodIds: [hood.id, other.id],
			weekday: 1,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2025-01-01'
		});
		await addDutyShift({
			accountId: pieter.id,
			neighbourhoodIds: [hood.id],
			startsAt: '2025-03-10T17:00',
			endsAt: '2025-03-10T19:00',
			kind: 'extra'
		});
		const off = await addDutyShift({
			accountId: pieter.id,
			neighbourhoodIds: [],
			startsAt: '2025-03-10T12:00',
			endsAt: '2025-03-10T13:00',
			kind: 'off'
		});

		const roster = await listRoster(at('2025-03-10T15:00'), 2, { neighbourhoodIds: [hood.id] });
		expect(roster.days.map((day) => [day.date, day.weekday])).toEqual([
			['2025-03-10', 1],
			['2025-03-11', 2]
		]);
		expect(roster.days[0].onDuty).toEqual([
			{
				accountId: pieter.id,
				displayName: 'Pieter',
				neighbourhoodIds: [hood.id],
				start: '09:00',
				end: '12:00'
			},
			{
				accountId: pieter.id,
				displayName: 'Pieter',
				neighbourhoodIds: [hood.id],
				start: '13:00',
				end: '19:00'
			}
		]);
		expect(roster.days[0].timeOff).toEqual([
			{
				shiftId: off.id,
				accountId: pieter.id,
				displayName: 'Pieter',
				neighbourhoodIds: [],
				start: '12:00',
				end: '13:00'
			}
		]);
		expect(roster.days[1].onDuty).toEqual([]);
		expect(roster.patterns.map((row) => row.displayName)).toEqual(['Pieter']);
		expect(roster.shifts.map((row) => row.kind).sort()).toEqual(['extra', 'off']);

		const both = await listRoster(at('2025-03-10T15:00'), 1, {
			neighbourhoodIds: [hood.id, other.id]
		});
		expect(
			both.days[0].onDuty.map((entry) => [entry.start, entry.end, entry.neighbourhoodIds])
		).toEqual([
			['09:00', '12:00', [hood.id, other.id].sort((a, b) => a - b)],
			['13:00', '17:00', [hood.id, other.id].sort((a, b) => a - b)],
			['17:00', '19:00', [hood.id]]
		]);
	});
});
