import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

/** Reads the one slug a sample page needs from the end-to-end server's database. */
function firstSlug(query: string) {
	return readDatabase<{ slug: string }>(query)[0].slug;
}

/**
 * Every public page type, named so that each gets a test of its own: one page with its axe
 * scan takes a few seconds on a slow machine, so one test for them all ran out of time.
 */
const SAMPLE_PAGES: Record<string, () => string> = {
	home: () => '',
	map: () => '/map',
	about: () => '/about',
	suggest: () => '/suggest',
	'a public place': () =>
		`/places/${firstSlug(`select slug from places where visibility = 'public' order by id limit 1`)}`,
	'an area-only place': () =>
		`/places/${firstSlug(`select slug from places where visibility = 'area' order by id limit 1`)}`,
	'a gathering': () =>
		`/gatherings/${firstSlug(
			`select g.slug from gatherings g left join places p on p.id = g.place_id
			 where g.visibility = 'public' and (p.visibility is null or p.visibility = 'public')
			 order by g.id limit 1`
		)}`,
	'a coffee-bus round': () => `/rounds/${firstSlug(`select slug from rounds order by id limit 1`)}`,
	'the filtered list': () => '?what=place&open=1',
	neighbourhoods: () => '/neighbourhoods',
	'a neighbourhood': () =>
		`/neighbourhoods/${firstSlug(`select slug from neighbourhoods order by id limit 1`)}`,
	'a neighbourhood agenda': () =>
		`/neighbourhoods/${firstSlug(`select slug from neighbourhoods order by id limit 1`)}/agenda`,
	'a two-language month poster': () =>
		`/neighbourhoods/${firstSlug(`select slug from neighbourhoods order by id limit 1`)}/agenda?period=month&also=fr`,
	'open data for partners': () => '/open-data'
};

test('the root sends a visitor to the language of their browser', async ({ browser }) => {
	for (const [browserLocale, locale] of [
		['fr-BE', 'fr'],
		['en-GB', 'en'],
		['nl-BE', 'nl'],
		['de-DE', 'nl']
	] as const) {
		const context = await browser.newContext({ locale: browserLocale });
		const page = await context.newPage();
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe(`/${locale}`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await context.close();
	}
});

for (const locale of LOCALES) {
	for (const [name, pathOf] of Object.entries(SAMPLE_PAGES)) {
		test(`${locale}: ${name} has the right language and no accessibility violations`, async ({
			page
		}) => {
			const path = pathOf();
			const response = await page.goto(`/${locale}${path}`);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.getByText('112').first()).toBeVisible();
			if (path.includes('map') || path.startsWith('/places')) {
				await page.waitForSelector('[data-ready="true"], section.card h2', { timeout: 5000 });
			}
			const results = await new AxeBuilder({ page }).analyze();
			const violations = results.violations.map(
				(violation) =>
					`${path}: ${violation.id} ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
			);
			expect(violations).toEqual([]);
		});
	}
}

test('switching language keeps the page and its filters', async ({ page }) => {
	await page.goto('/nl?what=place&wheelchair=1');
	await page.getByRole('link', { name: 'Français' }).click();
	await expect(page).toHaveURL(/\/fr\?what=place&wheelchair=1$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Que se passe-t-il dans votre quartier ?'
	);
});

test('an unknown page says so in the visitor language', async ({ page }) => {
	const response = await page.goto('/en/places/no-such-place');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find this page');
});

test('the health check answers', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ ok: true });
});
