import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import {
	backupCalls,
	neighbourhoods,
	places,
	type NewPlace,
	type Visibility
} from '$lib/server/db/schema';
import { cancelOccurrence, createGathering } from '$lib/server/gatherings/manage';
import { createRound } from '$lib/server/rounds/manage';
import { createTestAccount } from '../../../../tests/support/events';
import {
	addMonths,
	buildCoverage,
	coverageCsv,
	CSV_COLUMNS,
	csvCell,
	lastMonths,
	monthsOf,
	resolvePeriod,
	scaleOf,
	type Coverage
} from './coverage';
import { createLog, type LogInput } from './log';
import { addTheme } from './themes';

/*
 * A small made-up city, dated around the end-to-end clock (Tuesday 24 November 2026, 10:30):
 * - Noord: a monthly coffee-bus round (2nd Tuesday, October cancelled, December still to come),
 *   logs on both sides of the period's edges, and a public walk-in place;
 * - Zuid: a weekly public gathering (one date cancelled) and a members-only one; only a
 *   members-only, a hidden and an archived place, so no walk-in place;
 * - Oost: a one-off round in October, backup calls around midnight at the period's edges;
 * - West (its name full of what CSV must quote): one log in June, nothing since.
 */
const NOW = '2026-11-24T10:30';
const PERIOD = { from: '2026-09-01', to: '2026-11-15' };
const hood = { noord: 0, zuid: 0, oost: 0, west: 0 };
let coverage: Coverage;

async function addHood(slug: string, nl: string, boundary = true) {
	const [row] = await db
		.insert(neighbourhoods)
		.values({
			slug,
			name: { nl, fr: `${nl} (fr)` },
			municipality: 'Brussel',
			boundary: boundary
				? {
						type: 'Polygon',
						coordinates: [
							[
								[4.34, 50.84],
								[4.35, 50.84],
								[4.35, 50.85],
								[4.34, 50.84]
							]
						]
					}
				: null,
			centreLat: 50.845,
			centreLon: 4.345
		})
		.returning({ id: neighbourhoods.id });
	return row.id;
}

async function addPlace(
	neighbourhoodId: number,
	slug: string,
	options: { visibility?: Visibility; walkIn?: boolean; archivedAt?: string } = {}
) {
	const place: NewPlace = {
		slug,
		kind: 'drop-in-house',
		name: { nl: slug },
		whatToExpect: { nl: 'Koffie.' },
		neighbourhoodId,
		visibility: options.visibility ?? 'public',
		walkIn: options.walkIn ?? true,
		archivedAt: options.archivedAt ?? null
	};
	await db.insert(places).values(place);
}

function log(
	neighbourhoodId: number,
	date: string,
	counts: [number, number, number],
	themeIds: number[] = []
) {
	const input: LogInput = {
		roundId: null,
		gatheringId: null,
		stopPosition: null,
		date,
		neighbourhoodId,
		doorsRung: counts[0],
		conversations: counts[1],
		cameForCoffee: counts[2],
		themeIds
	};
	return createLog(input, null);
}

async function theme(nl: string) {
	const result = await addTheme({ nameNl: nl, nameFr: '', nameEn: '' }, 'nl');
	if (!result.ok) throw new Error('theme refused');
	return result.id;
}

beforeAll(async () => {
	hood.noord = await addHood('noord', 'Noord');
	hood.zuid = await addHood('zuid', 'Zuid', false);
	hood.oost = await addHood('oost', 'Oost');
	hood.west = await addHood('west', '=West, "oud"\ncentrum');

	const stop = { street: 'Plein', lat: 50.845, lon: 4.345, arrivalTime: '10:00', stayMinutes: 60 };
	const base = {
		description: { nl: 'Koffie' },
		partners: [],
		visibility: 'public' as const
	};
	const noordRound = await createRound(
		{
			...base,
			name: { nl: 'Koffiebus Noord' },
			neighbourhoodId: hood.noord,
			startsAt: '2026-01-13T09:30',
			rrule: 'FREQ=MONTHLY;BYDAY=2TU'
		},
		[stop]
	);
	await cancelOccurrence({ roundId: noordRound.id }, '2026-10-13', null);
	await createRound(
		{
			...base,
			name: { nl: 'Koffiebus Oost' },
			neighbourhoodId: hood.oost,
			startsAt: '2026-10-20T09:30',
			rrule: null
		},
		[stop]
	);

	const gathering = {
		kind: 'open-circle' as const,
		description: { nl: 'Samen' },
		placeId: null,
		lat: null,
		lon: null,
		pointName: null,
		neighbourhoodId: hood.zuid,
		startsAt: '2026-09-02T14:00',
		durationMinutes: 60,
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		host: 'Buurthuis',
		walkIn: true,
		cost: 'free' as const,
		languages: [],
		helpersNeeded: null
	};
	const open = await createGathering({
		...gathering,
		title: { nl: 'Open kring' },
		visibility: 'public'
	});
	await cancelOccurrence({ gatheringId: open.id }, '2026-09-16', null);
	await createGathering({ ...gathering, title: { nl: 'Alleen leden' }, visibility: 'members' });

	await addPlace(hood.noord, 'inloophuis-noord');
	await addPlace(hood.zuid, 'leden-zuid', { visibility: 'members' });
	await addPlace(hood.zuid, 'verborgen-zuid', { visibility: 'hidden' });
	await addPlace(hood.zuid, 'gesloten-zuid', { archivedAt: '2026-01-01T00:00:00Z' });
	await addPlace(hood.oost, 'huiskamer-oost', { visibility: 'area' });
	await addPlace(hood.oost, 'bibliotheek-oost', { walkIn: false });

	const housing = await theme('Wonen');
	const loneliness = await theme('Eenzaamheid');
	await log(hood.noord, '2026-08-31', [5, 5, 5], [housing]);
	await log(hood.noord, '2026-09-01', [10, 4, 3], [housing, loneliness]);
	await log(hood.noord, '2026-10-15', [7, 2, 1], [housing]);
	await log(hood.noord, '2026-11-15', [1, 1, 1]);
	await log(hood.noord, '2026-11-16', [100, 100, 100], [loneliness]);
	await log(hood.west, '2026-06-01', [3, 2, 1]);
	// On the day of Oost's round: one day out, not two.
	await log(hood.oost, '2026-10-20', [4, 4, 4]);

	const volunteer = await createTestAccount('volunteer');
	const calls = [
		// Brussels summer time: 23:59 on 31 August, then 00:30 on 1 October.
		'2026-08-31T21:59:00.000Z',
		'2026-09-30T22:30:00.000Z',
		// Winter time: 23:59 on 15 November, then midnight on the 16th.
		'2026-11-15T22:59:00.000Z',
		'2026-11-15T23:00:00.000Z'
	];
	for (const [index, createdAt] of calls.entries()) {
		await db.insert(backupCalls).values({
			deviceCallId: `coverage-${index}`,
			volunteerId: volunteer.id,
			neighbourhoodId: hood.oost,
			urgency: 'call-me',
			helpKind: 'advice',
			createdAt
		});
	}

	coverage = await buildCoverage(PERIOD, 'nl', NOW);
});

const rowOf = (id: number) => coverage.rows.find((row) => row.neighbourhoodId === id)!;
const monthOf = (slug: string, month: string) =>
	coverage.months.find((row) => row.slug === slug && row.month === month)!;

describe('coverage per neighbourhood', () => {
	it('adds up the logs inside the period, its first and last day included', () => {
		expect(rowOf(hood.noord)).toMatchObject({
			logs: 3,
			doorsRung: 18,
			conversations: 7,
			cameForCoffee: 5
		});
	});

	it('counts round dates held: not the cancelled one, not one still to come', async () => {
		expect(rowOf(hood.noord).roundsHeld).toBe(2);
		// Days out: the two round dates and the three days with a log.
		expect(rowOf(hood.noord).visits).toBe(5);
		expect(rowOf(hood.oost)).toMatchObject({ roundsHeld: 1, logs: 1, visits: 1 });
		const withDecember = await buildCoverage({ from: '2026-09-01', to: '2026-12-31' }, 'nl', NOW);
		expect(withDecember.rows.find((row) => row.slug === 'noord')?.roundsHeld).toBe(2);
		const later = await buildCoverage(
			{ from: '2026-09-01', to: '2026-12-31' },
			'nl',
			'2026-12-08T12:00'
		);
		expect(later.rows.find((row) => row.slug === 'noord')?.roundsHeld).toBe(3);
	});

	it('counts the dates of public gatherings on offer, not cancelled ones nor members-only', () => {
		// Wednesdays 2 September to 11 November: 11 dates, one of them cancelled.
		expect(rowOf(hood.zuid).gatheringsOnOffer).toBe(10);
		expect(rowOf(hood.noord).gatheringsOnOffer).toBe(0);
	});

	it('counts backup calls by their Brussels date, and nothing more about them', () => {
		expect(rowOf(hood.oost).backupCalls).toBe(2);
		expect(monthOf('oost', '2026-10').backupCalls).toBe(1);
		expect(monthOf('oost', '2026-11').backupCalls).toBe(1);
		expect(monthOf('oost', '2026-09').backupCalls).toBe(0);
	});

	it('counts places as they are today: hidden and archived ones are not open', () => {
		expect(rowOf(hood.noord)).toMatchObject({ placesOpen: 1, walkInPlaces: 1 });
		expect(rowOf(hood.zuid)).toMatchObject({ placesOpen: 1, walkInPlaces: 0 });
		expect(rowOf(hood.oost)).toMatchObject({ placesOpen: 2, walkInPlaces: 1 });
	});

	it('names the themes heard most, with how often', () => {
		expect(rowOf(hood.noord).topThemes).toEqual([
			{ slug: 'wonen', name: 'Wonen', count: 2 },
			{ slug: 'eenzaamheid', name: 'Eenzaamheid', count: 1 }
		]);
	});

	it('shows the gaps: no walk-in place, or no visit in the last three months', () => {
		expect(rowOf(hood.noord).gaps).toEqual({ noWalkInPlace: false, noVisit: false });
		expect(rowOf(hood.zuid).gaps).toEqual({ noWalkInPlace: true, noVisit: true });
		// A round held is a visit too.
		expect(rowOf(hood.oost).gaps).toEqual({ noWalkInPlace: false, noVisit: false });
		expect(rowOf(hood.west).gaps).toEqual({ noWalkInPlace: true, noVisit: true });
		expect(coverage.gapWindow).toEqual({ from: '2026-08-25', to: '2026-11-24' });
	});

	it('looks at the last three months for "no visit", whatever the period shown', async () => {
		const year = await buildCoverage(lastMonths(12, '2026-11-24'), 'nl', NOW);
		const west = year.rows.find((row) => row.slug === 'west')!;
		expect(west.logs).toBe(1);
		expect(west.gaps.noVisit).toBe(true);
	});

	it('splits the period into months, the last one cut at the period’s end', () => {
		expect(coverage.months.filter((row) => row.slug === 'noord')).toMatchObject([
			{
				month: '2026-09',
				from: '2026-09-01',
				to: '2026-09-30',
				logs: 1,
				doorsRung: 10,
				roundsHeld: 1
			},
			{
				month: '2026-10',
				from: '2026-10-01',
				to: '2026-10-31',
				logs: 1,
				doorsRung: 7,
				roundsHeld: 0
			},
			{
				month: '2026-11',
				from: '2026-11-01',
				to: '2026-11-15',
				logs: 1,
				doorsRung: 1,
				roundsHeld: 1
			}
		]);
		expect(coverage.months).toHaveLength(4 * 3);
	});

	it('adds the neighbourhoods up in the totals', () => {
		expect(coverage.totals).toMatchObject({
			logs: 4,
			roundsHeld: 3,
			backupCalls: 2,
			gatheringsOnOffer: 10
		});
	});

	it('names the neighbourhoods in the reader’s language, falling back', async () => {
		const french = await buildCoverage(PERIOD, 'fr', NOW);
		expect(french.rows.map((row) => row.name)).toContain('Noord (fr)');
		const english = await buildCoverage(PERIOD, 'en', NOW);
		expect(english.rows.map((row) => row.name)).toContain('Noord');
	});

	it('carries boundaries for the map, and the centre for one without', () => {
		expect(rowOf(hood.noord).boundary?.type).toBe('Polygon');
		expect(rowOf(hood.zuid).boundary).toBeNull();
		expect(rowOf(hood.zuid).centre).toEqual({ lat: 50.845, lon: 4.345 });
	});
});

describe('the period', () => {
	const resolve = (query: string, locale: 'nl' | 'fr' | 'en' = 'en') =>
		resolvePeriod(new URLSearchParams(query), '2026-11-24', locale);

	it('is the last three months unless asked otherwise', () => {
		expect(resolve('').period).toEqual({ preset: '3', from: '2026-08-25', to: '2026-11-24' });
		expect(resolve('period=nonsense').period.preset).toBe('3');
	});

	it('offers the last 1, 6 and 12 months', () => {
		expect(resolve('period=1').period).toMatchObject({ from: '2026-10-25', to: '2026-11-24' });
		expect(resolve('period=6').period).toMatchObject({ from: '2026-05-25' });
		expect(resolve('period=12').period).toMatchObject({ from: '2025-11-25' });
	});

	it('takes chosen dates, both days included', () => {
		expect(resolve('period=custom&from=2026-01-01&to=2026-03-31')).toEqual({
			period: { preset: 'custom', from: '2026-01-01', to: '2026-03-31' },
			values: { period: 'custom', from: '2026-01-01', to: '2026-03-31' },
			errors: {}
		});
	});

	it('keeps dates that do not work, says why, and shows the last three months', () => {
		const reversed = resolve('period=custom&from=2026-05-01&to=2026-04-01', 'fr');
		expect(reversed.errors).toEqual({ to: 'La date de fin est avant la date de début.' });
		expect(reversed.values).toEqual({ period: 'custom', from: '2026-05-01', to: '2026-04-01' });
		expect(reversed.period.preset).toBe('3');
		expect(resolve('period=custom&from=2020-01-01&to=2026-01-01').errors.to).toMatch(/36 months/);
		expect(resolve('period=custom&from=2026-02-30&to=').errors).toEqual({
			from: 'Enter a date, for example 2026-12-24.',
			to: 'Enter a date, for example 2026-12-24.'
		});
	});

	it('does month arithmetic on dates, the 31st becoming the end of a short month', () => {
		expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
		expect(addMonths('2026-01-15', -3)).toBe('2025-10-15');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
		expect(monthsOf('2026-12-20', '2027-01-05')).toEqual([
			{ month: '2026-12', from: '2026-12-20', to: '2026-12-31' },
			{ month: '2027-01', from: '2027-01-01', to: '2027-01-05' }
		]);
	});
});

describe('the map’s colour steps', () => {
	it('go from none to most in at most four steps, each with its range', () => {
		const { levelOf, legend } = scaleOf([0, 2, 5, 9]);
		expect(legend).toEqual([
			{ level: 0, min: 0, max: 0 },
			{ level: 1, min: 1, max: 3 },
			{ level: 2, min: 4, max: 6 },
			{ level: 3, min: 7, max: 9 }
		]);
		expect([0, 2, 5, 9].map(levelOf)).toEqual([0, 1, 2, 3]);
	});

	it('leave out steps nobody can reach', () => {
		expect(scaleOf([0, 0]).legend).toEqual([{ level: 0, min: 0, max: 0 }]);
		expect(scaleOf([1, 0]).legend).toEqual([
			{ level: 0, min: 0, max: 0 },
			{ level: 1, min: 1, max: 1 }
		]);
	});
});

describe('the CSV', () => {
	const lines = () => coverageCsv(coverage.months).split('\r\n');

	it('starts with a byte order mark and a header of English column names', () => {
		const csv = coverageCsv(coverage.months);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines()[0]).toBe('\uFEFF' + CSV_COLUMNS.join(','));
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('has one row per neighbourhood and month', () => {
		expect(lines().filter(Boolean)).toHaveLength(1 + 4 * 3);
		expect(lines()).toContain(
			'noord,Noord,Brussel,2026-09,2026-09-01,2026-09-30,2,1,1,10,4,3,0,0,1,1,eenzaamheid:1 wonen:1'
		);
	});

	it('quotes what needs quoting and disarms text a spreadsheet would run as a formula', () => {
		const csv = coverageCsv(coverage.months);
		expect(csv).toContain('west,"\'=West, ""oud""\ncentrum",Brussel,2026-09,');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('-5')).toBe("'-5");
		expect(csvCell('@home')).toBe("'@home");
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell('Kuregem')).toBe('Kuregem');
	});
});
