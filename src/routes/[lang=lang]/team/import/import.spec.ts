import { readFileSync } from 'node:fs';
import { eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { gatherings, places } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { actions, load } from './+page.server';
import { ROWS_SHOWN, type Review } from './review';

const SAMPLE = readFileSync('tests/fixtures/import/sample.csv');
let coordinator: SignedInAccount;
let otherCoordinator: SignedInAccount;

beforeAll(async () => {
	await seedDemoIfEmpty(db);
	coordinator = await createTestAccount('coordinator');
	otherCoordinator = await createTestAccount('coordinator');
});

/** A multipart form post as a browser sends it, with or without a chosen file. */
function uploadEvent(
	lang: string,
	file: File | null,
	account: SignedInAccount = coordinator,
	fields: Record<string, string> = {}
) {
	const path = `/${lang}/team/import`;
	const { event } = makeEvent(path, { account, form: fields });
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.append(key, value);
	// A form sent without choosing a file still holds an empty, nameless one.
	body.append('file', file ?? new File([], '', { type: 'application/octet-stream' }));
	Object.assign(event, {
		request: new Request(new URL(path, 'http://localhost'), { method: 'POST', body })
	});
	return event;
}

async function check(file: File | null, lang = 'nl', account = coordinator) {
	return outcome(() => actions.check(uploadEvent(lang, file, account) as never));
}

function confirm(fields: Record<string, string>, account = coordinator, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/import`, { account, form: fields });
	return outcome(() => actions.apply(event as never));
}

type Failure = { status: number; data: { problem?: string; review?: Review; notice?: string } };

type Outcome = { returned?: unknown; thrown?: unknown };

function failureOf(result: Outcome): Failure['data'] {
	const returned = result.returned as unknown as Failure;
	expect(returned?.status).toBe(400);
	return returned.data;
}

function reviewOf(result: Outcome): Review {
	return (result.returned as { review: Review }).review;
}

async function importedCount() {
	return (await db.select().from(places).where(isNotNull(places.externalId))).length;
}

const sampleFile = () => new File([SAMPLE], 'sample.csv', { type: 'text/csv' });

describe('the file a coordinator sends', () => {
	it('asks for a file when none was chosen', async () => {
		expect(failureOf(await check(null)).problem).toBe('Kies eerst een bestand.');
	});

	it('says an empty file is empty', async () => {
		expect(failureOf(await check(new File([], 'leeg.csv'), 'en')).problem).toBe(
			'This file is empty.'
		);
	});

	it('explains how to save a spreadsheet as CSV', async () => {
		const file = new File([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2])], 'plekken.xlsx');
		expect(failureOf(await check(file, 'fr')).problem).toContain('C’est un classeur');
	});

	it('refuses a file that is not text', async () => {
		const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'folder.pdf');
		expect(failureOf(await check(file, 'en')).problem).toContain(
			'Kwartier cannot read this kind of file'
		);
	});

	it('refuses a file that is too big', async () => {
		const file = new File([new Uint8Array(5 * 1024 * 1024 + 1).fill(65)], 'groot.csv');
		expect(failureOf(await check(file)).problem).toBe(
			'Dit bestand is te groot: hoogstens 5 MB. Verdeel het over kleinere bestanden.'
		);
	});

	it('names the columns the header lacks', async () => {
		const file = new File(['naam;soort\nDe Hoek;cafe\n'], 'plekken.csv');
		expect(failureOf(await check(file, 'en')).problem).toBe(
			'The first line of the file needs these columns: record, id, name_nl / name_fr / name_en. Look at the example file.'
		);
	});

	it('is only for coordinators', async () => {
		const worker = await createTestAccount('worker');
		const result = await check(sampleFile(), 'nl', worker);
		expect(result.thrown?.status).toBe(403);
	});
});

describe('the dry run, then the import', () => {
	it('shows what would happen without changing anything, then imports the same upload', async () => {
		const before = await importedCount();
		const result = await check(sampleFile(), 'en');
		const review = reviewOf(result);
		expect(review.counts).toEqual({ create: 4, update: 0, skip: 0, error: 0 });
		expect(review.format).toBe('csv');
		expect(review.rows.map((row) => [row.label, row.action, row.name])).toEqual([
			['line 2', 'create', 'De Pollepel neighbourhood kitchen'],
			['line 3', 'create', 'Kuregem reading corner'],
			['line 4', 'create', 'Soup lunch'],
			['line 5', 'create', 'Neighbourhood walk']
		]);
		expect(JSON.stringify(review)).not.toContain('"write"');
		expect(await importedCount()).toBe(before);

		// Someone else cannot use this upload.
		const stolen = await confirm(
			{ token: review.token, expected: review.expected },
			otherCoordinator
		);
		expect(failureOf(stolen).problem).toContain('meer dan een uur oud');

		const done = await confirm({ token: review.token, expected: review.expected });
		expect(done.thrown).toMatchObject({
			status: 303,
			location: '/nl/team/import?created=4&updated=0&skipped=0'
		});
		expect(await importedCount()).toBe(before + 2);
		const [soup] = await db
			.select()
			.from(gatherings)
			.where(eq(gatherings.externalId, 'soepmiddag'));
		expect(soup.slug).toBe('soepmiddag');

		// The upload is gone once imported: a second click imports nothing twice.
		const again = await confirm({ token: review.token, expected: review.expected });
		expect(failureOf(again).problem).toBe(
			'Deze controle is meer dan een uur oud, of werd al geïmporteerd. Kies het bestand opnieuw.'
		);

		const { event } = makeEvent('/en/team/import?created=4&updated=0&skipped=0', {
			account: coordinator
		});
		expect(await load(event as never)).toMatchObject({
			done: { created: 4, updated: 0, skipped: 0 },
			maxMegabytes: 5
		});
	});

	it('shows the plan again instead of importing when it changed since the dry run', async () => {
		const file = new File(
			[
				'record;id;kind;name_nl;description_nl;neighbourhood;lat;lon\n' +
					'place;changed-1;cafe;Hoekje;Koffie.;marollen;50.837;4.346\n'
			],
			'een.csv'
		);
		const review = reviewOf(await check(file));
		const result = await confirm({ token: review.token, expected: '9-9-9-9' });
		const data = failureOf(result);
		expect(data.notice).toContain('Er veranderde iets in Kwartier');
		expect(data.review?.counts.create).toBe(1);
		const [row] = await db.select().from(places).where(eq(places.externalId, 'changed-1'));
		expect(row).toBeUndefined();
	});

	it('shows the problems by line and offers no import while a row is wrong', async () => {
		const file = new File(
			[
				'record,id,kind,name_nl,description_nl,neighbourhood,lat,lon\n' +
					'place,ok-1,cafe,Hoekje,Koffie.,marollen,50.837,4.346\n' +
					'place,bad-1,pub,Kroeg,Bier.,marollen,50.837,4.346\n'
			],
			'twee.csv'
		);
		const review = reviewOf(await check(file, 'en'));
		expect(review.counts).toMatchObject({ create: 1, error: 1 });
		// Rows with a problem come first.
		expect(review.rows[0]).toMatchObject({ label: 'line 3', action: 'error' });
		expect(review.rows[0].reasons[0]).toContain('Column kind: “pub” is not possible here.');

		const result = await confirm({ token: review.token, expected: review.expected });
		expect(failureOf(result).review?.counts.error).toBe(1);
		const [row] = await db.select().from(places).where(eq(places.externalId, 'ok-1'));
		expect(row).toBeUndefined();
	});

	it('lists the first rows and counts the rest', async () => {
		const lines = ['record;id;kind;name_nl;description_nl;neighbourhood;lat;lon'];
		for (let index = 0; index < ROWS_SHOWN + 30; index += 1) {
			lines.push(`place;many-${index};cafe;Plek ${index};Koffie.;marollen;50.837;4.346`);
		}
		lines.push('place;many-bad;cafe;;Koffie.;marollen;50.837;4.346');
		const review = reviewOf(await check(new File([lines.join('\n')], 'veel.csv')));
		expect(review.rows).toHaveLength(ROWS_SHOWN);
		expect(review.rows[0]).toMatchObject({ action: 'error', name: 'many-bad' });
		expect(review.hidden).toEqual({ count: 31, create: 31, update: 0, skip: 0, error: 0 });
	});
});
