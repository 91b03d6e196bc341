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
	// No marker or group covers another: each one can be tapped on its own.
	const boxes = await icons.evaluateAll((elements) =>
		elements.map((element) => {
			const box = element.getBoundingClientRect();
			return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
		})
	);
	const overlapping = boxes.flatMap((a, i) =>
		boxes
			.slice(i + 1)
			.filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
	);
	expect(overlapping).toEqual([]);

	// A group opens with the keyboard: Enter zooms in on it.
	const zoomBefore = Number(await map.getAttribute('data-zoom'));
	await map.locator('.marker-cluster').first().focus();
	await page.keyboard.press('Enter');
	await expect
		.poll(async () => Number(await map.getAttribute('data-zoom')))
		.toBeGreaterThan(zoomBefore);
	expect(await icons.count()).toBeGreaterThan(0);
});

test('without JavaScript the map page still lists everything on it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/nl/map');
	const links = page.locator('section ul.items li a');
	expect(await links.count()).toBeGreaterThan(20);
	await context.close();
});

test('the map fetches its markers after the page; a popup links to the marker page', async ({
	page
}) => {
	await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
	const markersAsked = page.waitForRequest(/\/en\/map\/markers\.json$/);
	await page.goto('/en/map');
	await markersAsked;
	const map = page.getByRole('region', { name: /Map with \d+ places and gatherings/ });
	await expect(map).toHaveAttribute('data-ready', 'true');
	const count = Number(await map.getAttribute('data-markers'));
	expect(count).toBeGreaterThan(0);
	expect(await map.getAttribute('aria-label')).toContain(`Map with ${count} `);
	// A marker's popup is a link to its page, made when it opens.
	await map.locator('.marker-cluster').first().click();
	// Markers just outside the view are on the map too (for panning): take one in view.
	await expect(map.locator('.kw-marker').first()).toBeVisible();
	const mapBox = (await map.boundingBox())!;
	const inView = await map.locator('.kw-marker').evaluateAll(
		(elements, box) =>
			elements.findIndex((element) => {
				const { left, right, top, bottom } = element.getBoundingClientRect();
				return (
					left >= box.x &&
					right <= box.x + box.width &&
					top >= box.y &&
					bottom <= box.y + box.height
				);
			}),
		mapBox
	);
	expect(inView).toBeGreaterThanOrEqual(0);
	await map.locator('.kw-marker').nth(inView).click();
	await expect(map.locator('.leaflet-popup-content a[href^="/en/"]')).toHaveCount(1);
	// And with the keyboard: Enter on a marker opens its popup.
	await map.locator('.leaflet-popup-close-button').click();
	await expect(map.locator('.leaflet-popup')).toHaveCount(0);
	await map.locator('.kw-marker').nth(inView).focus();
	await page.keyboard.press('Enter');
	await expect(map.locator('.leaflet-popup-content a[href^="/en/"]')).toHaveCount(1);
});

test('when the markers cannot load, the map says so and the list stays', async ({ browser }) => {
	// Without the service worker, which would answer with the markers it kept.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.route('https://tile.openstreetmap.org/**', (route) => route.abort());
	await context.route('**/map/markers.json*', (route) => route.abort());
	const page = await context.newPage();
	await page.goto('/en/map');
	await expect(
		page.getByRole('status').filter({ hasText: 'The markers could not load' })
	).toBeVisible();
	await expect(page.locator('section ul.items li a').first()).toBeVisible();
	await context.close();
});
