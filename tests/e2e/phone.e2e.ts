import { expect, test } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

test('on a phone the pages fit the screen and every control is big enough to tap', async ({
	page
}) => {
	const place = readDatabase<{ slug: string }>(
		`select slug from places where visibility = 'public' order by id limit 1`
	)[0];
	for (const locale of LOCALES) {
		for (const path of ['', '/suggest', `/places/${place.slug}`, '/map', '/open-data']) {
			await page.goto(`/${locale}${path}`);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${locale}${path} scrolls sideways`).toBeLessThanOrEqual(0);
			const small = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('.button, nav a, select, button')]
					.filter((element) => element.offsetParent !== null)
					.map((element) => ({
						text: element.textContent?.trim().slice(0, 40),
						height: element.getBoundingClientRect().height
					}))
					.filter((target) => target.height < 44)
			);
			expect(small, `${locale}${path}`).toEqual([]);
		}
	}
});

test('on a phone a resident finds a place and its hours', async ({ page }) => {
	await page.goto('/en');
	const first = page.locator('ul.places > li h3 a').first();
	const name = await first.textContent();
	await first.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '');
	await expect(page.getByRole('heading', { name: 'Opening hours' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'What to expect' })).toBeVisible();
});
