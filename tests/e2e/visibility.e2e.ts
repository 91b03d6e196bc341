import { expect, test, type APIRequestContext } from '@playwright/test';
import {
	areaPlacesWithAddress,
	LOCALES,
	placesWithVisibility,
	readDatabase,
	streetOf
} from './helpers';

async function body(request: APIRequestContext, path: string) {
	const response = await request.get(path);
	expect(response.status(), path).toBe(200);
	return response.text();
}

function publicSurfaces() {
	const gatherings = readDatabase<{ slug: string }>(
		`select slug from gatherings where visibility = 'public'`
	).map((row) => row.slug);
	const places = readDatabase<{ slug: string }>(
		`select slug from places where visibility in ('public', 'area')`
	).map((row) => row.slug);
	const rounds = readDatabase<{ slug: string }>(`select slug from rounds`).map((row) => row.slug);
	const hoods = readDatabase<{ slug: string }>(`select slug from neighbourhoods`).map(
		(row) => row.slug
	);
	const pages = LOCALES.flatMap((locale) => [
		`/${locale}`,
		`/${locale}?page=2`,
		`/${locale}/__data.json`,
		`/${locale}/map`,
		`/${locale}/map/__data.json`,
		...places.flatMap((slug) => [
			`/${locale}/places/${slug}`,
			`/${locale}/places/${slug}/__data.json`
		]),
		...gatherings.map((slug) => `/${locale}/gatherings/${slug}`),
		...rounds.map((slug) => `/${locale}/rounds/${slug}`),
		...hoods.flatMap((slug) => [
			`/${locale}/neighbourhoods/${slug}`,
			`/${locale}/neighbourhoods/${slug}/agenda?period=month&also=${locale === 'fr' ? 'nl' : 'fr'}`
		])
	]);
	return [...pages, '/feeds/places.geojson', '/feeds/calendar.ics'];
}

test('area-only places never reveal their address or exact point on any public surface', async ({
	request
}) => {
	test.setTimeout(120_000);
	const areaPlaces = areaPlacesWithAddress();
	expect(areaPlaces.length).toBeGreaterThan(0);
	// A coordinate that some visible place, meeting point or stop also has is no secret.
	const shown = new Set(
		readDatabase<{ value: number }>(
			`select lat as value from places where visibility = 'public' union select lon from places where visibility = 'public'
			 union select lat from gatherings where lat is not null union select lon from gatherings where lon is not null
			 union select lat from round_stops union select lon from round_stops
			 union select centre_lat from neighbourhoods union select centre_lon from neighbourhoods`
		).map((row) => String(row.value))
	);
	const coordinates = areaPlaces
		.flatMap((place) => [String(place.lat), String(place.lon)])
		.filter((value) => !shown.has(value));
	expect(coordinates.length).toBeGreaterThan(0);
	const streets = areaPlaces.map((place) => streetOf(place.address));
	for (const path of publicSurfaces()) {
		const text = await body(request, path);
		for (const street of streets) expect(text.includes(street), `${street} in ${path}`).toBe(false);
		for (const value of coordinates) {
			const exact = new RegExp(`(?<![\\d.])${value.replace('.', '\\.')}(?!\\d)`);
			expect(exact.test(text), `${value} in ${path}`).toBe(false);
		}
	}
});

test('members-only and hidden places never reach a visitor', async ({ request }) => {
	const unseen = [...placesWithVisibility('members'), ...placesWithVisibility('hidden')];
	expect(unseen.length).toBeGreaterThan(0);
	for (const place of unseen) {
		for (const locale of LOCALES) {
			const response = await request.get(`/${locale}/places/${place.slug}`);
			expect(response.status()).toBe(404);
		}
	}
	const names = unseen.flatMap((place) => Object.values(JSON.parse(place.name) as object));
	for (const path of [
		'/nl',
		'/fr?page=2',
		'/en/map',
		'/feeds/places.geojson',
		'/feeds/calendar.ics'
	]) {
		const text = await body(request, path);
		for (const name of names) expect(text.includes(name), `${name} in ${path}`).toBe(false);
	}
});

test('members-only gatherings never reach a visitor', async ({ request }) => {
	const unseen = readDatabase<{ slug: string; title: string }>(
		`select slug, title from gatherings where visibility in ('members', 'hidden')`
	);
	expect(unseen.length).toBeGreaterThan(0);
	for (const gathering of unseen) {
		const response = await request.get(`/en/gatherings/${gathering.slug}`);
		expect(response.status()).toBe(404);
	}
	const titles = unseen.flatMap((row) => Object.values(JSON.parse(row.title) as object));
	for (const path of [
		'/nl',
		'/en?what=gathering',
		'/feeds/calendar.ics',
		'/nl/neighbourhoods/anneessens',
		'/fr/neighbourhoods/kuregem/agenda?period=month&from=2026-12-01&also=nl'
	]) {
		const text = await body(request, path);
		for (const title of titles) expect(text.includes(title), `${title} in ${path}`).toBe(false);
	}
});
