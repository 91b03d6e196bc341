import AxeBuilder from '@axe-core/playwright';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { LOCALES, readDatabase } from './helpers';

type Locale = (typeof LOCALES)[number];

// Two phones side by side: a volunteer and a neighbourhood worker.
const PHONE = { width: 412, height: 915 };
const DEMO_PASSWORD = 'kwartier-demo';
const DATABASE = 'test-results/e2e.db';

/** A message from the backup catalogue, with its {placeholders} filled in. */
function text(locale: Locale, key: string, values: Record<string, string | number> = {}) {
	const catalogue = JSON.parse(readFileSync(`messages/backup/${locale}.json`, 'utf8'));
	return String(catalogue[key]).replace(/\{(\w+)\}/g, (_match, name: string) =>
		String(values[name])
	);
}

// The same token format as src/lib/server/auth/session.ts: `id.secret`, a SHA-256 of the
// secret stored. Only used when the sign-in page is not there.
function base32(bytes: Buffer) {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += alphabet[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
	return out;
}

function insertSession(username: string): string {
	const db = new Database(DATABASE);
	try {
		const account = db.prepare('select id from accounts where username = ?').get(username) as
			{ id: number } | undefined;
		if (!account) throw new Error(`No demo account ${username}`);
		const id = base32(randomBytes(15));
		const secret = base32(randomBytes(15));
		const now = Math.floor(Date.now() / 1000);
		db.prepare(
			'insert into sessions (id, secret_hash, account_id, created_at, last_used_at) values (?, ?, ?, ?, ?)'
		).run(id, createHash('sha256').update(secret).digest(), account.id, now, now);
		return `${id}.${secret}`;
	} finally {
		db.close();
	}
}

async function signIn(browser: Browser, locale: Locale, username: string) {
	const context = await browser.newContext({ viewport: PHONE, locale });
	const page = await context.newPage();
	// Filled only once the page is hydrated, so hydration does not empty the fields again.
	const answer = await page.goto(`/${locale}/login`, { waitUntil: 'networkidle' });
	if (answer?.ok() && (await page.locator('#login-username').count()) > 0) {
		await page.locator('#login-username').fill(username);
		await page.locator('#login-password').fill(DEMO_PASSWORD);
		await expect(page.locator('#login-username')).toHaveValue(username);
		await page.locator('form button[type="submit"]').click();
		await page.waitForURL(new RegExp(`/${locale}/team`));
	} else {
		await context.addCookies([
			{
				name: 'kwartier_session',
				value: insertSession(username),
				url: new URL(page.url()).origin
			}
		]);
	}
	return { context, page };
}

/** Opens a page and waits until its live stream is open. */
async function openLive(page: Page, path: string) {
	const streamOpen = page.waitForResponse((response) => response.url().endsWith('/api/stream'));
	await page.goto(path);
	await streamOpen;
}

/** The demo roster has Sara on duty on weekdays; the e2e clock is a Tuesday at 10:30. */
function makeSureSomeoneIsOnDuty() {
	const db = new Database(DATABASE);
	try {
		const worker = db.prepare(`select id from accounts where username = 'worker'`).get() as {
			id: number;
		};
		const hasDuty = db
			.prepare(`select 1 from duty_patterns where account_id = ? and weekday = 2`)
			.get(worker.id);
		if (hasDuty) return;
		const hoods = db.prepare('select id from neighbourhoods').all() as { id: number }[];
		db.prepare(
			`insert into duty_patterns (account_id, neighbourhood_ids, weekday, start_time, end_time, valid_from)
			 values (?, ?, 2, '08:00', '18:00', '2026-01-01')`
		).run(worker.id, JSON.stringify(hoods.map((hood) => hood.id)));
	} finally {
		db.close();
	}
}

async function fillCall(page: Page, locale: Locale, note: string) {
	await page.locator('#backup-where-first-place').check();
	await page.getByLabel(text(locale, 'bk_urgency_come_now'), { exact: false }).check();
	await page.getByLabel(text(locale, 'bk_help_someone_to_come')).check();
	await page.locator('#backup-note').fill(note);
}

/** Accessibility problems axe finds, and controls smaller than a finger on a phone. */
async function problemsOn(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const violations = results.violations.map(
		(violation) =>
			`${violation.id} ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
	);
	const small = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.button, select, button, label.choice, summary')]
			.filter((element) => element.offsetParent !== null)
			.map((element) => ({
				text: element.textContent?.trim().slice(0, 40),
				height: element.getBoundingClientRect().height
			}))
			.filter((target) => target.height < 44)
			.map((target) => `too small to tap: ${target.text} (${target.height}px)`)
	);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	return [...violations, ...small, ...(overflow > 0 ? ['scrolls sideways'] : [])];
}

function rowsWithDeviceCallId(deviceCallId: string) {
	return readDatabase<{ count: number }>(
		'select count(*) as count from backup_calls where device_call_id = ?',
		deviceCallId
	)[0].count;
}

let contexts: BrowserContext[] = [];

// Two browsers, a build's first requests and axe on three pages take their time.
test.describe.configure({ timeout: 60_000 });

test.beforeAll(() => {
	makeSureSomeoneIsOnDuty();
});

test.afterEach(async () => {
	for (const context of contexts) await context.close();
	contexts = [];
});

for (const locale of LOCALES) {
	test(`${locale}: a volunteer asks for backup, the worker sees it live and answers, the volunteer sees who saw it`, async ({
		browser
	}) => {
		const worker = await signIn(browser, locale, 'worker');
		const volunteer = await signIn(browser, locale, 'volunteer');
		contexts.push(worker.context, volunteer.context);
		await openLive(worker.page, `/${locale}/team/inbox`);
		await expect(worker.page.getByRole('heading', { level: 1 })).toHaveText(
			text(locale, 'bk_inbox_title')
		);

		// The button is on every page; on a phone at the bottom of the screen.
		await openLive(volunteer.page, `/${locale}/team`);
		const button = volunteer.page.getByRole('link', { name: text(locale, 'bk_button') });
		await expect(button).toBeVisible();
		await button.click();
		await expect(volunteer.page.getByRole('heading', { level: 1 })).toHaveText(
			text(locale, 'bk_title')
		);
		await expect(volunteer.page.locator('#content a[href="tel:112"]')).toBeVisible();
		expect(await problemsOn(volunteer.page), 'the form').toEqual([]);

		const note = `e2e ${locale} ${randomUUID().slice(0, 8)}: het loopt hoog op aan de toog`;
		await fillCall(volunteer.page, locale, note);
		await volunteer.page.getByRole('button', { name: text(locale, 'bk_submit') }).click();
		await volunteer.page.waitForURL(new RegExp(`/${locale}/team/backup/\\d+$`));
		await expect(volunteer.page.getByTestId('call-headline')).toHaveText(
			text(locale, 'bk_status_sent_one')
		);
		// Marks this page, to prove that what follows arrives without a reload.
		await volunteer.page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
		const sentAt = Date.now();

		const card = worker.page.locator('article.call', { hasText: note });
		await expect(card).toBeVisible({ timeout: 5_000 });
		const arrivedAfter = Date.now() - sentAt;
		test
			.info()
			.annotations.push({ type: 'arrived in inbox after (ms)', description: `${arrivedAfter}` });
		await expect(card.locator('.urgency')).toHaveText(text(locale, 'bk_urgency_come_now'));

		await card.getByRole('button', { name: text(locale, 'bk_action_acknowledge') }).click();
		await expect(card.locator('.answer')).toHaveText(text(locale, 'bk_done_acknowledged'));

		const saw = text(locale, 'bk_status_acknowledged', { name: 'Sara', time: '10:30' });
		await expect(volunteer.page.getByTestId('call-headline')).toHaveText(saw, { timeout: 5_000 });
		expect(
			await volunteer.page.evaluate(() => (window as unknown as { kept?: boolean }).kept)
		).toBe(true);
		await expect(volunteer.page.locator('.timeline')).toContainText(
			text(locale, 'bk_event_acknowledged', { name: 'Sara' })
		);
		expect(await problemsOn(volunteer.page), 'the status page').toEqual([]);
		expect(await problemsOn(worker.page), 'the inbox').toEqual([]);
	});
}

test('a worker reading the public pages, which are not hydrated, still hears a new call there', async ({
	browser
}) => {
	const locale: Locale = 'en';
	const worker = await signIn(browser, locale, 'worker');
	const volunteer = await signIn(browser, locale, 'volunteer');
	contexts.push(worker.context, volunteer.context);
	// The list is HTML first: none of SvelteKit's scripts, only the islands (the member's one too).
	const scripts: string[] = [];
	worker.page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	await openLive(worker.page, `/${locale}`);
	expect(scripts.filter((path) => !path.startsWith('/_app/immutable/workers/'))).toEqual([]);
	await expect(worker.page.getByTestId('backup-button')).toBeVisible();

	await openLive(volunteer.page, `/${locale}/team/backup`);
	await fillCall(volunteer.page, locale, `e2e public ${randomUUID().slice(0, 8)}`);
	await volunteer.page.getByRole('button', { name: text(locale, 'bk_submit') }).click();
	await volunteer.page.waitForURL(new RegExp(`/${locale}/team/backup/\\d+$`));

	const alert = worker.page
		.getByRole('alert')
		.filter({ hasText: text(locale, 'bk_new_call_alert') });
	await expect(alert).toBeVisible({ timeout: 5_000 });
	await alert.getByRole('link', { name: text(locale, 'bk_new_call_open') }).click();
	await worker.page.waitForURL(`/${locale}/team/inbox`);
});

test('offline: the call waits on the device, says so, and arrives once when the connection is back', async ({
	browser
}) => {
	const locale: Locale = 'nl';
	const volunteer = await signIn(browser, locale, 'volunteer');
	contexts.push(volunteer.context);
	await openLive(volunteer.page, `/${locale}/team/backup`);
	await fillCall(volunteer.page, locale, `e2e offline ${randomUUID().slice(0, 8)}`);
	const deviceCallId = await volunteer.page.locator('input[name="deviceCallId"]').inputValue();

	await volunteer.context.setOffline(true);
	await volunteer.page.getByRole('button', { name: text(locale, 'bk_submit') }).click();
	await expect(
		volunteer.page.getByRole('heading', { name: text(locale, 'bk_waiting_title') })
	).toBeVisible();
	await expect(volunteer.page.getByText(text(locale, 'bk_waiting_text'))).toBeVisible();
	await expect(volunteer.page.getByText(text(locale, 'bk_outbox_waiting_one'))).toBeVisible();
	expect(rowsWithDeviceCallId(deviceCallId)).toBe(0);

	await volunteer.context.setOffline(false);
	await volunteer.page.waitForURL(new RegExp(`/${locale}/team/backup/\\d+$`));
	await expect(volunteer.page.getByTestId('call-headline')).toHaveText(
		text(locale, 'bk_status_sent_one')
	);
	// A second "online" (and a reload, which starts the app again) sends nothing more.
	await volunteer.context.setOffline(true);
	await volunteer.context.setOffline(false);
	await volunteer.page.reload();
	await expect(volunteer.page.getByTestId('call-headline')).toBeVisible();
	expect(rowsWithDeviceCallId(deviceCallId)).toBe(1);
});

test('offline: a call still waiting when the app was closed goes once the next time it opens', async ({
	browser
}) => {
	const locale: Locale = 'fr';
	const volunteer = await signIn(browser, locale, 'volunteer');
	contexts.push(volunteer.context);
	await openLive(volunteer.page, `/${locale}/team/backup`);
	await fillCall(volunteer.page, locale, `e2e fermé ${randomUUID().slice(0, 8)}`);
	const deviceCallId = await volunteer.page.locator('input[name="deviceCallId"]').inputValue();

	await volunteer.context.setOffline(true);
	await volunteer.page.getByRole('button', { name: text(locale, 'bk_submit') }).click();
	await expect(volunteer.page.getByText(text(locale, 'bk_waiting_text'))).toBeVisible();
	await volunteer.page.close();

	await volunteer.context.setOffline(false);
	const reopened = await volunteer.context.newPage();
	await reopened.goto(`/${locale}`);
	await expect(reopened.getByText(text(locale, 'bk_outbox_sent'))).toBeVisible();
	await reopened.getByRole('link', { name: text(locale, 'bk_outbox_sent_link') }).click();
	await reopened.waitForURL(new RegExp(`/${locale}/team/backup/\\d+$`));
	expect(rowsWithDeviceCallId(deviceCallId)).toBe(1);
});

test('without JavaScript the form still sends, and a second send of the same form is harmless', async ({
	browser
}) => {
	const locale: Locale = 'en';
	const { context } = await signIn(browser, locale, 'volunteer');
	const cookies = await context.cookies();
	await context.close();
	const noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
	contexts.push(noScript);
	await noScript.addCookies(cookies);
	const page = await noScript.newPage();
	await page.goto(`/${locale}/team/backup`);
	await fillCall(page, locale, `e2e no script ${randomUUID().slice(0, 8)}`);
	const deviceCallId = await page.locator('input[name="deviceCallId"]').inputValue();
	const where = await page.locator('#backup-where-first-place').getAttribute('value');
	await page.getByRole('button', { name: text(locale, 'bk_submit') }).click();
	await page.waitForURL(new RegExp(`/${locale}/team/backup/\\d+$`));
	const statusUrl = page.url();
	await expect(page.getByRole('link', { name: text(locale, 'bk_status_refresh') })).toBeVisible();
	// Without JavaScript the status page looks again by itself.
	await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(1);

	// The same form sent again (a double tap, a resend after a lost answer).
	const again = await page.request.post(`/${locale}/team/backup`, {
		form: {
			deviceCallId,
			where: where ?? '',
			urgency: 'come-now',
			helpKind: 'someone-to-come'
		},
		headers: { origin: new URL(statusUrl).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(303);
	expect(new URL(again.headers().location, statusUrl).href).toBe(statusUrl);
	expect(rowsWithDeviceCallId(deviceCallId)).toBe(1);
});
