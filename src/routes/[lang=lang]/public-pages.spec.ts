import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
import type { SignedInAccount } from '$lib/server/auth/session';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount, makeEvent, outcome } from '../../../tests/support/events';
import { load as loadHome } from './+page.server';
import { load as loadMap } from './map/+page.server';
import { load as loadPlace } from './places/[slug]/+page.server';
import { load as loadGathering } from './gatherings/[slug]/+page.server';
import { load as loadRound } from './rounds/[slug]/+page.server';
import type { PageServerData as HomeData } from './$types';
import type { PageServerData as MapData } from './map/$types';
import type { PageServerData as PlaceData } from './places/[slug]/$types';
import type { PageServerData as GatheringData } from './gatherings/[slug]/$types';
import type { PageServerData as RoundData } from './rounds/[slug]/$types';
import { load as loadNeighbourhood } from './neighbourhoods/[slug]/+page.server';
import { load as loadPoster } from './neighbourhoods/[slug]/agenda/+page.server';
import type { PageServerData as NeighbourhoodData } from './neighbourhoods/[slug]/$types';
import type { PageServerData as PosterData } from './neighbourhoods/[slug]/agenda/$types';

// What an area-only place or meeting point must never show to a visitor.
const AREA_SECRETS = [
	'Geheimstraat',
	'groene deur',
	'50.8512345',
	'4.3412345',
	'Bij de geheime bank',
	'50.8598765',
	'4.3598765'
];

let volunteer: SignedInAccount;

/** Pins the app's clock to a Brussels wall time. */
function setClock(wall: string) {
	vi.stubEnv('KWARTIER_NOW', wallTimeToDate(wall).toISOString());
}

/** Calls a page's load as SvelteKit would for this path, as a visitor or signed in. */
async function visit<Data>(
	load: (event: never) => unknown,
	path: string,
	account: SignedInAccount | null = null
) {
	const [, lang, , slug] = new URL(path, 'http://localhost').pathname.split('/');
	const params: Record<string, string> = slug ? { lang, slug } : { lang };
	const { event, headers } = makeEvent(path, { account, params });
	const result = await outcome(() => load(event as never));
	return { data: result.returned as Data | undefined, status: result.thrown?.status, headers };
}

function placeRow(values: Partial<NewPlace> & Pick<NewPlace, 'slug' | 'name'>): NewPlace {
	return {
		kind: 'neighbourhood-centre',
		whatToExpect: { nl: 'Koffie en een praatje.' },
		neighbourhoodId: 0,
		...values
	};
}

function gatheringRow(
	values: Partial<NewGathering> & Pick<NewGathering, 'slug' | 'startsAt'>
): NewGathering {
	return {
		kind: 'open-circle',
		title: { nl: values.slug },
		description: { nl: 'Iedereen welkom.' },
		neighbourhoodId: 0,
		durationMinutes: 120,
		host: 'Buurtwerk Noord',
		...values
	};
}

beforeAll(async () => {
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'noordwijk',
			name: { nl: 'Noordwijk' },
			municipality: 'Brussel',
			centreLat: 50.86,
			centreLon: 4.35
		})
		.returning();
	const inHood = { neighbourhoodId: hood.id };

	const [linde, haven] = await db
		.insert(places)
		.values([
			placeRow({
				...inHood,
				slug: 'buurthuis-de-linde',
				name: { nl: 'Buurthuis De Linde' },
				address: 'Lindestraat 1, 1000 Brussel',
				lat: 50.8466,
				lon: 4.3528,
				openingHours: 'Mo-Fr 09:00-17:00; PH off'
			}),
			placeRow({
				...inHood,
				slug: 'inloophuis-de-haven',
				kind: 'drop-in-house',
				name: { nl: 'Inloophuis De Haven' },
				howToGetThere: { nl: 'Bel aan bij de groene deur.' },
				address: 'Geheimstraat 99, 1000 Brussel',
				lat: 50.8512345,
				lon: 4.3412345,
				visibility: 'area'
			}),
			placeRow({
				...inHood,
				slug: 'ledenlokaal',
				name: { nl: 'Ledenlokaal' },
				address: 'Ledenstraat 5',
				lat: 50.85,
				lon: 4.36,
				visibility: 'members'
			}),
			placeRow({
				...inHood,
				slug: 'verstopte-kamer',
				name: { nl: 'Verstopte Kamer' },
				visibility: 'hidden'
			}),
			placeRow({
				...inHood,
				slug: 'oud-buurthuis',
				name: { nl: 'Oud Buurthuis' },
				archivedAt: '2026-01-01T00:00:00Z'
			})
		])
		.returning();

	const inserted = await db
		.insert(gatherings)
		.values([
			gatheringRow({
				...inHood,
				slug: 'koffie-in-de-linde',
				placeId: linde.id,
				startsAt: '2026-11-03T14:00',
				rrule: 'FREQ=WEEKLY;BYDAY=TU'
			}),
			gatheringRow({
				...inHood,
				slug: 'avondmaal',
				kind: 'shared-meal',
				placeId: linde.id,
				startsAt: '2026-11-26T18:00'
			}),
			gatheringRow({
				...inHood,
				slug: 'vrijwilligersoverleg',
				kind: 'volunteer-activity',
				placeId: linde.id,
				startsAt: '2026-11-27T19:00',
				visibility: 'members'
			}),
			gatheringRow({
				...inHood,
				slug: 'kring-in-de-haven',
				placeId: haven.id,
				startsAt: '2026-11-04T10:00',
				rrule: 'FREQ=WEEKLY;BYDAY=WE'
			}),
			gatheringRow({
				...inHood,
				slug: 'ledenkring',
				startsAt: '2026-11-26T10:00',
				lat: 50.86,
				lon: 4.36,
				visibility: 'members'
			}),
			gatheringRow({
				...inHood,
				slug: 'verborgen-kring',
				startsAt: '2026-11-26T11:00',
				visibility: 'hidden'
			}),
			gatheringRow({
				...inHood,
				slug: 'donderdagkring',
				startsAt: '2026-11-05T19:00',
				rrule: 'FREQ=WEEKLY;BYDAY=TH',
				lat: 50.861,
				lon: 4.351,
				pointName: 'Aan de fontein'
			}),
			gatheringRow({
				...inHood,
				slug: 'vrijdagkring',
				startsAt: '2026-11-06T09:00',
				rrule: 'FREQ=WEEKLY;BYDAY=FR'
			}),
			gatheringRow({
				...inHood,
				slug: 'geheime-wandeling',
				kind: 'walk',
				startsAt: '2026-11-28T10:00',
				lat: 50.8598765,
				lon: 4.3598765,
				pointName: 'Bij de geheime bank',
				visibility: 'area'
			})
		])
		.returning();
	const gatheringId = (slug: string) => inserted.find((row) => row.slug === slug)?.id;

	const [bus, membersBus] = await db
		.insert(rounds)
		.values([
			{
				...inHood,
				slug: 'koffiebus-noord',
				name: { nl: 'Koffiebus Noord' },
				description: { nl: 'Koffie op straat.' },
				startsAt: '2026-11-04T09:30',
				rrule: 'FREQ=WEEKLY;BYDAY=WE'
			},
			{
				...inHood,
				slug: 'ledenbus',
				name: { nl: 'Ledenbus' },
				description: { nl: 'Alleen voor vrijwilligers.' },
				startsAt: '2026-11-05T09:30',
				rrule: 'FREQ=WEEKLY;BYDAY=TH',
				visibility: 'members'
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
		},
		{
			roundId: bus.id,
			position: 3,
			street: 'Parkweg',
			lat: 50.864,
			lon: 4.354,
			arrivalTime: '12:15',
			stayMinutes: 30
		},
		{
			roundId: membersBus.id,
			position: 1,
			street: 'Ledenplein',
			lat: 50.87,
			lon: 4.36,
			arrivalTime: '10:00',
			stayMinutes: 30
		}
	]);

	await db.insert(occurrenceChanges).values([
		{ gatheringId: gatheringId('donderdagkring'), originalDate: '2026-11-26', status: 'cancelled' },
		{ gatheringId: gatheringId('vrijdagkring'), originalDate: '2026-12-04', status: 'cancelled' },
		{ roundId: bus.id, originalDate: '2026-11-25', status: 'cancelled' }
	]);

	volunteer = await createTestAccount('volunteer', { neighbourhoodIds: [hood.id] });
});

beforeEach(() => {
	// Tuesday 24 November 2026, half past ten.
	setClock('2026-11-24T10:30');
});

afterAll(() => {
	vi.unstubAllEnvs();
});

describe('place page', () => {
	it('a visitor sees a public place, open now, with a public cache header', async () => {
		const { data, headers } = await visit<PlaceData>(loadPlace, '/nl/places/buurthuis-de-linde');
		expect(data?.place.name.text).toBe('Buurthuis De Linde');
		expect(data?.place.location).toEqual({
			exact: true,
			address: 'Lindestraat 1, 1000 Brussel',
			lat: 50.8466,
			lon: 4.3528
		});
		expect(data?.opening.state).toBe('open');
		expect(headers.get('Cache-Control')).toBe('public, max-age=60');
	});

	it.each(['ledenlokaal', 'verstopte-kamer', 'oud-buurthuis', 'bestaat-niet'])(
		'a visitor gets 404 for %s',
		async (slug) => {
			const { status } = await visit(loadPlace, `/nl/places/${slug}`);
			expect(status).toBe(404);
		}
	);

	it('a signed-in volunteer sees a members-only place', async () => {
		const { data } = await visit<PlaceData>(loadPlace, '/nl/places/ledenlokaal', volunteer);
		expect(data?.place.slug).toBe('ledenlokaal');
		expect(data?.place.location).toMatchObject({ exact: true, address: 'Ledenstraat 5' });
	});

	it('a signed-in volunteer still gets 404 for a hidden or archived place', async () => {
		expect((await visit(loadPlace, '/nl/places/verstopte-kamer', volunteer)).status).toBe(404);
		expect((await visit(loadPlace, '/nl/places/oud-buurthuis', volunteer)).status).toBe(404);
	});

	it('area-only place never shows its address to a visitor', async () => {
		const { data } = await visit<PlaceData>(loadPlace, '/nl/places/inloophuis-de-haven');
		expect(data?.place.name.text).toBe('Inloophuis De Haven');
		expect(data?.place.location).toEqual({ exact: false });
		expect(data?.place.howToGetThere).toBeNull();
		const json = JSON.stringify(data);
		for (const secret of AREA_SECRETS) expect(json).not.toContain(secret);
	});

	it('a signed-in volunteer gets the exact location of an area-only place', async () => {
		const { data } = await visit<PlaceData>(loadPlace, '/nl/places/inloophuis-de-haven', volunteer);
		expect(data?.place.location).toEqual({
			exact: true,
			address: 'Geheimstraat 99, 1000 Brussel',
			lat: 50.8512345,
			lon: 4.3412345
		});
		expect(data?.place.howToGetThere?.text).toBe('Bel aan bij de groene deur.');
	});

	it('lists the gatherings held there with their next dates, soonest first', async () => {
		const { data } = await visit<PlaceData>(loadPlace, '/nl/places/buurthuis-de-linde');
		expect(
			data?.gatherings.map((gathering) => ({
				slug: gathering.slug,
				next: gathering.next.map((occurrence) => occurrence.start)
			}))
		).toEqual([
			{
				slug: 'koffie-in-de-linde',
				next: ['2026-11-24T14:00', '2026-12-01T14:00', '2026-12-08T14:00']
			},
			{ slug: 'avondmaal', next: ['2026-11-26T18:00'] }
		]);
	});

	it('shows a volunteer the members-only gatherings held there too', async () => {
		const { data } = await visit<PlaceData>(loadPlace, '/nl/places/buurthuis-de-linde', volunteer);
		expect(data?.gatherings.map((gathering) => gathering.slug)).toEqual([
			'koffie-in-de-linde',
			'avondmaal',
			'vrijwilligersoverleg'
		]);
	});
});

describe('gathering page', () => {
	it.each(['ledenkring', 'verborgen-kring', 'bestaat-niet'])(
		'a visitor gets 404 for %s',
		async (slug) => {
			const { status } = await visit(loadGathering, `/nl/gatherings/${slug}`);
			expect(status).toBe(404);
		}
	);

	it('a signed-in volunteer sees a members-only gathering but not a hidden one', async () => {
		const members = await visit<GatheringData>(
			loadGathering,
			'/nl/gatherings/ledenkring',
			volunteer
		);
		expect(members.data?.gathering.slug).toBe('ledenkring');
		const hidden = await visit(loadGathering, '/nl/gatherings/verborgen-kring', volunteer);
		expect(hidden.status).toBe(404);
	});

	it('a public gathering at an area-only place shows no address or point to a visitor', async () => {
		const { data } = await visit<GatheringData>(loadGathering, '/nl/gatherings/kring-in-de-haven');
		expect(data?.gathering.place?.slug).toBe('inloophuis-de-haven');
		expect(data?.gathering.location).toEqual({ exact: false });
		const json = JSON.stringify(data);
		for (const secret of AREA_SECRETS) expect(json).not.toContain(secret);
	});

	it('a signed-in volunteer gets the address of a gathering at an area-only place', async () => {
		const { data } = await visit<GatheringData>(
			loadGathering,
			'/nl/gatherings/kring-in-de-haven',
			volunteer
		);
		expect(data?.gathering.location).toMatchObject({
			exact: true,
			address: 'Geheimstraat 99, 1000 Brussel'
		});
	});

	it('an area-only meeting point never shows its name or point to a visitor', async () => {
		const { data } = await visit<GatheringData>(loadGathering, '/nl/gatherings/geheime-wandeling');
		expect(data?.gathering.pointName).toBeNull();
		expect(data?.gathering.location).toEqual({ exact: false });
		const json = JSON.stringify(data);
		for (const secret of AREA_SECRETS) expect(json).not.toContain(secret);
	});

	it('says it is cancelled this week when this week’s date is cancelled', async () => {
		const { data } = await visit<GatheringData>(loadGathering, '/nl/gatherings/donderdagkring');
		expect(data?.cancelledThisWeek).toBe(true);
		expect(data?.next.slice(0, 2).map(({ start, status }) => ({ start, status }))).toEqual([
			{ start: '2026-11-26T19:00', status: 'cancelled' },
			{ start: '2026-12-03T19:00', status: 'scheduled' }
		]);
	});

	it('a date cancelled next week is not "cancelled this week"', async () => {
		const { data } = await visit<GatheringData>(loadGathering, '/nl/gatherings/vrijdagkring');
		expect(data?.cancelledThisWeek).toBe(false);
		expect(data?.next.find((occurrence) => occurrence.status === 'cancelled')?.start).toBe(
			'2026-12-04T09:00'
		);
	});

	it('describes a weekly rhythm', async () => {
		const { data } = await visit<GatheringData>(loadGathering, '/nl/gatherings/donderdagkring');
		expect(data?.rhythm).toMatchObject({ frequency: 'weekly', weekday: 4 });
	});
});

describe('coffee-bus round page', () => {
	it('gives each stop its next visit, skipping a cancelled round date', async () => {
		const { data } = await visit<RoundData>(loadRound, '/nl/rounds/koffiebus-noord');
		expect(data?.round.stops.map(({ street, nextVisit }) => ({ street, nextVisit }))).toEqual([
			{ street: 'Marktplein', nextVisit: '2026-12-02T10:00' },
			{ street: 'Kerkstraat', nextVisit: '2026-12-02T11:00' },
			{ street: 'Parkweg', nextVisit: '2026-12-02T12:15' }
		]);
		expect(data?.visits[0]).toMatchObject({ start: '2026-11-25T10:00', status: 'cancelled' });
	});

	it('on the day, a stop the bus has left points to the next week', async () => {
		setClock('2026-12-02T11:20');
		const { data } = await visit<RoundData>(loadRound, '/nl/rounds/koffiebus-noord');
		expect(data?.round.stops.map((stop) => stop.nextVisit)).toEqual([
			'2026-12-09T10:00',
			'2026-12-02T11:00',
			'2026-12-02T12:15'
		]);
	});

	it('a visitor gets 404 for a members-only round; a volunteer sees it', async () => {
		expect((await visit(loadRound, '/nl/rounds/ledenbus')).status).toBe(404);
		const { data } = await visit<RoundData>(loadRound, '/nl/rounds/ledenbus', volunteer);
		expect(data?.round.stops.map((stop) => stop.street)).toEqual(['Ledenplein']);
	});
});

describe('map', () => {
	/** What the page lists (its markers come from markers.json, see markers.spec.ts). */
	const itemsOf = (data: MapData | undefined) => [
		...(data?.listed ?? []),
		...(data?.areaOnly ?? [])
	];

	it('has no point for area-only places and meeting points for a visitor', async () => {
		const { data } = await visit<MapData>(loadMap, '/nl/map');
		const haven = itemsOf(data).find((item) => item.href === '/nl/places/inloophuis-de-haven');
		const walk = itemsOf(data).find((item) => item.href === '/nl/gatherings/geheime-wandeling');
		expect(haven).toMatchObject({ type: 'place', point: null });
		expect(walk).toMatchObject({ type: 'gathering', point: null });
		const json = JSON.stringify(data);
		for (const secret of AREA_SECRETS) expect(json).not.toContain(secret);
	});

	it('shows a visitor public points, coffee-bus stops, and nothing members-only', async () => {
		const { data } = await visit<MapData>(loadMap, '/nl/map');
		const hrefs = itemsOf(data).map((item) => item.href);
		expect(
			itemsOf(data).find((item) => item.href === '/nl/places/buurthuis-de-linde')?.point
		).toEqual({ lat: 50.8466, lon: 4.3528 });
		expect(
			itemsOf(data)
				.filter((item) => item.type === 'round')
				.map((item) => item.point?.number)
		).toEqual([1, 2, 3]);
		for (const hidden of [
			'ledenlokaal',
			'verstopte-kamer',
			'oud-buurthuis',
			'ledenkring',
			'ledenbus'
		])
			expect(hrefs.some((href) => href.endsWith(`/${hidden}`))).toBe(false);
	});

	it('gives a signed-in volunteer the point of an area-only place', async () => {
		const { data } = await visit<MapData>(loadMap, '/nl/map', volunteer);
		const haven = itemsOf(data).find((item) => item.href === '/nl/places/inloophuis-de-haven');
		expect(haven?.point).toEqual({ lat: 50.8512345, lon: 4.3412345 });
	});
});

describe('home page', () => {
	it('lists public and area-only places for a visitor without their addresses', async () => {
		const { data } = await visit<HomeData>(loadHome, '/nl');
		expect(data?.places.items.map((place) => place.slug).sort()).toEqual([
			'buurthuis-de-linde',
			'inloophuis-de-haven'
		]);
		const json = JSON.stringify(data);
		for (const secret of [...AREA_SECRETS, 'Lindestraat', 'Ledenlokaal', 'ledenkring'])
			expect(json).not.toContain(secret);
	});
});

describe('neighbourhood page', () => {
	it('shows a visitor what is on there, without members-only items or area addresses', async () => {
		const { data } = await visit<NeighbourhoodData>(
			loadNeighbourhood,
			'/nl/neighbourhoods/noordwijk'
		);
		const slugs = data?.upcoming.map((item) => item.slug) ?? [];
		expect(slugs).toContain('koffie-in-de-linde');
		expect(slugs).toContain('kring-in-de-haven');
		for (const hidden of ['ledenkring', 'verborgen-kring', 'vrijwilligersoverleg', 'ledenbus'])
			expect(slugs).not.toContain(hidden);
		expect(data?.places.map((place) => place.slug).sort()).toEqual([
			'buurthuis-de-linde',
			'inloophuis-de-haven'
		]);
		const json = JSON.stringify(data);
		for (const secret of [...AREA_SECRETS, 'Ledenlokaal', 'Ledenbus'])
			expect(json).not.toContain(secret);
	});

	it('gives the next coffee-bus visit, skipping a cancelled date and saying so', async () => {
		const { data } = await visit<NeighbourhoodData>(
			loadNeighbourhood,
			'/nl/neighbourhoods/noordwijk'
		);
		expect(
			data?.bus.map((bus) => ({
				round: bus.round.slug,
				start: bus.visit.start,
				skipped: bus.skipped?.start,
				stops: bus.stops.map((stop) => stop.arrival)
			}))
		).toEqual([
			{
				round: 'koffiebus-noord',
				start: '2026-12-02T10:00',
				skipped: '2026-11-25T10:00',
				stops: ['2026-12-02T10:00', '2026-12-02T11:00', '2026-12-02T12:15']
			}
		]);
	});

	it('shows a signed-in volunteer the members-only gathering and round too', async () => {
		const { data } = await visit<NeighbourhoodData>(
			loadNeighbourhood,
			'/nl/neighbourhoods/noordwijk',
			volunteer
		);
		expect(data?.upcoming.map((item) => item.slug)).toContain('ledenkring');
		expect(data?.bus.map((bus) => bus.round.slug)).toContain('ledenbus');
	});

	it('a visitor gets 404 for a neighbourhood that does not exist', async () => {
		expect((await visit(loadNeighbourhood, '/nl/neighbourhoods/bestaat-niet')).status).toBe(404);
	});
});

describe('neighbourhood poster', () => {
	it('shows only public and area-only items, even when a signed-in volunteer prints it', async () => {
		for (const account of [null, volunteer]) {
			const { data } = await visit<PosterData>(
				loadPoster,
				'/nl/neighbourhoods/noordwijk/agenda',
				account
			);
			const keys = data?.poster.days.flatMap((day) => day.items.map((item) => item.key)) ?? [];
			expect(keys).toContain('avondmaal:2026-11-26');
			expect(keys).toContain('geheime-wandeling:2026-11-28');
			const json = JSON.stringify(data);
			for (const secret of [
				...AREA_SECRETS,
				'ledenkring',
				'vrijwilligersoverleg',
				'verborgen-kring',
				'Ledenlokaal',
				'Verstopte Kamer',
				'Ledenbus'
			])
				expect(json).not.toContain(secret);
		}
	});

	it('marks this week’s cancelled dates on the poster', async () => {
		const { data } = await visit<PosterData>(loadPoster, '/nl/neighbourhoods/noordwijk/agenda');
		const items = data?.poster.days.flatMap((day) => day.items) ?? [];
		expect(items.find((item) => item.key === 'donderdagkring:2026-11-26')?.status).toBe(
			'cancelled'
		);
		expect(data?.poster.bus[0]).toMatchObject({ start: '2026-11-25T10:00', status: 'cancelled' });
	});
});
