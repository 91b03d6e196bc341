import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

type Locale = (typeof LOCALES)[number];

/*
 * The coffee bus on the day: a neighbourhood worker on a phone marks "we are at stop 2" and
 * "15 minutes late"; a resident with the round page open sees it without reloading, and again
 * after a reload, in each language.
 *
 * The end-to-end clock stands on Tuesday 24 November 2026, 10:30, and no demo round rides that
 * day (Kuregem rides the second Tuesday, the Marollen the first Wednesday). So the worker first
 * moves Kuregem's January date to today through the round's page, as a worker would, and puts
 * it back at the end.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SLUG = 'koffiebus-kuregem';
const MOVED_DATE = '2027-01-12';
const TODAY = '2026-11-24';
// A folder outside test-results (Playwright empties that one on every run) to keep pictures in.
const SHOTS = process.env.ROUND_LIVE_SCREENSHOTS || null;

test.describe.configure({ mode: 'serial' });

function text(locale: Locale, key: string, values: Record<string, string | number> = {}) {
	for (const area of ['outreach-live', 'team-gatherings']) {
		const catalogue = JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8'));
		if (key in catalogue) {
			return String(catalogue[key]).replace(/\{(\w+)\}/g, (_match, name: string) =>
				String(values[name])
			);
		}
	}
	throw new Error(`No message ${key}`);
}

const round = () => readDatabase<{ id: number }>('select id from rounds where slug = ?', SLUG)[0];
const streets = () =>
	readDatabase<{ street: string }>(
		'select street from round_stops where round_id = ? order by position',
		round().id
	).map((row) => row.street);

async function signIn(browser: Browser, locale: Locale) {
	const context = await browser.newContext({
		viewport: PHONE,
		locale,
		isMobile: true,
		hasTouch: true
	});
	const page = await context.newPage();
	// Filled only once the page is hydrated, so hydration does not empty the fields again.
	await page.goto(`/${locale}/login`, { waitUntil: 'networkidle' });
	await page.locator('#login-username').fill('worker');
	await page.locator('#login-password').fill('kwartier-demo');
	await page.locator('main button[type=submit]').click();
	await page.waitForURL(new RegExp(`/${locale}/team`));
	return { context, page };
}

async function shoot(page: Page, name: string) {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.beforeAll(async ({ browser }) => {
	const { context, page } = await signIn(browser, 'nl');
	await page.goto(`/nl/team/rounds/${round().id}`);
	const date = page
		.locator('li')
		.filter({ has: page.locator(`input[name="originalDate"][value="${MOVED_DATE}"]`) });
	await date.getByText(text('nl', 'tg_date_move'), { exact: true }).click();
	await page.locator(`#date-${MOVED_DATE}-move-newDate`).fill(TODAY);
	await page.locator(`#date-${MOVED_DATE}-move-newTime`).fill('09:45');
	await date.getByRole('button', { name: text('nl', 'tg_date_move_submit') }).click();
	await expect(date.getByRole('button', { name: text('nl', 'tg_date_undo') })).toBeVisible();
	await context.close();
});

test.afterAll(async ({ browser }) => {
	const { context, page } = await signIn(browser, 'nl');
	await page.goto(`/nl/team/rounds/${round().id}`);
	const date = page
		.locator('li')
		.filter({ has: page.locator(`input[name="originalDate"][value="${MOVED_DATE}"]`) });
	await date.getByRole('button', { name: text('nl', 'tg_date_undo') }).click();
	await expect(date).toHaveCount(1);
	await context.close();
});

for (const locale of LOCALES) {
	test(`${locale}: the resident sees stop 2 and the delay live, and after a reload`, async ({
		browser
	}) => {
		const [first, second, third] = streets();
		const team = await signIn(browser, locale);
		const phone = team.page;
		await phone.goto(`/${locale}/team/rounds/${round().id}/today`);
		await expect(phone.getByTestId('team-state')).toBeVisible();

		// A known start: at the first stop and on time (an earlier language left it elsewhere).
		const onTime = phone.getByRole('button', { name: text(locale, 'outreach_live_on_time_again') });
		if (await onTime.count()) await onTime.click();
		await expect(onTime).toHaveCount(0);
		await phone
			.getByTestId('team-stop-1')
			.getByRole('button', { name: text(locale, 'outreach_live_we_are_here') })
			.click();
		await expect(phone.getByTestId('team-state')).toContainText(
			text(locale, 'outreach_live_now_at', { number: 1, street: first })
		);

		const resident = await browser.newContext({ viewport: DESKTOP, locale });
		const page = await resident.newPage();
		await page.goto(`/${locale}/rounds/${SLUG}`);
		const today = page.getByTestId('round-today');
		const headline = page.getByTestId('live-headline');
		await expect(today).toHaveAttribute('data-streaming', 'yes');
		await expect(headline).toHaveText(
			text(locale, 'outreach_live_now_at', { number: 1, street: first })
		);

		// The worker, on the phone: "we are at stop 2".
		await phone
			.getByTestId('team-stop-2')
			.getByRole('button', { name: text(locale, 'outreach_live_we_are_here') })
			.click();
		const saved = phone.getByTestId('live-saved');
		await expect(saved).toContainText(text(locale, 'outreach_live_saved_here', { number: 2 }));
		await expect(saved.getByTestId('log-link')).toHaveAttribute(
			'href',
			`/${locale}/team/outreach/log?round=${round().id}&date=${TODAY}&stop=1`
		);
		// The resident's page changes by itself.
		await expect(headline).toHaveText(
			text(locale, 'outreach_live_now_at', { number: 2, street: second })
		);

		// "15 minutes late".
		await phone
			.getByRole('button', {
				name: text(locale, 'outreach_live_late_add', { minutes: 15 }),
				exact: true
			})
			.click();
		await expect(phone.getByTestId('team-delay')).toHaveText(
			text(locale, 'outreach_live_late', { minutes: 15 })
		);
		await shoot(phone, `team-phone-${locale}`);

		const late = text(locale, 'outreach_live_late', { minutes: 15 });
		// Stop 3 is planned at 11:35 on the moved date; 15 minutes late makes it 11:50.
		const stop3 = text(locale, 'outreach_live_street_today_late', { time: '11:50', minutes: 15 });
		await expect(page.getByTestId('live-delay')).toHaveText(late);
		await expect(page.getByTestId('live-coming')).toContainText(
			text(locale, 'outreach_live_next_stop', { number: 3, street: third, time: '11:50' })
		);
		await expect(page.getByTestId('stop-3').getByTestId('stop-today')).toHaveText(stop3);

		// A reload shows the same, straight from the server.
		await page.reload();
		await expect(headline).toHaveText(
			text(locale, 'outreach_live_now_at', { number: 2, street: second })
		);
		await expect(page.getByTestId('live-delay')).toHaveText(late);
		await expect(page.getByTestId('stop-3').getByTestId('stop-today')).toHaveText(stop3);
		await expect(page.getByTestId('stop-1').getByTestId('stop-today')).toHaveText(
			text(locale, 'outreach_live_street_done')
		);

		const axe = await new AxeBuilder({ page }).include('main').analyze();
		expect(axe.violations.map((violation) => violation.id)).toEqual([]);
		await shoot(page, `public-desktop-${locale}`);
		await page.setViewportSize(PHONE);
		await shoot(page, `public-phone-${locale}`);

		await resident.close();
		await team.context.close();
	});
}

test('without JavaScript the team marks a stop and a resident reads it on load', async ({
	browser
}) => {
	const [, , third] = streets();
	const team = await signIn(browser, 'en');
	const state = await team.page.context().storageState();
	await team.context.close();
	const phone = await browser.newContext({
		viewport: PHONE,
		locale: 'en',
		javaScriptEnabled: false,
		storageState: state
	});
	const worker = await phone.newPage();
	await worker.goto('/en/team/outreach/today');
	await shoot(worker, 'team-list-en');
	await worker.getByTestId(`open-round-${SLUG}`).click();
	await worker
		.getByTestId('team-stop-3')
		.getByRole('button', { name: text('en', 'outreach_live_we_are_here') })
		.click();
	// Post, redirect, get: the address says what was saved, and a reload sends nothing again.
	await expect(worker).toHaveURL(/done=here&stop=3/);
	await expect(worker.getByTestId('team-state')).toContainText(
		text('en', 'outreach_live_now_at', { number: 3, street: third })
	);

	const resident = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
	const page = await resident.newPage();
	await page.goto(`/en/rounds/${SLUG}`);
	await expect(page.getByTestId('live-headline')).toHaveText(
		text('en', 'outreach_live_now_at', { number: 3, street: third })
	);
	await page.goto('/en');
	await expect(page.getByTestId('bus-today')).toContainText(
		text('en', 'outreach_live_home_at', { name: 'Kuregem coffee bus', number: 3, street: third })
	);
	await shoot(page, 'home-phone-en');
	await resident.close();
	await phone.close();
});
