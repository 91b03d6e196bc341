import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	roundStops,
	rounds,
	type NewGathering,
	type NewPlace
} from '$lib/server/db/schema';
import { addMinutes, wallTimeToDate } from '$lib/server/schedule/time';
import { hasActiveFilters, parseFilters } from './filters';
import { findWhatsOn, PLACES_PER_PAGE, type WhatsOn } from './whats-on';

// Tuesday 24 November 2026, half past ten in Brussels.
const TUESDAY_MORNING = wallTimeToDate('2026-11-24T10:30');

const hoods: Record<string, number> = {};

async function addNeighbourhood(slug: string, name: string) {
	const [row] = await db
		.insert(neighbourhoods)
		.values({
			slug,
			name: { nl: name },
			municipality: 'Brussel',
			centreLat: 50.85,
			centreLon: 4.35
		})
		.returning();
	hoods[slug] = row.id;
	return row.id;
}

/** Plain on purpose (no walk-in, paid, nothing special), so each test row differs in one way. */
function placeRow(
	hood: string,
	values: Partial<NewPlace> & Pick<NewPlace, 'slug' | 'name'>
): NewPlace {
	return {
		kind: 'neighbourhood-centre',
		whatToExpect: { nl: 'Koffie en een praatje.' },
		neighbourhoodId: hoods[hood],
		walkIn: false,
		cost: 'paid',
		...values
	};
}

function gatheringRow(
	hood: string,
	values: Partial<NewGathering> & Pick<NewGathering, 'slug' | 'startsAt'>
): NewGathering {
	return {
		kind: 'workshop',
		title: { nl: values.slug },
		description: { nl: 'Iedereen welkom.' },
		neighbourhoodId: hoods[hood],
		durationMinutes: 120,
		host: 'Buurtwerk',
		walkIn: false,
		cost: 'paid',
		...values
	};
}

async function addPlaces(hood: string, rows: Array<Parameters<typeof placeRow>[1]>) {
	const inserted = await db
		.insert(places)
		.values(rows.map((row) => placeRow(hood, row)))
		.returning();
	return Object.fromEntries(inserted.map((row) => [row.slug, row.id]));
}

async function addGatherings(hood: string, rows: Array<Parameters<typeof gatheringRow>[1]>) {
	const inserted = await db
		.insert(gatherings)
		.values(rows.map((row) => gatheringRow(hood, row)))
		.returning();
	return Object.fromEntries(inserted.map((row) => [row.slug, row.id]));
}

function whatsOn(query: string, now: Date = TUESDAY_MORNING, member = false) {
	return findWhatsOn('nl', parseFilters(new URLSearchParams(query)), now, {
		viewer: member ? { kind: 'member' } : { kind: 'visitor' }
	});
}

function placeSlugs(result: WhatsOn) {
	return result.places.items.map((place) => place.slug);
}

function upcomingSlugs(result: WhatsOn) {
	return [...new Set(result.upcoming.map((item) => item.slug))].sort();
}

beforeAll(async () => {
	await addNeighbourhood('filterwijk', 'Filterwijk');
	await addNeighbourhood('anderwijk', 'Anderwijk');
	await addNeighbourhood('openwijk', 'Openwijk');
	await addNeighbourhood('dagwijk', 'Dagwijk');
	await addNeighbourhood('wijzigwijk', 'Wijzigwijk');
	await addNeighbourhood('pagewijk', 'Pagewijk');
	await addNeighbourhood('drukwijk', 'Drukwijk');
	await addNeighbourhood('ledenwijk', 'Ledenwijk');

	// Filterwijk: each place and gathering has exactly one thing a filter looks for.
	const filterPlaces = await addPlaces('filterwijk', [
		{ slug: 'gewoon-centrum', name: { nl: 'Gewoon Centrum' } },
		{ slug: 'hoekcafe', name: { nl: 'Hoekcafé' }, kind: 'cafe', languages: ['nl'] },
		{ slug: 'binnenloophuis', name: { nl: 'Binnenloophuis' }, walkIn: true },
		{ slug: 'gratis-bib', name: { nl: 'Gratis Bib' }, kind: 'library', cost: 'free' },
		{ slug: 'vrije-bijdrage', name: { nl: 'Vrije Bijdrage' }, cost: 'pay-what-you-can' },
		{ slug: 'rolstoel-huis', name: { nl: 'Rolstoelhuis' }, wheelchair: true },
		{ slug: 'stil-huis', name: { nl: 'Stil Huis' }, quietSpace: true },
		{ slug: 'kinderhuis', name: { nl: 'Kinderhuis' }, childrenWelcome: true },
		{ slug: 'arabisch-huis', name: { nl: 'Arabisch Huis' }, languages: ['ar', 'nl'] }
	]);
	const thursday = '2026-11-26T14:00';
	await addGatherings('filterwijk', [
		{ slug: 'gewone-workshop', startsAt: thursday },
		{ slug: 'open-kring', startsAt: thursday, kind: 'open-circle' },
		{ slug: 'samen-eten', startsAt: thursday, kind: 'shared-meal', walkIn: true },
		{ slug: 'gratis-workshop', startsAt: thursday, cost: 'free' },
		{ slug: 'workshop-vrije-bijdrage', startsAt: thursday, cost: 'pay-what-you-can' },
		{ slug: 'kring-rolstoel', startsAt: thursday, placeId: filterPlaces['rolstoel-huis'] },
		{ slug: 'kring-stil', startsAt: thursday, placeId: filterPlaces['stil-huis'] },
		{ slug: 'kring-kinderen', startsAt: thursday, placeId: filterPlaces['kinderhuis'] },
		{ slug: 'arabische-kring', startsAt: thursday, languages: ['ar'] }
	]);
	const [bus] = await db
		.insert(rounds)
		.values({
			slug: 'koffiebus-filterwijk',
			name: { nl: 'Koffiebus Filterwijk' },
			description: { nl: 'Koffie op straat.' },
			neighbourhoodId: hoods.filterwijk,
			startsAt: '2026-11-27T09:00'
		})
		.returning();
	await db.insert(roundStops).values({
		roundId: bus.id,
		position: 1,
		street: 'Marktplein',
		lat: 50.85,
		lon: 4.35,
		arrivalTime: '09:30',
		stayMinutes: 45
	});

	await addPlaces('anderwijk', [{ slug: 'ander-huis', name: { nl: 'Ander Huis' } }]);
	await addGatherings('anderwijk', [{ slug: 'andere-kring', startsAt: '2026-11-26T10:00' }]);

	await addPlaces('openwijk', [
		{
			slug: 'zonnige-kamer',
			name: { nl: 'Zonnige Kamer' },
			openingHours: 'Mo-Fr 09:00-17:00; PH off'
		},
		{ slug: 'aardig-atelier', name: { nl: 'Aardig Atelier' }, openingHours: 'Sa 10:00-12:00' },
		{ slug: 'atelier-zonder-uren', name: { nl: 'Atelier Zonder Uren' } }
	]);
	const openGatherings = await addGatherings('openwijk', [
		{ slug: 'ochtendkoffie', startsAt: '2026-11-24T10:00', durationMinutes: 90 },
		{ slug: 'middagkring', startsAt: '2026-11-24T14:00' },
		{
			slug: 'geschrapte-koffie',
			startsAt: '2026-11-03T10:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			durationMinutes: 90
		}
	]);
	await db.insert(occurrenceChanges).values({
		gatheringId: openGatherings['geschrapte-koffie'],
		originalDate: '2026-11-24',
		status: 'cancelled'
	});

	await addPlaces('dagwijk', [
		{ slug: 'dinsdagavond-huis', name: { nl: 'Dinsdagavondhuis' }, openingHours: 'Tu 19:00-21:00' },
		{ slug: 'weekendhuis', name: { nl: 'Weekendhuis' }, openingHours: 'Sa-Su 10:00-16:00' }
	]);
	await addGatherings('dagwijk', [
		{ slug: 'vanochtend-voorbij', startsAt: '2026-11-24T08:00', durationMinutes: 60 },
		{ slug: 'vandaag-namiddag', startsAt: '2026-11-24T14:00' },
		{ slug: 'morgen-ochtend', startsAt: '2026-11-25T09:00' },
		{ slug: 'zondagavond', startsAt: '2026-11-29T22:00', durationMinutes: 60 },
		{ slug: 'maandag-ochtend', startsAt: '2026-11-30T09:00' },
		{ slug: 'over-drie-weken', startsAt: '2026-12-15T10:00' }
	]);

	const changing = await addGatherings('wijzigwijk', [
		{ slug: 'donderdagkring', startsAt: '2026-11-05T19:00', rrule: 'FREQ=WEEKLY;BYDAY=TH' },
		{ slug: 'vrijdagontbijt', startsAt: '2026-11-06T09:00', rrule: 'FREQ=WEEKLY;BYDAY=FR' }
	]);
	await db.insert(occurrenceChanges).values([
		{
			gatheringId: changing.donderdagkring,
			originalDate: '2026-11-26',
			status: 'cancelled',
			note: { nl: 'De zaal is bezet.' }
		},
		{
			gatheringId: changing.vrijdagontbijt,
			originalDate: '2026-11-27',
			status: 'moved',
			movedTo: '2026-11-28T10:00'
		}
	]);

	await addPlaces(
		'pagewijk',
		Array.from({ length: 25 }, (_, index) => {
			const number = String(index + 1).padStart(2, '0');
			return { slug: `plek-${number}`, name: { nl: `Plek ${number}` } };
		})
	);

	// Thirteen one-off gatherings, one a day from Wednesday 25 November.
	await addGatherings(
		'drukwijk',
		Array.from({ length: 13 }, (_, index) => ({
			slug: `drukte-${String(index + 1).padStart(2, '0')}`,
			startsAt: addMinutes('2026-11-25T15:00', index * 24 * 60)
		}))
	);

	const membersPlace = await addPlaces('ledenwijk', [
		{ slug: 'ledenhuis', name: { nl: 'Ledenhuis' }, visibility: 'members' },
		{ slug: 'verborgen-huis', name: { nl: 'Verborgen Huis' }, visibility: 'hidden' },
		{ slug: 'buurtlokaal', name: { nl: 'Buurtlokaal' } }
	]);
	await addGatherings('ledenwijk', [
		{ slug: 'ledenoverleg', startsAt: '2026-11-26T20:00', visibility: 'members' },
		{ slug: 'kring-in-ledenhuis', startsAt: '2026-11-26T10:00', placeId: membersPlace.ledenhuis },
		{ slug: 'verborgen-kring', startsAt: '2026-11-26T11:00', visibility: 'hidden' },
		{ slug: 'buurtkring', startsAt: '2026-11-26T12:00' }
	]);
});

describe('open now', () => {
	it('keeps only the places open at that moment', async () => {
		const result = await whatsOn('neighbourhood=openwijk&open=1');
		expect(placeSlugs(result)).toEqual(['zonnige-kamer']);
		expect(result.places.items[0].opening).toMatchObject({
			state: 'open',
			closesAt: '2026-11-24T17:00'
		});
	});

	it('keeps no place after closing time', async () => {
		const evening = wallTimeToDate('2026-11-24T18:00');
		expect(placeSlugs(await whatsOn('neighbourhood=openwijk&open=1', evening))).toEqual([]);
	});

	it('a place with "PH off" is closed on Christmas', async () => {
		const christmas = wallTimeToDate('2026-12-25T10:30');
		const result = await whatsOn('neighbourhood=openwijk&open=1', christmas);
		expect(placeSlugs(result)).toEqual([]);
		const all = await whatsOn('neighbourhood=openwijk', christmas);
		expect(all.places.items.find((place) => place.slug === 'zonnige-kamer')?.opening.state).toBe(
			'closed'
		);
	});

	it('keeps a gathering going on now and drops a cancelled one and a later one', async () => {
		const result = await whatsOn('neighbourhood=openwijk&open=1');
		expect(upcomingSlugs(result)).toEqual(['ochtendkoffie']);
	});
});

describe('order of places', () => {
	it('open places come first, then the others by name', async () => {
		const result = await whatsOn('neighbourhood=openwijk');
		expect(placeSlugs(result)).toEqual(['zonnige-kamer', 'aardig-atelier', 'atelier-zonder-uren']);
	});

	it('when nothing is open the places are by name', async () => {
		const evening = wallTimeToDate('2026-11-24T18:00');
		const result = await whatsOn('neighbourhood=openwijk', evening);
		expect(placeSlugs(result)).toEqual(['aardig-atelier', 'atelier-zonder-uren', 'zonnige-kamer']);
	});
});

describe('choosing a day', () => {
	it('"today" includes a gathering later today and excludes one tomorrow', async () => {
		const result = await whatsOn('neighbourhood=dagwijk&day=today');
		expect(result.window).toEqual({
			from: '2026-11-24T10:30',
			to: '2026-11-25T00:00',
			kind: 'today'
		});
		expect(upcomingSlugs(result)).toEqual(['vandaag-namiddag']);
	});

	it('"today" keeps places that open today and drops those closed all day', async () => {
		const result = await whatsOn('neighbourhood=dagwijk&day=today');
		expect(placeSlugs(result)).toEqual(['dinsdagavond-huis']);
	});

	it('"week" runs to Sunday night and stops before Monday', async () => {
		const result = await whatsOn('neighbourhood=dagwijk&day=week');
		expect(result.window).toEqual({
			from: '2026-11-24T10:30',
			to: '2026-11-30T00:00',
			kind: 'week'
		});
		expect(result.upcoming.map((item) => item.slug)).toEqual([
			'vandaag-namiddag',
			'morgen-ochtend',
			'zondagavond'
		]);
	});

	it('"week" chosen on a Sunday still ends that night', async () => {
		const sunday = wallTimeToDate('2026-11-29T09:00');
		const result = await whatsOn('neighbourhood=dagwijk&day=week', sunday);
		expect(result.window.to).toBe('2026-11-30T00:00');
		expect(result.upcoming.map((item) => item.slug)).toEqual(['zondagavond']);
	});

	it('without a day, two weeks ahead, in time order, and nothing already over', async () => {
		const result = await whatsOn('neighbourhood=dagwijk');
		expect(result.window).toEqual({
			from: '2026-11-24T10:30',
			to: '2026-12-08T10:30',
			kind: 'soon'
		});
		expect(result.upcoming.map((item) => item.slug)).toEqual([
			'vandaag-namiddag',
			'morgen-ochtend',
			'zondagavond',
			'maandag-ochtend'
		]);
		expect(result.moreUpcoming).toBe(false);
	});
});

describe('changed dates', () => {
	it('a cancelled date is listed as cancelled, with its note, not dropped', async () => {
		const result = await whatsOn('neighbourhood=wijzigwijk');
		const circle = result.upcoming.filter((item) => item.slug === 'donderdagkring');
		expect(circle.map(({ start, status }) => ({ start, status }))).toEqual([
			{ start: '2026-11-26T19:00', status: 'cancelled' },
			{ start: '2026-12-03T19:00', status: 'scheduled' }
		]);
		expect(circle[0].note).toEqual({ nl: 'De zaal is bezet.' });
	});

	it('a moved date appears at its new time and not at the old one', async () => {
		const result = await whatsOn('neighbourhood=wijzigwijk');
		const breakfast = result.upcoming.filter((item) => item.slug === 'vrijdagontbijt');
		expect(breakfast.map(({ start, end, status }) => ({ start, end, status }))).toEqual([
			{ start: '2026-11-28T10:00', end: '2026-11-28T12:00', status: 'moved' },
			{ start: '2026-12-04T09:00', end: '2026-12-04T11:00', status: 'scheduled' }
		]);
	});
});

describe('filters narrow what is shown', () => {
	const everyPlace = [
		'arabisch-huis',
		'binnenloophuis',
		'gewoon-centrum',
		'gratis-bib',
		'hoekcafe',
		'kinderhuis',
		'rolstoel-huis',
		'stil-huis',
		'vrije-bijdrage'
	];
	const everyItem = [
		'arabische-kring',
		'gewone-workshop',
		'gratis-workshop',
		'koffiebus-filterwijk',
		'kring-kinderen',
		'kring-rolstoel',
		'kring-stil',
		'open-kring',
		'samen-eten',
		'workshop-vrije-bijdrage'
	];

	it('without filters every place and item of the neighbourhood is shown', async () => {
		const result = await whatsOn('neighbourhood=filterwijk');
		expect([...placeSlugs(result)].sort()).toEqual(everyPlace);
		expect(upcomingSlugs(result)).toEqual(everyItem);
	});

	it.each([
		['what=place:cafe', ['hoekcafe'], []],
		['what=place', everyPlace, []],
		['what=gathering:open-circle', [], ['open-kring']],
		['what=round', [], ['koffiebus-filterwijk']],
		['walkin=1', ['binnenloophuis'], ['koffiebus-filterwijk', 'samen-eten']],
		[
			'free=1',
			['gratis-bib', 'vrije-bijdrage'],
			['gratis-workshop', 'koffiebus-filterwijk', 'workshop-vrije-bijdrage']
		],
		['wheelchair=1', ['rolstoel-huis'], ['kring-rolstoel']],
		['quiet=1', ['stil-huis'], ['kring-stil']],
		['children=1', ['kinderhuis'], ['kring-kinderen']],
		['language=ar', ['arabisch-huis'], ['arabische-kring']],
		['language=nl', ['arabisch-huis', 'hoekcafe'], []]
	])('%s', async (query, expectedPlaces, expectedItems) => {
		const result = await whatsOn(`neighbourhood=filterwijk&${query}`);
		expect([...placeSlugs(result)].sort()).toEqual(expectedPlaces);
		expect(upcomingSlugs(result)).toEqual(expectedItems);
	});

	it('a neighbourhood keeps only what is in that neighbourhood', async () => {
		const everywhere = await whatsOn('');
		const result = await whatsOn('neighbourhood=anderwijk');
		expect(placeSlugs(result)).toEqual(['ander-huis']);
		expect(upcomingSlugs(result)).toEqual(['andere-kring']);
		expect(everywhere.places.total).toBeGreaterThan(result.places.total);
		expect(placeSlugs(await whatsOn('neighbourhood=filterwijk'))).not.toContain('ander-huis');
	});

	it('an unknown neighbourhood shows nothing rather than everything', async () => {
		const result = await whatsOn('neighbourhood=nergens');
		expect(result.places.total).toBe(0);
		expect(result.upcoming).toEqual([]);
	});
});

describe('who sees what', () => {
	it('a visitor sees neither members-only nor hidden places and gatherings', async () => {
		const result = await whatsOn('neighbourhood=ledenwijk');
		expect(placeSlugs(result)).toEqual(['buurtlokaal']);
		expect(upcomingSlugs(result)).toEqual(['buurtkring']);
	});

	it('a member also sees members-only ones, but never hidden ones', async () => {
		const result = await whatsOn('neighbourhood=ledenwijk', TUESDAY_MORNING, true);
		expect([...placeSlugs(result)].sort()).toEqual(['buurtlokaal', 'ledenhuis']);
		expect(upcomingSlugs(result)).toEqual(['buurtkring', 'kring-in-ledenhuis', 'ledenoverleg']);
	});
});

describe('pages of places', () => {
	it(`shows ${PLACES_PER_PAGE} places on the first page`, async () => {
		const result = await whatsOn('neighbourhood=pagewijk');
		expect(result.places).toMatchObject({ total: 25, page: 1, pageCount: 2 });
		expect(result.places.items).toHaveLength(20);
		expect(result.places.items[0].slug).toBe('plek-01');
		expect(result.places.items[19].slug).toBe('plek-20');
	});

	it('shows the remaining five on the second page', async () => {
		const result = await whatsOn('neighbourhood=pagewijk&page=2');
		expect(result.places.page).toBe(2);
		expect(placeSlugs(result)).toEqual(['plek-21', 'plek-22', 'plek-23', 'plek-24', 'plek-25']);
	});

	it('a page past the end shows the last page', async () => {
		const result = await whatsOn('neighbourhood=pagewijk&page=99');
		expect(result.places.page).toBe(2);
		expect(placeSlugs(result)).toEqual(['plek-21', 'plek-22', 'plek-23', 'plek-24', 'plek-25']);
	});

	it('no matching places is one empty page, not page zero', async () => {
		const result = await whatsOn('neighbourhood=nergens&page=3');
		expect(result.places).toEqual({ items: [], total: 0, page: 1, pageCount: 1 });
	});
});

describe('coming up soon', () => {
	it('shows at most twelve upcoming items and says there are more', async () => {
		const result = await whatsOn('neighbourhood=drukwijk');
		expect(result.window.kind).toBe('soon');
		expect(result.upcoming).toHaveLength(12);
		expect(result.upcoming[0].slug).toBe('drukte-01');
		expect(result.upcoming[11].slug).toBe('drukte-12');
		expect(result.moreUpcoming).toBe(true);
	});

	it('a chosen week is not cut to twelve', async () => {
		const result = await whatsOn('neighbourhood=drukwijk&day=week');
		expect(result.upcoming.map((item) => item.slug)).toEqual([
			'drukte-01',
			'drukte-02',
			'drukte-03',
			'drukte-04',
			'drukte-05'
		]);
		expect(result.moreUpcoming).toBe(false);
	});
});

describe('reading filters from the address', () => {
	it('drops unknown and malformed values without throwing', () => {
		const filters = parseFilters(
			new URLSearchParams(
				'what=<script>&page=-3&language=xx&neighbourhood=../etc&day=yesterday&open=maybe&colour=red'
			)
		);
		expect(filters).toEqual({
			what: undefined,
			neighbourhood: undefined,
			day: undefined,
			open: false,
			walkin: false,
			free: false,
			wheelchair: false,
			quiet: false,
			children: false,
			language: undefined,
			page: 1
		});
		expect(hasActiveFilters(filters)).toBe(false);
	});

	it.each(['abc', '2.5', '0', '20000', ''])('a page of "%s" becomes the first page', (page) => {
		expect(parseFilters(new URLSearchParams({ page })).page).toBe(1);
	});

	it('keeps well-formed values', () => {
		const filters = parseFilters(
			new URLSearchParams(
				'what=gathering:open-circle&neighbourhood=filterwijk&day=week&open=1&walkin=on&free=true&language=ar&page=3'
			)
		);
		expect(filters).toMatchObject({
			what: 'gathering:open-circle',
			neighbourhood: 'filterwijk',
			day: 'week',
			open: true,
			walkin: true,
			free: true,
			wheelchair: false,
			language: 'ar',
			page: 3
		});
		expect(hasActiveFilters(filters)).toBe(true);
	});

	it('with malformed values the listing is the same as without filters', async () => {
		const garbled = await whatsOn('what=<script>&page=-3&language=xx&neighbourhood=filterwijk');
		const plain = await whatsOn('neighbourhood=filterwijk');
		expect(garbled).toEqual(plain);
	});
});

describe('what is already over', () => {
	beforeAll(async () => {
		await addNeighbourhood('vroegwijk', 'Vroegwijk');
		const ids = await addPlaces('vroegwijk', [
			{ slug: 'vroeg-ontbijt', name: { nl: 'Vroeg ontbijt' }, openingHours: 'Tu 07:00-09:00' },
			{ slug: 'oud-buurthuis', name: { nl: 'Oud buurthuis' }, archivedAt: '2026-10-01' }
		]);
		await addGatherings('vroegwijk', [
			{
				slug: 'in-het-oude-huis',
				placeId: ids['oud-buurthuis'],
				startsAt: '2026-11-24T14:00',
				rrule: 'FREQ=WEEKLY;BYDAY=TU'
			}
		]);
	});

	it('"today" drops a place whose only opening today has ended', async () => {
		const result = await whatsOn('neighbourhood=vroegwijk&day=today');
		expect(placeSlugs(result)).toEqual([]);
	});

	it('a gathering at an archived place is not listed', async () => {
		const result = await whatsOn('neighbourhood=vroegwijk&day=week');
		expect(upcomingSlugs(result)).toEqual([]);
	});
});
