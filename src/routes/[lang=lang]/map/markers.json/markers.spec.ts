import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	places,
	type NewGathering,
	type NewPlace
} from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createTestAccount, makeEvent } from '../../../../../tests/support/events';
import { GET } from './+server';
import { load as loadMap } from '../+page.server';
import type { PageServerData as MapData } from '../$types';

type Row = [number, number, string, number | null, string, string];

let worker: SignedInAccount;

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
		kind: 'walk',
		title: { nl: values.slug },
		description: { nl: 'Iedereen welkom.' },
		neighbourhoodId: 0,
		durationMinutes: 60,
		host: 'Buurtwerk',
		...values
	};
}

async function markers(
	path: string,
	options: { account?: SignedInAccount; ifNoneMatch?: string } = {}
) {
	const { event } = makeEvent(path, { account: options.account ?? null });
	const headers = options.ifNoneMatch ? { 'if-none-match': options.ifNoneMatch } : undefined;
	const response = await GET({
		...event,
		request: new Request(event.url, { headers })
	} as Parameters<typeof GET>[0]);
	const text = await response.text();
	const rows = text ? ((JSON.parse(text) as { markers: Row[] }).markers ?? []) : [];
	return { response, text, rows, hrefs: rows.map((row) => row[5]) };
}

beforeAll(async () => {
	const [north, south] = await db
		.insert(neighbourhoods)
		.values([
			{
				slug: 'noord',
				name: { nl: 'Noord' },
				municipality: 'Brussel',
				centreLat: 50.86,
				centreLon: 4.35
			},
			{
				slug: 'zuid',
				name: { nl: 'Zuid' },
				municipality: 'Brussel',
				centreLat: 50.83,
				centreLon: 4.34
			}
		])
		.returning();
	await db.insert(places).values([
		placeRow({
			neighbourhoodId: north.id,
			slug: 'de-linde',
			kind: 'cafe',
			name: { nl: 'De Linde', fr: 'Le Tilleul' },
			address: 'Lindestraat 1',
			lat: 50.8466,
			lon: 4.3528
		}),
		placeRow({
			neighbourhoodId: north.id,
			slug: 'de-haven',
			kind: 'drop-in-house',
			name: { nl: 'De Haven' },
			address: 'Geheimstraat 99',
			lat: 50.8512345,
			lon: 4.3412345,
			visibility: 'area'
		}),
		placeRow({
			neighbourhoodId: north.id,
			slug: 'ledenlokaal',
			name: { nl: 'Ledenlokaal' },
			address: 'Ledenstraat 5',
			lat: 50.85,
			lon: 4.36,
			visibility: 'members'
		}),
		placeRow({
			neighbourhoodId: north.id,
			slug: 'verstopte-kamer',
			name: { nl: 'Verstopte Kamer' },
			lat: 50.852,
			lon: 4.361,
			visibility: 'hidden'
		}),
		placeRow({
			neighbourhoodId: south.id,
			slug: 'zuidhuis',
			name: { nl: 'Zuidhuis' },
			address: 'Zuidlaan 2',
			lat: 50.83,
			lon: 4.34
		})
	]);
	await db.insert(gatherings).values([
		gatheringRow({
			neighbourhoodId: south.id,
			slug: 'wandeling-aan-de-fontein',
			startsAt: '2026-11-05T19:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TH',
			lat: 50.831,
			lon: 4.341,
			pointName: 'Aan de fontein'
		})
	]);
	worker = await createTestAccount('worker');
});

describe('the map markers', () => {
	it('gives a visitor one short row per public point, with a label in the page language', async () => {
		const { response, rows } = await markers('/nl/map/markers.json');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
		expect(rows).toContainEqual([
			50.8466,
			4.3528,
			'place',
			null,
			'De Linde (Café)',
			'/nl/places/de-linde'
		]);
		expect(rows.map((row) => row[5]).sort()).toEqual([
			'/nl/gatherings/wandeling-aan-de-fontein',
			'/nl/places/de-linde',
			'/nl/places/zuidhuis'
		]);
		const french = await markers('/fr/map/markers.json');
		expect(french.rows).toContainEqual([
			50.8466,
			4.3528,
			'place',
			null,
			'Le Tilleul (Café)',
			'/fr/places/de-linde'
		]);
	});

	it('has no marker for an area-only place, nor its point, and nothing members-only for a visitor', async () => {
		const { text, hrefs } = await markers('/nl/map/markers.json');
		expect(hrefs).not.toContain('/nl/places/de-haven');
		for (const secret of ['50.851', '4.341234', 'Ledenlokaal', 'Verstopte Kamer'])
			expect(text).not.toContain(secret);
	});

	it('shows a worker the members-only place too, in an answer nobody else keeps', async () => {
		const { response, hrefs } = await markers('/nl/map/markers.json', { account: worker });
		expect(hrefs).toContain('/nl/places/ledenlokaal');
		expect(hrefs).not.toContain('/nl/places/verstopte-kamer');
		expect(response.headers.get('cache-control')).toMatch(/private/);
		// The visitor's answer, asked right after, is still the visitor's.
		expect((await markers('/nl/map/markers.json')).hrefs).not.toContain('/nl/places/ledenlokaal');
	});

	it('takes the filters of the map page', async () => {
		expect((await markers('/nl/map/markers.json?neighbourhood=zuid')).hrefs.sort()).toEqual([
			'/nl/gatherings/wandeling-aan-de-fontein',
			'/nl/places/zuidhuis'
		]);
		expect((await markers('/nl/map/markers.json?what=gathering')).hrefs).toEqual([
			'/nl/gatherings/wandeling-aan-de-fontein'
		]);
		expect((await markers('/nl/map/markers.json?what=place:cafe')).hrefs).toEqual([
			'/nl/places/de-linde'
		]);
	});

	it('answers 304 to the tag it gave, and a new tag once the data changed', async () => {
		const first = await markers('/nl/map/markers.json');
		const etag = first.response.headers.get('etag')!;
		expect(etag).toMatch(/^W\/"/);
		const again = await markers('/nl/map/markers.json', { ifNoneMatch: etag });
		expect(again.response.status).toBe(304);
		expect(again.text).toBe('');
		const forWorker = await markers('/nl/map/markers.json', { account: worker });
		expect(forWorker.response.headers.get('etag')).not.toBe(etag);

		const [hood] = await db.select().from(neighbourhoods).limit(1);
		await db.insert(places).values(
			placeRow({
				neighbourhoodId: hood.id,
				slug: 'nieuw-lokaal',
				name: { nl: 'Nieuw Lokaal' },
				address: 'Nieuwstraat 3',
				lat: 50.86,
				lon: 4.35
			})
		);
		const changed = await markers('/nl/map/markers.json', { ifNoneMatch: etag });
		expect(changed.response.status).toBe(200);
		expect(changed.hrefs).toContain('/nl/places/nieuw-lokaal');
		expect(changed.response.headers.get('etag')).not.toBe(etag);
	});
});

describe('the map page', () => {
	it('carries the first items of its list and the address of its markers, not every marker', async () => {
		const [hood] = await db.select().from(neighbourhoods).limit(1);
		await db.insert(places).values(
			Array.from({ length: 120 }, (_, index) =>
				placeRow({
					neighbourhoodId: hood.id,
					slug: `plek-${index}`,
					name: { nl: `Plek ${index}` },
					address: `Straat ${index}`,
					lat: 50.84 + index / 10_000,
					lon: 4.35
				})
			)
		);
		const { event } = makeEvent('/nl/map?walkin=0');
		const data = (await loadMap(event as Parameters<typeof loadMap>[0])) as MapData;
		expect(data.listed).toHaveLength(100);
		expect(data.counts.onMap).toBeGreaterThan(120);
		expect(data.areaOnly.map((item) => item.href)).toContain('/nl/places/de-haven');
		expect(data.markersUrl).toBe('/nl/map/markers.json?walkin=0');
		const { rows } = await markers(data.markersUrl);
		expect(rows).toHaveLength(data.counts.onMap);
	});
});
