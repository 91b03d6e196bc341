import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { db } from '$lib/server/db';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { demoGatherings, demoPlaces } from '$lib/server/seed/demo-data';
import { nameBasedId } from '$lib/server/hsds/ids';
import { termId } from '$lib/server/hsds/terms';
import type { HsdsOrganization, HsdsPage, HsdsService } from '$lib/server/hsds/types';
import { GET as getRoot } from './+server';
import { GET as getServices } from './services/+server';
import { GET as getService } from './services/[id]/+server';
import { GET as getOrganizations } from './organizations/+server';
import { GET as getOrganization } from './organizations/[id]/+server';
import { GET as getTerms } from './taxonomy_terms/+server';
import { GET as getDataset } from './dataset.json/+server';

// ajv-formats is CommonJS: its plugin is the default export, or that export's own default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
	.default ?? addFormatsModule) as typeof addFormatsModule;

/** Calls an endpoint the way SvelteKit would, with only what these endpoints read. */
async function request<Event>(
	handler: (event: Event) => Response | Promise<Response>,
	pathAndQuery: string,
	params: Record<string, string> = {}
): Promise<Response> {
	const url = new URL(pathAndQuery, 'http://localhost');
	return handler({ url, params, request: new Request(url) } as unknown as Event);
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
	const answer = await response;
	expect(answer.status).toBe(200);
	expect(answer.headers.get('content-type')).toContain('application/json');
	return (await answer.json()) as T;
}

// The Open Referral schema, copied into the project with its licence (tests/fixtures/hsds).
const serviceSchema = JSON.parse(
	readFileSync(new URL('../../../../tests/fixtures/hsds/service.json', import.meta.url), 'utf8')
);
let validateService: ValidateFunction;
let validateOrganization: ValidateFunction;
let validateTerm: ValidateFunction;

/** Every schema problem of every item, one readable line each: empty when all are valid. */
function schemaProblems(items: Array<{ id: string; name: string }>, validate: ValidateFunction) {
	return items.flatMap(({ id, name }, index) =>
		validate(items[index])
			? []
			: (validate.errors ?? []).map(
					(error) =>
						`${name} (${id}): ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`
				)
	);
}

const visitorPlaces = demoPlaces.filter((place) => ['public', 'area'].includes(place.visibility));
const visitorGatherings = demoGatherings.filter(
	(gathering) =>
		['public', 'area'].includes(gathering.visibility) &&
		(gathering.place === null || visitorPlaces.some((place) => place.slug === gathering.place))
);
const expectedTotal = visitorPlaces.length + visitorGatherings.length;

async function allPages(query = ''): Promise<HsdsService[]> {
	const first = await json<HsdsPage<HsdsService>>(
		request(getServices, `/feeds/hsds/services?per_page=10${query}`)
	);
	const services = [...first.contents];
	for (let page = 2; page <= first.total_pages; page++) {
		const next = await json<HsdsPage<HsdsService>>(
			request(getServices, `/feeds/hsds/services?per_page=10&page=${page}${query}`)
		);
		services.push(...next.contents);
	}
	return services;
}

const kwartierFact = (service: HsdsService, code: string) =>
	service.attributes.find((attribute) => attribute.taxonomy_term_id === termId(code))?.value;

const pageOf = (service: HsdsService) => kwartierFact(service, 'page') ?? '';

const pinnedBefore = process.env.KWARTIER_NOW;

beforeAll(async () => {
	// The demo's cancelled dates lie after this day, as in the end-to-end tests.
	process.env.KWARTIER_NOW = '2026-11-24T10:30:00+01:00';
	await seedDemoIfEmpty(db);
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	validateService = ajv.compile(serviceSchema);
	validateOrganization = ajv.compile(serviceSchema.properties.organization);
	validateTerm = ajv.compile(serviceSchema.properties.attributes.items.properties.taxonomy_term);
}, 60_000);

afterAll(() => {
	if (pinnedBefore === undefined) delete process.env.KWARTIER_NOW;
	else process.env.KWARTIER_NOW = pinnedBefore;
});

describe('the HSDS 3.0 export of the demo data', () => {
	it('every service on every page is valid against the HSDS 3.0 service schema, in each language', async () => {
		for (const lang of ['nl', 'fr', 'en']) {
			const services = await allPages(`&lang=${lang}`);
			expect(services.length).toBe(expectedTotal);
			expect(schemaProblems(services, validateService)).toEqual([]);
		}
	});

	it('a service that breaks the schema fails with a message that says where', async () => {
		const [service] = await allPages();
		const broken = { ...service, status: 'open', schedules: [{ id: 'not-a-uuid' }] };
		const problems = schemaProblems([broken], validateService);
		expect(problems.join('\n')).toContain('/status');
		expect(problems.join('\n')).toContain('/schedules/0/id');
	});

	it('counts pages the way the HSDS API does', async () => {
		const first = await json<HsdsPage<HsdsService>>(
			request(getServices, '/feeds/hsds/services?per_page=10')
		);
		const pages = Math.ceil(expectedTotal / 10);
		expect(first).toMatchObject({
			total_items: expectedTotal,
			total_pages: pages,
			page_number: 1,
			size: 10,
			first_page: true,
			last_page: false,
			empty: false
		});
		const last = await json<HsdsPage<HsdsService>>(
			request(getServices, `/feeds/hsds/services?per_page=10&page=${pages}`)
		);
		expect(last).toMatchObject({
			page_number: pages,
			size: expectedTotal - 10 * (pages - 1),
			last_page: true
		});
		expect(last.contents).toHaveLength(expectedTotal - 10 * (pages - 1));
		const beyond = await json<HsdsPage<HsdsService>>(
			request(getServices, `/feeds/hsds/services?per_page=10&page=${pages + 1}`)
		);
		expect(beyond).toMatchObject({ size: 0, empty: true, contents: [] });

		const unreadable = await json<HsdsPage<HsdsService>>(
			request(getServices, '/feeds/hsds/services?page=nonsense&per_page=-3')
		);
		expect(unreadable).toMatchObject({ page_number: 1, size: Math.min(50, expectedTotal) });
		const tooMany = await json<HsdsPage<HsdsService>>(
			request(getServices, '/feeds/hsds/services?per_page=100000')
		);
		expect(tooMany.size).toBe(Math.min(100, expectedTotal));
	});

	it('the pages together hold each service once, the same as the whole-dataset download', async () => {
		const services = await allPages();
		expect(new Set(services.map((service) => service.id)).size).toBe(expectedTotal);
		const dataset = await json<HsdsPage<HsdsService>>(
			request(getDataset, '/feeds/hsds/dataset.json')
		);
		expect(dataset).toMatchObject({
			total_items: expectedTotal,
			total_pages: 1,
			size: expectedTotal
		});
		expect(dataset.contents).toEqual(services);
	});

	it('ids are UUIDs that stay the same in every language and every export', async () => {
		const nl = await allPages('&lang=nl');
		const fr = await allPages('&lang=fr');
		expect(fr.map((service) => service.id)).toEqual(nl.map((service) => service.id));
		const zennebel = nl.find((service) =>
			pageOf(service).endsWith('/places/inloophuis-de-zennebel')
		);
		expect(zennebel?.id).toBe(nameBasedId('place:inloophuis-de-zennebel'));
		expect(zennebel?.name).toBe('Inloophuis De Zennebel');
		expect(fr.find((service) => service.id === zennebel?.id)?.name).toBe(
			"Maison d'accueil De Zennebel"
		);
	});

	it('an area-only place is there, but without point or address, and so is its gathering', async () => {
		const demo = demoPlaces.find((place) => place.slug === 'aanloophuis-bij-de-vossen');
		expect(demo?.visibility).toBe('area');
		const services = await allPages();
		const place = services.find((service) => pageOf(service).endsWith(`/places/${demo?.slug}`));
		const gathering = services.find((service) =>
			pageOf(service).endsWith('/gatherings/rustige-ochtend-vossen')
		);
		for (const service of [place, gathering]) {
			expect(service).toBeDefined();
			const [link] = service?.service_at_locations ?? [];
			expect(link.location).not.toHaveProperty('latitude');
			expect(link.location).not.toHaveProperty('longitude');
			expect(link.location.addresses).toEqual([]);
			expect(link.location.description).toContain('Marollen');
			const text = JSON.stringify(service);
			for (const secret of [
				demo?.address.split(' / ')[0],
				String(demo?.lat),
				String(demo?.lon),
				demo?.howToGetThere.nl
			]) {
				expect(text).not.toContain(secret);
			}
		}
		expect(kwartierFact(place as HsdsService, 'visibility')).toBe('area');
		// The same location links the gathering to its place.
		expect(gathering?.service_at_locations[0].location_id).toBe(
			place?.service_at_locations[0].location_id
		);
	});

	it('a public place has its point, its address in HSDS fields, hours, accessibility and contact', async () => {
		const services = await allPages();
		const place = services.find((service) =>
			pageOf(service).endsWith('/places/buurthuis-anneessens')
		);
		const location = place?.service_at_locations[0].location;
		expect(location).toMatchObject({
			latitude: 50.8449,
			longitude: 4.3452,
			addresses: [
				{
					address_1: 'Anneessensplein 7 / Place Anneessens 7',
					postal_code: '1000',
					city: 'Brussel',
					state_province: 'BE-BRU',
					country: 'BE'
				}
			],
			accessibility: [{ description: 'Rolstoeltoegankelijk', details: 'wheelchair=yes' }]
		});
		expect(
			place?.schedules.map(({ freq, byday, opens_at, closes_at }) => ({
				freq,
				byday,
				opens_at,
				closes_at
			}))
		).toEqual([
			{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' },
			{ freq: 'WEEKLY', byday: 'SA', opens_at: '10:00', closes_at: '13:00' }
		]);
		expect(place?.schedules[0].notes).toBe('Gesloten op feestdagen.');
		expect(place?.phones.map((phone) => phone.number)).toEqual(['+32 2 512 80 33']);
		expect(place?.email).toBe('onthaal@buurthuis-anneessens.example.org');
		expect(place?.url).toBe('https://buurthuis-anneessens.example.org');
		expect(place?.languages.map((language) => language.code)).toEqual([
			'nl',
			'fr',
			'ar',
			'ber',
			'es'
		]);
		expect(place?.cost_options[0].option).toBe('Vrije bijdrage');
		expect(place?.organization_id).toBe(nameBasedId('organization:kwartier'));

		const park = services.find((service) => pageOf(service).endsWith('/places/dauwpark'));
		expect(park?.schedules).toHaveLength(1);
		expect(park?.schedules[0]).not.toHaveProperty('freq');
		expect(park?.schedules[0].description).toContain('(opening_hours): sunrise-sunset');
	});

	it('a gathering has its rhythm as schedule fields, its host as organization and its cancelled date as a note', async () => {
		const services = await allPages('&lang=en');
		const gathering = services.find((service) =>
			pageOf(service).endsWith('/gatherings/open-huis-de-marolle')
		);
		expect(gathering?.schedules[0]).toMatchObject({
			dtstart: '2026-02-07',
			valid_from: '2026-02-07',
			freq: 'MONTHLY',
			byday: '1SA',
			opens_at: '14:00',
			closes_at: '18:00'
		});
		expect(gathering?.schedules[0].description).toContain('The first Saturday of the month');
		expect(gathering?.schedules[0].notes).toContain('Cancelled on December 5, 2026.');
		expect(gathering?.schedules[0].notes).toContain('Closed for holidays.');
		expect(gathering?.organization.name).toBe('Buurthuis De Marolle');

		const walk = services.find((service) =>
			pageOf(service).endsWith('/gatherings/ochtendwandeling-dauwpark')
		);
		expect(walk?.schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'WE', until: '2027-06-30' });
	});

	it('members-only and hidden places and gatherings are nowhere in it', async () => {
		const text = JSON.stringify(await allPages()) + JSON.stringify(await allPages('&lang=fr'));
		const hidden = [
			...demoPlaces
				.filter((place) => !visitorPlaces.includes(place))
				.map((place) => ({ record: 'place', slug: place.slug, names: Object.values(place.name) })),
			...demoGatherings
				.filter((gathering) => !visitorGatherings.includes(gathering))
				.map((gathering) => ({
					record: 'gathering',
					slug: gathering.slug,
					names: Object.values(gathering.title)
				}))
		];
		expect(hidden.length).toBeGreaterThanOrEqual(4);
		for (const { record, slug, names } of hidden) {
			const id = nameBasedId(`${record}:${slug}`);
			expect(text).not.toContain(id);
			expect(text).not.toContain(`/${slug}`);
			for (const name of names) expect(text).not.toContain(JSON.stringify(name).slice(1, -1));
			const one = await request(getService, `/feeds/hsds/services/${id}`, { id });
			expect(one.status).toBe(404);
		}
	});

	it('gives one service by its id, and 404 for an id it does not know', async () => {
		const services = await allPages('&lang=fr');
		const [, second] = services;
		const one = await json<HsdsService>(
			request(getService, `/feeds/hsds/services/${second.id}?lang=fr`, { id: second.id })
		);
		expect(one).toEqual(second);
		expect(schemaProblems([one], validateService)).toEqual([]);
		for (const id of [nameBasedId('place:nowhere'), 'not-a-uuid']) {
			const answer = await request(getService, `/feeds/hsds/services/${id}`, { id });
			expect(answer.status).toBe(404);
		}
	});

	it('filters by neighbourhood, and answers 404 for one that does not exist', async () => {
		const services = await allPages('&neighbourhood=marollen');
		const expected =
			visitorPlaces.filter((place) => place.neighbourhood === 'marollen').length +
			visitorGatherings.filter((gathering) => gathering.neighbourhood === 'marollen').length;
		expect(services).toHaveLength(expected);
		expect(services.every((service) => kwartierFact(service, 'neighbourhood') === 'marollen')).toBe(
			true
		);
		const unknown = await request(getServices, '/feeds/hsds/services?neighbourhood=atlantis');
		expect(unknown.status).toBe(404);
	});

	it('lists the organizations and the Kwartier taxonomy terms, valid against their HSDS definitions', async () => {
		const organizations = await json<HsdsPage<HsdsOrganization>>(
			request(getOrganizations, '/feeds/hsds/organizations?per_page=100')
		);
		expect(schemaProblems(organizations.contents, validateOrganization)).toEqual([]);
		const hosts = new Set(visitorGatherings.map((gathering) => gathering.host));
		expect(organizations.total_items).toBe(hosts.size + 1);
		const kwartier = organizations.contents.find((item) => item.name === 'Kwartier');
		const one = await json<HsdsOrganization>(
			request(getOrganization, `/feeds/hsds/organizations/${kwartier?.id}`, {
				id: kwartier?.id ?? ''
			})
		);
		expect(one).toEqual(kwartier);

		const terms = await json<HsdsPage<{ id: string; name: string; code: string }>>(
			request(getTerms, '/feeds/hsds/taxonomy_terms?lang=fr')
		);
		expect(schemaProblems(terms.contents, validateTerm)).toEqual([]);
		const used = new Set(
			(await allPages()).flatMap((service) =>
				service.attributes.map((item) => item.taxonomy_term_id)
			)
		);
		const listed = new Set(terms.contents.map((term) => term.id));
		expect([...used].filter((id) => !listed.has(id))).toEqual([]);

		const root = await json<{ version: string }>(request(getRoot, '/feeds/hsds'));
		expect(root.version).toBe('3.0');
	});

	it('anyone may fetch it, and asking again while nothing changed gives 304', async () => {
		const answer = await request(getServices, '/feeds/hsds/services');
		expect(answer.headers.get('access-control-allow-origin')).toBe('*');
		const url = new URL('/feeds/hsds/services', 'http://localhost');
		const again = await getServices({
			url,
			request: new Request(url, { headers: { 'If-None-Match': answer.headers.get('etag') ?? '' } })
		} as unknown as Parameters<typeof getServices>[0]);
		expect(again.status).toBe(304);
		const lines = await request(getServices, '/feeds/hsds/services?format=ndjson');
		expect((await lines.text()).trim().split('\n')).toHaveLength(expectedTotal);
	});
});
