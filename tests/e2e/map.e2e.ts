import { expect, test } from '@playwright/test';

test('the map loads in the browser, clusters markers, and every marker is named and focusable', async ({
	page
}) => {
	// Tiles cannot load on a closed network; the markers do not depend on them.
	await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
	await page.goto('/en/map');
	const map = page.getByRole('region', { name: /Map with \d+ places and gatherings/ });
	await expect(map).toHaveAttribute('data-ready', 'true');
	const icons = map.locator('.leaflet-marker-icon');
	expect(await icons.count()).toBeGreaterThan(0);
	await expect(map.locator('.marker-cluster').first()).toBeVisible();
	for (const icon of await icons.all()) {
		await expect(icon).toHaveAttribute('tabindex', '0');
		expect((await icon.getAttribute('title'))?.length ?? 0).toBeGreaterThan(3);
	}

	// A cluster opens with the keyboard: Enter zooms in and shows more markers.
	const before = await icons.count();
	await map.locator('.marker-cluster').first().focus();
	await page.keyboard.press('Enter');
	await expect.poll(async () => icons.count()).toBeGreaterThanOrEqual(before);
});

test('without JavaScript the map page still lists everything on it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/nl/map');
	const links = page.locator('section ul.items li a');
	expect(await links.count()).toBeGreaterThan(20);
	await context.close();
});
