import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

type Locale = (typeof LOCALES)[number];

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// A4 less the 12 mm print margins, at 96 dots per inch.
const A4_PRINTABLE = { width: 703, height: 1032 };
const DEMO_PASSWORD = 'kwartier-demo';
// Outside test-results/, which every Playwright run empties first.
const SHOTS = join(tmpdir(), 'kwartier-outreach-plan');

/** Each language adds the demo worker to another canal walk, so the runs never meet. */
const GAP_DATE: Record<Locale, string> = {
	nl: '2026-12-04',
	fr: '2026-12-11',
	en: '2026-12-18'
};

/** A message from the planning catalogue, with its {placeholders} filled in. */
function text(locale: Locale, key: string, values: Record<string, string | number> = {}) {
	const catalogue = JSON.parse(readFileSync(`messages/outreach-plan/${locale}.json`, 'utf8'));
	return String(catalogue[key]).replace(/\{(\w+)\}/g, (_match, name: string) =>
		String(values[name])
	);
}

function idOf(table: 'rounds' | 'gatherings', slug: string) {
	return readDatabase<{ id: number }>(`select id from ${table} where slug = ?`, slug)[0].id;
}

async function signIn(
	browser: Browser,
	locale: Locale,
	{ viewport = PHONE, javaScriptEnabled = true } = {}
) {
	const context = await browser.newContext({ viewport, locale, javaScriptEnabled });
	const page = await context.newPage();
	await page.goto(`/${locale}/login`);
	// Typing before the page has hydrated can be undone by hydration; wait, then check.
	if (javaScriptEnabled) await page.waitForLoadState('networkidle');
	await page.locator('#login-username').fill('worker');
	await page.locator('#login-password').fill(DEMO_PASSWORD);
	await expect(page.locator('#login-username')).toHaveValue('worker');
	await page.locator('main button[type="submit"]').click();
	await page.waitForURL(new RegExp(`/${locale}/team`));
	return { context, page };
}

/** Accessibility problems axe finds, controls too small to tap, and sideways scrolling. */
async function problemsOn(page: Page) {
	const results = await new AxeBuilder({ page }).include('main').analyze();
	const violations = results.violations.map(
		(violation) =>
			`${violation.id} ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
	);
	const small = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('main .button, main select, main button')]
			.filter((element) => element.offsetParent !== null)
			.filter((element) => element.getBoundingClientRect().height < 44)
			.map((element) => `too small to tap: ${element.textContent?.trim().slice(0, 40)}`)
	);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	return [...violations, ...small, ...(overflow > 0 ? ['scrolls sideways'] : [])];
}

test.describe.configure({ timeout: 60_000 });

test.beforeAll(() => {
	mkdirSync(SHOTS, { recursive: true });
});

for (const locale of LOCALES) {
	// French runs without JavaScript: the plain form posts must do the same.
	const javaScriptEnabled = locale !== 'fr';
	test(`on a phone a worker sees a date without a team and adds themself (${locale}${javaScriptEnabled ? '' : ', no JavaScript'})`, async ({
		browser
	}) => {
		const { context, page } = await signIn(browser, locale, { javaScriptEnabled });
		await page.goto(`/${locale}/team/outreach`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			text(locale, 'outreach_plan_title')
		);
		await page.screenshot({ path: `${SHOTS}/calendar-${locale}-phone.png`, fullPage: false });
		await page
			.locator('.week')
			.first()
			.screenshot({ path: `${SHOTS}/calendar-${locale}-phone-week.png` });
		if (javaScriptEnabled) expect(await problemsOn(page)).toEqual([]);

		const walk = idOf('gatherings', 'wandeling-langs-het-kanaal');
		const entry = page.locator(`[id="gathering-${walk}-${GAP_DATE[locale]}"]`);
		await entry.scrollIntoViewIfNeeded();
		await expect(entry).toContainText(text(locale, 'outreach_plan_gap'));
		await expect(entry.locator('.chip')).toHaveCount(0);

		await entry.getByRole('button', { name: text(locale, 'outreach_plan_add_me') }).click();
		const added = page.locator(`[id="gathering-${walk}-${GAP_DATE[locale]}"]`);
		await expect(added.locator('.chip.is-me')).toContainText('Sara');
		await expect(added).not.toContainText(text(locale, 'outreach_plan_gap'));
		await expect(added.getByRole('status')).toBeVisible();
		// Sara is on backup duty in every neighbourhood on weekdays: the planning says so.
		await expect(added.locator('.badge.conflict')).toContainText('Sara');
		await added.screenshot({ path: `${SHOTS}/entry-added-${locale}.png` });

		// And off again, so the date is a gap for the next run.
		await added.getByRole('button', { name: text(locale, 'outreach_plan_remove_me') }).click();
		await expect(page.locator(`[id="gathering-${walk}-${GAP_DATE[locale]}"]`)).toContainText(
			text(locale, 'outreach_plan_gap')
		);
		await context.close();
	});
}

test('on a wide screen the planning is a grid of days, and a cancelled round says so', async ({
	browser
}) => {
	const { context, page } = await signIn(browser, 'en', { viewport: DESKTOP });
	await page.goto('/en/team/outreach');
	const kuregem = idOf('rounds', 'koffiebus-kuregem');
	const cancelled = page.locator(`[id="round-${kuregem}-2026-12-08"]`);
	await expect(cancelled).toContainText('Cancelled');
	await expect(cancelled).not.toContainText(text('en', 'outreach_plan_gap'));
	await page.screenshot({ path: `${SHOTS}/calendar-en-desktop.png`, fullPage: true });
	expect(await problemsOn(page)).toEqual([]);

	// Only the dates without a team, from the count at the top.
	await page.getByRole('link', { name: /Without a team/ }).click();
	await expect(page).toHaveURL(/show=gaps/);
	await expect(page.locator('.entry').first()).toBeVisible();
	expect(await page.locator('.entry:not(.is-gap)').count()).toBe(0);
	await context.close();
});

test('a worker opens the route sheet of the next coffee-bus round and it prints on A4', async ({
	browser
}) => {
	const { context, page } = await signIn(browser, 'en');
	await page.goto('/en/team/outreach');
	const marollen = idOf('rounds', 'koffiebus-marollen');
	const round = page.locator(`[id="round-${marollen}-2026-12-02"]`);
	await expect(round.locator('.chip')).toHaveText([/Noor/, /Yasmina/, /Jonas \(CAW Brussel\)/]);
	await round.getByRole('link', { name: text('en', 'outreach_plan_route_sheet') }).click();
	await page.waitForURL(`/en/team/rounds/${marollen}/sheet/2026-12-02`);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marollen coffee bus');
	await expect(page.locator('tbody tr')).toHaveCount(6);
	await expect(page.locator('tbody tr').first()).toContainText('09:40');
	await expect(page.getByRole('img', { name: /6/ })).toBeVisible();
	await expect(page.getByRole('link', { name: '+32 470 00 00 01' })).toHaveAttribute(
		'href',
		'tel:+32470000001'
	);
	await expect(page.getByText(text('en', 'outreach_plan_sheet_emergency'))).toBeVisible();
	await expect(
		page.getByRole('button', { name: text('en', 'outreach_plan_sheet_print') })
	).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/sheet-en-phone.png`, fullPage: true });
	expect(await problemsOn(page)).toEqual([]);

	await page.setViewportSize(A4_PRINTABLE);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(
		page.getByRole('button', { name: text('en', 'outreach_plan_sheet_print') })
	).toBeHidden();
	await expect(page.locator('tbody tr')).toHaveCount(6);
	await page.screenshot({ path: `${SHOTS}/sheet-en-print-a4.png`, fullPage: true });
	// The whole sheet fits on one A4 page.
	const height = await page.evaluate(
		() => document.querySelector('.sheet')?.getBoundingClientRect().bottom ?? Infinity
	);
	expect(height).toBeLessThanOrEqual(A4_PRINTABLE.height);
	await context.close();
});
