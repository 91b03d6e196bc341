import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	roundStops,
	rounds,
	type NewGathering
} from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import type { Locale } from '$lib/i18n';
import { createTestAccount, makeEvent, outcome } from '../../../../tests/support/events';
import { load as loadHood } from './neighbourhoods/[slug]/+page.server';
import { load as loadPlace } from './places/[slug]/+page.server';
import HoodPage from './neighbourhoods/[slug]/+page.svelte';
import PlacePage from './places/[slug]/+page.svelte';
import type { PageServerData as HoodData } from './neighbourhoods/[slug]/$types';
import type { PageServerData as PlaceData } from './places/[slug]/$types';

const SECRETS = ['Geheimstraat', '50.8512345', '4.3412345', 'Bij de geheime bank', '50.8598765'];
const MEMBERS_ONLY = ['Ledenkring', 'ledenkring', 'Ledenbus', 'ledenbus', 'Ledenlokaal'];
const HIDDEN = ['Verborgen kring', 'verborgen-kring'];

let worker: SignedInAccount;

async function visit<Data>(
	load: (event: never) => unknown,
	path: string,
	account: SignedInAccount | null = null
) {
	const [, lang, , , slug] = new URL(path, 'http://localhost').pathname.split('/');
	const { event, headers } = makeEvent(path, { account, params: { lang, slug } });
	const result = await outcome(() => load(event as never));
	return { data: result.returned as Data | undefined, thrown: result.thrown, headers };
}

/** The page as the browser gets it, in the page's language, without hydration markers. */
function renderPage<Data>(
	Page: typeof HoodPage | typeof PlacePage,
	data: Data,
	locale: Locale
): string {
	overwriteGetLocale(() => locale);
	const { body } = render(Page as typeof HoodPage, {
		props: { data: { ...data, locale } as never }
	});
	return body.replace(/<!--.*?-->/g, '');
}

function keysOf(data: HoodData | PlaceData | undefined) {
	return data?.embed.items.map((item) => `${item.key}:${item.status}`) ?? [];
}

function gathering(values: Partial<NewGathering> & Pick<NewGathering, 'slug'>): NewGathering {
	return {
		kind: 'open-circle',
		title: { nl: values.slug },
		description: { nl: 'Iedereen welkom.' },
		neighbourhoodId: 0,
		startsAt: '2026-11-25T14:00',
		durationMinutes: 90,
		host: 'Buurtwerk',
		...values
	};
}

beforeAll(async () => {
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'noordwijk',
			name: { nl: 'Noordwijk', fr: 'Quartier Nord' },
			municipality: 'Brussel',
			centreLat: 50.86,
			centreLon: 4.35
		})
		.returning();
	const neighbourhoodId = hood.id;
	const [linde, haven, lokaal, verborgen] = await db
		.insert(places)
		.values([
			{
				slug: 'buurthuis-de-linde',
				kind: 'neighbourhood-centre',
				name: { nl: 'Buurthuis De Linde', fr: 'Maison de quartier De Linde' },
				whatToExpect: { nl: 'Koffie.' },
				neighbourhoodId,
				address: 'Lindestraat 1',
				lat: 50.8466,
				lon: 4.3528
			},
			{
				slug: 'inloophuis-de-haven',
				kind: 'drop-in-house',
				name: { nl: 'Inloophuis De Haven' },
				whatToExpect: { nl: 'Thee.' },
				neighbourhoodId,
				address: 'Geheimstraat 99',
				lat: 50.8512345,
				lon: 4.3412345,
				visibility: 'area'
			},
			{
				slug: 'ledenlokaal',
				kind: 'meeting-house',
				name: { nl: 'Ledenlokaal' },
				whatToExpect: { nl: 'Overleg.' },
				neighbourhoodId,
				visibility: 'members'
			},
			{
				slug: 'verborgen-huis',
				kind: 'meeting-house',
				name: { nl: 'Verborgen kring' },
				whatToExpect: { nl: 'Stil.' },
				neighbourhoodId,
				visibility: 'hidden'
			}
		])
		.returning();
	const [koffie] = await db
		.insert(gatherings)
		.values([
			gathering({
				slug: 'koffie-in-de-linde',
				title: { nl: 'Koffie in De Linde', fr: 'Café à De Linde' },
				neighbourhoodId,
				placeId: linde.id,
				rrule: 'FREQ=WEEKLY;BYDAY=WE',
				cost: 'free'
			}),
			gathering({
				slug: 'kring-in-de-haven',
				neighbourhoodId,
				placeId: haven.id,
				startsAt: '2026-11-26T10:00'
			}),
			gathering({
				slug: 'geheime-wandeling',
				kind: 'walk',
				neighbourhoodId,
				startsAt: '2026-11-27T10:00',
				lat: 50.8598765,
				lon: 4.3598765,
				pointName: 'Bij de geheime bank',
				visibility: 'area'
			}),
			gathering({
				slug: 'over-drie-weken',
				neighbourhoodId,
				placeId: linde.id,
				startsAt: '2026-12-16T18:00',
				walkIn: false,
				cost: 'paid'
			}),
			gathering({
				slug: 'volgend-jaar',
				neighbourhoodId,
				placeId: linde.id,
				startsAt: '2027-03-01T18:00'
			}),
			gathering({
				slug: 'ledenkring',
				title: { nl: 'Ledenkring' },
				neighbourhoodId,
				startsAt: '2026-11-26T18:00',
				visibility: 'members'
			}),
			gathering({
				slug: 'in-het-ledenlokaal',
				title: { nl: 'Ledenkring in het lokaal' },
				neighbourhoodId,
				placeId: lokaal.id,
				startsAt: '2026-11-26T19:00'
			}),
			gathering({
				slug: 'verborgen-kring',
				title: { nl: 'Verborgen kring' },
				neighbourhoodId,
				placeId: verborgen.id,
				startsAt: '2026-11-27T18:00'
			})
		])
		.returning();
	await db.insert(occurrenceChanges).values([
		{ gatheringId: koffie.id, originalDate: '2026-12-02', status: 'cancelled' },
		{
			gatheringId: koffie.id,
			originalDate: '2026-12-09',
			status: 'moved',
			movedTo: '2026-12-10T15:00',
			note: { nl: 'Een dag later, in de tuin.', fr: 'Un jour plus tard, au jardin.' }
		}
	]);
	const [bus] = await db
		.insert(rounds)
		.values([
			{
				neighbourhoodId,
				slug: 'koffiebus-noord',
				name: { nl: 'Koffiebus Noord', fr: 'Bus-café Nord' },
				description: { nl: 'Koffie op straat.' },
				startsAt: '2026-11-04T10:00',
				rrule: 'FREQ=MONTHLY;BYDAY=1FR'
			},
			{
				neighbourhoodId,
				slug: 'ledenbus',
				name: { nl: 'Ledenbus' },
				description: { nl: 'Voor het team.' },
				startsAt: '2026-11-05T10:00',
				rrule: 'FREQ=WEEKLY;BYDAY=TH',
				visibility: 'members'
			}
		])
		.returning();
	await db.insert(roundStops).values({
		roundId: bus.id,
		position: 1,
		street: 'Marktplein',
		lat: 50.86,
		lon: 4.35,
		arrivalTime: '10:00',
		stayMinutes: 30
	});
	worker = await createTestAccount('worker', { neighbourhoodIds: [hood.id] });
	// Tuesday 24 November 2026, half past ten.
	vi.stubEnv('KWARTIER_NOW', wallTimeToDate('2026-11-24T10:30').toISOString());
});

afterAll(() => {
	vi.unstubAllEnvs();
});

describe('embeddable agenda of a neighbourhood', () => {
	it('lists the coming four weeks with cancelled and moved dates marked', async () => {
		const { data, headers } = await visit<HoodData>(loadHood, '/nl/embed/neighbourhoods/noordwijk');
		expect(keysOf(data)).toEqual([
			'koffie-in-de-linde:2026-11-25:scheduled',
			'kring-in-de-haven:2026-11-26:scheduled',
			'geheime-wandeling:2026-11-27:scheduled',
			'koffie-in-de-linde:2026-12-02:cancelled',
			'koffiebus-noord:2026-12-04:scheduled',
			'koffie-in-de-linde:2026-12-09:moved',
			'koffie-in-de-linde:2026-12-16:scheduled',
			'over-drie-weken:2026-12-16:scheduled'
		]);
		const moved = data?.embed.items.find((item) => item.status === 'moved');
		expect(moved?.start).toBe('2026-12-10T15:00');
		expect(moved?.note).toEqual({ text: 'Een dag later, in de tuin.', locale: 'nl' });
		expect(data?.embed.more).toBe(false);
		expect(headers.get('cache-control')).toBe('public, max-age=300');
	});

	it('never holds members-only or hidden items, nor the spot of an area-only one', async () => {
		const asVisitor = await visit<HoodData>(loadHood, '/nl/embed/neighbourhoods/noordwijk');
		const json = JSON.stringify(asVisitor.data);
		for (const word of [...MEMBERS_ONLY, ...HIDDEN, ...SECRETS]) expect(json).not.toContain(word);
		// Someone signed in at Kwartier who reads a partner's site sees what everyone there sees.
		const asWorker = await visit<HoodData>(loadHood, '/nl/embed/neighbourhoods/noordwijk', worker);
		expect(asWorker.data?.embed).toEqual(asVisitor.data?.embed);
	});

	it('takes ?weeks= and ?limit= within bounds and falls back on anything else', async () => {
		const oneWeek = await visit<HoodData>(
			loadHood,
			'/nl/embed/neighbourhoods/noordwijk?weeks=1&limit=2'
		);
		expect(oneWeek.data?.embed.options).toEqual({ weeks: 1, limit: 2 });
		expect(keysOf(oneWeek.data)).toEqual([
			'koffie-in-de-linde:2026-11-25:scheduled',
			'kring-in-de-haven:2026-11-26:scheduled'
		]);
		expect(oneWeek.data?.embed.more).toBe(true);

		const eightWeeks = await visit<HoodData>(
			loadHood,
			'/nl/embed/neighbourhoods/noordwijk?weeks=8'
		);
		expect(eightWeeks.data?.embed.options).toEqual({ weeks: 8, limit: 10 });
		expect(eightWeeks.data?.embed.items).toHaveLength(10);
		expect(eightWeeks.data?.embed.more).toBe(true);
		expect(keysOf(eightWeeks.data)).not.toContain('volgend-jaar:2027-03-01:scheduled');

		for (const query of [
			'weeks=0&limit=0',
			'weeks=9&limit=31',
			'weeks=-2&limit=1e3',
			'weeks=2.5&limit=abc',
			'weeks=&limit=',
			'weeks=999999999999&limit=%00'
		]) {
			const { data, thrown } = await visit<HoodData>(
				loadHood,
				`/nl/embed/neighbourhoods/noordwijk?${query}`
			);
			expect(thrown, query).toBeUndefined();
			expect(data?.embed.options, query).toEqual({ weeks: 4, limit: 10 });
		}
	});

	it('is in the language of its address, with links to the full pages in a new tab', async () => {
		const { data } = await visit<HoodData>(loadHood, '/fr/embed/neighbourhoods/noordwijk');
		if (!data) throw new Error('no embed');
		expect(data.embed.neighbourhood.name).toBe('Quartier Nord');
		expect(data.embed.items[0].title).toEqual({ text: 'Café à De Linde', locale: 'fr' });
		const moved = data.embed.items.find((item) => item.status === 'moved');
		expect(moved?.note).toEqual({ text: 'Un jour plus tard, au jardin.', locale: 'fr' });

		const body = renderPage(HoodPage, data, 'fr');
		expect(body).toMatch(/<h1[^>]*>Au programme : Quartier Nord<\/h1>/);
		expect(body).toContain('Mercredi 25 novembre');
		expect(body).toContain('Annulé');
		expect(body).toContain('Déplacé');
		expect(body).toContain('Entrée libre');
		expect(body).toMatch(
			/<a href="\/fr\/gatherings\/koffie-in-de-linde" target="_blank" rel="noopener" lang="fr"[^>]*>Café à De Linde<span class="visually-hidden" lang="fr"> \(s'ouvre dans un nouvel onglet\)<\/span><\/a>/
		);
		expect(body).toContain('href="/fr/rounds/koffiebus-noord" target="_blank" rel="noopener"');
		expect(body).toContain('href="/fr/neighbourhoods/noordwijk" target="_blank" rel="noopener"');
		expect(body).toMatch(/Cercle ouvert · <span lang="fr">Maison de quartier De Linde<\/span>/);
		expect(body).toMatch(/<p class="note[^"]*" lang="fr">Un jour plus tard, au jardin.<\/p>/);
		expect(body).not.toContain('Gaat niet door');
		for (const secret of SECRETS) expect(body).not.toContain(secret);
	});

	it('says plainly when nothing is planned', async () => {
		const [empty] = await db
			.insert(neighbourhoods)
			.values({
				slug: 'stille-hoek',
				name: { nl: 'Stille hoek' },
				municipality: 'Brussel',
				centreLat: 50.8,
				centreLon: 4.3
			})
			.returning();
		const { data } = await visit<HoodData>(loadHood, `/en/embed/neighbourhoods/${empty.slug}`);
		expect(data?.embed.items).toEqual([]);
		const body = renderPage(HoodPage, data, 'en');
		expect(body).toContain('Nothing planned in the next 28 days.');
	});

	it('is not found for an unknown neighbourhood', async () => {
		const { thrown } = await visit<HoodData>(loadHood, '/nl/embed/neighbourhoods/nergens');
		expect(thrown).toMatchObject({ status: 404 });
	});
});

describe('embeddable agenda of a place', () => {
	it('lists the dates at that place only', async () => {
		const { data } = await visit<PlaceData>(loadPlace, '/en/embed/places/buurthuis-de-linde');
		expect(keysOf(data)).toEqual([
			'koffie-in-de-linde:2026-11-25:scheduled',
			'koffie-in-de-linde:2026-12-02:cancelled',
			'koffie-in-de-linde:2026-12-09:moved',
			'koffie-in-de-linde:2026-12-16:scheduled',
			'over-drie-weken:2026-12-16:scheduled'
		]);
		expect(data?.embed.place.address).toBe('Lindestraat 1');
		const body = renderPage(PlacePage, data, 'en');
		expect(body).toMatch(/<h1[^>]*>What's on at Buurthuis De Linde<\/h1>/);
		expect(body).toContain('Lindestraat 1');
		expect(body).toContain('Just walk in');
	});

	it('shows an area-only place without its address', async () => {
		const { data } = await visit<PlaceData>(loadPlace, '/nl/embed/places/inloophuis-de-haven');
		expect(keysOf(data)).toEqual(['kring-in-de-haven:2026-11-26:scheduled']);
		expect(data?.embed.place.address).toBeNull();
		const body = renderPage(PlacePage, data, 'nl');
		expect(body).toContain('in Noordwijk');
		for (const secret of SECRETS) expect(JSON.stringify(data) + body).not.toContain(secret);
	});

	it('is not found for a members-only, hidden or unknown place, even for a signed-in worker', async () => {
		for (const slug of ['ledenlokaal', 'verborgen-huis', 'nergens']) {
			const { thrown } = await visit<PlaceData>(loadPlace, `/nl/embed/places/${slug}`, worker);
			expect(thrown, slug).toMatchObject({ status: 404 });
		}
	});
});
