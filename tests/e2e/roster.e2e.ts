import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { LOCALES } from './helpers';

type Locale = (typeof LOCALES)[number];

const PHONE = { width: 412, height: 915 };
const DEMO_PASSWORD = 'kwartier-demo';
const KUREGEM: Record<Locale, string> = { nl: 'Kuregem', fr: 'Cureghem', en: 'Kuregem / Cureghem' };

/** A message from the roster catalogue, with its {placeholders} filled in. */
function text(locale: Locale, key: string, values: Record<string, string | number> = {}) {
	const catalogue = JSON.parse(readFileSync(`messages/roster/${locale}.json`, 'utf8'));
	return String(catalogue[key]).replace(/\{(\w+)\}/g, (_match, name: string) =>
		String(values[name])
	);
}

/** "Thu, Nov 26" as the roster writes a day (src/lib/format.ts, capitalised). */
function shortDay(date: string, locale: Locale) {
	const label = new Intl.DateTimeFormat(locale, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
	return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
}

async function signIn(
	browser: Browser,
	locale: Locale,
	username: string,
	{ javaScriptEnabled = true } = {}
) {
	const context = await browser.newContext({ viewport: PHONE, locale, javaScriptEnabled });
	const page = await context.newPage();
	await page.goto(`/${locale}/login`);
	// Typing before the page has hydrated can be undone by hydration; wait, then check.
	if (javaScriptEnabled) await page.waitForLoadState('networkidle');
	await page.locator('#login-username').fill(username);
	await page.locator('#login-password').fill(DEMO_PASSWORD);
	await expect(page.locator('#login-username')).toHaveValue(username);
	await page.locator('form button[type="submit"]').click();
	await page.waitForURL(new RegExp(`/${locale}/team`));
	return { context, page };
}

for (const locale of LOCALES) {
	test(`the demo worker sees who is on duty and the lunchtime gap in Kuregem (${locale})`, async ({
		browser
	}) => {
		const { context, page } = await signIn(browser, locale, 'worker');
		await page.goto(`/${locale}/team/roster`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(locale, 'ro_title'));

		// Thursday 26 November: Sara's team meeting, covered by Noor in two neighbourhoods only.
		const prefix = text(locale, 'ro_gap', {
			when: `${shortDay('2026-11-26', locale)} 12:00–14:00`,
			neighbourhood: ''
		});
		const gap = page.locator('.gaps li', { hasText: prefix });
		await expect(gap).toHaveCount(1);
		await expect(gap).toContainText(KUREGEM[locale]);

		// Today (Tuesday 24 November, 10:30) Sara is on duty in Kuregem.
		const kuregem = page.locator('section.hood', {
			has: page.getByRole('heading', { name: KUREGEM[locale], exact: true })
		});
		await kuregem.locator('summary').click();
		await expect(kuregem.locator('.is-today')).toContainText(
			text(locale, 'ro_on_duty', { name: 'Sara' })
		);
		await context.close();
	});
}

test('without JavaScript, a worker plans time off: mistakes show next to the fields, nothing typed is lost', async ({
	browser
}) => {
	const { context, page } = await signIn(browser, 'nl', 'worker', { javaScriptEnabled: false });
	await page.goto('/nl/team/roster');

	const form = page.locator('#shift-form');
	await form.locator('#shift-kind-off').check();
	await form.locator('#shift-startsAt').fill('2027-01-05T14:00');
	await form.locator('#shift-endsAt').fill('2027-01-05T09:00');
	await form.locator('button[type="submit"]').click();
	await expect(page.locator('#shift-endsAt-error')).toHaveText(
		text('nl', 'ro_error_end_after_start')
	);
	await expect(page.locator('#shift-startsAt')).toHaveValue('2027-01-05T14:00');
	await expect(page.locator('#shift-kind-off')).toBeChecked();

	await page.locator('#shift-endsAt').fill('2027-01-05T17:00');
	await page.locator('#shift-form button[type="submit"]').click();
	await expect(page.locator('#shift-form .saved')).toHaveText(text('nl', 'ro_shift_saved_off'));

	// It is listed with a button to remove it again.
	const row = page.locator('#planned li', { hasText: '14:00–17:00' });
	await expect(row).toContainText('Sara');
	await row.getByRole('button', { name: text('nl', 'ro_remove') }).click();
	await expect(page.locator('#planned .notice')).toHaveText(text('nl', 'ro_removed'));
	await expect(page.locator('#planned li', { hasText: '14:00–17:00' })).toHaveCount(0);
	await context.close();
});

test('the service worker shows a backup call that arrives by Web Push', async ({
	browser,
	baseURL
}) => {
	const { context, page } = await signIn(browser, 'en', 'worker');
	await context.grantPermissions(['notifications'], { origin: baseURL });
	await page.goto('/en/team/roster');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The push service is not reachable from here: DevTools hands the message to the worker.
	const devtools = await context.newCDPSession(page);
	const registrations = new Promise<{ registrationId: string; scopeURL: string }[]>((resolve) =>
		devtools.on('ServiceWorker.workerRegistrationUpdated', (event) => resolve(event.registrations))
	);
	await devtools.send('ServiceWorker.enable');
	const [registration] = await registrations;
	await devtools.send('ServiceWorker.deliverPushMessage', {
		origin: new URL(baseURL!).origin,
		registrationId: registration.registrationId,
		data: JSON.stringify({
			type: 'backup-call',
			callId: 1,
			urgency: 'come-now',
			title: 'Backup asked in Kuregem / Cureghem',
			body: 'Come now · someone to come. Open Kwartier to answer.',
			url: '/en/team/inbox',
			tag: 'backup-call-1',
			requireInteraction: true
		})
	});
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const ready = await navigator.serviceWorker.ready;
				return (await ready.getNotifications()).map((shown) => ({
					title: shown.title,
					body: shown.body,
					tag: shown.tag,
					url: (shown.data as { url: string }).url
				}));
			})
		)
		.toEqual([
			{
				title: 'Backup asked in Kuregem / Cureghem',
				body: 'Come now · someone to come. Open Kwartier to answer.',
				tag: 'backup-call-1',
				url: new URL('/en/team/inbox', baseURL).href
			}
		]);
	await context.close();
});
