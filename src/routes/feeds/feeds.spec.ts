import { beforeAll, describe, expect, it } from 'vitest';
import ical, { type ParameterValue, type VEvent } from 'node-ical';
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
import { GET as getPlacesFeed } from './places.geojson/+server';
import { GET as getCalendarFeed } from './calendar.ics/+server';

/** Calls a feed endpoint the way SvelteKit would, with only what these endpoints read. */
async function requestFeed<Event>(
	handler: (event: Event) => Response | Promise<Response>,
	pathAndQuery: string
): Promise<Response> {
	const url = new URL(pathAndQuery, 'http://localhost');
	return handler({ url, request: new Request(url) } as unknown as Event);
}

const SECRETS = ['Geheimstraat', '50.8512345', '4.3412345', '8512345', '3412345'];
const NEVER_LISTED = ['Ledenlokaal', 'Verstopte Kamer', 'Vrijwilligersoverleg', 'Verborgen ronde'];

const ids = {
	north: 0,
	south: 0,
	publicPlace: 0,
	areaPlace: 0,
	weeklyMeal: 0,
	circleAtAreaPlace: 0,
	southWalk: 0,
	cancelledBreakfast: 0,
	areaDropInHour: 0,
	courseWithEnd: 0,
	unreadableRule: 0,
	round: 0
};

function placeRow(values: Partial<NewPlace> & Pick<NewPlace, 'slug' | 'name'>): NewPlace {
	return {
		kind: 'neighbourhood-centre',
		whatToExpect: { nl: 'Koffie en een praatje.' },
		neighbourhoodId: ids.north,
		...values
	};
}

function gatheringRow(
	values: Partial<NewGathering> & Pick<NewGathering, 'slug' | 'title'>
): NewGathering {
	return {
		kind: 'open-circle',
		description: { nl: 'Iedereen welkom.' },
		neighbourhoodId: ids.north,
		startsAt: '2025-03-04T10:00',
		durationMinutes: 90,
		host: 'Buurtwerk Noord',
		...values
	};
}

beforeAll(async () => {
	const [north, south] = await db
		.insert(neighbourhoods)
		.values([
			{
				slug: 'noordwijk',
				name: { nl: 'Noordwijk', fr: 'Quartier Nord', en: 'North End' },
				municipality: 'Brussel',
				centreLat: 50.86,
				centreLon: 4.35
			},
			{
				slug: 'zuidpark',
				name: { nl: 'Zuidpark', fr: 'Parc du Sud', en: 'South Park' },
				municipality: 'Brussel',
				centreLat: 50.83,
				centreLon: 4.34
			}
		])
		.returning();
	ids.north = north.id;
	ids.south = south.id;

	const [publicPlace, areaPlace] = await db
		.insert(places)
		.values([
			placeRow({
				slug: 'buurthuis-de-linde',
				name: {
					nl: 'Buurthuis De Linde',
					fr: 'Maison de quartier Le Tilleul',
					en: 'De Linde neighbourhood centre'
				},
				address: 'Lindestraat 1, 1000 Brussel',
				lat: 50.8466,
				lon: 4.3528,
				openingHours: 'Tu-Th 10:00-16:00; PH off',
				wheelchair: true,
				languages: ['nl', 'fr']
			}),
			placeRow({
				slug: 'inloophuis-de-haven',
				kind: 'drop-in-house',
				name: { nl: 'Inloophuis De Haven' },
				howToGetThere: { nl: 'Bel aan bij Geheimstraat 99.' },
				address: 'Geheimstraat 99, 1000 Brussel',
				lat: 50.8512345,
				lon: 4.3412345,
				visibility: 'area'
			}),
			placeRow({
				slug: 'ledenlokaal',
				name: { nl: 'Ledenlokaal' },
				address: 'Ledenstraat 5',
				lat: 50.85,
				lon: 4.36,
				visibility: 'members'
			}),
			placeRow({
				slug: 'verstopte-kamer',
				name: { nl: 'Verstopte Kamer' },
				address: 'Kamerstraat 7',
				lat: 50.84,
				lon: 4.33,
				visibility: 'hidden'
			}),
			placeRow({
				slug: 'zuidhuis',
				name: { nl: 'Zuidhuis' },
				address: 'Zuidlaan 3',
				lat: 50.83,
				lon: 4.34,
				neighbourhoodId: south.id
			})
		])
		.returning();
	ids.publicPlace = publicPlace.id;
	ids.areaPlace = areaPlace.id;

	const [
		weeklyMeal,
		circleAtAreaPlace,
		,
		southWalk,
		cancelledBreakfast,
		courseWithEnd,
		unreadableRule,
		areaDropInHour
	] = await db
		.insert(gatherings)
		.values([
			gatheringRow({
				slug: 'samen-eten',
				kind: 'shared-meal',
				title: { nl: 'Samen eten', fr: 'Repas partagé', en: 'Shared meal' },
				description: { nl: 'We koken samen.', en: 'We cook together.' },
				placeId: publicPlace.id,
				startsAt: '2025-01-07T18:00',
				durationMinutes: 120,
				rrule: 'FREQ=WEEKLY;BYDAY=TU'
			}),
			gatheringRow({
				slug: 'open-kring-de-haven',
				title: { nl: 'Open kring in De Haven' },
				placeId: areaPlace.id,
				rrule: 'FREQ=MONTHLY;BYDAY=1TU'
			}),
			gatheringRow({
				slug: 'vrijwilligersoverleg',
				kind: 'volunteer-activity',
				title: { nl: 'Vrijwilligersoverleg' },
				placeId: publicPlace.id,
				visibility: 'members'
			}),
			gatheringRow({
				slug: 'wandeling-zuid',
				kind: 'walk',
				title: { nl: 'Wandeling in het Zuidpark' },
				neighbourhoodId: south.id,
				lat: 50.831,
				lon: 4.341,
				pointName: 'Aan de vijver'
			}),
			gatheringRow({
				slug: 'buurtontbijt',
				kind: 'shared-meal',
				title: { nl: 'Buurtontbijt', en: 'Neighbourhood breakfast' },
				placeId: publicPlace.id,
				startsAt: '2025-02-01T09:00'
			}),
			gatheringRow({
				slug: 'wintercursus',
				kind: 'workshop',
				title: { nl: 'Wintercursus' },
				placeId: publicPlace.id,
				startsAt: '2025-01-09T14:00',
				rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20250327'
			}),
			gatheringRow({
				slug: 'vreemd-ritme',
				title: { nl: 'Vreemd ritme' },
				placeId: publicPlace.id,
				startsAt: '2025-01-10T14:00',
				rrule: 'FREQ=WEEKLY;INTERVAL=twee'
			}),
			gatheringRow({
				slug: 'spreekuur-de-linde',
				kind: 'drop-in-hour',
				title: { nl: 'Spreekuur zonder afspraak' },
				placeId: publicPlace.id,
				visibility: 'area'
			})
		])
		.returning();
	ids.weeklyMeal = weeklyMeal.id;
	ids.circleAtAreaPlace = circleAtAreaPlace.id;
	ids.southWalk = southWalk.id;
	ids.cancelledBreakfast = cancelledBreakfast.id;
	ids.areaDropInHour = areaDropInHour.id;
	ids.courseWithEnd = courseWithEnd.id;
	ids.unreadableRule = unreadableRule.id;

	const [round] = await db
		.insert(rounds)
		.values([
			{
				slug: 'koffiebus-noord',
				name: { nl: 'Koffiebus Noord', en: 'Coffee bus North' },
				description: { nl: 'De koffiebus komt langs.' },
				neighbourhoodId: north.id,
				startsAt: '2025-01-14T09:30',
				rrule: 'FREQ=MONTHLY;BYDAY=2TU',
				partners: ['CAW', 'Gemeente']
			},
			{
				slug: 'verborgen-ronde',
				name: { nl: 'Verborgen ronde' },
				description: { nl: 'Alleen voor het team.' },
				neighbourhoodId: north.id,
				startsAt: '2025-01-15T09:30',
				visibility: 'members'
			}
		])
		.returning();
	ids.round = round.id;
	await db.insert(roundStops).values([
		{
			roundId: round.id,
			position: 1,
			street: 'Marktplein',
			lat: 50.861,
			lon: 4.351,
			arrivalTime: '10:00',
			stayMinutes: 45
		},
		{
			roundId: round.id,
			position: 2,
			street: 'Kerkstraat',
			lat: 50.862,
			lon: 4.352,
			arrivalTime: '11:00',
			stayMinutes: 30
		}
	]);

	await db.insert(occurrenceChanges).values([
		{ gatheringId: weeklyMeal.id, originalDate: '2025-01-14', status: 'cancelled' },
		{
			gatheringId: weeklyMeal.id,
			originalDate: '2025-01-21',
			status: 'moved',
			movedTo: '2025-01-23T18:30',
			note: { nl: 'Deze week op donderdag.' }
		},
		{
			gatheringId: weeklyMeal.id,
			originalDate: '2025-01-28',
			status: 'moved',
			note: { nl: 'Deze keer in de bibliotheek.' }
		},
		{ gatheringId: cancelledBreakfast.id, originalDate: '2025-02-01', status: 'cancelled' },
		{ roundId: round.id, originalDate: '2025-02-11', status: 'moved', movedTo: '2025-02-12T14:00' }
	]);
});

type Feature = {
	type: 'Feature';
	geometry: { type: 'Point'; coordinates: [number, number] } | null;
	properties: Record<string, unknown> & { slug: string; name: string };
};

async function readFeatures(pathAndQuery: string) {
	const response = await requestFeed(getPlacesFeed, pathAndQuery);
	expect(response.status).toBe(200);
	const body = (await response.json()) as { type: string; features: Feature[] };
	expect(body.type).toBe('FeatureCollection');
	return body.features;
}

function findFeature(features: Feature[], slug: string) {
	return features.find((feature) => feature.properties.slug === slug);
}

describe('GET /feeds/places.geojson', () => {
	it('answers GeoJSON that any site may fetch', async () => {
		const response = await requestFeed(getPlacesFeed, '/feeds/places.geojson');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
	});

	it('area-only place never shows its address or point', async () => {
		for (const query of ['', '?lang=fr', '?lang=en', '?neighbourhood=noordwijk']) {
			const response = await requestFeed(getPlacesFeed, `/feeds/places.geojson${query}`);
			const raw = await response.text();
			expect(raw).toContain('inloophuis-de-haven');
			for (const secret of SECRETS) expect(raw).not.toContain(secret);
		}
		const area = findFeature(await readFeatures('/feeds/places.geojson'), 'inloophuis-de-haven');
		expect(area?.geometry).toBeNull();
		expect(area?.properties.address).toBeNull();
		expect(area?.properties.location).toBe('neighbourhood');
		expect(area?.properties.neighbourhood).toEqual({
			id: ids.north,
			slug: 'noordwijk',
			name: 'Noordwijk'
		});
	});

	it('members-only and hidden places never appear', async () => {
		const raw = await (await requestFeed(getPlacesFeed, '/feeds/places.geojson')).text();
		for (const name of ['Ledenlokaal', 'Ledenstraat', 'Verstopte Kamer', 'Kamerstraat']) {
			expect(raw).not.toContain(name);
		}
	});

	it('public place has its point as [lon, lat] and the facts a visitor cares about', async () => {
		const linde = findFeature(await readFeatures('/feeds/places.geojson'), 'buurthuis-de-linde');
		expect(linde?.geometry).toEqual({ type: 'Point', coordinates: [4.3528, 50.8466] });
		expect(linde?.properties).toMatchObject({
			name: 'Buurthuis De Linde',
			names: {
				nl: 'Buurthuis De Linde',
				fr: 'Maison de quartier Le Tilleul',
				en: 'De Linde neighbourhood centre'
			},
			kind: 'neighbourhood-centre',
			url: 'http://localhost/nl/places/buurthuis-de-linde',
			address: 'Lindestraat 1, 1000 Brussel',
			location: 'exact',
			openingHours: 'Tu-Th 10:00-16:00; PH off',
			walkIn: true,
			cost: 'free',
			wheelchair: true,
			quietSpace: false,
			childrenWelcome: false,
			languages: ['nl', 'fr']
		});
	});

	it('speaks the language asked for with ?lang=', async () => {
		const linde = findFeature(
			await readFeatures('/feeds/places.geojson?lang=fr'),
			'buurthuis-de-linde'
		);
		expect(linde?.properties.name).toBe('Maison de quartier Le Tilleul');
		expect(linde?.properties.url).toBe('http://localhost/fr/places/buurthuis-de-linde');
		expect(linde?.properties.neighbourhood).toMatchObject({ name: 'Quartier Nord' });
	});

	it('filters by neighbourhood slug and by id', async () => {
		for (const value of ['zuidpark', String(ids.south)]) {
			const features = await readFeatures(`/feeds/places.geojson?neighbourhood=${value}`);
			expect(features.map((feature) => feature.properties.slug)).toEqual(['zuidhuis']);
		}
		const north = await readFeatures(`/feeds/places.geojson?neighbourhood=${ids.north}`);
		expect(north.map((feature) => feature.properties.slug).sort()).toEqual([
			'buurthuis-de-linde',
			'inloophuis-de-haven'
		]);
	});

	it('unknown neighbourhood is a 404', async () => {
		for (const value of ['nergenshuizen', '99999']) {
			const response = await requestFeed(
				getPlacesFeed,
				`/feeds/places.geojson?neighbourhood=${value}`
			);
			expect(response.status).toBe(404);
			expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
		}
	});
});

async function readCalendar(pathAndQuery: string) {
	const response = await requestFeed(getCalendarFeed, pathAndQuery);
	expect(response.status).toBe(200);
	const raw = await response.text();
	const events = Object.values(ical.sync.parseICS(raw)).filter(
		(component): component is VEvent => component?.type === 'VEVENT'
	);
	return { raw, events };
}

/** A property's value, whether or not node-ical kept its parameters beside it. */
function textOf(value: ParameterValue | undefined) {
	return typeof value === 'object' ? value.val : value;
}

/** The text of the VEVENT blocks with this UID, with folded lines joined again. */
function eventBlocks(raw: string, uid: string) {
	return raw
		.replace(/\r\n[ \t]/g, '')
		.split('BEGIN:VEVENT')
		.filter((block) => block.includes(`UID:${uid}\r\n`));
}

describe('GET /feeds/calendar.ics', () => {
	it('answers iCalendar with the Brussels time zone', async () => {
		const response = await requestFeed(getCalendarFeed, '/feeds/calendar.ics');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const raw = await response.text();
		expect(raw).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(raw).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n');
		expect(raw).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
	});

	it('area-only place never shows its address or point, only the neighbourhood', async () => {
		for (const query of ['', '?lang=fr', '?lang=en', '?neighbourhood=noordwijk']) {
			const { raw } = await readCalendar(`/feeds/calendar.ics${query}`);
			expect(raw).toContain(`UID:gathering-${ids.circleAtAreaPlace}@kwartier`);
			for (const secret of SECRETS) expect(raw).not.toContain(secret);
		}
		const { raw, events } = await readCalendar('/feeds/calendar.ics');
		const circle = events.find(
			(event) => event.uid === `gathering-${ids.circleAtAreaPlace}@kwartier`
		);
		expect(textOf(circle?.location)).toBe('Noordwijk');
		const [block] = eventBlocks(raw, `gathering-${ids.circleAtAreaPlace}@kwartier`);
		expect(block).not.toMatch(/^GEO:/m);
		expect(block).not.toContain('X-APPLE-STRUCTURED-LOCATION');
	});

	it('area-only gathering at a public place names only the neighbourhood', async () => {
		const { raw } = await readCalendar('/feeds/calendar.ics');
		const [block] = eventBlocks(raw, `gathering-${ids.areaDropInHour}@kwartier`);
		expect(block).toContain('SUMMARY:Spreekuur zonder afspraak\r\n');
		expect(block).toContain('LOCATION:Noordwijk\r\n');
		expect(block).not.toContain('Lindestraat');
		expect(block).not.toContain('50.8466');
		expect(block).not.toMatch(/^GEO:/m);
	});

	it('members-only gatherings and rounds never appear', async () => {
		const { raw } = await readCalendar('/feeds/calendar.ics');
		for (const name of NEVER_LISTED) expect(raw).not.toContain(name);
	});

	it('a weekly gathering has its RRULE, Brussels start and an EXDATE for the cancelled date', async () => {
		const { raw, events } = await readCalendar('/feeds/calendar.ics');
		const uid = `gathering-${ids.weeklyMeal}@kwartier`;
		const [series] = eventBlocks(raw, uid).filter((block) => !block.includes('RECURRENCE-ID'));
		expect(series).toContain('DTSTART;TZID=Europe/Brussels:20250107T180000\r\n');
		expect(series).toContain('DTEND;TZID=Europe/Brussels:20250107T200000\r\n');
		expect(series).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU\r\n');
		expect(series).toContain('EXDATE;TZID=Europe/Brussels:20250114T180000\r\n');
		expect(series).not.toMatch(/RRULE:[^\r]*DTSTART/);

		const meal = events.find((event) => event.uid === uid && !event.recurrenceid);
		expect(textOf(meal?.summary)).toBe('Samen eten');
		expect(meal?.rrule?.toString()).toContain('FREQ=WEEKLY;BYDAY=TU');
		expect(meal?.start.toISOString()).toBe('2025-01-07T17:00:00.000Z');
		expect(meal?.start.tz).toBe('Europe/Brussels');
		const excluded = Object.values(meal?.exdate ?? {}).map((date) => date.toISOString());
		expect([...new Set(excluded)]).toEqual(['2025-01-14T17:00:00.000Z']);
		expect(textOf(meal?.location)).toBe('Buurthuis De Linde, Lindestraat 1, 1000 Brussel');
		expect(textOf(meal?.url)).toBe(`http://localhost/nl/gatherings/samen-eten`);
	});

	it('a cancelled date is left out and a moved date shows at its new time', async () => {
		const { events } = await readCalendar('/feeds/calendar.ics');
		const meal = events.find(
			(event) => event.uid === `gathering-${ids.weeklyMeal}@kwartier` && event.rrule
		) as VEvent;
		const instances = ical.expandRecurringEvent(meal, {
			from: new Date('2025-01-01T00:00:00Z'),
			to: new Date('2025-02-01T00:00:00Z')
		});
		expect(instances.map((instance) => instance.start.toISOString())).toEqual([
			'2025-01-07T17:00:00.000Z',
			'2025-01-23T17:30:00.000Z',
			'2025-01-28T17:00:00.000Z'
		]);
		const [moved, elsewhere] = instances.filter((instance) => instance.isOverride);
		expect(moved?.end.toISOString()).toBe('2025-01-23T19:30:00.000Z');
		expect(String(textOf(moved?.event.description))).toContain('Deze week op donderdag.');
		expect(elsewhere?.start.toISOString()).toBe('2025-01-28T17:00:00.000Z');
		expect(String(textOf(elsewhere?.event.description))).toContain('Deze keer in de bibliotheek.');
	});

	it('a moved date overrides its original occurrence with RECURRENCE-ID', async () => {
		const { raw } = await readCalendar('/feeds/calendar.ics');
		const [override] = eventBlocks(raw, `gathering-${ids.weeklyMeal}@kwartier`).filter((block) =>
			block.includes('RECURRENCE-ID')
		);
		expect(override).toContain('RECURRENCE-ID;TZID=Europe/Brussels:20250121T180000\r\n');
		expect(override).toContain('DTSTART;TZID=Europe/Brussels:20250123T183000\r\n');
		expect(override).not.toContain('RRULE:');
	});

	it('an end date is written in UTC, as RFC 5545 wants with a zoned start', async () => {
		const { raw } = await readCalendar('/feeds/calendar.ics');
		const [block] = eventBlocks(raw, `gathering-${ids.courseWithEnd}@kwartier`);
		expect(block).toContain('RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20250327T225900Z\r\n');
	});

	it('a rule the app cannot read shows only the first date', async () => {
		const { raw } = await readCalendar('/feeds/calendar.ics');
		const [block] = eventBlocks(raw, `gathering-${ids.unreadableRule}@kwartier`);
		expect(block).toContain('DTSTART;TZID=Europe/Brussels:20250110T140000\r\n');
		expect(block).not.toContain('RRULE');
	});

	it('a cancelled one-off gathering stays in the feed, marked cancelled', async () => {
		const { events } = await readCalendar('/feeds/calendar.ics?lang=en');
		const breakfast = events.find(
			(event) => event.uid === `gathering-${ids.cancelledBreakfast}@kwartier`
		);
		expect(breakfast?.status).toBe('CANCELLED');
		expect(textOf(breakfast?.summary)).toBe('Cancelled: Neighbourhood breakfast');
		expect(breakfast?.rrule).toBeUndefined();
	});

	it('a moved round lists its stops at the new times', async () => {
		const { events } = await readCalendar('/feeds/calendar.ics');
		const round = events.find((event) => event.uid === `round-${ids.round}@kwartier`);
		const moved = round?.recurrences?.['2025-02-11'] as VEvent | undefined;
		expect(moved?.start.toISOString()).toBe('2025-02-12T13:00:00.000Z');
		const description = String(textOf(moved?.description));
		expect(description).toContain('14:00 Marktplein (45 min)');
		expect(description).toContain('15:00 Kerkstraat (30 min)');
	});

	it('times stay Brussels wall times whatever zone the server runs in', async () => {
		const before = process.env.TZ;
		process.env.TZ = 'America/New_York';
		try {
			const { raw } = await readCalendar('/feeds/calendar.ics');
			expect(raw).toContain('DTSTART;TZID=Europe/Brussels:20250107T180000\r\n');
		} finally {
			process.env.TZ = before;
		}
	});

	it('a round lists its stops with times and starts at the first stop', async () => {
		const { events } = await readCalendar('/feeds/calendar.ics');
		const round = events.find((event) => event.uid === `round-${ids.round}@kwartier`);
		expect(textOf(round?.summary)).toBe('Koffiebus Noord');
		expect(textOf(round?.location)).toBe('Marktplein');
		expect(round?.start.toISOString()).toBe('2025-01-14T09:00:00.000Z');
		expect(round?.end?.toISOString()).toBe('2025-01-14T10:30:00.000Z');
		expect(round?.rrule?.toString()).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU');
		const description = String(textOf(round?.description));
		expect(description).toContain('10:00 Marktplein (45 min)');
		expect(description).toContain('11:00 Kerkstraat (30 min)');
		expect(description).toContain('CAW, Gemeente');
		expect(textOf(round?.url)).toBe('http://localhost/nl/rounds/koffiebus-noord');
	});

	it('speaks the language asked for with ?lang=', async () => {
		const { events } = await readCalendar('/feeds/calendar.ics?lang=en');
		const meal = events.find((event) => event.uid === `gathering-${ids.weeklyMeal}@kwartier`);
		expect(textOf(meal?.summary)).toBe('Shared meal');
		expect(String(textOf(meal?.description))).toContain('We cook together.');
		expect(textOf(meal?.url)).toBe('http://localhost/en/gatherings/samen-eten');
	});

	it('filters by neighbourhood slug and by id', async () => {
		for (const value of ['zuidpark', String(ids.south)]) {
			const { events } = await readCalendar(`/feeds/calendar.ics?neighbourhood=${value}`);
			expect(events.map((event) => event.uid)).toEqual([`gathering-${ids.southWalk}@kwartier`]);
			expect(textOf(events[0].location)).toBe('Aan de vijver');
		}
		const { events } = await readCalendar(`/feeds/calendar.ics?neighbourhood=${ids.north}`);
		expect(new Set(events.map((event) => event.uid))).toEqual(
			new Set([
				`gathering-${ids.weeklyMeal}@kwartier`,
				`gathering-${ids.circleAtAreaPlace}@kwartier`,
				`gathering-${ids.cancelledBreakfast}@kwartier`,
				`gathering-${ids.areaDropInHour}@kwartier`,
				`gathering-${ids.courseWithEnd}@kwartier`,
				`gathering-${ids.unreadableRule}@kwartier`,
				`round-${ids.round}@kwartier`
			])
		);
	});

	it('unknown neighbourhood is a 404', async () => {
		const response = await requestFeed(
			getCalendarFeed,
			'/feeds/calendar.ics?neighbourhood=nergens'
		);
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Unknown neighbourhood');
	});
});
