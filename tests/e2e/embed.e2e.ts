import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

type Named = { slug: string; name: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function firstNeighbourhood() {
	const [row] = readDatabase<Named>(`select slug, name from neighbourhoods order by id limit 1`);
	return { slug: row.slug, name: JSON.parse(row.name) as Record<string, string> };
}

/** A public place where at least one public gathering is held. */
function placeWithGatherings() {
	const [row] = readDatabase<Named>(
		`select p.slug, p.name from places p join gatherings g on g.place_id = p.id
		 where p.visibility = 'public' and g.visibility = 'public' and g.archived_at is null
		 and p.archived_at is null group by p.id order by p.id limit 1`
	);
	return { slug: row.slug, name: JSON.parse(row.name) as Record<string, string> };
}

/**
 * A partner's own website on another origin (127.0.0.1 and a port of its own, another site
 * than localhost), with Kwartier's snippet. A real server rather than page.route: Chromium
 * treats a routed page as a public site and refuses to let it frame a local address at all.
 */
let partner: Server;
let partnerOrigin = '';
let partnerPage = '';

test.beforeAll(async () => {
	partner = createServer((_request, response) => {
		response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		response.end(partnerPage);
	});
	await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
	partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
	await new Promise((resolve) => partner.close(resolve));
});

async function openPartnerPage(page: Page, frames: Record<string, string>) {
	partnerPage = `<!doctype html><html lang="nl"><head><title>Buurthuis</title>
		<meta name="viewport" content="width=device-width, initial-scale=1"></head>
		<body style="margin:8px;font-family:serif"><h1>Welkom in ons buurthuis</h1>
		${Object.entries(frames)
			.map(
				([id, src]) =>
					`<iframe id="${id}" src="${src}" title="${id}" width="100%" height="600" loading="lazy" style="border:0"></iframe>`
			)
			.join('\n')}
		</body></html>`;
	await page.goto(`${partnerOrigin}/`);
}

test('a partner page shows the agenda of a neighbourhood in an iframe, in the chosen language', async ({
	page,
	baseURL
}) => {
	const hood = firstNeighbourhood();
	await openPartnerPage(page, {
		agenda: `${baseURL}/fr/embed/neighbourhoods/${hood.slug}`,
		normal: `${baseURL}/fr/neighbourhoods/${hood.slug}`
	});
	const agenda = page.frameLocator('#agenda');
	await expect(agenda.locator('h1')).toHaveText(`Au programme : ${hood.name.fr ?? hood.name.nl}`);
	await expect(agenda.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(agenda.locator('h2').first()).toBeVisible();
	// No site header, menu or footer: only the agenda.
	await expect(agenda.locator('nav, .site-header, .site-footer')).toHaveCount(0);
	await expect(agenda.locator('script')).toHaveCount(0);

	const firstItem = agenda.locator('li .title a').first();
	await expect(firstItem).toHaveAttribute('href', /^\/fr\/(gatherings|rounds)\/[a-z0-9-]+$/);
	await expect(firstItem).toHaveAttribute('target', '_blank');
	await expect(firstItem).toHaveAttribute('rel', 'noopener');
	await expect(agenda.getByText('Entrée libre').first()).toBeVisible();
	const title = (await firstItem.evaluate((link) => link.firstChild?.textContent)) ?? '';

	// A link opens the full page on Kwartier in a new tab, not inside the partner's page.
	const [opened] = await Promise.all([page.context().waitForEvent('page'), firstItem.click()]);
	await opened.waitForLoadState();
	expect(new URL(opened.url()).origin).toBe(new URL(baseURL ?? '').origin);
	await expect(opened.locator('h1')).toHaveText(title);
	await expect(page).toHaveURL(`${partnerOrigin}/`);

	// Every other page of Kwartier still refuses to be framed.
	const normal = await (await page.locator('#normal').elementHandle())?.contentFrame();
	await expect.poll(() => normal?.url()).toMatch(/^chrome-error:/);
	await expect(page.frameLocator('#normal').getByText(hood.name.fr ?? hood.name.nl)).toHaveCount(0);
});

test('the embed may be framed by any site; other pages by none', async ({ request }) => {
	const hood = firstNeighbourhood();
	const embed = await request.get(`/nl/embed/neighbourhoods/${hood.slug}`);
	expect(embed.status()).toBe(200);
	expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
	expect(embed.headers()['content-security-policy']).not.toContain("frame-ancestors 'none'");
	expect(embed.headers()['x-frame-options']).toBeUndefined();
	for (const path of [`/nl/neighbourhoods/${hood.slug}`, '/nl', '/nl/open-data', '/nl/login']) {
		const response = await request.get(path);
		expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
	}
	// A bad option falls back instead of failing; an unknown neighbourhood is a small 404.
	expect(
		(await request.get(`/nl/embed/neighbourhoods/${hood.slug}?weeks=x&limit=-1`)).status()
	).toBe(200);
	const missing = await request.get('/nl/embed/neighbourhoods/nergens');
	expect(missing.status()).toBe(404);
	expect(missing.headers()['content-security-policy']).toContain('frame-ancestors *');
	expect(await missing.text()).toContain('Deze agenda is niet beschikbaar');
});

test('a place agenda fits a narrow column of 300 pixels without scrolling sideways', async ({
	page,
	baseURL
}) => {
	const place = placeWithGatherings();
	await page.setViewportSize({ width: 316, height: 800 });
	await openPartnerPage(page, { agenda: `${baseURL}/en/embed/places/${place.slug}?limit=5` });
	const agenda = page.frameLocator('#agenda');
	await expect(agenda.locator('h1')).toContainText(place.name.en ?? place.name.nl);
	await expect(agenda.locator('li .title a')).not.toHaveCount(0);
	expect(await agenda.locator('li').count()).toBeLessThanOrEqual(5);
	const frame = page.frames().find((candidate) => candidate.url().includes('/embed/'));
	const overflow = await frame?.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	expect(await frame?.evaluate(() => innerWidth)).toBeLessThanOrEqual(300);
});

test('the neighbourhood page gives the code to copy, in the language chosen for the embed', async ({
	page,
	context,
	baseURL
}) => {
	const hood = firstNeighbourhood();
	await page.goto(`/nl/neighbourhoods/${hood.slug}`);
	const code = page.getByLabel('Code voor je website');
	await expect(code).toHaveValue(
		`<iframe src="${baseURL}/nl/embed/neighbourhoods/${hood.slug}" title="Agenda van ${hood.name.nl} op Kwartier" width="100%" height="600" loading="lazy" style="border:0"></iframe>`
	);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: 'Kopieer de code' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Gekopieerd' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
	await page
		.getByRole('navigation', { name: 'Taal van de agenda' })
		.getByRole('link', { name: 'English' })
		.click();
	await expect(code).toHaveValue(
		new RegExp(`/en/embed/neighbourhoods/${hood.slug}" title="Agenda of `)
	);
	await expect(page.locator('h1')).toHaveText(hood.name.nl);
	await page.getByRole('link', { name: 'Bekijk hoe het eruitziet' }).click();
	await expect(page).toHaveURL(`${baseURL}/en/embed/neighbourhoods/${hood.slug}`);
	await expect(page.locator('h1')).toHaveText(`What's on in ${hood.name.en ?? hood.name.nl}`);
	await expect(page.locator('.site-header')).toHaveCount(0);
});

test('without JavaScript the code can still be chosen in another language and selected', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const place = placeWithGatherings();
	await page.goto(`/fr/places/${place.slug}`);
	const code = page.getByLabel('Code pour votre site');
	await expect(code).toHaveValue(new RegExp(`/fr/embed/places/${place.slug}"`));
	await expect(code).toHaveAttribute('readonly', '');
	await expect(page.getByRole('button', { name: 'Copier le code' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Nederlands', exact: true }).last().click();
	await expect(page).toHaveURL(/\?embed=nl#embed-title$/);
	// The title names the place in the embed's language, not in the page's.
	await expect(code).toHaveValue(
		new RegExp(
			`/nl/embed/places/${place.slug}" title="${escapeRegExp(`Agenda van ${place.name.nl} op Kwartier`)}"`
		)
	);
	await context.close();
});

test('the code names a neighbourhood in the language chosen for the embed', async ({ page }) => {
	const [row] = readDatabase<Named>(
		`select slug, name from neighbourhoods where json_extract(name, '$.nl') <> json_extract(name, '$.fr') order by id limit 1`
	);
	const name = JSON.parse(row.name) as Record<string, string>;
	await page.goto(`/nl/neighbourhoods/${row.slug}?embed=fr`);
	await expect(page.getByLabel('Code voor je website')).toHaveValue(
		new RegExp(`title="${escapeRegExp(`Agenda de ${name.fr} sur Kwartier`)}"`)
	);
});

test('the open-data page lists what a partner can take, and the about page links to it', async ({
	page
}) => {
	const hood = firstNeighbourhood();
	await page.goto('/en/about');
	await page.getByRole('link', { name: /Open data: what partners can take/ }).click();
	await expect(page.locator('h1')).toHaveText('Open data');
	for (const href of [
		'/feeds/calendar.ics?lang=en',
		'/feeds/places.geojson?lang=en',
		'/feeds/hsds/services',
		`/feeds/neighbourhoods/${hood.slug}.ics?lang=en`,
		`/feeds/neighbourhoods/${hood.slug}.geojson?lang=en`,
		`/feeds/neighbourhoods/${hood.slug}.atom?lang=en`,
		`/en/neighbourhoods/${hood.slug}#embed-title`
	]) {
		await expect(page.locator(`a[href="${href}"]`).first()).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: 'News (Atom)' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Bring your own information into Kwartier' })
	).toBeVisible();
	// The example file sits beside the columns of a CSV file.
	await page.getByText('The columns of a CSV file').click();
	const example = page.getByRole('link', { name: 'Download the example file (CSV)' });
	await expect(example).toHaveAttribute('href', '/import-example.csv');
	await expect(example).toBeVisible();
});

test('every feed and file the open-data page links to is there', async ({ page, request }) => {
	await page.goto('/fr/open-data');
	const links = await page
		.locator('main a[href^="/feeds/"], main a[href$=".csv"]')
		.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') as string));
	const hoods = readDatabase<{ slug: string }>(`select slug from neighbourhoods`);
	// Per neighbourhood a calendar, map data and news, plus the example and the whole-set feeds.
	expect(links.length).toBeGreaterThanOrEqual(hoods.length * 3 + 4);
	const expected: Array<[RegExp, string]> = [
		[/\.ics(\?|$)/, 'text/calendar'],
		[/\.geojson(\?|$)/, 'application/geo+json'],
		[/\.atom(\?|$)/, 'application/atom+xml'],
		[/\.csv$/, 'text/csv'],
		[/\/hsds\//, 'application/json']
	];
	for (const href of new Set(links)) {
		const response = await request.get(href);
		expect(response.status(), href).toBe(200);
		const type = expected.find(([pattern]) => pattern.test(href))?.[1];
		expect(type, href).toBeDefined();
		expect(response.headers()['content-type'], href).toContain(type as string);
		const body = await response.text();
		if (href.includes('.ics')) expect(body, href).toMatch(/^BEGIN:VCALENDAR/);
		if (href.includes('.geojson')) expect(JSON.parse(body).type, href).toBe('FeatureCollection');
		// A neighbourhood's news is in the language of the page that links it.
		if (href.includes('.atom')) expect(body, href).toContain('xml:lang="fr"');
	}
});

for (const locale of LOCALES) {
	test(`${locale}: the embeds have the right language and no accessibility violations`, async ({
		page
	}) => {
		const hood = firstNeighbourhood();
		const place = placeWithGatherings();
		for (const path of [
			`/${locale}/embed/neighbourhoods/${hood.slug}`,
			`/${locale}/embed/places/${place.slug}`
		]) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('h1')).toHaveCount(1);
			const results = await new AxeBuilder({ page }).analyze();
			const violations = results.violations.map(
				(violation) =>
					`${path}: ${violation.id} ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
			);
			expect(violations).toEqual([]);
		}
	});
}
