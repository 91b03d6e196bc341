import { mkdirSync, readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { areaPlacesWithAddress, LOCALES, readDatabase, streetOf } from './helpers';

type Locale = (typeof LOCALES)[number];

// A4 at 96 CSS pixels per inch: what the printed page is, seen on a screen.
const A4 = { width: 794, height: 1123 };
const PHONE = { width: 390, height: 844 };
const SCREENS = 'test-results/agenda-screens';
// Brussels is bilingual, and its busiest demo neighbourhood has an area-only gathering.
const HOOD = 'marollen';

/** A message from the agenda catalogue, with its {placeholders} filled in. */
function text(locale: Locale, key: string, values: Record<string, string | number> = {}) {
	const catalogue = JSON.parse(readFileSync(`messages/agenda/${locale}.json`, 'utf8'));
	return String(catalogue[key]).replace(/\{(\w+)\}/g, (_match, name: string) =>
		String(values[name])
	);
}

function pageUrlOf(page: Page, locale: Locale) {
	return `${new URL(page.url()).origin}/${locale}/neighbourhoods/${HOOD}`;
}

/** Reads the QR code on the page the way a phone camera would: from its picture. */
async function scanQr(page: Page) {
	const picture = PNG.sync.read(await page.locator('img.qr').screenshot());
	return jsQR(new Uint8ClampedArray(picture.data), picture.width, picture.height)?.data ?? null;
}

async function pdfPages(page: Page) {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	await page.emulateMedia({ media: 'screen' });
	return { pages: (await PDFDocument.load(pdf)).getPageCount(), pdf };
}

async function signIn(browser: Browser, username: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/nl/login', { waitUntil: 'networkidle' });
	await page.locator('#login-username').fill(username);
	await page.locator('#login-password').fill('kwartier-demo');
	await expect(page.locator('#login-username')).toHaveValue(username);
	await page.locator('main button[type=submit]').click();
	await page.waitForURL(/\/nl\/team/);
	return { context, page };
}

test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

for (const locale of LOCALES) {
	test(`the neighbourhood page in ${locale} leads to a poster that prints on one A4 page`, async ({
		browser
	}) => {
		const context = await browser.newContext({ deviceScaleFactor: 2, viewport: A4 });
		const page = await context.newPage();
		await page.goto(`/${locale}/neighbourhoods`);
		await page.locator(`a[href="/${locale}/neighbourhoods/${HOOD}"]`).click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/neighbourhoods/${HOOD}$`));
		await page.getByRole('link', { name: text(locale, 'agenda_print_link') }).click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/neighbourhoods/${HOOD}/agenda$`));

		const sheet = page.locator('article.sheet');
		await expect(sheet.locator('.sheet-title')).toBeVisible();
		await expect(sheet).toContainText(text(locale, 'agenda_whats_on'));
		await expect(sheet).toContainText('112');
		const qr = page.locator('img.qr');
		await expect(qr).toHaveAttribute('alt', new RegExp(`${pageUrlOf(page, locale)}$`));
		expect(await scanQr(page)).toBe(pageUrlOf(page, locale));

		const { pages } = await pdfPages(page);
		expect(pages).toBe(1);
		await page.emulateMedia({ media: 'print' });
		await page.screenshot({ path: `${SCREENS}/poster-${locale}.png`, fullPage: true });
		await context.close();
	});
}

test('a bilingual French and Dutch poster says everything in both, and prints on one page', async ({
	browser
}) => {
	const context = await browser.newContext({ deviceScaleFactor: 2, viewport: A4 });
	const page = await context.newPage();
	await page.goto(`/fr/neighbourhoods/${HOOD}/agenda`, { waitUntil: 'networkidle' });
	await page.locator('#poster-also').selectOption('nl');
	await page.getByRole('button', { name: text('fr', 'agenda_form_show') }).click();
	await expect(page).toHaveURL(/also=nl/);
	const sheet = page.locator('article.sheet');
	const said = (locale: Locale, words: string) =>
		sheet.locator(`[lang="${locale}"]:text-is(${JSON.stringify(words)})`).first();
	await expect(said('fr', text('fr', 'agenda_whats_on'))).toBeVisible();
	await expect(said('nl', text('nl', 'agenda_whats_on'))).toBeVisible();
	await expect(said('fr', 'Marolles')).toBeVisible();
	await expect(said('nl', 'Marollen')).toBeVisible();
	await expect(said('fr', 'Entrée libre')).toBeVisible();
	await expect(said('nl', 'Gewoon binnenlopen')).toBeVisible();
	expect(await scanQr(page)).toBe(pageUrlOf(page, 'fr'));

	expect((await pdfPages(page)).pages).toBe(1);
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${SCREENS}/poster-fr-nl.png`, fullPage: true });
	await context.close();
});

test('busy posters fit on one page, cut nothing and point online for the rest', async ({
	browser
}) => {
	// The printable width of A4 inside the page margins (186 mm), so lines wrap as on paper.
	const context = await browser.newContext({ viewport: { width: 703, height: 1032 } });
	const page = await context.newPage();
	for (const path of [
		`/nl/neighbourhoods/${HOOD}/agenda?period=month&from=2026-12-01`,
		`/fr/neighbourhoods/kuregem/agenda?period=month&also=nl`,
		`/en/neighbourhoods/molenbeek-historisch-centrum/agenda?period=month&also=fr`,
		`/nl/neighbourhoods/molenbeek-historisch-centrum/agenda`
	]) {
		await page.goto(path);
		const { pages } = await pdfPages(page);
		expect(pages, path).toBe(1);
		await page.emulateMedia({ media: 'print' });
		const overflow = await page.evaluate(() =>
			['.agenda', '.side', '.sheet'].map((selector) => {
				const element = document.querySelector(selector) as HTMLElement;
				return element.scrollHeight - element.clientHeight;
			})
		);
		// A few pixels are the last line's bottom margin, not text.
		for (const pixels of overflow) expect(pixels, path).toBeLessThanOrEqual(4);
		await page.emulateMedia({ media: 'screen' });
	}
	await page.goto(`/nl/neighbourhoods/${HOOD}/agenda?period=month&from=2026-12-01`);
	await expect(page.locator('.more-items')).toContainText(`/nl/neighbourhoods/${HOOD}`);
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${SCREENS}/poster-month-nl.png`, fullPage: true });
	await context.close();
});

test('a neighbourhood worker who prints the poster gets the public poster only', async ({
	browser
}) => {
	const membersOnly = readDatabase<{ title: string }>(
		`select g.title from gatherings g join neighbourhoods n on n.id = g.neighbourhood_id
		 left join places p on p.id = g.place_id
		 where n.slug = 'anneessens'
		   and (g.visibility in ('members', 'hidden') or p.visibility in ('members', 'hidden'))`
	).flatMap((row) => Object.values(JSON.parse(row.title) as Record<string, string>));
	expect(membersOnly.length).toBeGreaterThan(0);
	const areaStreets = areaPlacesWithAddress().map((place) => streetOf(place.address));

	const { context, page } = await signIn(browser, 'worker');
	// December: the members-only volunteers' meeting falls on its first Monday.
	await page.goto('/nl/neighbourhoods/anneessens/agenda?period=month&from=2026-12-01');
	await expect(page.locator('article.sheet .sheet-title')).toBeVisible();
	const sheet = (await page.locator('article.sheet').textContent()) ?? '';
	const html = await page.content();
	for (const title of membersOnly) expect(sheet, title).not.toContain(title);
	for (const street of areaStreets) expect(html, street).not.toContain(street);
	// The neighbourhood page itself does show the worker what only the team sees.
	const meeting = readDatabase<{ title: string }>(
		`select title from gatherings where slug = 'vrijwilligersoverleg-anneessens'`
	)[0];
	await page.goto('/nl/neighbourhoods/anneessens');
	await expect(page.locator('h1')).toHaveText('Anneessens');
	await expect(page.locator('main')).toContainText(JSON.parse(meeting.title).nl);
	await context.close();
});

test('area-only places on the poster have no address', async ({ page }) => {
	const area = areaPlacesWithAddress().filter((place) =>
		readDatabase<{ slug: string }>(
			`select n.slug from places p join neighbourhoods n on n.id = p.neighbourhood_id where p.slug = ?`,
			place.slug
		).some((row) => row.slug === HOOD)
	);
	expect(area.length).toBeGreaterThan(0);
	await page.goto(`/en/neighbourhoods/${HOOD}/agenda?period=month&from=2026-11-01`);
	const html = await page.content();
	for (const place of area) {
		expect(html).not.toContain(streetOf(place.address));
		expect(html).not.toContain(String(place.lat));
	}
	await expect(page.locator('article.sheet')).toContainText('address on request');
});

test('the print button needs JavaScript; without it the page says how to print', async ({
	browser
}) => {
	const withScript = await browser.newContext();
	const page = await withScript.newPage();
	await page.goto(`/en/neighbourhoods/${HOOD}/agenda`, { waitUntil: 'networkidle' });
	await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
	await expect(page.getByText(text('en', 'agenda_form_print_no_js'))).toBeHidden();
	await withScript.close();

	const withoutScript = await browser.newContext({ javaScriptEnabled: false });
	const plain = await withoutScript.newPage();
	await plain.goto(`/en/neighbourhoods/${HOOD}/agenda`);
	await expect(plain.getByRole('button', { name: 'Print', exact: true })).toHaveCount(0);
	await expect(plain.getByText(text('en', 'agenda_form_print_no_js'))).toBeVisible();
	// The form works without JavaScript too.
	await plain.getByLabel(text('en', 'agenda_form_month')).check();
	await plain.getByRole('button', { name: text('en', 'agenda_form_show') }).click();
	await expect(plain).toHaveURL(/period=month/);
	await expect(plain.locator('.period')).toContainText('November 2026');
	await withoutScript.close();
});

test('a bad poster address falls back instead of failing', async ({ page }) => {
	for (const search of [
		'?period=year',
		'?from=2026-02-31',
		'?also=de',
		`?from=${'9'.repeat(300)}`
	]) {
		const response = await page.goto(`/nl/neighbourhoods/${HOOD}/agenda${search}`);
		expect(response?.status(), search).toBe(200);
		await expect(page.getByRole('status')).toContainText(text('nl', 'agenda_form_corrected'));
	}
	const missing = await page.goto('/nl/neighbourhoods/no-such-place/agenda');
	expect(missing?.status()).toBe(404);
});

test('on a phone the neighbourhood page fits the screen', async ({ browser }) => {
	const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2 });
	const page = await context.newPage();
	for (const locale of LOCALES) {
		await page.goto(`/${locale}/neighbourhoods/${HOOD}`);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, locale).toBeLessThanOrEqual(0);
		await expect(page.getByRole('link', { name: text(locale, 'agenda_print_link') })).toBeVisible();
	}
	await page.goto(`/en/neighbourhoods/${HOOD}`);
	await page.screenshot({ path: `${SCREENS}/neighbourhood-phone-en.png`, fullPage: true });
	await page.goto(`/nl/neighbourhoods/${HOOD}/agenda`);
	await page.screenshot({ path: `${SCREENS}/poster-phone-nl.png`, fullPage: true });
	await context.close();
});
