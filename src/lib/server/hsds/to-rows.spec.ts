import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { demoGatherings, demoPlaces, type DemoPlace } from '$lib/server/seed/demo-data';
import { weekSchedule } from '$lib/server/schedule/opening-hours';
import { wallTimeToDate } from '$lib/server/schedule/time';
import type { ImportRow } from '$lib/server/import/columns';
import { buildHsdsServices } from './export';
import { nameBasedId } from './ids';
import { hsdsToImportRows } from './to-rows';
import type { HsdsPage, HsdsService } from './types';

let services: HsdsService[] = [];

beforeAll(async () => {
	await seedDemoIfEmpty(db);
	services = await buildHsdsServices({ locale: 'nl', origin: 'https://kwartier.example' });
});

const visitorPlaces = demoPlaces.filter((place) => ['public', 'area'].includes(place.visibility));
const visitorGatherings = demoGatherings.filter(
	(gathering) =>
		['public', 'area'].includes(gathering.visibility) &&
		(gathering.place === null || visitorPlaces.some((place) => place.slug === gathering.place))
);

function visibilityOf(gathering: (typeof demoGatherings)[number]) {
	const place = demoPlaces.find((item) => item.slug === gathering.place);
	return place?.visibility === 'area' ? 'area' : gathering.visibility;
}

const placeId = (slug: string) => nameBasedId(`place:${slug}`);
const gatheringId = (slug: string) => nameBasedId(`gathering:${slug}`);
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * Expects a row to hold these values, and to leave out the columns given as undefined
 * (toMatchObject would want such a column to be there).
 */
function expectRow(
	row: ImportRow | undefined,
	expected: Record<string, string | undefined>,
	label: string
) {
	expect(row, label).toBeDefined();
	const given = Object.fromEntries(
		Object.entries(expected).filter(([, value]) => value !== undefined)
	);
	expect(row, label).toMatchObject(given);
	for (const [column, value] of Object.entries(expected)) {
		if (value === undefined)
			expect(row?.[column as keyof ImportRow], `${label}: ${column}`).toBeUndefined();
	}
}

function byId(rows: ImportRow[]) {
	return new Map(rows.map((row) => [row.id, row]));
}

/** Open hours of five weeks, without public holidays (HSDS has no word for them). */
function fiveWeeks(expression: string) {
	return weekSchedule(expression, wallTimeToDate('2026-03-02T12:00'), 35)
		.filter((day) => !day.holiday)
		.map(
			(day) => `${day.date} ${day.intervals.map((span) => `${span.from}-${span.to}`).join(',')}`
		);
}

/** The export as another publisher would read it: the standard HSDS fields only. */
function withoutKwartierFacts(list: HsdsService[]): HsdsService[] {
	return list.map((service) => ({ ...service, attributes: [] }));
}

function location(place: DemoPlace) {
	return place.visibility === 'public'
		? { address: place.address, lat: String(place.lat), lon: String(place.lon) }
		: { address: undefined, lat: undefined, lon: undefined };
}

describe('HSDS services back to import rows', () => {
	it('gives every public place of the demo back with the same facts', () => {
		const page: HsdsPage<HsdsService> = {
			total_items: services.length,
			total_pages: 1,
			page_number: 1,
			size: services.length,
			first_page: true,
			last_page: true,
			empty: false,
			contents: services
		};
		const { rows, problems } = hsdsToImportRows(page);
		expect(problems).toEqual([]);
		expect(rows).toHaveLength(visitorPlaces.length + visitorGatherings.length);
		const rowsById = byId(rows);
		for (const place of visitorPlaces) {
			const row = rowsById.get(placeId(place.slug));
			expectRow(
				row,
				{
					record: 'place',
					slug: place.slug,
					kind: place.kind,
					name_nl: place.name.nl,
					name_fr: place.name.fr,
					name_en: place.name.en,
					description_nl: place.whatToExpect.nl,
					description_fr: place.whatToExpect.fr,
					description_en: place.whatToExpect.en,
					neighbourhood: place.neighbourhood,
					visibility: place.visibility,
					opening_hours: place.openingHours ?? undefined,
					walk_in: yesNo(place.walkIn),
					coffee: yesNo(place.coffee),
					may_sit_without_buying: yesNo(place.maySitWithoutBuying),
					wheelchair: yesNo(place.wheelchair),
					quiet_space: yesNo(place.quietSpace),
					children_welcome: yesNo(place.childrenWelcome),
					cost: place.cost,
					languages: place.languages.join(' ') || undefined,
					phone: place.phone ?? undefined,
					email: place.email ?? undefined,
					website: place.website ?? undefined,
					...location(place)
				},
				place.slug
			);
		}
	});

	it('gives every public gathering of the demo back with the same dates, place and host', () => {
		const rowsById = byId(hsdsToImportRows(services).rows);
		for (const gathering of visitorGatherings) {
			const row = rowsById.get(gatheringId(gathering.slug));
			expectRow(
				row,
				{
					record: 'gathering',
					slug: gathering.slug,
					kind: gathering.kind,
					name_nl: gathering.title.nl,
					name_fr: gathering.title.fr,
					name_en: gathering.title.en,
					description_nl: gathering.description.nl,
					description_fr: gathering.description.fr,
					description_en: gathering.description.en,
					neighbourhood: gathering.neighbourhood,
					// A gathering at an area-only place tells no more than its place does.
					visibility: visibilityOf(gathering),
					starts_at: gathering.startsAt,
					duration_minutes: String(gathering.durationMinutes),
					rrule: gathering.rrule ?? undefined,
					host: gathering.host,
					walk_in: yesNo(gathering.walkIn),
					cost: gathering.cost,
					languages: gathering.languages.join(' ') || undefined,
					place_id: gathering.place ? placeId(gathering.place) : undefined
				},
				gathering.slug
			);
			if (gathering.point && gathering.visibility === 'public') {
				expect(row).toMatchObject({
					lat: String(gathering.point.lat),
					lon: String(gathering.point.lon),
					address: gathering.point.name
				});
			}
		}
	});

	it('reads the standard HSDS fields alone, as from another publisher', () => {
		const { rows, problems } = hsdsToImportRows(withoutKwartierFacts(services), { language: 'nl' });
		expect(problems).toEqual([]);
		const rowsById = byId(rows);
		for (const place of visitorPlaces) {
			const row = rowsById.get(placeId(place.slug));
			expectRow(
				row,
				{
					record: 'place',
					name_nl: place.name.nl,
					description_nl: place.whatToExpect.nl,
					neighbourhood: place.neighbourhood,
					wheelchair: yesNo(place.wheelchair),
					cost: place.cost,
					languages: place.languages.join(' ') || undefined,
					phone: place.phone ?? undefined,
					email: place.email ?? undefined,
					website: place.website ?? undefined,
					...location(place),
					// Another publisher's dataset has no Kwartier slug: the import makes one.
					slug: undefined
				},
				place.slug
			);
			expect(row?.name_fr).toBeUndefined();
			if (place.openingHours) {
				expect(row?.opening_hours, place.slug).toBeDefined();
				expect(fiveWeeks(row?.opening_hours as string), place.slug).toEqual(
					fiveWeeks(place.openingHours)
				);
			}
		}
		for (const gathering of visitorGatherings) {
			const row = rowsById.get(gatheringId(gathering.slug));
			expectRow(
				row,
				{
					record: 'gathering',
					name_nl: gathering.title.nl,
					starts_at: gathering.startsAt,
					duration_minutes: String(gathering.durationMinutes),
					rrule: gathering.rrule ?? undefined,
					host: gathering.host,
					place_id: gathering.place ? placeId(gathering.place) : undefined
				},
				gathering.slug
			);
		}
	});

	it('takes a plain list, several pages, one service, or an organization with its services', () => {
		const [first, second, third] = services;
		const page = (contents: HsdsService[]) => ({ total_items: 3, contents });
		const shapes: unknown[] = [
			[first, second, third],
			[page([first, second]), page([third])],
			{ ...first.organization, services: [first, second, third] }
		];
		for (const shape of shapes) {
			expect(hsdsToImportRows(shape).rows.map((row) => row.id)).toEqual([
				first.id,
				second.id,
				third.id
			]);
		}
		expect(hsdsToImportRows(first).rows.map((row) => row.id)).toEqual([first.id]);
		expect(hsdsToImportRows({ type: 'FeatureCollection', features: [] })).toEqual({
			rows: [],
			problems: []
		});
	});

	it('reports by position what is not a service, and a schedule it cannot read', () => {
		const gathering = services.find((service) => service.schedules[0]?.dtstart) as HsdsService;
		const unreadable = {
			...gathering,
			attributes: [],
			schedules: [{ ...gathering.schedules[0], freq: 'EVERY FULL MOON' }]
		};
		const { rows, problems } = hsdsToImportRows([42, unreadable, services[0]], { locale: 'en' });
		expect(rows.map((row) => [row.line, row.id])).toEqual([[3, services[0].id]]);
		expect(problems).toEqual([
			{
				line: 1,
				source: 'service 1',
				message: 'This is not an HSDS service: it is not a JSON object.'
			},
			{
				line: 2,
				source: `service 2 (${gathering.name})`,
				message: 'The schedule field "freq" holds a value Kwartier cannot read: EVERY FULL MOON'
			}
		]);
	});

	it('reads a service as another social map publishes it', () => {
		const foreign = {
			id: 'c9a2d1c6-7d2e-4a43-8b1e-0d1f0b6a9e11',
			name: 'Épicerie sociale du Midi',
			description: 'Des produits à petit prix.',
			status: 'active',
			url: 'https://epicerie.example.be',
			fees_description: 'Prix libre',
			organization: {
				id: 'a1c1b1f0-0000-4000-8000-000000000001',
				name: 'ASBL Midi',
				description: ''
			},
			phones: [{ id: 'a1c1b1f0-0000-4000-8000-000000000002', number: '+32 2 000 00 00' }],
			languages: [{ id: 'a1c1b1f0-0000-4000-8000-000000000003', code: 'fr', name: 'français' }],
			service_at_locations: [
				{
					id: 'a1c1b1f0-0000-4000-8000-000000000004',
					location: {
						id: 'a1c1b1f0-0000-4000-8000-000000000005',
						location_type: 'physical',
						latitude: 50.8365,
						longitude: 4.3372,
						addresses: [
							{
								id: 'a1c1b1f0-0000-4000-8000-000000000006',
								address_1: 'Rue du Midi 10',
								city: 'Bruxelles',
								postal_code: '1000',
								state_province: 'BE-BRU',
								country: 'BE',
								address_type: 'physical'
							}
						],
						accessibility: [
							{
								id: 'a1c1b1f0-0000-4000-8000-000000000007',
								description: 'Accessible en fauteuil roulant'
							}
						],
						schedules: [
							{
								id: 'a1c1b1f0-0000-4000-8000-000000000008',
								freq: 'WEEKLY',
								byday: 'TU,TH',
								opens_at: '09:30:00',
								closes_at: '12:30:00'
							}
						]
					}
				}
			],
			service_areas: [{ id: 'a1c1b1f0-0000-4000-8000-000000000009', name: 'Marolles' }]
		};
		const { rows, problems } = hsdsToImportRows([foreign], { language: 'fr' });
		expect(problems).toEqual([]);
		expect(rows).toEqual([
			{
				line: 1,
				source: 'dienst 1 (Épicerie sociale du Midi)',
				record: 'place',
				id: foreign.id,
				kind: 'other',
				name_fr: 'Épicerie sociale du Midi',
				description_fr: 'Des produits à petit prix.',
				neighbourhood: 'Marolles',
				cost: 'pay-what-you-can',
				languages: 'fr',
				lat: '50.8365',
				lon: '4.3372',
				address: 'Rue du Midi 10, 1000 Bruxelles',
				opening_hours: 'Tu,Th 09:30-12:30',
				wheelchair: 'yes',
				phone: '+32 2 000 00 00',
				website: 'https://epicerie.example.be'
			}
		]);
	});
});
