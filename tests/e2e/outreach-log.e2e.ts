import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

type Locale = (typeof LOCALES)[number];

const PHONE = { width: 390, height: 844 };
const DEMO_PASSWORD = 'kwartier-demo';
/** The fields the log form may post: counts, a date, what was done, themes. Never a person. */
const LOG_FIELDS = [
	'source',
	'stop',
	'neighbourhoodId',
	'date',
	'doorsRung',
	'conversations',
	'cameForCoffee',
	'themeIds'
];

function text(locale: Locale, key: string, values: Record<string, string | number> = {}) {
	const catalogue = JSON.parse(readFileSync(`messages/outreach-log/${locale}.json`, 'utf8'));
	return String(catalogue[key]).replace(/\{(\w+)\}/g, (_match, name: string) =>
		String(values[name])
	);
}

async function signIn(browser: Browser, locale: Locale, viewport = PHONE) {
	const context = await browser.newContext({ viewport, locale, hasTouch: viewport === PHONE });
	const page = await context.newPage();
	// Typed only once the page is hydrated, so hydration does not empty the fields again.
	await page.goto(`/${locale}/login`, { waitUntil: 'networkidle' });
	await page.locator('#login-username').fill('worker');
	await page.locator('#login-password').fill(DEMO_PASSWORD);
	await page.locator('main button[type=submit]').click();
	await page.waitForURL(new RegExp(`/${locale}/team`));
	return { context, page };
}

function kuregemRound() {
	return readDatabase<{ id: number; neighbourhood_id: number }>(
		`select id, neighbourhood_id from rounds where slug = 'koffiebus-kuregem'`
	)[0];
}

/** The figure in one column of a neighbourhood's row of the coverage table. */
async function figure(page: Page, slug: string, measure: string) {
	const cell = page.locator(`tr[data-neighbourhood="${slug}"] td[data-measure="${measure}"]`);
	return Number((await cell.innerText()).trim());
}

async function accessibilityProblems(page: Page) {
	const results = await new AxeBuilder({ page }).exclude('.leaflet-control-container').analyze();
	return results.violations.map(
		(violation) =>
			`${violation.id} ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
	);
}

test.describe.configure({ timeout: 60_000 });

test('a worker on a phone logs a stop with two themes, sees it counted, and downloads the CSV', async ({
	browser
}) => {
	const locale: Locale = 'nl';
	const { context, page } = await signIn(browser, locale);
	try {
		await page.goto(`/${locale}/team/coverage?period=1`);
		const before = {
			logs: await figure(page, 'kuregem', 'logs'),
			doors: await figure(page, 'kuregem', 'doorsRung'),
			coffee: await figure(page, 'kuregem', 'cameForCoffee')
		};

		// The day screen of the round links here with the round, the date and the stop.
		const round = kuregemRound();
		await page.goto(`/${locale}/team/outreach/log?round=${round.id}&date=2026-11-10&stop=3`, {
			waitUntil: 'networkidle'
		});
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			text(locale, 'outreach_log_title')
		);
		await expect(page.getByText(text(locale, 'outreach_log_privacy'))).toBeVisible();
		await expect(page.locator('#log-source')).toHaveValue(`round:${round.id}`);
		await expect(page.locator('#log-stop')).toHaveValue(`${round.id}:3`);
		await expect(page.locator('#log-date')).toHaveValue('2026-11-10');

		// Nothing in the form can hold a name or a note about someone.
		const form = page.locator('form.log-form');
		const names = await form
			.locator('input, select, textarea')
			.evaluateAll((controls) => controls.map((control) => control.getAttribute('name')));
		expect(names.filter((name) => name && !LOG_FIELDS.includes(name))).toEqual([]);
		expect(await form.locator('textarea, input[type=text], input:not([type])').count()).toBe(0);

		// The steppers: type a number, then a tap on + adds one.
		await page.locator('#log-doorsRung').fill('22');
		const more = page.getByRole('button', {
			name: text(locale, 'outreach_log_one_more', {
				label: text(locale, 'outreach_log_doors_label')
			})
		});
		await more.tap();
		await more.tap();
		await expect(page.locator('#log-doorsRung')).toHaveValue('24');
		await page.locator('#log-conversations').fill('9');
		await page.locator('#log-cameForCoffee').fill('12');
		await page.getByRole('checkbox', { name: 'Wonen', exact: true }).check();
		await page.getByRole('checkbox', { name: 'Eenzaamheid', exact: true }).check();
		expect(await accessibilityProblems(page), 'the log form').toEqual([]);

		await page.getByRole('button', { name: text(locale, 'outreach_log_submit') }).click();
		await page.waitForURL(/saved=\d+/);
		await expect(page.locator('#saved')).toContainText(text(locale, 'outreach_log_saved'));
		const savedId = Number(/saved=(\d+)/.exec(page.url())![1]);
		const stored = readDatabase<{ doors_rung: number; themes: number }>(
			`select doors_rung, (select count(*) from outreach_log_themes where log_id = l.id) as themes
			 from outreach_logs l where id = ?`,
			savedId
		)[0];
		expect(stored).toEqual({ doors_rung: 24, themes: 2 });

		await page.getByRole('link', { name: text(locale, 'outreach_log_see_coverage') }).click();
		await page.waitForURL(/\/team\/coverage/);
		await page.goto(`/${locale}/team/coverage?period=1`);
		expect(await figure(page, 'kuregem', 'logs')).toBe(before.logs + 1);
		expect(await figure(page, 'kuregem', 'doorsRung')).toBe(before.doors + 24);
		expect(await figure(page, 'kuregem', 'cameForCoffee')).toBe(before.coffee + 12);

		// The CSV of the same period: Kuregem in November holds the new log.
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: text(locale, 'outreach_log_csv_download') }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('kwartier-coverage-2026-10-25-2026-11-24.csv');
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
		const columns = header.split(',');
		const november = rows
			.map((row) => row.split(','))
			.find((cells) => cells[0] === 'kuregem' && cells[columns.indexOf('month')] === '2026-11')!;
		const expected = readDatabase<{ logs: number; doors: number }>(
			`select count(*) as logs, sum(doors_rung) as doors from outreach_logs
			 where neighbourhood_id = ? and date between '2026-11-01' and '2026-11-24'`,
			round.neighbourhood_id
		)[0];
		expect(november[columns.indexOf('outreach_logs')]).toBe(String(expected.logs));
		expect(november[columns.indexOf('doors_rung')]).toBe(String(expected.doors));
		expect(november[columns.indexOf('from')]).toBe('2026-11-01');
		expect(november[columns.indexOf('to')]).toBe('2026-11-24');
		expect(csv).not.toMatch(/Sara|Noor|Yasmina/);
	} finally {
		await context.close();
	}
});

for (const locale of LOCALES) {
	test(`${locale}: the coverage view draws the neighbourhoods from their boundaries, and shows the gap`, async ({
		browser
	}) => {
		const { context, page } = await signIn(browser, locale, { width: 1280, height: 900 });
		try {
			await page.goto(`/${locale}/team/coverage`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				text(locale, 'outreach_log_coverage_title')
			);
			await expect(page.locator('.coverage-map[data-ready="true"]')).toBeVisible();
			const boundaries = await readDatabase<{ count: number }>(
				'select count(*) as count from neighbourhoods where boundary is not null'
			)[0].count;
			await expect(page.locator('.leaflet-overlay-pane svg path.kw-area')).toHaveCount(boundaries);
			await expect(page.locator('.kw-area-label').first()).toBeVisible();
			// Molenbeek is left without a visit in the demo data.
			await expect(
				page.locator('tr[data-neighbourhood="molenbeek-historisch-centrum"] .gap-badge')
			).toContainText(text(locale, 'outreach_log_gap_no_visit'));
			expect(await accessibilityProblems(page), 'the coverage view').toEqual([]);
		} finally {
			await context.close();
		}
	});
}
