import { expect, test, type Browser } from '@playwright/test';

const DEMO_PASSWORD = 'kwartier-demo';

async function signInAsCoordinator(browser: Browser, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	// Filled only once the page is hydrated, so hydration does not empty the fields again.
	await page.goto('/nl/login', { waitUntil: 'networkidle' });
	await page.locator('#login-username').fill('coordinator');
	await page.locator('#login-password').fill(DEMO_PASSWORD);
	await expect(page.locator('#login-username')).toHaveValue('coordinator');
	await page.locator('main button[type=submit]').click();
	await page.waitForURL(/\/nl\/team/);
	return { context, page };
}

test('a coordinator checks the example file, imports it and finds the new place', async ({
	browser
}) => {
	const { context, page } = await signInAsCoordinator(browser, true);
	await page.getByRole('link', { name: 'Importeren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Plekken en activiteiten importeren'
	);
	await page.waitForLoadState('networkidle');

	// The example on offer is the documented sample.
	const example = await page.request.get('/import-example.csv');
	expect(example.ok()).toBe(true);

	await page.setInputFiles('#import-file', 'tests/fixtures/import/sample.csv');
	await page.getByRole('button', { name: 'Bestand nakijken' }).click();
	await expect(page.getByRole('heading', { name: 'Wat er zou gebeuren' })).toBeVisible();
	await expect(page.getByText('Nieuw: 4')).toBeVisible();
	const rows = page
		.getByRole('list', { name: 'Alle rijen van het bestand' })
		.locator(':scope > li');
	await expect(rows).toHaveCount(4);
	await expect(rows.first()).toContainText('regel 2');
	await expect(rows.first()).toContainText('Buurtkeuken De Pollepel');

	await page.getByRole('button', { name: 'Importeer deze 4' }).click();
	await expect(page.getByText('Geïmporteerd: 4 nieuw, 0 aangepast, 0 overgeslagen.')).toBeVisible();

	await page.goto('/nl/places/buurtkeuken-de-pollepel');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buurtkeuken De Pollepel');
	await expect(page.getByText('Blaesstraat 120')).toBeVisible();
	await page.goto('/fr/gatherings/soepmiddag');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Midi soupe');
	await context.close();
});

test('without JavaScript a bad file shows why, and the page stays usable', async ({ browser }) => {
	const { context, page } = await signInAsCoordinator(browser, false);
	await page.goto('/nl/team/import');

	await page.setInputFiles('#import-file', {
		name: 'plekken.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('naam;soort\nDe Hoek;cafe\n')
	});
	await page.getByRole('button', { name: 'Bestand nakijken' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Op de eerste regel van het bestand moeten deze kolommen staan: record, id, name_nl / name_fr / name_en. Kijk naar het voorbeeldbestand.'
	);

	// Still a form to try again, now with a spreadsheet.
	await page.setInputFiles('#import-file', {
		name: 'plekken.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0])
	});
	await page.getByRole('button', { name: 'Bestand nakijken' }).click();
	await expect(page.getByRole('alert')).toContainText('Dit is een rekenblad, geen CSV-bestand.');

	// And a file with a wrong row: the line and the reason, no import button.
	await page.setInputFiles('#import-file', {
		name: 'fout.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'record;id;kind;name_nl;description_nl;neighbourhood;lat;lon\n' +
				'place;e2e-1;kroeg;De Hoek;Koffie.;marollen;50.837;4.346\n'
		)
	});
	await page.getByRole('button', { name: 'Bestand nakijken' }).click();
	await expect(page.getByText('Met een probleem: 1')).toBeVisible();
	await expect(page.getByText('regel 2')).toBeVisible();
	await expect(page.getByText('Kolom kind: “kroeg” kan hier niet.')).toBeVisible();
	await expect(page.getByRole('button', { name: /Importeer/ })).toHaveCount(0);
	await expect(page.locator('#import-file')).toBeVisible();
	await context.close();
});
