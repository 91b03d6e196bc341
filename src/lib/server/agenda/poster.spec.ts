import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	roundStops,
	rounds,
	type Neighbourhood,
	type NewGathering,
	type NewPlace
} from '$lib/server/db/schema';
import { collectPoster, type Poster } from './poster';
import { periodAround, readAgendaQuery } from './period';
import { summariseOpeningWeek } from './opening-words';
import { wrappedLines } from './fit';

// Tuesday 24 November 2026, half past ten in Brussels.
const NOW = '2026-11-24T10:30';
const WEEK = periodAround('week', '2026-11-24');

const hoods: Record<string, Neighbourhood> = {};
const SECRETS = ['Geheimstraat', '50.8512345', '4.3412345', 'Bij de geheime bank', 'groene deur'];

async function addNeighbourhood(slug: string, name: Neighbourhood['name']) {
	const [row] = await db
		.insert(neighbourhoods)
		.values({ slug, name, municipality: 'Brussel', centreLat: 50.85, centreLon: 4.35 })
		.returning();
	hoods[slug] = row;
	return row;
}

function placeRow(values: Partial<NewPlace> & Pick<NewPlace, 'slug' | 'name'>): NewPlace {
	return {
		kind: 'neighbourhood-centre',
		whatToExpect: { nl: 'Koffie en een praatje.' },
		neighbourhoodId: hoods.noordwijk.id,
		...values
	};
}

function gatheringRow(
	values: Partial<NewGathering> & Pick<NewGathering, 'slug' | 'startsAt'>
): NewGathering {
	return {
		kind: 'open-circle',
		title: { nl: `${values.slug} (nl)`, fr: `${values.slug} (fr)` },
		description: { nl: 'Iedereen welkom.' },
		neighbourhoodId: hoods.noordwijk.id,
		durationMinutes: 90,
		host: 'Buurtwerk Noord',
		...values
	};
}

function slugsOf(poster: Poster) {
	return poster.days.flatMap((day) => day.items.map((item) => item.key));
}

beforeAll(async () => {
	await addNeighbourhood('noordwijk', { nl: 'Noordwijk', fr: 'Quartier Nord' });
	await addNeighbourhood('zuidwijk', { nl: 'Zuidwijk' });
	await addNeighbourhood('drukwijk', { nl: 'Drukwijk' });

	const [linde, haven] = await db
		.insert(places)
		.values([
			placeRow({
				slug: 'buurthuis-de-linde',
				name: { nl: 'Buurthuis De Linde', fr: 'Maison de quartier De Linde' },
				address: 'Lindestraat 1, 1000 Brussel',
				lat: 50.8466,
				lon: 4.3528,
				openingHours: 'Mo-Fr 09:00-17:00; PH off'
			}),
			placeRow({
				slug: 'inloophuis-de-haven',
				kind: 'drop-in-house',
				name: { nl: 'Inloophuis De Haven' },
				howToGetThere: { nl: 'Bel aan bij de groene deur.' },
				address: 'Geheimstraat 99, 1000 Brussel',
				lat: 50.8512345,
				lon: 4.3412345,
				visibility: 'area',
				openingHours: 'Tu-Th 10:00-12:00'
			}),
			placeRow({
				slug: 'ledenlokaal',
				name: { nl: 'Ledenlokaal' },
				address: 'Ledenstraat 5',
				visibility: 'members',
				openingHours: 'Mo-Su 00:00-24:00'
			}),
			placeRow({
				slug: 'verstopte-kamer',
				name: { nl: 'Verstopte Kamer' },
				visibility: 'hidden',
				openingHours: 'Mo-Su 00:00-24:00'
			}),
			placeRow({
				slug: 'afspraakhuis',
				name: { nl: 'Afspraakhuis' },
				walkIn: false,
				openingHours: 'Mo-Su 00:00-24:00'
			})
		])
		.returning();

	const inserted = await db
		.insert(gatherings)
		.values([
			gatheringRow({
				slug: 'koffie-dinsdag',
				placeId: linde.id,
				startsAt: '2026-11-03T14:00',
				rrule: 'FREQ=WEEKLY;BYDAY=TU'
			}),
			gatheringRow({
				slug: 'kring-woensdag',
				placeId: haven.id,
				startsAt: '2026-11-04T10:00',
				rrule: 'FREQ=WEEKLY;BYDAY=WE'
			}),
			gatheringRow({
				slug: 'geheime-wandeling',
				kind: 'walk',
				startsAt: '2026-11-28T10:00',
				lat: 50.8598765,
				lon: 4.3598765,
				pointName: 'Bij de geheime bank',
				visibility: 'area'
			}),
			gatheringRow({ slug: 'ledenkring', startsAt: '2026-11-26T10:00', visibility: 'members' }),
			gatheringRow({
				slug: 'leden-in-de-linde',
				placeId: linde.id,
				startsAt: '2026-11-26T19:00',
				visibility: 'members'
			}),
			gatheringRow({ slug: 'verborgen-kring', startsAt: '2026-11-26T11:00', visibility: 'hidden' }),
			gatheringRow({
				slug: 'in-het-ledenlokaal',
				placeId: (await db.select().from(places)).find((p) => p.slug === 'ledenlokaal')?.id,
				startsAt: '2026-11-25T15:00'
			}),
			gatheringRow({
				slug: 'zondagavond',
				startsAt: '2026-11-29T20:00',
				pointName: 'Aan de fontein',
				lat: 50.861,
				lon: 4.351
			}),
			gatheringRow({ slug: 'maandag-middernacht', startsAt: '2026-11-30T00:00' }),
			gatheringRow({ slug: 'vorige-zondag', startsAt: '2026-11-22T18:00' }),
			gatheringRow({ slug: 'naar-volgende-week', startsAt: '2026-11-27T18:00' }),
			gatheringRow({ slug: 'naar-deze-week', startsAt: '2026-12-03T18:00' }),
			gatheringRow({
				slug: 'elders',
				neighbourhoodId: hoods.zuidwijk.id,
				startsAt: '2026-11-25T10:00'
			}),
			...Array.from({ length: 10 }, (_, index) =>
				gatheringRow({
					slug: `dagelijks-${index}`,
					neighbourhoodId: hoods.drukwijk.id,
					startsAt: `2026-11-01T${String(8 + index).padStart(2, '0')}:00`,
					rrule: 'FREQ=DAILY'
				})
			)
		])
		.returning();
	const id = (slug: string) => inserted.find((row) => row.slug === slug)?.id;

	const [bus] = await db
		.insert(rounds)
		.values([
			{
				neighbourhoodId: hoods.noordwijk.id,
				slug: 'koffiebus-noord',
				name: { nl: 'Koffiebus Noord', fr: 'Bus-café Nord' },
				description: { nl: 'Koffie op straat.' },
				startsAt: '2026-11-04T09:30',
				rrule: 'FREQ=WEEKLY;BYDAY=WE'
			},
			{
				neighbourhoodId: hoods.noordwijk.id,
				slug: 'ledenbus',
				name: { nl: 'Ledenbus' },
				description: { nl: 'Alleen voor vrijwilligers.' },
				startsAt: '2026-11-05T09:30',
				rrule: 'FREQ=WEEKLY;BYDAY=TH',
				visibility: 'members'
			},
			{
				neighbourhoodId: hoods.zuidwijk.id,
				slug: 'maandbus-zuid',
				name: { nl: 'Maandbus Zuid' },
				description: { nl: 'Eens per maand.' },
				startsAt: '2026-12-08T10:00',
				rrule: 'FREQ=MONTHLY;BYDAY=2TU'
			}
		])
		.returning();
	await db.insert(roundStops).values([
		{
			roundId: bus.id,
			position: 1,
			street: 'Marktplein',
			lat: 50.86,
			lon: 4.35,
			arrivalTime: '10:00',
			stayMinutes: 30
		},
		{
			roundId: bus.id,
			position: 2,
			street: 'Kerkstraat',
			lat: 50.862,
			lon: 4.352,
			arrivalTime: '11:00',
			stayMinutes: 45
		}
	]);

	await db.insert(occurrenceChanges).values([
		{ gatheringId: id('koffie-dinsdag'), originalDate: '2026-11-24', status: 'cancelled' },
		{
			gatheringId: id('naar-volgende-week'),
			originalDate: '2026-11-27',
			status: 'moved',
			movedTo: '2026-12-01T18:00'
		},
		{
			gatheringId: id('naar-deze-week'),
			originalDate: '2026-12-03',
			status: 'moved',
			movedTo: '2026-11-28T14:00',
			note: { nl: 'Een keer op zaterdag.', fr: 'Exceptionnellement le samedi.' }
		},
		{ roundId: bus.id, originalDate: '2026-11-25', status: 'moved', movedTo: '2026-11-25T13:00' },
		{ roundId: bus.id, originalDate: '2026-12-02', status: 'cancelled' }
	]);
});

describe('agenda period', () => {
	it('a week runs from Monday up to the next Monday, whatever day is asked for', () => {
		for (const day of ['2026-11-23', '2026-11-25', '2026-11-29'])
			expect(periodAround('week', day)).toEqual({
				kind: 'week',
				from: '2026-11-23',
				to: '2026-11-30',
				last: '2026-11-29',
				previous: '2026-11-16',
				next: '2026-11-30'
			});
	});

	it('a month runs from its first day to the first of the next, across the year end', () => {
		expect(periodAround('month', '2026-12-17')).toEqual({
			kind: 'month',
			from: '2026-12-01',
			to: '2027-01-01',
			last: '2026-12-31',
			previous: '2026-11-01',
			next: '2027-01-01'
		});
		expect(periodAround('month', '2026-02-10').last).toBe('2026-02-28');
	});

	it('a week across the autumn clock change is still seven days', () => {
		expect(periodAround('week', '2026-10-25')).toMatchObject({
			from: '2026-10-19',
			to: '2026-10-26',
			last: '2026-10-25'
		});
		expect(periodAround('week', '2026-12-31')).toMatchObject({
			from: '2026-12-28',
			to: '2027-01-04'
		});
	});

	it('without choices the poster is for this week from Monday', () => {
		const query = readAgendaQuery(new URLSearchParams(), 'nl', NOW);
		expect(query).toEqual({ period: WEEK, also: null, corrected: false });
	});

	it('reads period, from and a second language', () => {
		const query = readAgendaQuery(
			new URLSearchParams({ period: 'month', from: '2026-12-10', also: 'nl' }),
			'fr',
			NOW
		);
		expect(query.period).toMatchObject({ kind: 'month', from: '2026-12-01', to: '2027-01-01' });
		expect(query.also).toBe('nl');
		expect(query.corrected).toBe(false);
	});

	it.each([
		['period=year', 'week', '2026-11-23', null],
		['from=2026-02-30', 'week', '2026-11-23', null],
		['from=yesterday', 'week', '2026-11-23', null],
		['from=1900-01-01&period=month', 'month', '2026-11-01', null],
		['from=99999-01-01', 'week', '2026-11-23', null],
		['also=de', 'week', '2026-11-23', null],
		['also=nl', 'week', '2026-11-23', null],
		['also=fr&also=en&period=<b>', 'week', '2026-11-23', 'fr']
	])('falls back from a bad address (%s) to a poster that prints', (search, kind, from, also) => {
		const query = readAgendaQuery(new URLSearchParams(search), 'nl', NOW);
		expect(query.period).toMatchObject({ kind, from });
		expect(query.also).toBe(also);
		expect(query.corrected).toBe(true);
	});
});

describe('opening hours in words', () => {
	it('groups weekdays that share their hours', () => {
		expect(summariseOpeningWeek('Mo-Fr 10:00-16:00; Sa 10:00-13:00', '2026-11-23')).toEqual([
			{ weekdays: [1, 2, 3, 4, 5], intervals: [{ from: '10:00', to: '16:00' }] },
			{ weekdays: [6], intervals: [{ from: '10:00', to: '13:00' }] }
		]);
	});

	it('a public holiday in the poster week does not drop its weekday', () => {
		// Wednesday 11 November is Armistice Day, a Belgian public holiday.
		expect(summariseOpeningWeek('Mo-Fr 10:00-16:00; PH off', '2026-11-09')).toEqual([
			{ weekdays: [1, 2, 3, 4, 5], intervals: [{ from: '10:00', to: '16:00' }] }
		]);
	});

	it('says nothing for a place without hours', () => {
		expect(summariseOpeningWeek(null, '2026-11-23')).toEqual([]);
		expect(summariseOpeningWeek('not hours at all', '2026-11-23')).toEqual([]);
	});
});

describe('the poster of a neighbourhood', () => {
	it('lists the week day by day, with the period edges right', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		expect(poster.days.map((day) => day.date)).toEqual([
			'2026-11-24',
			'2026-11-25',
			'2026-11-28',
			'2026-11-29'
		]);
		const keys = slugsOf(poster);
		expect(keys).toContain('zondagavond:2026-11-29');
		expect(keys.some((key) => key.startsWith('maandag-middernacht'))).toBe(false);
		expect(keys.some((key) => key.startsWith('vorige-zondag'))).toBe(false);
		expect(keys.some((key) => key.startsWith('elders'))).toBe(false);
	});

	it('marks a cancelled date and follows moved dates in and out of the week', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		const items = poster.days.flatMap((day) => day.items);
		expect(items.find((item) => item.key === 'koffie-dinsdag:2026-11-24')).toMatchObject({
			status: 'cancelled',
			start: '2026-11-24T14:00'
		});
		expect(items.some((item) => item.key.startsWith('naar-volgende-week'))).toBe(false);
		expect(items.find((item) => item.key === 'naar-deze-week:2026-12-03')).toMatchObject({
			status: 'moved',
			start: '2026-11-28T14:00',
			note: { nl: 'Een keer op zaterdag.', fr: 'Exceptionnellement le samedi.' }
		});
		const next = await collectPoster(
			hoods.noordwijk,
			periodAround('week', '2026-12-01'),
			['nl'],
			NOW
		);
		expect(
			next.days.flatMap((day) => day.items).map((item) => [item.key, item.start])
		).toContainEqual(['naar-volgende-week:2026-11-27', '2026-12-01T18:00']);
	});

	it('never shows members-only or hidden items, nor places a visitor may not see', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		const json = JSON.stringify(poster);
		for (const word of [
			'ledenkring',
			'leden-in-de-linde',
			'verborgen-kring',
			'in-het-ledenlokaal',
			'Ledenlokaal',
			'Verstopte Kamer',
			'Ledenbus'
		])
			expect(json).not.toContain(word);
	});

	it('gives area-only gatherings and places no address or point', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl', 'fr'], NOW);
		const items = poster.days.flatMap((day) => day.items);
		expect(items.find((item) => item.key.startsWith('kring-woensdag'))?.where).toEqual({
			place: {
				nl: { text: 'Inloophuis De Haven', locale: 'nl' },
				fr: { text: 'Inloophuis De Haven', locale: 'nl' }
			},
			pointName: null,
			address: null,
			exact: false
		});
		expect(items.find((item) => item.key.startsWith('geheime-wandeling'))?.where).toMatchObject({
			pointName: null,
			address: null,
			exact: false
		});
		const monolingual = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		expect(monolingual.places.find((place) => place.slug === 'inloophuis-de-haven')).toMatchObject({
			address: null,
			exact: false
		});
		const json = JSON.stringify([poster, monolingual]);
		for (const secret of SECRETS) expect(json).not.toContain(secret);
	});

	it('gives a public place its address and a public meeting point its name', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		const items = poster.days.flatMap((day) => day.items);
		expect(items.find((item) => item.key.startsWith('koffie-dinsdag'))?.where).toMatchObject({
			address: 'Lindestraat 1, 1000 Brussel',
			exact: true
		});
		expect(items.find((item) => item.key.startsWith('zondagavond'))?.where).toMatchObject({
			pointName: 'Aan de fontein',
			exact: true
		});
	});

	it('carries each text in both languages of a bilingual poster', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['fr', 'nl'], NOW);
		expect(poster.neighbourhood.name).toEqual({ fr: 'Quartier Nord', nl: 'Noordwijk' });
		const item = poster.days.flatMap((day) => day.items)[0];
		expect(item.title).toEqual({
			fr: { text: 'koffie-dinsdag (fr)', locale: 'fr' },
			nl: { text: 'koffie-dinsdag (nl)', locale: 'nl' }
		});
		expect(item.where.place).toEqual({
			fr: { text: 'Maison de quartier De Linde', locale: 'fr' },
			nl: { text: 'Buurthuis De Linde', locale: 'nl' }
		});
	});

	it('shows the coffee bus with its stops, at the moved time', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		expect(poster.bus).toEqual([
			{
				key: 'koffiebus-noord:2026-11-25',
				round: { nl: { text: 'Koffiebus Noord', locale: 'nl' } },
				start: '2026-11-25T13:00',
				end: '2026-11-25T14:45',
				status: 'moved',
				note: null,
				inPeriod: true,
				stops: [
					{ street: 'Marktplein', arrival: '13:00' },
					{ street: 'Kerkstraat', arrival: '14:00' }
				]
			}
		]);
	});

	it('when the bus skips the week, says when it comes next', async () => {
		const poster = await collectPoster(
			hoods.noordwijk,
			periodAround('week', '2026-12-02'),
			['nl'],
			NOW
		);
		expect(poster.bus.map(({ start, status, inPeriod }) => ({ start, status, inPeriod }))).toEqual([
			{ start: '2026-12-02T10:00', status: 'cancelled', inPeriod: true },
			{ start: '2026-12-09T10:00', status: 'scheduled', inPeriod: false }
		]);
		const south = await collectPoster(hoods.zuidwijk, WEEK, ['nl'], NOW);
		expect(south.bus.map(({ start, inPeriod }) => ({ start, inPeriod }))).toEqual([
			{ start: '2026-12-08T10:00', inPeriod: false }
		]);
	});

	it('lists walk-in places with hours, most open first, and leaves out the rest', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		expect(poster.places.map((place) => place.slug)).toEqual([
			'buurthuis-de-linde',
			'inloophuis-de-haven'
		]);
		expect(poster.places[0].hours).toEqual([
			{ weekdays: [1, 2, 3, 4, 5], intervals: [{ from: '09:00', to: '17:00' }] }
		]);
	});

	it('caps a busy month to one sheet and counts what it left off', async () => {
		const month = periodAround('month', '2026-11-01');
		for (const locales of [['nl'], ['fr', 'nl']] as const) {
			const poster = await collectPoster(hoods.drukwijk, month, [...locales], NOW);
			const shown = poster.days.reduce((sum, day) => sum + day.items.length, 0);
			expect(shown).toBeGreaterThan(3);
			expect(shown + poster.moreItems).toBe(30 * 10);
			expect(poster.moreItems).toBeGreaterThan(0);
			// The earliest come first: nothing is skipped before the cut.
			expect(poster.days[0].items[0]).toMatchObject({ start: '2026-11-01T08:00' });
		}
		const fewer = await collectPoster(hoods.drukwijk, month, ['fr', 'nl'], NOW);
		const more = await collectPoster(hoods.drukwijk, month, ['nl'], NOW);
		expect(fewer.moreItems).toBeGreaterThanOrEqual(more.moreItems);
	});

	it('a quiet week is not cut', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['nl'], NOW);
		expect(poster.moreItems).toBe(0);
	});

	it('keeps room in the side column for the next bus and a walk-in place, in two languages', async () => {
		const poster = await collectPoster(hoods.noordwijk, WEEK, ['fr', 'nl'], NOW);
		expect(poster.bus.length).toBeGreaterThan(0);
		expect(poster.bus[0].stops.length + poster.moreStops).toBe(2);
		expect(poster.places.length).toBeGreaterThan(0);
		expect(poster.places.length + poster.morePlaces).toBe(2);
	});
});

describe('line breaks on the sheet', () => {
	it('wraps at word boundaries and breaks a word longer than a line', () => {
		expect(wrappedLines('', 10)).toBe(0);
		expect(wrappedLines('Gewoon binnenlopen', 18)).toBe(1);
		expect(wrappedLines('Gewoon binnenlopen', 17)).toBe(2);
		expect(wrappedLines('aaaa bbbb cccc', 9)).toBe(2);
		expect(wrappedLines('x'.repeat(50), 20)).toBe(3);
		expect(wrappedLines(`ab ${'x'.repeat(20)} cd`, 20)).toBe(3);
	});
});
