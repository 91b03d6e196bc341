import { expect, test } from '@playwright/test';
import { readDatabase } from './helpers';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('filters are a plain form whose choices end up in the URL', async ({ page }) => {
		const hood = readDatabase<{ slug: string; name: string }>(
			`select slug, json_extract(name, '$.en') as name from neighbourhoods order by id limit 1`
		)[0];
		await page.goto('/en');
		await page.getByText('Search and choose').click();
		await page.getByLabel('Neighbourhood').selectOption(hood.slug);
		await page.getByLabel('Wheelchair accessible').check();
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(new RegExp(`neighbourhood=${hood.slug}`));
		await expect(page).toHaveURL(/wheelchair=1/);
		await expect(page.getByLabel('Wheelchair accessible')).toBeChecked();

		const expected = readDatabase<{ name: string }>(
			`select json_extract(p.name, '$.en') as name from places p join neighbourhoods n on n.id = p.neighbourhood_id
			 where n.slug = ? and p.wheelchair = 1 and p.visibility in ('public', 'area')`,
			hood.slug
		);
		const cards = page.locator('ul.places > li');
		await expect(cards).toHaveCount(expected.length);
		for (const place of expected)
			await expect(cards.filter({ hasText: place.name })).toHaveCount(1);
	});

	test('a kind filter shows only that kind', async ({ page }) => {
		await page.goto('/nl?what=gathering:open-circle');
		const kinds = page.locator('ul.upcoming .meta span:first-child');
		const count = await kinds.count();
		expect(count).toBeGreaterThan(0);
		for (const text of await kinds.allTextContents()) expect(text).toBe('Open kring');
		await expect(page.locator('ul.places > li')).toHaveCount(0);
	});

	test('the list pages through the places', async ({ page }) => {
		await page.goto('/fr?what=place');
		await expect(page.locator('ul.places > li')).toHaveCount(20);
		await page.getByRole('link', { name: 'Suivant' }).click();
		await expect(page).toHaveURL(/page=2/);
		expect(await page.locator('ul.places > li').count()).toBeGreaterThan(0);
	});
});
