import { beforeAll, describe, expect, it } from 'vitest';
import {
	archiveGathering,
	cancelOccurrence,
	createGathering,
	moveOccurrence,
	type GatheringInput
} from '$lib/server/gatherings/manage';
import { createRound } from '$lib/server/rounds/manage';
import { addDutyPattern, addDutyShift } from '$lib/server/roster';
import { createNeighbourhood, createPerson } from '$lib/server/roster/spec-support';
import { buildOutreachCalendar, type CalendarEntry, type CalendarQuery } from './calendar';
import { addAccountToTeam, addPartnerToTeam, type OutreachTarget } from './team';

// Tuesday 24 November 2026; four weeks run to Monday 21 December included.
const NOW = '2026-11-24T10:30';

const hoods = { north: 0, south: 0 };
const ids = { round: 0, walk: 0, southWalk: 0, dropIn: 0, circle: 0, archived: 0 };
type Person = Awaited<ReturnType<typeof createPerson>>;
const people = {} as Record<'sara' | 'omar' | 'mehmet' | 'noor' | 'yasmina', Person>;

function gathering(overrides: Partial<GatheringInput>): GatheringInput {
	return {
		kind: 'walk',
		title: { nl: 'Wandeling Noord', en: 'North walk' },
		description: { nl: 'Samen wandelen.' },
		placeId: null,
		lat: 50.84,
		lon: 4.34,
		pointName: 'Aan de kerk',
		neighbourhoodId: hoods.north,
		startsAt: '2026-11-06T10:30',
		durationMinutes: 75,
		rrule: 'FREQ=WEEKLY;BYDAY=FR',
		host: 'Buurtwerk',
		walkIn: true,
		cost: 'free',
		languages: ['nl'],
		visibility: 'public',
		helpersNeeded: null,
		...overrides
	};
}

async function calendar(query: Partial<CalendarQuery> = {}) {
	return buildOutreachCalendar({ from: '2026-11-24', days: 28, now: NOW, locale: 'en', ...query });
}

function entriesOf(result: Awaited<ReturnType<typeof calendar>>): CalendarEntry[] {
	return result.weeks.flatMap((week) => week.days.flatMap((day) => day.entries));
}

async function entry(key: string, query: Partial<CalendarQuery> = {}) {
	const found = entriesOf(await calendar(query)).find((candidate) => candidate.key === key);
	if (!found) throw new Error(`No calendar entry ${key}`);
	return found;
}

async function put(person: Person, target: OutreachTarget, date: string) {
	const result = await addAccountToTeam({ target, date, accountId: person.id, addedBy: null });
	if (!result.ok) throw new Error(result.reason);
}

beforeAll(async () => {
	const north = await createNeighbourhood();
	const south = await createNeighbourhood();
	hoods.north = north.id;
	hoods.south = south.id;
	people.sara = await createPerson('worker', 'Sara');
	people.omar = await createPerson('worker', 'Omar');
	people.mehmet = await createPerson('worker', 'Mehmet');
	people.noor = await createPerson('coordinator', 'Noor');
	people.yasmina = await createPerson('volunteer', 'Yasmina');

	// The first Wednesday of the month: 2 December. Stops 10:00 to 12:00.
	ids.round = (
		await createRound(
			{
				name: { nl: 'Koffiebus Noord', en: 'North coffee bus' },
				description: { nl: 'Koffie.' },
				neighbourhoodId: hoods.north,
				startsAt: '2026-11-04T09:30',
				rrule: 'FREQ=MONTHLY;BYDAY=1WE',
				partners: [],
				visibility: 'public'
			},
			[
				{ street: 'Kerkstraat', lat: 50.84, lon: 4.34, arrivalTime: '10:00', stayMinutes: 60 },
				{ street: 'Marktplein', lat: 50.85, lon: 4.35, arrivalTime: '11:00', stayMinutes: 60 }
			]
		)
	).id;
	ids.walk = (await createGathering(gathering({}))).id;
	ids.southWalk = (
		await createGathering(
			gathering({
				title: { nl: 'Wandeling Zuid', en: 'South walk' },
				neighbourhoodId: hoods.south,
				startsAt: '2026-11-06T11:00',
				durationMinutes: 60
			})
		)
	).id;
	ids.dropIn = (
		await createGathering(
			gathering({
				kind: 'drop-in-hour',
				title: { nl: 'Spreekuur Zuid', en: 'South drop-in hour' },
				neighbourhoodId: hoods.south,
				startsAt: '2026-11-03T14:00',
				durationMinutes: 120,
				rrule: 'FREQ=WEEKLY;BYDAY=TU',
				visibility: 'hidden'
			})
		)
	).id;
	ids.circle = (
		await createGathering(gathering({ kind: 'open-circle', title: { en: 'Open circle' } }))
	).id;
	ids.archived = (await createGathering(gathering({ title: { en: 'Old walk' } }))).id;
	await archiveGathering(ids.archived);

	await cancelOccurrence({ gatheringId: ids.walk }, '2026-12-11', { en: 'Too cold.' });
	await moveOccurrence({ gatheringId: ids.dropIn }, '2026-12-08', '2026-12-09T10:00', null);
});

describe('the outreach calendar', () => {
	it('lists every round date, walk and drop-in hour of four weeks, hidden ones too', async () => {
		const result = await calendar();
		expect(result.from).toBe('2026-11-24');
		expect(result.until).toBe('2026-12-22');
		const listed = entriesOf(result).map((entry) => `${entry.start} ${entry.title.text}`);
		expect(listed).toEqual([
			'2026-11-24T14:00 South drop-in hour',
			'2026-11-27T10:30 North walk',
			'2026-11-27T11:00 South walk',
			'2026-12-01T14:00 South drop-in hour',
			'2026-12-02T10:00 North coffee bus',
			'2026-12-04T10:30 North walk',
			'2026-12-04T11:00 South walk',
			'2026-12-09T10:00 South drop-in hour',
			'2026-12-11T10:30 North walk',
			'2026-12-11T11:00 South walk',
			'2026-12-15T14:00 South drop-in hour',
			'2026-12-18T10:30 North walk',
			'2026-12-18T11:00 South walk'
		]);
		// The weeks run from Monday; the first one starts before today.
		expect(result.weeks.map((week) => week.monday)).toEqual([
			'2026-11-23',
			'2026-11-30',
			'2026-12-07',
			'2026-12-14',
			'2026-12-21'
		]);
		expect(result.weeks[4].days).toEqual([]);
		const round = entriesOf(result).find((entry) => entry.kind === 'round');
		expect(round).toMatchObject({
			key: `round-${ids.round}-2026-12-02`,
			end: '2026-12-02T12:00',
			where: { text: 'Kerkstraat' },
			neighbourhood: { id: hoods.north }
		});
		expect(entriesOf(result).find((entry) => entry.kind === 'drop-in-hour')?.visibility).toBe(
			'hidden'
		);
	});

	it('shows a cancelled date as cancelled, never as a gap, and a moved date on its new day', async () => {
		const cancelled = await entry(`gathering-${ids.walk}-2026-12-11`);
		expect(cancelled).toMatchObject({
			status: 'cancelled',
			gap: false,
			note: { text: 'Too cold.' }
		});
		const moved = await entry(`gathering-${ids.dropIn}-2026-12-08`);
		expect(moved).toMatchObject({
			status: 'moved',
			originalDate: '2026-12-08',
			start: '2026-12-09T10:00',
			end: '2026-12-09T12:00'
		});
		const week = (await calendar()).weeks.find((candidate) => candidate.monday === '2026-12-07');
		expect(week?.days.map((day) => day.date)).toEqual(['2026-12-09', '2026-12-11']);
	});

	it('a date without a team is a gap until someone is on it; a partner counts too', async () => {
		const key = `gathering-${ids.walk}-2026-11-27`;
		expect(await entry(key)).toMatchObject({ gap: true, team: [] });
		await addPartnerToTeam({
			target: { gatheringId: ids.walk },
			date: '2026-11-27',
			name: 'Jonas (CAW)',
			phone: '0470 00 00 00',
			addedBy: null
		});
		const planned = await entry(key);
		expect(planned.gap).toBe(false);
		// The calendar shows names; phone numbers are for the route sheet.
		expect(planned.team).toEqual([expect.objectContaining({ name: 'Jonas (CAW)', phone: null })]);
	});

	it('a date that is over is no gap any more', async () => {
		const key = `gathering-${ids.dropIn}-2026-11-24`;
		expect(await entry(key)).toMatchObject({ gap: true, past: false });
		expect(await entry(key, { now: '2026-11-24T16:00' })).toMatchObject({ gap: false, past: true });
	});

	it('time off on the roster is a conflict, unless it is time off in another neighbourhood only', async () => {
		const target = { roundId: ids.round };
		await put(people.sara, target, '2026-12-02');
		await put(people.mehmet, target, '2026-12-02');
		await addDutyShift({
			accountId: people.sara.id,
			neighbourhoodIds: [],
			startsAt: '2026-12-02T09:00',
			endsAt: '2026-12-02T13:00',
			kind: 'off'
		});
		await addDutyShift({
			accountId: people.mehmet.id,
			neighbourhoodIds: [hoods.south],
			startsAt: '2026-12-02T09:00',
			endsAt: '2026-12-02T13:00',
			kind: 'off'
		});
		const found = await entry(`round-${ids.round}-2026-12-02`);
		expect(found.conflicts).toEqual([
			{ kind: 'time-off', accountId: people.sara.id, name: 'Sara' }
		]);
	});

	it('backup duty for another neighbourhood at the same time is a conflict; for this one it is not', async () => {
		await addDutyPattern({
			accountId: people.omar.id,
			neighbourhoodIds: [hoods.south],
			weekday: 5,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2026-11-01'
		});
		await addDutyPattern({
			accountId: people.mehmet.id,
			neighbourhoodIds: [hoods.north],
			weekday: 5,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2026-11-01'
		});
		const target = { gatheringId: ids.walk };
		await put(people.omar, target, '2026-12-04');
		await put(people.mehmet, target, '2026-12-04');
		const found = await entry(`gathering-${ids.walk}-2026-12-04`);
		const south = (await entry(`gathering-${ids.southWalk}-2026-12-04`)).neighbourhood.name;
		expect(found.conflicts).toEqual([
			{ kind: 'duty-elsewhere', accountId: people.omar.id, name: 'Omar', neighbourhoods: [south] }
		]);
		// Time off from that duty takes the conflict away.
		await addDutyShift({
			accountId: people.omar.id,
			neighbourhoodIds: [hoods.south],
			startsAt: '2026-12-04T08:00',
			endsAt: '2026-12-04T12:00',
			kind: 'off'
		});
		expect((await entry(`gathering-${ids.walk}-2026-12-04`)).conflicts).toEqual([]);
	});

	it('someone on two teams at the same time is a conflict on both', async () => {
		await put(people.noor, { gatheringId: ids.walk }, '2026-12-18');
		await put(people.noor, { gatheringId: ids.southWalk }, '2026-12-18');
		expect((await entry(`gathering-${ids.walk}-2026-12-18`)).conflicts).toEqual([
			{ kind: 'double-booked', accountId: people.noor.id, name: 'Noor', other: 'South walk' }
		]);
		expect((await entry(`gathering-${ids.southWalk}-2026-12-18`)).conflicts).toEqual([
			{ kind: 'double-booked', accountId: people.noor.id, name: 'Noor', other: 'North walk' }
		]);
	});

	it('filters by neighbourhood and shows only gaps, conflicts or my own dates when asked', async () => {
		await put(people.yasmina, { gatheringId: ids.dropIn }, '2026-12-15');
		const south = await calendar({ neighbourhoodId: hoods.south });
		expect(entriesOf(south).every((entry) => entry.neighbourhood.id === hoods.south)).toBe(true);
		// The conflict with the north walk is still found when only the south is shown.
		expect(
			entriesOf(south).find((entry) => entry.key === `gathering-${ids.southWalk}-2026-12-18`)
				?.conflicts
		).toHaveLength(1);

		const gaps = entriesOf(await calendar({ show: 'gaps' }));
		expect(gaps.length).toBeGreaterThan(0);
		expect(gaps.every((entry) => entry.gap)).toBe(true);

		const mine = await calendar({ show: 'mine', viewerId: people.yasmina.id });
		expect(entriesOf(mine).map((entry) => entry.key)).toEqual([
			`gathering-${ids.dropIn}-2026-12-15`
		]);
		expect(entriesOf(mine)[0].mine).toBe(true);
		// The counts are over everything shown before the choice narrows the list.
		const all = await calendar({ viewerId: people.yasmina.id });
		expect(mine.counts).toEqual(all.counts);
		expect(all.counts).toMatchObject({
			dates: 12,
			mine: 1,
			gaps: entriesOf(all).filter((entry) => entry.gap).length,
			conflicts: entriesOf(all).filter((entry) => entry.conflicts.length > 0).length
		});
	});

	it('navigates by week: another start date shows other dates', async () => {
		const later = await calendar({ from: '2026-12-21', days: 7 });
		expect(entriesOf(later).map((entry) => entry.start)).toEqual([
			'2026-12-22T14:00',
			'2026-12-25T10:30',
			'2026-12-25T11:00'
		]);
	});
});
