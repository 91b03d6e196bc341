import { expect, test } from '@playwright/test';

// On an old phone the page can show its form seconds before its JavaScript has run. What is
// typed in that time must still be there afterwards.
const FORMS = [
	{ path: '/nl/suggest', field: '#suggest-details' },
	{ path: '/fr/suggest', field: '#suggest-where' },
	{ path: '/en/login', field: '#login-username' }
];

for (const { path, field } of FORMS) {
	test(`${path}: what is typed before the page comes alive stays (${field})`, async ({ page }) => {
		const held: (() => Promise<void>)[] = [];
		await page.route('**/_app/immutable/**', (route) => {
			held.push(() => route.continue());
		});
		await page.goto(path, { waitUntil: 'commit' });
		await page.locator(field).fill('typed early');
		await expect.poll(() => held.length).toBeGreaterThan(0);
		let released = 0;
		await page.route('**/_app/immutable/**', (route) => route.continue());
		while (released < held.length) await held[released++]();
		// Hydration runs as soon as the scripts are in; after that nothing more loads.
		await page.waitForLoadState('networkidle');
		await expect(page.locator(field)).toHaveValue('typed early');
	});
}
