import { expect, test, type Page } from '@playwright/test';

// On an old phone the page can show its form seconds before its JavaScript has run. What is
// typed in that time must still be there afterwards.
const FORMS = [
	{ path: '/nl/suggest', field: '#suggest-details' },
	{ path: '/fr/suggest', field: '#suggest-where' },
	{ path: '/en/login', field: '#login-username' }
];

// The team's forms, each in another language; a textarea where the form has one. `alive` shows
// only once the page's JavaScript has run.
const TEAM_FORMS: Array<{ path: string; alive: string; typed: Record<string, string> }> = [
	{
		path: '/nl/team/places/new',
		alive: '.map-hint.shown',
		typed: { '#place-name_nl': 'Buurthuis De Linde', '#place-whatToExpect_nl': 'Soep en koffie' }
	},
	{
		path: '/fr/team/gatherings/new',
		alive: '.map-hint.shown',
		typed: {
			'#g-titleFr': 'Café du mardi',
			'#g-descriptionFr': 'On parle du quartier',
			'#g-host': 'Ahmed'
		}
	},
	{
		path: '/en/team/rounds/new',
		alive: '.stops-map',
		typed: {
			'#r-nameEn': 'Coffee bus west',
			'#r-partners': 'The library',
			'#r-stop-0-street': 'Rue Haute 12'
		}
	},
	{
		path: '/fr/team/outreach/log',
		alive: 'button.step',
		typed: { '#log-doorsRung': '17', '#log-conversations': '4' }
	}
];

// A service worker would answer for the scripts, out of reach of the held routes.
test.use({ serviceWorkers: 'block' });

/** Opens the page with its scripts held back, types, then lets the page come alive. */
async function typeBeforeHydration(page: Page, path: string, typed: Record<string, string>) {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const held: (() => Promise<void>)[] = [];
	await page.route('**/_app/immutable/**', (route) => {
		held.push(() => route.continue());
	});
	await page.goto(path, { waitUntil: 'commit' });
	for (const [field, text] of Object.entries(typed)) await page.locator(field).fill(text);
	await expect.poll(() => held.length).toBeGreaterThan(0);
	let released = 0;
	await page.route('**/_app/immutable/**', (route) => route.continue());
	while (released < held.length) await held[released++]();
	// Hydration runs as soon as the scripts are in; after that nothing more loads.
	await page.waitForLoadState('networkidle');
	expect(errors).toEqual([]);
}

for (const { path, field } of FORMS) {
	test(`${path}: what is typed before the page comes alive stays (${field})`, async ({ page }) => {
		await typeBeforeHydration(page, path, { [field]: 'typed early' });
		await expect(page.locator(field)).toHaveValue('typed early');
	});
}

for (const { path, alive, typed } of TEAM_FORMS) {
	test(`${path}: what the team types before the page comes alive stays`, async ({ page }) => {
		const locale = path.split('/')[1];
		// Typed only once the login page is hydrated, so hydration does not empty the fields again.
		await page.goto(`/${locale}/login`, { waitUntil: 'networkidle' });
		await page.locator('#login-username').fill('coordinator');
		await page.locator('#login-password').fill('kwartier-demo');
		await page.locator('main button[type=submit]').click();
		await page.waitForURL(new RegExp(`/${locale}/team`));

		await typeBeforeHydration(page, path, typed);
		await expect(page.locator(alive).first()).toBeAttached();
		for (const [field, text] of Object.entries(typed)) {
			await expect(page.locator(field)).toHaveValue(text);
		}
	});
}
