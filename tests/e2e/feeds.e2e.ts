import ical, { type ParameterValue, type VEvent } from 'node-ical';
import { expect, test } from '@playwright/test';

const GATHERING = 'open-kring-zennebel';
const HOOD = 'anneessens';

function textOf(value: ParameterValue | undefined) {
	return typeof value === 'object' ? value.val : value;
}

test('a French gathering page subscribes to the gathering calendar in French', async ({
	page,
	request
}) => {
	await page.goto(`/fr/gatherings/${GATHERING}`);
	const subscribe = page.getByRole('link', { name: "S'abonner dans votre agenda" });
	await expect(subscribe).toBeVisible();
	const webcal = (await subscribe.getAttribute('href')) ?? '';
	const origin = new URL(page.url()).origin;
	expect(webcal).toBe(
		`${origin.replace(/^http:/, 'webcal:')}/feeds/gatherings/${GATHERING}.ics?lang=fr`
	);

	// A calendar app fetches the same address over HTTP.
	const response = await request.get(webcal.replace(/^webcal:/, 'http:'));
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const events = Object.values(ical.sync.parseICS(await response.text())).filter(
		(component): component is VEvent => component?.type === 'VEVENT'
	);
	const series = events.find((event) => event.rrule);
	expect(textOf(series?.summary)).toBe('Cercle ouvert');
	expect(series?.start.tz).toBe('Europe/Brussels');
	// The demo moves the circle of Tuesday 15 December to Wednesday the 16th.
	const moved = series?.recurrences?.['2026-12-15'] as VEvent | undefined;
	expect(moved?.start.toISOString()).toBe('2026-12-16T17:00:00.000Z');

	const download = page.getByRole('link', { name: "Télécharger le fichier d'agenda (.ics)" });
	await expect(download).toHaveAttribute('download', `${GATHERING}.ics`);
	const copy = await request.get(`${origin}${await download.getAttribute('href')}`);
	expect(await copy.text()).toBe(await response.text());
});

test('a neighbourhood page names its news feed and links its map data', async ({
	page,
	request
}) => {
	await page.goto(`/fr/neighbourhoods/${HOOD}`);
	const origin = new URL(page.url()).origin;
	const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
	const news = await request.get(`${origin}${await alternate.getAttribute('href')}`);
	expect(news.status()).toBe(200);
	const atom = await news.text();
	expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
	expect(atom).toContain(`${origin}/fr/gatherings/${GATHERING}`);

	const mapData = page.getByRole('link', { name: 'Données de la carte (GeoJSON)' });
	const geojson = await request.get(`${origin}${await mapData.getAttribute('href')}`);
	expect(geojson.status()).toBe(200);
	expect((await geojson.json()).type).toBe('FeatureCollection');
});
