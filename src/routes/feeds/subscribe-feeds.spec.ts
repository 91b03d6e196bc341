import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import ical, { type ParameterValue, type VEvent } from 'node-ical';
import { XMLParser } from 'fast-xml-parser';
import { db } from '$lib/server/db';
import { gatherings, neighbourhoods, places, rounds } from '$lib/server/db/schema';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { createTestAccount, makeEvent, outcome } from '../../../tests/support/events';
import { actions as gatheringActions } from '../[lang=lang]/team/gatherings/[id]/+page.server';
import { GET as getGatheringCalendar } from './gatherings/[slug].ics/+server';
import { GET as getRoundCalendar } from './rounds/[slug].ics/+server';
import { GET as getPlaceCalendar } from './places/[slug].ics/+server';
import { GET as getNeighbourhoodCalendar } from './neighbourhoods/[slug].ics/+server';
import { GET as getNeighbourhoodPlaces } from './neighbourhoods/[slug].geojson/+server';
import { GET as getNeighbourhoodNews } from './neighbourhoods/[slug].atom/+server';
import { GET as getCalendarFeed } from './calendar.ics/+server';
import { GET as getPlacesFeed } from './places.geojson/+server';

// A Tuesday in the demo's season, as in the end-to-end tests.
const NOW = '2026-11-24T10:30:00+01:00';

/** Calls a feed endpoint the way SvelteKit would, with only what these endpoints read. */
async function requestFeed<Event>(
	handler: (event: Event) => Response | Promise<Response>,
	path: string,
	slug = '',
	headers: Record<string, string> = {}
): Promise<Response> {
	const url = new URL(path, 'http://localhost');
	return handler({ url, params: { slug }, request: new Request(url, { headers }) } as Event);
}

async function readCalendar<Event>(
	handler: (event: Event) => Response | Promise<Response>,
	path: string,
	slug: string
) {
	const response = await requestFeed(handler, path, slug);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
	const raw = await response.text();
	const events = Object.values(ical.sync.parseICS(raw)).filter(
		(component): component is VEvent => component?.type === 'VEVENT'
	);
	return { raw, events, response };
}

/** A property's value, whether or not node-ical kept its parameters beside it. */
function textOf(value: ParameterValue | undefined) {
	return typeof value === 'object' ? value.val : value;
}

const ids = { openCircle: 0, membersRound: 0 };
let worker: Awaited<ReturnType<typeof createTestAccount>>;

async function gatheringBySlug(slug: string) {
	const [row] = await db.select().from(gatherings).where(eq(gatherings.slug, slug));
	return row;
}

beforeAll(async () => {
	process.env.KWARTIER_NOW = NOW;
	await seedDemoIfEmpty(db);
	const circle = await gatheringBySlug('open-kring-zennebel');
	ids.openCircle = circle.id;
	// Every demo gathering last changed long ago, so a date change from the team area has to
	// bring the open circle forward.
	await db.update(gatherings).set({ updatedAt: '2026-01-01T00:00:00Z' });
	const [kuregem] = await db
		.select()
		.from(neighbourhoods)
		.where(eq(neighbourhoods.slug, 'kuregem'));
	const [round] = await db
		.insert(rounds)
		.values({
			slug: 'teamronde-kuregem',
			name: { nl: 'Teamronde Kuregem' },
			description: { nl: 'Alleen voor het team.' },
			neighbourhoodId: kuregem.id,
			startsAt: '2026-12-01T09:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			visibility: 'members'
		})
		.returning();
	ids.membersRound = round.id;

	// The demo's open circle already has a moved date (15 → 16 December); a worker cancels the
	// one two weeks later from the team area, as they would on the gathering's page.
	worker = await createTestAccount('worker');
	const { event } = makeEvent(`/fr/team/gatherings/${circle.id}`, {
		form: { originalDate: '2026-12-29', noteNl: 'Kerstvakantie', noteFr: 'Vacances', noteEn: '' },
		account: worker,
		params: { lang: 'fr', id: String(circle.id) }
	});
	const cancelDate = gatheringActions.cancelDate as (event: never) => Promise<unknown>;
	const cancelled = await outcome(() => cancelDate(event as never));
	expect(cancelled.returned).toMatchObject({ dateChange: { action: 'cancel', done: true } });
});

afterAll(() => {
	delete process.env.KWARTIER_NOW;
});

describe('GET /feeds/gatherings/[slug].ics', () => {
	it('has the series in Brussels time, the cancelled date as EXDATE and the moved date as override', async () => {
		const { raw, events, response } = await readCalendar(
			getGatheringCalendar,
			'/feeds/gatherings/open-kring-zennebel.ics?lang=fr',
			'open-kring-zennebel'
		);
		expect(response.headers.get('content-disposition')).toBe(
			'inline; filename="open-kring-zennebel.ics"'
		);
		expect(raw).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n');
		expect(raw).toContain('X-WR-CALNAME:Cercle ouvert · Kwartier\r\n');
		expect(new Set(events.map((event) => event.uid))).toEqual(
			new Set([`gathering-${ids.openCircle}@kwartier`])
		);

		const series = events.find((event) => event.rrule) as VEvent;
		expect(series.start.tz).toBe('Europe/Brussels');
		expect(series.start.toISOString()).toBe('2026-01-13T17:00:00.000Z');
		expect(series.rrule?.toString()).toContain('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
		const excluded = Object.values(series.exdate ?? {}).map((date) => date.toISOString());
		expect([...new Set(excluded)]).toEqual(['2026-12-29T17:00:00.000Z']);
		expect(raw).toContain('EXDATE;TZID=Europe/Brussels:20261229T180000\r\n');
		expect(raw).toContain('RECURRENCE-ID;TZID=Europe/Brussels:20261215T180000\r\n');

		// What a calendar app shows for December and early January.
		const shown = ical.expandRecurringEvent(series, {
			from: new Date('2026-11-30T00:00:00Z'),
			to: new Date('2027-01-20T00:00:00Z')
		});
		expect(shown.map((instance) => instance.start.toISOString())).toEqual([
			'2026-12-01T17:00:00.000Z',
			'2026-12-16T17:00:00.000Z',
			'2027-01-12T17:00:00.000Z'
		]);
		const moved = shown.find((instance) => instance.isOverride);
		expect(moved?.end.toISOString()).toBe('2026-12-16T18:30:00.000Z');
		expect(String(textOf(moved?.event.description))).toContain('Cette fois le mercredi');
	});

	it('speaks the language of the link', async () => {
		const summaries: Record<string, unknown> = {};
		for (const lang of ['nl', 'fr', 'en']) {
			const { events } = await readCalendar(
				getGatheringCalendar,
				`/feeds/gatherings/open-kring-zennebel.ics?lang=${lang}`,
				'open-kring-zennebel'
			);
			const series = events.find((event) => event.rrule);
			summaries[lang] = textOf(series?.summary);
			expect(textOf(series?.url)).toBe(`http://localhost/${lang}/gatherings/open-kring-zennebel`);
		}
		expect(summaries).toEqual({ nl: 'Open kring', fr: 'Cercle ouvert', en: 'Open circle' });
		// Without ?lang= (or with one the app does not speak) the calendar is in Dutch.
		const { events } = await readCalendar(
			getGatheringCalendar,
			'/feeds/gatherings/open-kring-zennebel.ics?lang=de',
			'open-kring-zennebel'
		);
		expect(textOf(events[0].summary)).toBe('Open kring');
	});

	it('the same calendar keeps the same tag, so an app that asks again gets "not modified"', async () => {
		const path = '/feeds/gatherings/open-kring-zennebel.ics?lang=en';
		const first = await requestFeed(getGatheringCalendar, path, 'open-kring-zennebel');
		const again = await requestFeed(getGatheringCalendar, path, 'open-kring-zennebel');
		expect(first.headers.get('etag')).toMatch(/^W\/"[\w-]{27}"$/);
		expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
		const french = await requestFeed(
			getGatheringCalendar,
			'/feeds/gatherings/open-kring-zennebel.ics?lang=fr',
			'open-kring-zennebel'
		);
		expect(french.headers.get('etag')).not.toBe(first.headers.get('etag'));
	});

	it('members-only, hidden and unknown gatherings are a 404, as their page', async () => {
		const hiddenPlaces = db
			.select({ id: places.id })
			.from(places)
			.where(inArray(places.visibility, ['members', 'hidden']));
		const closed = await db
			.select({ slug: gatherings.slug })
			.from(gatherings)
			.where(
				or(
					inArray(gatherings.visibility, ['members', 'hidden']),
					and(isNotNull(gatherings.placeId), inArray(gatherings.placeId, hiddenPlaces))
				)
			);
		expect(closed.map((row) => row.slug)).toContain('vrijwilligersoverleg-anneessens');
		for (const { slug } of [...closed, { slug: 'bestaat-niet' }]) {
			const response = await requestFeed(
				getGatheringCalendar,
				`/feeds/gatherings/${slug}.ics`,
				slug
			);
			expect(response.status, slug).toBe(404);
			expect(await response.text()).not.toContain('BEGIN:VCALENDAR');
		}
	});

	it('an area-only gathering names only its neighbourhood, never the address or point', async () => {
		const gathering = await gatheringBySlug('rustige-ochtend-vossen');
		const [place] = await db.select().from(places).where(eq(places.id, gathering.placeId!));
		const { raw, events } = await readCalendar(
			getGatheringCalendar,
			'/feeds/gatherings/rustige-ochtend-vossen.ics',
			'rustige-ochtend-vossen'
		);
		expect(textOf(events[0].location)).toBe('Marollen');
		expect(raw).not.toMatch(/^GEO:/m);
		for (const secret of [place.address!, 'Blaesstraat', String(place.lat), String(place.lon)]) {
			expect(raw).not.toContain(secret);
		}
	});
});

describe('GET /feeds/rounds/[slug].ics', () => {
	it('has the round with its stops and the cancelled date as EXDATE', async () => {
		const { raw, events } = await readCalendar(
			getRoundCalendar,
			'/feeds/rounds/koffiebus-kuregem.ics?lang=en',
			'koffiebus-kuregem'
		);
		const series = events.find((event) => event.rrule) as VEvent;
		expect(series.uid).toMatch(/^round-\d+@kwartier$/);
		expect(series.start.tz).toBe('Europe/Brussels');
		expect(raw).toMatch(/EXDATE;TZID=Europe\/Brussels:20261208T\d{6}\r\n/);
		expect(String(textOf(series.description))).toContain('Stops:');
		expect(textOf(series.url)).toBe('http://localhost/en/rounds/koffiebus-kuregem');
	});

	it('a members-only round is a 404 and stays out of its neighbourhood calendar', async () => {
		const response = await requestFeed(
			getRoundCalendar,
			'/feeds/rounds/teamronde-kuregem.ics',
			'teamronde-kuregem'
		);
		expect(response.status).toBe(404);
		const { raw } = await readCalendar(
			getNeighbourhoodCalendar,
			'/feeds/neighbourhoods/kuregem.ics',
			'kuregem'
		);
		expect(raw).toContain('Koffiebus');
		expect(raw).not.toContain('Teamronde');
		expect(raw).not.toContain(`round-${ids.membersRound}@kwartier`);
	});
});

describe('GET /feeds/places/[slug].ics', () => {
	it('lists the public gatherings at the place', async () => {
		const { events, raw } = await readCalendar(
			getPlaceCalendar,
			'/feeds/places/inloophuis-de-zennebel.ics?lang=fr',
			'inloophuis-de-zennebel'
		);
		expect(events.map((event) => event.uid)).toContain(`gathering-${ids.openCircle}@kwartier`);
		expect(raw).toMatch(/X-WR-CALNAME:Rencontres : .+ · Kwartier\r\n/);
	});

	it('an area-only place has its gatherings without its address or point', async () => {
		const [place] = await db
			.select()
			.from(places)
			.where(eq(places.slug, 'aanloophuis-bij-de-vossen'));
		expect(place.visibility).toBe('area');
		const { raw, events } = await readCalendar(
			getPlaceCalendar,
			'/feeds/places/aanloophuis-bij-de-vossen.ics',
			'aanloophuis-bij-de-vossen'
		);
		expect(events.length).toBeGreaterThan(0);
		for (const event of events) expect(textOf(event.location)).toBe('Marollen');
		expect(raw).not.toMatch(/^GEO:/m);
		for (const secret of ['Blaesstraat', String(place.lat), String(place.lon)]) {
			expect(raw).not.toContain(secret);
		}
	});

	it('members-only and hidden places are a 404', async () => {
		for (const slug of ['ontmoetingshuis-de-draad', 'zaal-boven-de-bakkerij', 'nergens']) {
			const response = await requestFeed(getPlaceCalendar, `/feeds/places/${slug}.ics`, slug);
			expect(response.status, slug).toBe(404);
		}
	});
});

describe('GET /feeds/neighbourhoods/[slug].ics', () => {
	it('has the same gatherings and rounds as calendar.ics?neighbourhood=', async () => {
		for (const slug of ['anneessens', 'marollen', 'kuregem']) {
			const { events, raw } = await readCalendar(
				getNeighbourhoodCalendar,
				`/feeds/neighbourhoods/${slug}.ics?lang=en`,
				slug
			);
			const filtered = await readCalendar(
				getCalendarFeed,
				`/feeds/calendar.ics?neighbourhood=${slug}&lang=en`,
				''
			);
			expect(new Set(events.map((event) => event.uid))).toEqual(
				new Set(filtered.events.map((event) => event.uid))
			);
			expect(events.length).toBeGreaterThan(0);
			expect(raw).toContain(`\r\nURL:http://localhost/en/neighbourhoods/${slug}\r\n`);
			for (const name of ['Vrijwilligersoverleg', 'Terugkomavond', 'Teamronde']) {
				expect(raw).not.toContain(name);
			}
		}
	});

	it('only a slug finds a neighbourhood, as its page', async () => {
		const [hood] = await db.select().from(neighbourhoods).limit(1);
		for (const slug of [String(hood.id), 'nergenshuizen']) {
			const response = await requestFeed(
				getNeighbourhoodCalendar,
				`/feeds/neighbourhoods/${slug}.ics`,
				slug
			);
			expect(response.status).toBe(404);
		}
	});
});

describe('GET /feeds/neighbourhoods/[slug].geojson', () => {
	it('is the places feed filtered on the neighbourhood', async () => {
		const own = await requestFeed(
			getNeighbourhoodPlaces,
			'/feeds/neighbourhoods/marollen.geojson?lang=fr',
			'marollen'
		);
		expect(own.status).toBe(200);
		expect(own.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		expect(own.headers.get('access-control-allow-origin')).toBe('*');
		const filtered = await requestFeed(
			getPlacesFeed,
			'/feeds/places.geojson?neighbourhood=marollen&lang=fr'
		);
		const body = await own.text();
		expect(body).toBe(await filtered.text());

		const collection = JSON.parse(body) as {
			features: Array<{ geometry: unknown; properties: { slug: string; url: string } }>;
		};
		const slugs = collection.features.map((feature) => feature.properties.slug);
		expect(slugs).toContain('aanloophuis-bij-de-vossen');
		const area = collection.features.find(
			(feature) => feature.properties.slug === 'aanloophuis-bij-de-vossen'
		);
		expect(area?.geometry).toBeNull();
		expect(body).not.toContain('Blaesstraat');
		expect(collection.features[0].properties.url).toMatch(/^http:\/\/localhost\/fr\/places\//);
	});

	it('answers 304 to an app that has it already, and 404 for an unknown neighbourhood', async () => {
		const first = await requestFeed(
			getNeighbourhoodPlaces,
			'/feeds/neighbourhoods/marollen.geojson',
			'marollen'
		);
		const etag = first.headers.get('etag') ?? '';
		expect(etag).toMatch(/^W\/"/);
		const again = await requestFeed(
			getNeighbourhoodPlaces,
			'/feeds/neighbourhoods/marollen.geojson',
			'marollen',
			{ 'if-none-match': etag }
		);
		expect(again.status).toBe(304);
		const unknown = await requestFeed(
			getNeighbourhoodPlaces,
			'/feeds/neighbourhoods/nergens.geojson',
			'nergens'
		);
		expect(unknown.status).toBe(404);
	});
});

type AtomLink = { '@_href': string; '@_rel'?: string };
type AtomHtml = { '#text': string; '@_type': 'html' };
type AtomEntry = {
	id: string;
	title: AtomHtml;
	updated: string;
	link: AtomLink[];
	summary: AtomHtml;
	author: Array<{ name: string }>;
};
type AtomFeed = {
	'@_xml:lang': string;
	title: string;
	subtitle: string;
	link: AtomLink[];
	entry?: AtomEntry[];
};

const parser = new XMLParser({
	ignoreAttributes: false,
	isArray: (name) => ['entry', 'link', 'author'].includes(name)
});

/** An Atom `type="html"` text as a feed reader shows it. */
function shown(node: AtomHtml | undefined) {
	expect(node?.['@_type']).toBe('html');
	return (node?.['#text'] ?? '')
		.replace(/<\/p>\s*<p>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

async function readNews(slug: string, lang: string) {
	const response = await requestFeed(
		getNeighbourhoodNews,
		`/feeds/neighbourhoods/${slug}.atom?lang=${lang}`,
		slug
	);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
	const { feed } = parser.parse(await response.text()) as { feed: AtomFeed };
	return { feed, entries: feed.entry ?? [] };
}

describe('GET /feeds/neighbourhoods/[slug].atom', () => {
	it('is an Atom feed in the language of the link, with links back to the site', async () => {
		const { feed } = await readNews('anneessens', 'fr');
		expect(feed['@_xml:lang']).toBe('fr');
		expect(feed.title).toBe('Rencontres à Anneessens : nouveautés et changements');
		expect(feed.link).toEqual(
			expect.arrayContaining([
				{ '@_rel': 'alternate', '@_href': 'http://localhost/fr/neighbourhoods/anneessens' },
				{
					'@_rel': 'self',
					'@_href': 'http://localhost/feeds/neighbourhoods/anneessens.atom?lang=fr'
				}
			])
		);
	});

	it('has one entry per public gathering of the neighbourhood, and none of the others', async () => {
		const { entries } = await readNews('anneessens', 'nl');
		const links = entries.map((entry) => entry.link[0]['@_href']);
		expect(links).toContain('http://localhost/nl/gatherings/open-kring-zennebel');
		expect(links).not.toContain('http://localhost/nl/gatherings/vrijwilligersoverleg-anneessens');
		const elsewhere = await gatheringBySlug('rustige-ochtend-vossen');
		expect(elsewhere.neighbourhoodId).not.toBe(
			(await gatheringBySlug('open-kring-zennebel')).neighbourhoodId
		);
		expect(links).not.toContain('http://localhost/nl/gatherings/rustige-ochtend-vossen');
		const circle = entries.find(
			(entry) => entry.id === 'http://localhost/nl/gatherings/open-kring-zennebel'
		);
		expect(shown(circle?.title)).toBe('Open kring');
		expect(shown(circle?.summary)).toContain(
			'Volgende data: di 1 dec 18:00, wo 16 dec 18:00, di 12 jan 18:00'
		);
		expect(circle?.author).toEqual([{ name: 'Inloophuis De Zennebel' }]);
	});

	it('the gathering changed last comes first, with its cancelled and moved dates', async () => {
		const circle = await gatheringBySlug('open-kring-zennebel');
		// Cancelling a date in the team area made the gathering new again.
		expect(circle.updatedAt > '2026-01-01T00:00:00Z').toBe(true);
		const { entries } = await readNews('anneessens', 'fr');
		const updated = entries.map((entry) => entry.updated);
		expect(updated).toEqual([...updated].sort().reverse());
		expect(entries.slice(0, 3).map((entry) => shown(entry.title))).toEqual([
			'Cercle ouvert',
			'Déplacé : Cercle ouvert, mardi 15 décembre à 18:00 devient mercredi 16 décembre à 18:00',
			'Annulé : Cercle ouvert, mardi 29 décembre à 18:00'
		]);
		expect(new Date(entries[0].updated).toISOString()).toBe(
			new Date(circle.updatedAt).toISOString()
		);
		const cancelled = entries[2];
		expect(cancelled.id).toBe('http://localhost/fr/gatherings/open-kring-zennebel#2026-12-29');
		expect(cancelled.link[0]['@_href']).toBe('http://localhost/fr/gatherings/open-kring-zennebel');
		expect(shown(cancelled.summary)).toBe('Vacances');
		expect(shown(entries[0].summary)).toContain(
			'Prochaines dates : mar. 1 déc. 18:00, mer. 16 déc. 18:00'
		);
	});

	it('an area-only gathering names only its neighbourhood', async () => {
		const { entries } = await readNews('marollen', 'nl');
		const quiet = entries.find(
			(entry) => entry.id === 'http://localhost/nl/gatherings/rustige-ochtend-vossen'
		);
		expect(shown(quiet?.summary)).toContain('Waar: Marollen');
		const raw = JSON.stringify(entries);
		expect(raw).not.toContain('Blaesstraat');
	});

	it('a title with < and & stays text', async () => {
		const [marollen] = await db
			.select()
			.from(neighbourhoods)
			.where(eq(neighbourhoods.slug, 'marollen'));
		await db.insert(gatherings).values({
			slug: 'soep-en-brood',
			kind: 'shared-meal',
			title: { nl: 'Soep & <b>brood</b>' },
			description: { nl: 'Soep ]]> brood' },
			neighbourhoodId: marollen.id,
			startsAt: '2026-12-02T12:00',
			durationMinutes: 60,
			host: 'Buren & co'
		});
		const response = await requestFeed(
			getNeighbourhoodNews,
			'/feeds/neighbourhoods/marollen.atom',
			'marollen'
		);
		const raw = await response.text();
		expect(raw).not.toContain('<b>');
		const { entries } = await readNews('marollen', 'nl');
		const soup = entries.find((entry) => entry.id.endsWith('/soep-en-brood'));
		expect(shown(soup?.title)).toBe('Soep & <b>brood</b>');
		expect(shown(soup?.summary)).toContain('Soep ]]> brood');
		expect(soup?.author).toEqual([{ name: 'Buren & co' }]);
	});

	it('an archived gathering leaves the feed', async () => {
		const archive = gatheringActions.archive as (event: never) => Promise<unknown>;
		const { event } = makeEvent(`/nl/team/gatherings/${ids.openCircle}`, {
			form: {},
			account: worker,
			params: { lang: 'nl', id: String(ids.openCircle) }
		});
		await outcome(() => archive(event as never));
		const { entries } = await readNews('anneessens', 'nl');
		expect(entries.map((entry) => entry.link[0]['@_href'])).not.toContain(
			'http://localhost/nl/gatherings/open-kring-zennebel'
		);
		const response = await requestFeed(
			getGatheringCalendar,
			'/feeds/gatherings/open-kring-zennebel.ics',
			'open-kring-zennebel'
		);
		expect(response.status).toBe(404);
	});

	it('an unknown neighbourhood is a 404', async () => {
		const response = await requestFeed(
			getNeighbourhoodNews,
			'/feeds/neighbourhoods/nergens.atom',
			'nergens'
		);
		expect(response.status).toBe(404);
	});
});
