import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import jsQR from 'jsqr';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	places,
	roundStops,
	rounds,
	type NewGathering
} from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount, makeEvent, outcome } from '../../../../tests/support/events';
import { load as loadList } from './+page.server';
import { load as loadHood } from './[slug]/+page.server';
import { load as loadPoster } from './[slug]/agenda/+page.server';
import PosterSheet from './[slug]/agenda/PosterSheet.svelte';
import type { PageServerData as ListData } from './$types';
import type { PageServerData as HoodData } from './[slug]/$types';
import type { PageServerData as PosterData } from './[slug]/agenda/$types';

const SECRETS = ['Geheimstraat', '50.8512345', '4.3412345', 'Bij de geheime bank'];
const MEMBERS_ONLY = ['Ledenkring', 'ledenkring', 'Ledenbus', 'Ledenlokaal'];
const HIDDEN = ['Verborgen kring', 'verborgen-kring'];

let worker: SignedInAccount;

async function visit<Data>(
	load: (event: never) => unknown,
	path: string,
	account: SignedInAccount | null = null
) {
	const [, lang, , slug] = new URL(path, 'http://localhost').pathname.split('/');
	const params: Record<string, string> = slug === undefined ? { lang } : { lang, slug };
	const { event, headers } = makeEvent(path, { account, params });
	const result = await outcome(() => load(event as never));
	return { data: result.returned as Data | undefined, thrown: result.thrown, headers };
}

/** Reads the QR code the server drew (qrcode's SVG: one horizontal run per dark stretch). */
function decodeQr(dataUrl: string): string | null {
	const svg = Buffer.from(
		dataUrl.replace(/^data:image\/svg\+xml;base64,/, ''),
		'base64'
	).toString();
	const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
	const path = /stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
	const scale = 4;
	const width = size * scale;
	const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
	let x = 0;
	let y = 0;
	for (const [, command, args] of path.matchAll(/([MmHh])([^MmHh]*)/g)) {
		const [a, b] = args
			.trim()
			.split(/[\s,]+/)
			.map(Number);
		if (command === 'M') [x, y] = [a, b];
		else if (command === 'm') [x, y] = [x + a, y + b];
		else {
			for (let column = x * scale; column < (x + a) * scale; column++)
				for (let row = Math.floor(y) * scale; row < (Math.floor(y) + 1) * scale; row++)
					pixels.fill(0, (row * width + column) * 4, (row * width + column) * 4 + 3);
			x += a;
		}
	}
	return jsQR(pixels, width, width)?.data ?? null;
}

function gathering(values: Partial<NewGathering> & Pick<NewGathering, 'slug'>): NewGathering {
	return {
		kind: 'open-circle',
		title: { nl: values.slug, fr: `${values.slug} (fr)` },
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
	const [linde, haven] = await db
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
				lon: 4.3528,
				openingHours: 'Mo-Fr 09:00-17:00'
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
				visibility: 'area',
				openingHours: 'Tu-Th 10:00-12:00'
			},
			{
				slug: 'ledenlokaal',
				kind: 'meeting-house',
				name: { nl: 'Ledenlokaal' },
				whatToExpect: { nl: 'Overleg.' },
				neighbourhoodId,
				visibility: 'members',
				openingHours: 'Mo-Su 08:00-20:00'
			},
			{
				slug: 'op-afspraak',
				kind: 'service-centre',
				name: { nl: 'Op afspraak' },
				whatToExpect: { nl: 'Bel eerst.' },
				neighbourhoodId,
				walkIn: false
			}
		])
		.returning();
	await db.insert(gatherings).values([
		gathering({ slug: 'koffie-in-de-linde', neighbourhoodId, placeId: linde.id }),
		gathering({ slug: 'kring-in-de-haven', neighbourhoodId, placeId: haven.id }),
		gathering({
			slug: 'geheime-wandeling',
			neighbourhoodId,
			startsAt: '2026-11-26T10:00',
			lat: 50.8598765,
			lon: 4.3598765,
			pointName: 'Bij de geheime bank',
			visibility: 'area'
		}),
		gathering({
			slug: 'ledenkring',
			title: { nl: 'Ledenkring' },
			neighbourhoodId,
			startsAt: '2026-11-26T18:00',
			visibility: 'members'
		}),
		gathering({
			slug: 'verborgen-kring',
			title: { nl: 'Verborgen kring' },
			neighbourhoodId,
			startsAt: '2026-11-27T18:00',
			visibility: 'hidden'
		})
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
				rrule: 'FREQ=WEEKLY;BYDAY=WE'
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

describe('neighbourhood poster page', () => {
	it('encodes the absolute address of the neighbourhood page in its QR code', async () => {
		for (const lang of ['nl', 'fr', 'en']) {
			const { data } = await visit<PosterData>(
				loadPoster,
				`/${lang}/neighbourhoods/noordwijk/agenda`
			);
			expect(data?.pageUrl).toBe(`http://localhost/${lang}/neighbourhoods/noordwijk`);
			expect(decodeQr(data?.qr ?? '')).toBe(`http://localhost/${lang}/neighbourhoods/noordwijk`);
		}
	});

	it('is the same visitor poster when a signed-in worker prints it', async () => {
		const path = '/nl/neighbourhoods/noordwijk/agenda?also=fr';
		const asVisitor = await visit<PosterData>(loadPoster, path);
		const asWorker = await visit<PosterData>(loadPoster, path, worker);
		expect(asWorker.data?.poster).toEqual(asVisitor.data?.poster);
		const keys = asWorker.data?.poster.days.flatMap((day) => day.items.map((item) => item.key));
		expect(keys).toEqual([
			'koffie-in-de-linde:2026-11-25',
			'kring-in-de-haven:2026-11-25',
			'geheime-wandeling:2026-11-26'
		]);
		const json = JSON.stringify(asWorker.data);
		for (const word of [...MEMBERS_ONLY, ...HIDDEN, ...SECRETS]) expect(json).not.toContain(word);
	});

	it('has the second language really in that language', async () => {
		const { data } = await visit<PosterData>(
			loadPoster,
			'/fr/neighbourhoods/noordwijk/agenda?also=nl'
		);
		expect(data?.poster.locales).toEqual(['fr', 'nl']);
		if (!data) throw new Error('no poster');
		const { body: rendered } = render(PosterSheet, {
			props: { poster: data.poster, qr: data.qr, pageUrl: data.pageUrl, now: data.now }
		});
		// Without Svelte's hydration markers, the text reads as printed.
		const body = rendered.replace(/<!--.*?-->/g, '');
		expect(body).toMatch(/<span[^>]*lang="fr"[^>]*>Au programme<\/span>/);
		expect(body).toMatch(/<span[^>]*lang="nl"[^>]*>Wat is er te doen<\/span>/);
		expect(body).toMatch(/lang="fr"[^>]*>Quartier Nord<\/span>/);
		expect(body).toMatch(/lang="nl"[^>]*>Noordwijk<\/span>/);
		expect(body).toContain('Semaine du 23 au 29 novembre 2026');
		expect(body).toContain('Week van 23 tot 29 november 2026');
		expect(body).toContain('Mercredi 25 novembre');
		expect(body).toMatch(
			/lang="fr">Du lundi au vendredi<\/span> \/ <span lang="nl">Maandag tot vrijdag<\/span>\s*·\s*09:00–17:00/
		);
		expect(body).not.toContain('Wednesday');
		for (const secret of SECRETS) expect(body).not.toContain(secret);
	});

	it('says area-only places are in the neighbourhood, without their address', async () => {
		const { data } = await visit<PosterData>(loadPoster, '/en/neighbourhoods/noordwijk/agenda');
		if (!data) throw new Error('no poster');
		const { body: rendered } = render(PosterSheet, {
			props: { poster: data.poster, qr: data.qr, pageUrl: data.pageUrl, now: data.now }
		});
		// Without Svelte's hydration markers, the text reads as printed.
		const body = rendered.replace(/<!--.*?-->/g, '');
		expect(body).toContain('Inloophuis De Haven');
		expect(body).toContain('Inloophuis De Haven</span> – <span lang="en">address on request');
		expect(body).toContain('Lindestraat 1');
		expect(body).toContain('Monday to Friday: 09:00 to 17:00');
		expect(body).toContain('Just walk in');
		expect(body).toMatch(
			/<img[^>]+alt="QR code to the page of Noordwijk on Kwartier: http:\/\/localhost\/en\/neighbourhoods\/noordwijk"/
		);
	});

	it.each([
		['an unknown period', '?period=year'],
		['a day that does not exist', '?period=month&from=2026-02-31'],
		['words for a date and an unknown language', '?from=not-a-date&also=xx'],
		['a year long ago', '?from=0000-01-01'],
		['a year far away', '?from=9999-12-31&period=month'],
		['the page language again', '?also=nl'],
		['markup and a null byte', '?also=%3Cscript%3E&period=%00'],
		['a very long date', `?from=${'9'.repeat(5000)}`]
	])('a bad address (%s) still gives a poster, never an error', async (_label, search) => {
		const { data, thrown } = await visit<PosterData>(
			loadPoster,
			`/nl/neighbourhoods/noordwijk/agenda${search}`
		);
		expect(thrown).toBeUndefined();
		expect(data?.corrected).toBe(true);
		expect(data?.poster.locales).toEqual(['nl']);
	});

	it.each([
		['no such neighbourhood', 'bestaat-niet'],
		['its number instead of its name', '1'],
		['capitals', 'NOORDWIJK'],
		['a path', '../noordwijk'],
		['a space', 'noord wijk'],
		['a very long name', 'x'.repeat(500)]
	])('an unknown neighbourhood (%s) is a clean 404', async (_label, slug) => {
		for (const load of [loadPoster, loadHood]) {
			const { event } = makeEvent(`/nl/neighbourhoods/x/agenda`, {
				params: { lang: 'nl', slug }
			});
			const { thrown } = await outcome(() => load(event as never));
			expect(thrown?.status).toBe(404);
		}
	});
});

describe('neighbourhood page', () => {
	it('shows a visitor what is on, walk-in places first, and the next bus', async () => {
		const { data, headers } = await visit<HoodData>(loadHood, '/nl/neighbourhoods/noordwijk');
		expect(data?.neighbourhood).toEqual({
			slug: 'noordwijk',
			name: 'Noordwijk',
			municipality: 'Brussel'
		});
		expect(data?.places.map((place) => place.slug).at(-1)).toBe('op-afspraak');
		expect(data?.places.find((place) => place.slug === 'inloophuis-de-haven')).toMatchObject({
			exact: false,
			address: null
		});
		expect(data?.bus.map((bus) => [bus.round.slug, bus.visit.start])).toEqual([
			['koffiebus-noord', '2026-11-25T10:00']
		]);
		expect(headers.get('Cache-Control')).toBe('public, max-age=60');
		const json = JSON.stringify(data);
		for (const word of [...MEMBERS_ONLY, ...HIDDEN, ...SECRETS]) expect(json).not.toContain(word);
	});

	it('shows a signed-in worker the members-only items too, never hidden ones', async () => {
		const { data } = await visit<HoodData>(loadHood, '/nl/neighbourhoods/noordwijk', worker);
		expect(data?.upcoming.map((item) => item.slug)).toContain('ledenkring');
		expect(data?.bus.map((bus) => bus.round.slug)).toContain('ledenbus');
		expect(JSON.stringify(data)).not.toContain('verborgen-kring');
	});

	it('lists the neighbourhoods with the places a visitor may see', async () => {
		const { data } = await visit<ListData>(loadList, '/fr/neighbourhoods');
		expect(data?.neighbourhoods).toEqual([
			{ slug: 'noordwijk', name: 'Quartier Nord', places: 3, walkInPlaces: 2 }
		]);
	});
});
