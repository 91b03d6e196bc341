import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

type Locale = (typeof LOCALES)[number];

const PHONE = { width: 390, height: 844 };
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PAGES_CACHE = 'kwartier-pages-v1';
const TILES_CACHE = 'kwartier-tiles-v1';

/** A message from a catalogue, with its {placeholders} filled in. */
function text(area: string, locale: Locale, key: string, values: Record<string, string> = {}) {
	const catalogue = JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8'));
	return String(catalogue[key]).replace(/\{(\w+)\}/g, (_match, name: string) => values[name]);
}

/** "Last updated: " and the like: the part of the message before the date. */
function savedPrefix(locale: Locale) {
	return text('pwa', locale, 'pwa_saved_updated', { when: '{when}' }).split('{when}')[0].trim();
}

function publicPlace() {
	return readDatabase<{ slug: string }>(
		`select slug from places where visibility = 'public' order by id limit 1`
	)[0];
}

/** Waits until the service worker runs and answers this page's requests. */
async function untilServiceWorkerControls(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every cached URL, as "cache-name path?query". */
async function cachedUrls(page: Page, only?: string): Promise<string[]> {
	return page.evaluate(async (only) => {
		const found: string[] = [];
		for (const name of await caches.keys()) {
			if (only && name !== only) continue;
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const url = new URL(request.url);
				found.push(
					`${name} ${url.origin === location.origin ? '' : url.origin}${url.pathname}${url.search}`
				);
			}
		}
		return found;
	}, only);
}

async function storedPages(page: Page) {
	const urls = await cachedUrls(page, PAGES_CACHE);
	return urls.map((entry) => entry.slice(PAGES_CACHE.length + 1));
}

test('installable in Chromium, with a manifest and icons in each language', async ({
	playwright,
	baseURL
}) => {
	// Installing is not offered in a private window, which is what a new context is.
	const profile = mkdtempSync(join(tmpdir(), 'kwartier-pwa-'));
	const context = await playwright.chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
		baseURL
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const devtools = await context.newCDPSession(page);
		for (const locale of LOCALES) {
			await page.goto(`/${locale}`);
			await untilServiceWorkerControls(page);
			const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
			expect(installabilityErrors, locale).toEqual([]);

			const manifest = await devtools.send('Page.getAppManifest');
			expect(new URL(manifest.url).pathname).toBe(`/${locale}/manifest.webmanifest`);
			expect(manifest.errors.filter((error) => error.critical)).toEqual([]);
			const data = JSON.parse(manifest.data ?? '{}');
			expect(data).toMatchObject({
				lang: locale,
				start_url: `/${locale}`,
				name: text('pwa', locale, 'pwa_manifest_name'),
				display: 'standalone'
			});
			expect(data.icons).toContainEqual(
				expect.objectContaining({ sizes: '512x512', type: 'image/png', purpose: 'maskable' })
			);
			for (const icon of data.icons as { src: string; type: string }[]) {
				const response = await page.request.get(icon.src);
				expect(response.status(), icon.src).toBe(200);
				expect(response.headers()['content-type'], icon.src).toContain(icon.type);
			}
		}
		const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
		expect((await page.request.get(touchIcon!)).status()).toBe(200);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('pages read before open offline with when they were last updated; others show the offline page', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: PHONE, locale: 'nl-BE' });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto('/nl');
	await untilServiceWorkerControls(page);

	// Online: the list, a place by following its link and by its address, another by its link
	// only, and the front page in the other two languages. The public pages are HTML first (no
	// router): each one is a page of its own, stored as such.
	await page.goto('/nl');
	const placeLinks = page.locator('main a[href^="/nl/places/"]');
	const place = {
		slug: (await placeLinks.nth(0).getAttribute('href'))!.split('/').pop()!,
		name: (await placeLinks.nth(0).textContent())!.trim()
	};
	const otherPlace = { slug: (await placeLinks.nth(1).getAttribute('href'))!.split('/').pop()! };
	const hrefs = await placeLinks.evaluateAll((links) =>
		links.map((link) => link.getAttribute('href'))
	);
	const linkedHref = hrefs.find(
		(href) => href !== `/nl/places/${place.slug}` && href !== `/nl/places/${otherPlace.slug}`
	)!;
	const linkedLink = page.locator(`main a[href="${linkedHref}"]`).first();
	const linkedPlace = {
		slug: linkedHref.split('/').pop()!,
		name: (await linkedLink.textContent())!.trim()
	};
	await placeLinks.first().click();
	await page.waitForURL(`/nl/places/${place.slug}`);
	await page.goto(`/nl/places/${place.slug}`);
	// Another place only by its link.
	await page.goto('/nl');
	await linkedLink.click();
	await page.waitForURL(`/nl/places/${linkedPlace.slug}`);
	await expect.poll(() => storedPages(page)).toContain(`/nl/places/${linkedPlace.slug}`);
	await page.goto('/fr');
	await page.goto('/en');
	const stored = await storedPages(page);
	expect(stored).toEqual(
		expect.arrayContaining([
			'/nl',
			`/nl/places/${place.slug}`,
			`/nl/places/${linkedPlace.slug}`,
			'/fr',
			'/en'
		])
	);
	// Online, nothing says "saved copy".
	await expect(page.getByTestId('saved-copy')).toHaveCount(0);

	await context.setOffline(true);
	for (const locale of LOCALES) {
		await page.goto(`/${locale}`);
		await expect(page.locator('h1')).toHaveText(text('listing', locale, 'whats_on_title'));
		const notice = page.getByTestId('saved-copy');
		await expect(notice).toContainText(text('pwa', locale, 'pwa_saved_title'));
		await expect(notice).toContainText(savedPrefix(locale));
		await expect(notice).toContainText(/\d\d:\d\d/);
		await expect(notice).toContainText(String(new Date().getFullYear()));
	}
	// The Dutch date reads as Dutch.
	await page.goto('/nl');
	await expect(page.getByTestId('saved-copy')).toContainText(
		/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} om \d\d:\d\d/
	);
	expect(await new AxeBuilder({ page }).analyze().then((result) => result.violations)).toEqual([]);

	// A link followed without a connection opens the stored place page.
	await page.locator(`main a[href="/nl/places/${place.slug}"]`).first().click();
	await page.waitForURL(`/nl/places/${place.slug}`);
	await expect(page.locator('h1')).toContainText(place.name);
	await expect(page.getByTestId('saved-copy')).toContainText(savedPrefix('nl'));
	await page.reload();
	await expect(page.locator('h1')).toContainText(place.name);
	await expect(page.getByTestId('saved-copy')).toBeVisible();

	// The place reached only by a link opens by its address too.
	await page.goto(`/nl/places/${linkedPlace.slug}`);
	await expect(page.locator('h1')).toContainText(linkedPlace.name);
	await expect(page.getByTestId('saved-copy')).toBeVisible();

	// A page not read before: the offline page, in the language of the address, listing what
	// can be read.
	await page.goto(`/nl/places/${otherPlace.slug}`);
	await expect(page.locator('h1')).toHaveText(text('pwa', 'nl', 'pwa_offline_title'));
	await expect(page.getByRole('link', { name: place.name })).toHaveAttribute(
		'href',
		`/nl/places/${place.slug}`
	);
	expect(await new AxeBuilder({ page }).analyze().then((result) => result.violations)).toEqual([]);
	await page.goto('/fr/map');
	await expect(page.locator('h1')).toHaveText(text('pwa', 'fr', 'pwa_offline_title'));
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.goto('/en/team');
	await expect(page.locator('h1')).toHaveText(text('pwa', 'en', 'pwa_offline_title'));

	// Back online, the page that was asked for opens by itself, fresh.
	await page.goto('/fr/map');
	await expect(page.locator('h1')).toHaveText(text('pwa', 'fr', 'pwa_offline_title'));
	await context.setOffline(false);
	await expect(page.locator('h1')).toHaveText(text('common', 'fr', 'map_title'));
	expect(new URL(page.url()).pathname).toBe('/fr/map');
	await expect(page.getByTestId('saved-copy')).toHaveCount(0);
	expect(errors).toEqual([]);
	await context.close();
});

test('on a connection that carries nothing, stored pages show with their date and others the offline page', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: PHONE, locale: 'en' });
	const page = await context.newPage();
	await page.goto('/en');
	await untilServiceWorkerControls(page);
	await page.goto('/en');
	const placeLink = page.locator('main a[href^="/en/places/"]').first();
	const placeHref = (await placeLink.getAttribute('href'))!;
	const placeName = (await placeLink.textContent())!.trim();
	await placeLink.click();
	await page.waitForURL(placeHref);
	await expect(page.locator('h1')).toContainText(placeName);
	await expect(page.getByTestId('saved-copy')).toHaveCount(0);

	// The browser still thinks it is online, but no page comes through.
	await context.route(
		(url) => url.pathname.startsWith('/en') && !url.pathname.startsWith('/en/offline'),
		(route) => route.abort('internetdisconnected')
	);
	await page.goto('/en');
	await expect(page.getByTestId('saved-copy')).toContainText(savedPrefix('en'));
	await page.locator(`main a[href="${placeHref}"]`).first().click();
	await page.waitForURL(placeHref);
	await expect(page.locator('h1')).toContainText(placeName);
	await expect(page.getByTestId('saved-copy')).toContainText(savedPrefix('en'));

	// The page about Kwartier was never read: the offline page, with the way back.
	await page.locator('header nav a[href="/en/about"]').click();
	await page.waitForURL(/\/en\/offline\?from=%2Fen%2Fabout$/);
	await expect(page.locator('h1')).toHaveText(text('pwa', 'en', 'pwa_offline_title'));
	await expect(
		page.getByRole('link', { name: text('pwa', 'en', 'pwa_offline_try_again') })
	).toHaveAttribute('href', '/en/about');
	await context.close();
});

test('map tiles are kept as they are viewed and shown again offline', async ({ browser }) => {
	const context = await browser.newContext({ viewport: PHONE });
	const tile = readFileSync('static/icons/maskable-192.png');
	let served = 0;
	// The tile server is out of reach here: this one answers as it does (CORS allowed).
	await context.route('https://tile.openstreetmap.org/**', (route) => {
		served += 1;
		return route.fulfill({
			status: 200,
			contentType: 'image/png',
			headers: { 'access-control-allow-origin': '*' },
			body: tile
		});
	});
	const page = await context.newPage();
	await page.goto('/nl/map');
	await untilServiceWorkerControls(page);
	await page.goto('/nl/map');
	const map = page.locator('[data-ready="true"]');
	await expect(map).toBeVisible();
	await expect
		.poll(async () => (await cachedUrls(page, TILES_CACHE)).length, { timeout: 10_000 })
		.toBeGreaterThan(0);
	const tiles = await cachedUrls(page, TILES_CACHE);
	expect(tiles.length).toBeLessThanOrEqual(300);
	expect(tiles.every((entry) => entry.includes('https://tile.openstreetmap.org/'))).toBe(true);

	await context.setOffline(true);
	const before = served;
	await page.reload();
	await expect(page.locator('[data-ready="true"]')).toBeVisible();
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					[...document.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].filter(
						(img) => img.complete && img.naturalWidth > 0
					).length
			)
		)
		.toBeGreaterThan(0);
	expect(served).toBe(before);
	await context.close();
});

test('nothing of a signed-in session is kept, and signing out empties the kept pages', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: PHONE, locale: 'nl' });
	const page = await context.newPage();
	const place = publicPlace();
	// As a visitor first: public pages are kept.
	await page.goto('/nl');
	await untilServiceWorkerControls(page);
	await page.goto('/nl/map');
	await page.goto('/nl/about');
	expect(await storedPages(page)).toEqual(expect.arrayContaining(['/nl/map', '/nl/about']));

	await page.goto('/nl/login', { waitUntil: 'networkidle' });
	await page.locator('#login-username').fill('worker');
	await page.locator('#login-password').fill('kwartier-demo');
	await expect(page.locator('#login-username')).toHaveValue('worker');
	await page.locator('main button[type=submit]').click();
	await page.waitForURL(/\/nl\/team/);

	// The team area, by address and by the router, and public pages seen while signed in.
	await page.goto('/nl/team');
	await page.locator('main a[href^="/nl/team/"]').first().click();
	await page.waitForLoadState('networkidle');
	const signedInPage = await page.goto(`/nl/places/${place.slug}`);
	expect(signedInPage?.headers()['cache-control']).toBe('private, no-store');
	await page.locator('header a[href="/nl/map"]').click();
	await page.waitForURL('/nl/map');
	await page.waitForLoadState('networkidle');

	const everything = await cachedUrls(page);
	expect(everything.filter((entry) => /\/(team|login|api)\b/.test(entry))).toEqual([]);
	const kept = await storedPages(page);
	expect(kept).not.toContain(`/nl/places/${place.slug}`);
	expect(kept.filter((url) => url.includes('__data.json'))).toEqual([]);
	const memberName = await page.evaluate(async (name) => {
		const cache = await caches.open(name);
		const texts = await Promise.all(
			(await cache.keys()).map(async (request) => (await cache.match(request))!.text())
		);
		return texts.some((body) => body.includes('Sara'));
	}, PAGES_CACHE);
	expect(memberName).toBe(false);

	// Signing out.
	const signedOutAt = Date.now();
	await page.locator('form[action="/nl/logout"] button').click();
	await page.waitForURL('/nl');
	await page.waitForLoadState('networkidle');
	const afterwards = await page.evaluate(async (name) => {
		const cache = await caches.open(name);
		return Promise.all(
			(await cache.keys()).map(async (request) => ({
				path: new URL(request.url).pathname,
				storedAt: (await cache.match(request))!.headers.get('x-kwartier-cached-at')
			}))
		);
	}, PAGES_CACHE);
	// At most the front page the sign-out led to, seen as a visitor after signing out.
	for (const entry of afterwards) {
		expect(entry.path).toBe('/nl');
		expect(Date.parse(entry.storedAt ?? '')).toBeGreaterThanOrEqual(signedOutAt - 1000);
	}
	await context.close();
});
