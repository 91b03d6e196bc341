import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

function samplePages() {
	const place = readDatabase<{ slug: string }>(
		`select slug from places where visibility = 'public' order by id limit 1`
	)[0];
	const areaPlace = readDatabase<{ slug: string }>(
		`select slug from places where visibility = 'area' order by id limit 1`
	)[0];
	const gathering = readDatabase<{ slug: string }>(
		`select g.slug from gatherings g left join places p on p.id = g.place_id
		 where g.visibility = 'public' and (p.visibility is null or p.visibility = 'public')
		 order by g.id limit 1`
	)[0];
	const round = readDatabase<{ slug: string }>(`select slug from rounds order by id limit 1`)[0];
	return [
		'',
		'/map',
		'/about',
		'/suggest',
		`/places/${place.slug}`,
		`/places/${areaPlace.slug}`,
		`/gatherings/${gathering.slug}`,
		`/rounds/${round.slug}`,
		'?what=place&open=1'
	];
}

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
	test(`every public page in ${locale} has the right language and no accessibility violations`, async ({
		page
	}) => {
		const violations: string[] = [];
		for (const path of samplePages()) {
			const response = await page.goto(`/${locale}${path}`);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.getByText('112').first()).toBeVisible();
			if (path.includes('map') || path.startsWith('/places')) {
				await page.waitForSelector('[data-ready="true"], section.card h2', { timeout: 5000 });
			}
			const results = await new AxeBuilder({ page }).analyze();
			violations.push(
				...results.violations.map(
					(violation) =>
						`${path}: ${violation.id} ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
				)
			);
		}
		expect(violations).toEqual([]);
	});
}

/** The neighbourhood pages and their wall posters, one and two languages. */
function neighbourhoodPages() {
	const hood = readDatabase<{ slug: string }>(
		`select slug from neighbourhoods order by id limit 1`
	)[0];
	return [
		'/neighbourhoods',
		`/neighbourhoods/${hood.slug}`,
		`/neighbourhoods/${hood.slug}/agenda`,
		`/neighbourhoods/${hood.slug}/agenda?period=month&also=fr`
	];
}

for (const locale of LOCALES) {
	test(`every neighbourhood page in ${locale} has the right language and no accessibility violations`, async ({
		page
	}) => {
		const violations: string[] = [];
		for (const path of neighbourhoodPages()) {
			const response = await page.goto(`/${locale}${path}`);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.getByText('112').first()).toBeVisible();
			const results = await new AxeBuilder({ page }).analyze();
			violations.push(
				...results.violations.map(
					(violation) =>
						`${path}: ${violation.id} ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
				)
			);
		}
		expect(violations).toEqual([]);
	});
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
