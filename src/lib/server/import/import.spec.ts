import { readFileSync } from 'node:fs';
import { eq, isNotNull } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { gatherings, places } from '$lib/server/db/schema';
import { archivePlace } from '$lib/server/places/manage';
import { findPublicPlace } from '$lib/server/places/public';
import { seedDemoIfEmpty } from '$lib/server/seed';
import type { Locale } from '$lib/i18n';
import { IMPORT_COLUMNS } from './columns';
import { applyImport, planImport, readImportFile, type ImportPlan } from './index';
import { readCsv } from './read-csv';

const SAMPLE = readFileSync('tests/fixtures/import/sample.csv');
const encoder = new TextEncoder();

function bytes(text: string) {
	return encoder.encode(text);
}

async function planText(text: string, locale: Locale = 'en'): Promise<ImportPlan> {
	const input = readImportFile(bytes(text), 'test.csv', locale);
	if (!input.ok) throw new Error(`The test file cannot be read: ${input.problem}`);
	return planImport(input.rows, locale, {
		problems: input.problems,
		unusedColumns: input.unusedColumns
	});
}

async function planSample(locale: Locale = 'en') {
	const input = readImportFile(new Uint8Array(SAMPLE), 'sample.csv', locale);
	if (!input.ok) throw new Error(input.problem);
	return planImport(input.rows, locale);
}

async function importedRows() {
	return {
		places: await db.select().from(places).where(isNotNull(places.externalId)),
		gatherings: await db.select().from(gatherings).where(isNotNull(gatherings.externalId))
	};
}

async function removeImported() {
	await db.delete(gatherings).where(isNotNull(gatherings.externalId));
	await db.delete(places).where(isNotNull(places.externalId));
}

/** A small CSV: a header of these columns, then rows given as objects. */
function csv(rows: Array<Record<string, string>>, separator = ',', columns?: string[]) {
	const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const quote = (value: string) =>
		/[",;\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
	return [
		header.join(separator),
		...rows.map((row) => header.map((column) => quote(row[column] ?? '')).join(separator))
	].join('\n');
}

const GOOD_PLACE = {
	record: 'place',
	id: 'p1',
	kind: 'cafe',
	name_nl: 'Café De Hoek',
	description_nl: 'Koffie en een babbel.',
	neighbourhood: 'anneessens',
	lat: '50.845',
	lon: '4.345'
};

const GOOD_GATHERING = {
	record: 'gathering',
	id: 'g1',
	kind: 'open-circle',
	name_nl: 'Praatcafé',
	place_id: 'p1',
	starts_at: '2026-12-03T14:00',
	duration_minutes: '90',
	rrule: 'FREQ=WEEKLY;BYDAY=TH',
	host: 'Buurtwerk'
};

beforeAll(async () => {
	await seedDemoIfEmpty(db);
});

beforeEach(removeImported);

describe('reading a CSV file', () => {
	it('offers the documented sample as the example to download', () => {
		expect(readFileSync('static/import-example.csv')).toEqual(SAMPLE);
	});

	it('reads semicolons, a byte order mark and quoted cells, with each line number', () => {
		const input = readImportFile(new Uint8Array(SAMPLE), 'sample.csv');
		expect(input.ok).toBe(true);
		if (!input.ok) return;
		expect(SAMPLE.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(input.rows.map((row) => [row.line, row.record, row.id])).toEqual([
			[2, 'place', 'pollepel'],
			[3, 'place', 'leeshoek-kuregem'],
			[4, 'gathering', 'soepmiddag'],
			[5, 'gathering', 'wandeling-vossenplein']
		]);
		expect(input.rows[0].opening_hours).toBe('Tu-Fr 10:00-16:00; PH off');
		expect(input.rows[2].rrule).toBe('FREQ=WEEKLY;BYDAY=WE');
	});

	it('reads the same rows from commas, and counts lines inside quoted cells', () => {
		const text = csv(
			[
				{ ...GOOD_PLACE, description_nl: 'Twee\nregels, met komma' },
				{ ...GOOD_PLACE, id: 'p2' }
			],
			','
		);
		const reading = readCsv(text);
		expect(reading.ok).toBe(true);
		if (!reading.ok) return;
		expect(reading.rows.map((row) => row.line)).toEqual([2, 4]);
		expect(reading.rows[0].description_nl).toBe('Twee\nregels, met komma');
	});

	it('accepts headers typed by hand and names the columns it does not use', () => {
		const reading = readCsv('Record;ID;Name NL;Opening-hours;Remarks\nplace;x;Y;Mo 10:00-12:00;hi');
		expect(reading.ok).toBe(true);
		if (!reading.ok) return;
		expect(reading.rows[0]).toMatchObject({ record: 'place', id: 'x', name_nl: 'Y' });
		expect(reading.rows[0].opening_hours).toBe('Mo 10:00-12:00');
		expect(reading.unusedColumns).toEqual(['Remarks']);
	});

	it('skips rows of empty cells that spreadsheets leave below the data', () => {
		const reading = readCsv('record;id;name_nl\nplace;a;A\n;;\n\nplace;b;B\n');
		expect(reading.ok && reading.rows.map((row) => [row.line, row.id])).toEqual([
			[2, 'a'],
			[5, 'b']
		]);
	});

	it('refuses a file that cannot be imported, and says why', () => {
		const problem = (content: Uint8Array, name = 'file.csv') => {
			const input = readImportFile(content, name);
			return input.ok ? 'ok' : input;
		};
		expect(problem(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
		expect(problem(bytes('\uFEFF  \n'))).toEqual({ ok: false, problem: 'empty' });
		expect(problem(bytes('name;kind\nX;cafe'))).toEqual({
			ok: false,
			problem: 'missing-columns',
			columns: ['record', 'id', 'name_nl / name_fr / name_en']
		});
		expect(problem(bytes('record,id,id,name_nl\n'))).toMatchObject({
			problem: 'duplicate-column',
			columns: ['id']
		});
		expect(problem(bytes('PK\u0003\u0004rest'), 'places.xlsx')).toMatchObject({
			problem: 'spreadsheet'
		});
		expect(problem(bytes('%PDF-1.7'), 'places.pdf')).toMatchObject({ problem: 'wrong-type' });
		expect(problem(new Uint8Array([0x72, 0x65, 0x63, 0x6f, 0x72, 0x64, 0x3b, 0xe9]))).toMatchObject(
			{ problem: 'not-utf8' }
		);
		expect(problem(bytes('record,id,name_nl\nplace,a,"not closed\n'))).toMatchObject({
			problem: 'unreadable-csv',
			line: 2
		});
		expect(problem(bytes('{"contents": [oops'))).toMatchObject({ problem: 'unreadable-json' });
		expect(problem(bytes('{"hello": "world"}'))).toMatchObject({ problem: 'not-hsds' });
		expect(problem(bytes('a'.repeat(5 * 1024 * 1024 + 1)))).toMatchObject({ problem: 'too-big' });
	});
});

describe('the dry run and the import', () => {
	it('plans the sample file as new records, and writes nothing', async () => {
		const before = await db.select().from(places);
		const plan = await planSample();
		expect(plan.counts).toEqual({ create: 4, update: 0, skip: 0, error: 0 });
		expect(
			plan.entries.map((entry) => [entry.line, entry.record, entry.action, entry.name])
		).toEqual([
			[2, 'place', 'create', 'De Pollepel neighbourhood kitchen'],
			[3, 'place', 'create', 'Kuregem reading corner'],
			[4, 'gathering', 'create', 'Soup lunch'],
			[5, 'gathering', 'create', 'Neighbourhood walk']
		]);
		expect(await db.select().from(places)).toEqual(before);
		expect((await importedRows()).gatherings).toEqual([]);
	});

	it('imports the sample file: places with their facts, gatherings at their place', async () => {
		const result = applyImport(await planSample());
		expect(result).toEqual({ ok: true, created: 4, updated: 0, skipped: 0 });
		const { places: made, gatherings: held } = await importedRows();
		const kitchen = made.find((place) => place.externalId === 'pollepel');
		expect(kitchen).toMatchObject({
			slug: 'buurtkeuken-de-pollepel',
			kind: 'neighbourhood-centre',
			openingHours: 'Tu-Fr 10:00-16:00; PH off',
			cost: 'pay-what-you-can',
			coffee: true,
			quietSpace: false,
			languages: ['nl', 'fr', 'ar'],
			lat: 50.8369,
			phone: '+32 2 555 01 23',
			isDemo: false
		});
		const corner = made.find((place) => place.externalId === 'leeshoek-kuregem');
		expect(corner).toMatchObject({ visibility: 'area', lat: null, lon: null, wheelchair: false });
		expect(corner?.languages).toEqual(['nl', 'fr', 'ro', 'bg']);
		const soup = held.find((row) => row.externalId === 'soepmiddag');
		expect(soup).toMatchObject({
			placeId: kitchen?.id,
			neighbourhoodId: kitchen?.neighbourhoodId,
			startsAt: '2026-12-02T12:00',
			rrule: 'FREQ=WEEKLY;BYDAY=WE',
			durationMinutes: 90
		});
		const walk = held.find((row) => row.externalId === 'wandeling-vossenplein');
		expect(walk).toMatchObject({ placeId: null, pointName: 'Aan de fontein op het Vossenplein' });

		const page = await findPublicPlace('buurtkeuken-de-pollepel', 'fr');
		expect(page?.name.text).toBe('Cuisine de quartier De Pollepel');
	});

	it('skips every row of the same file imported a second time, and changes nothing', async () => {
		applyImport(await planSample());
		const before = await importedRows();
		const again = await planSample('nl');
		expect(again.counts).toEqual({ create: 0, update: 0, skip: 4, error: 0 });
		expect(again.entries[0].reasons).toEqual(['Niets veranderd sinds de vorige import.']);
		expect(applyImport(again)).toEqual({ ok: true, created: 0, updated: 0, skipped: 4 });
		expect(await importedRows()).toEqual(before);
	});

	it('updates only what changed, and names the columns', async () => {
		applyImport(await planSample());
		const changed = SAMPLE.toString('utf8')
			.replace('Tu-Fr 10:00-16:00; PH off', 'Tu-Sa 10:00-16:00; PH off')
			.replace('2026-12-12T10:00;120', '2026-12-12T10:30;120');
		const plan = await planText(changed);
		expect(plan.counts).toEqual({ create: 0, update: 2, skip: 2, error: 0 });
		const [kitchen, , , walk] = plan.entries;
		expect(kitchen).toMatchObject({ action: 'update', reasons: ['Changes: opening_hours'] });
		expect(walk).toMatchObject({ action: 'update', reasons: ['Changes: starts_at'] });
		applyImport(plan);
		const [row] = await db.select().from(places).where(eq(places.externalId, 'pollepel'));
		expect(row.openingHours).toBe('Tu-Sa 10:00-16:00; PH off');
		expect(row.slug).toBe('buurtkeuken-de-pollepel');
	});

	it('leaves what a file has no column for as it is', async () => {
		applyImport(await planSample());
		const plan = await planText(
			csv([{ record: 'place', id: 'pollepel', name_nl: 'Buurtkeuken De Pollepel (nieuw)' }])
		);
		expect(plan.entries[0]).toMatchObject({ action: 'update', reasons: ['Changes: name_nl'] });
		applyImport(plan);
		const [row] = await db.select().from(places).where(eq(places.externalId, 'pollepel'));
		expect(row.name).toEqual({
			nl: 'Buurtkeuken De Pollepel (nieuw)',
			fr: 'Cuisine de quartier De Pollepel',
			en: 'De Pollepel neighbourhood kitchen'
		});
		expect(row.phone).toBe('+32 2 555 01 23');
	});

	it('holds a gathering at a place imported before', async () => {
		applyImport(await planSample());
		const plan = await planText(csv([{ ...GOOD_GATHERING, id: 'later', place_id: 'pollepel' }]));
		expect(plan.counts.create).toBe(1);
		applyImport(plan);
		const [kitchen] = await db.select().from(places).where(eq(places.externalId, 'pollepel'));
		const [row] = await db.select().from(gatherings).where(eq(gatherings.externalId, 'later'));
		expect(row.placeId).toBe(kitchen.id);
	});

	it('makes a unique address for each new record, also next to existing ones', async () => {
		const plan = await planText(
			csv([
				{ ...GOOD_PLACE, id: 'a', name_nl: 'Inloophuis De Zennebel' },
				{ ...GOOD_PLACE, id: 'b', name_nl: 'Inloophuis De Zennebel' },
				{ ...GOOD_GATHERING, id: 'c', place_id: 'a', name_nl: 'Open kring' },
				{ ...GOOD_GATHERING, id: 'd', place_id: 'b', name_nl: 'Open kring' }
			])
		);
		expect(applyImport(plan).ok).toBe(true);
		const { places: made, gatherings: held } = await importedRows();
		expect(made.map((place) => place.slug).sort()).toEqual([
			'inloophuis-de-zennebel-2',
			'inloophuis-de-zennebel-3'
		]);
		expect(new Set(held.map((row) => row.slug)).size).toBe(2);
		expect(held.map((row) => row.slug)).not.toContain('open-kring-zennebel');
	});

	it('gives a new record the slug its row asks for, before any slug made from a name', async () => {
		const plan = await planText(
			csv([
				// Made from the name, this one would be `de-hoek`: the next row asks for that.
				{ ...GOOD_PLACE, id: 'a', name_nl: 'De Hoek', slug: '' },
				{ ...GOOD_PLACE, id: 'b', name_nl: 'Café De Hoek', slug: 'de-hoek' },
				{ ...GOOD_GATHERING, id: 'c', place_id: 'b', slug: 'praatcafe-op-donderdag' }
			])
		);
		expect(plan.counts).toEqual({ create: 3, update: 0, skip: 0, error: 0 });
		expect(plan.entries.map((entry) => entry.reasons)).toEqual([[], [], []]);
		expect(applyImport(plan).ok).toBe(true);
		const { places: made, gatherings: held } = await importedRows();
		expect(made.find((place) => place.externalId === 'b')?.slug).toBe('de-hoek');
		expect(made.find((place) => place.externalId === 'a')?.slug).toBe('de-hoek-2');
		expect(held[0].slug).toBe('praatcafe-op-donderdag');
		expect((await findPublicPlace('de-hoek', 'nl'))?.name.text).toBe('Café De Hoek');
	});

	it('refuses a slug that is not written as a slug, or that two rows ask for', async () => {
		const plan = await planText(
			csv([
				{ ...GOOD_PLACE, id: 'a', slug: 'Café De Hoek' },
				{ ...GOOD_PLACE, id: 'b', slug: 'de-hoek' },
				{ ...GOOD_PLACE, id: 'c', slug: 'de-hoek' },
				{ ...GOOD_PLACE, id: 'd', slug: 'de--hoek' },
				{ ...GOOD_PLACE, id: 'e', slug: 'x'.repeat(61) }
			]),
			'nl'
		);
		expect(plan.entries.map((entry) => entry.action)).toEqual([
			'error',
			'create',
			'error',
			'error',
			'error'
		]);
		expect(plan.entries[0].reasons).toEqual([
			'Kolom slug: “Café De Hoek” kan geen webadres zijn. Gebruik alleen kleine letters a tot z, cijfers en losse streepjes ertussen, hoogstens 60 tekens, bijvoorbeeld cafe-de-hoek.'
		]);
		expect(plan.entries[2].reasons).toEqual([
			'Kolom slug: Het webadres de-hoek wordt twee keer gevraagd, ook op regel 3. Elke rij heeft een eigen webadres nodig.'
		]);
		expect(applyImport(plan)).toEqual({ ok: false, reason: 'has-errors' });
	});

	it('makes a slug from the name when another record has the one asked for, and says so', async () => {
		const plan = await planText(
			csv([{ ...GOOD_PLACE, name_nl: 'Fontainasplantsoen', slug: 'square-fontainas' }])
		);
		expect(plan.entries[0]).toMatchObject({
			action: 'create',
			reasons: [
				'The web address square-fontainas is already used by another record in Kwartier, so this one gets a web address made from its name.'
			]
		});
		expect(applyImport(plan).ok).toBe(true);
		const [row] = await db.select().from(places).where(eq(places.externalId, 'p1'));
		expect(row.slug).toBe('fontainasplantsoen');
	});

	it('never changes the slug of a record on an update', async () => {
		applyImport(await planText(csv([{ ...GOOD_PLACE, slug: 'de-hoek' }])));
		const plan = await planText(
			csv([{ ...GOOD_PLACE, name_nl: 'Café De Nieuwe Hoek', slug: 'de-nieuwe-hoek' }])
		);
		expect(plan.entries[0]).toMatchObject({
			action: 'update',
			reasons: [
				'Changes: name_nl',
				'The web address stays de-hoek: an import never changes the web address of what is already in Kwartier, so shared links keep working.'
			]
		});
		applyImport(plan);
		const [row] = await db.select().from(places).where(eq(places.externalId, 'p1'));
		expect(row).toMatchObject({ slug: 'de-hoek', name: { nl: 'Café De Nieuwe Hoek' } });
		const again = await planText(
			csv([{ ...GOOD_PLACE, name_nl: 'Café De Nieuwe Hoek', slug: 'de-hoek' }])
		);
		expect(again.entries[0]).toMatchObject({
			action: 'skip',
			reasons: ['Nothing changed since the last import.']
		});
	});

	it('moves the first date to the first one the rule gives, as the editor does', async () => {
		// 2026-12-01 is a Tuesday; the rule says Thursdays.
		const plan = await planText(
			csv([GOOD_PLACE, { ...GOOD_GATHERING, starts_at: '2026-12-01 14:00:00' }])
		);
		expect(plan.counts.error).toBe(0);
		const write = plan.entries[1].write;
		expect(write?.record === 'gathering' && write.values.startsAt).toBe('2026-12-03T14:00');
	});

	it('leaves an archived place alone, and says so', async () => {
		applyImport(await planSample());
		const [row] = await db.select().from(places).where(eq(places.externalId, 'pollepel'));
		await archivePlace(row.id);
		const plan = await planSample();
		expect(plan.entries[0]).toMatchObject({
			action: 'skip',
			reasons: [expect.stringContaining('Archived in Kwartier')]
		});
		expect(plan.entries[2]).toMatchObject({
			action: 'error',
			reasons: [expect.stringContaining('The place with id pollepel is archived')]
		});
	});

	it('finds a neighbourhood by its name in any language', async () => {
		const plan = await planText(
			csv([
				{ ...GOOD_PLACE, id: 'x', neighbourhood: 'Cureghem' },
				{ ...GOOD_PLACE, id: 'y', neighbourhood: 'molenbeek historic CENTRE' }
			])
		);
		expect(plan.counts).toMatchObject({ create: 2, error: 0 });
	});
});

describe('rows with a problem', () => {
	// Every kind of mistake, one per row, on the line given as the key.
	const BAD: Array<[string, Record<string, string>, string]> = [
		[
			'record',
			{ ...GOOD_PLACE, id: 'r1', record: 'venue' },
			'Column record: “venue” is not possible'
		],
		['id', { ...GOOD_PLACE, id: '' }, 'Column id: This must be filled in.'],
		[
			'kind',
			{ ...GOOD_PLACE, id: 'r3', kind: 'pub' },
			'Column kind: “pub” is not possible here. Use one of: drop-in-house'
		],
		[
			'name',
			{ ...GOOD_PLACE, id: 'r4', name_nl: '' },
			'Column name_nl: Write the name in at least one language'
		],
		[
			'what to expect',
			{ ...GOOD_PLACE, id: 'r5', description_nl: '' },
			'Column description_nl: Write what to expect'
		],
		[
			'neighbourhood',
			{ ...GOOD_PLACE, id: 'r6', neighbourhood: 'Atlantis' },
			'Column neighbourhood: Kwartier has no neighbourhood “Atlantis”. Use one of: anneessens, marollen'
		],
		[
			'yes/no',
			{ ...GOOD_PLACE, id: 'r7', coffee: 'maybe' },
			'Column coffee: “maybe” is not yes or no'
		],
		[
			'coordinate',
			{ ...GOOD_PLACE, id: 'r8', lat: 'north' },
			'Column lat: “north” is not a coordinate'
		],
		[
			'area',
			{ ...GOOD_PLACE, id: 'r9', lat: '4.345', lon: '50.845' },
			'Column lat: 4.345 lies outside the Brussels area'
		],
		[
			'half a point',
			{ ...GOOD_PLACE, id: 'r10', lon: '' },
			'Column lon: Fill in both lat and lon, or neither.'
		],
		['no point', { ...GOOD_PLACE, id: 'r11', lat: '', lon: '' }, 'Column lat: Fill in lat and lon'],
		[
			'opening hours',
			{ ...GOOD_PLACE, id: 'r12', opening_hours: 'mornings' },
			'Column opening_hours: Kwartier cannot read these opening hours'
		],
		[
			'languages',
			{ ...GOOD_PLACE, id: 'r13', languages: 'Dutch, French' },
			'Column languages: “Dutch, French” is not a list of language codes'
		],
		[
			'e-mail',
			{ ...GOOD_PLACE, id: 'r14', email: 'at home' },
			'Column email: Enter a valid e-mail address.'
		],
		['phone', { ...GOOD_PLACE, id: 'r15', phone: 'call us' }, 'Column phone: Enter a phone number'],
		[
			'website',
			{ ...GOOD_PLACE, id: 'r16', website: 'ftp://x.example' },
			'Column website: Enter a web address'
		],
		[
			'cost',
			{ ...GOOD_PLACE, id: 'r17', cost: 'cheap' },
			'Column cost: “cheap” is not possible here. Use one of: free, pay-what-you-can, paid.'
		],
		[
			'visibility',
			{ ...GOOD_PLACE, id: 'r18', visibility: 'secret' },
			'Column visibility: “secret” is not possible here'
		],
		[
			'too long',
			{ ...GOOD_PLACE, id: 'r19', name_nl: 'x'.repeat(121) },
			'Column name_nl: This is too long: 120 characters at most.'
		],
		[
			'characters',
			{ ...GOOD_PLACE, id: 'r20', address: 'Straat\u202e 1' },
			'Column address: This text contains characters we cannot save.'
		],
		['duplicate id', { ...GOOD_PLACE }, 'Column id: The id p1 is used twice, also on line 2.'],
		[
			'start',
			{ ...GOOD_GATHERING, id: 'r22', starts_at: '3 December' },
			'Column starts_at: “3 December” is not a date and time'
		],
		[
			'no start',
			{ ...GOOD_GATHERING, id: 'r23', starts_at: '' },
			'Column starts_at: This must be filled in.'
		],
		[
			'duration',
			{ ...GOOD_GATHERING, id: 'r24', duration_minutes: '1000' },
			'Column duration_minutes: Write a number of minutes from 5 to 720.'
		],
		[
			'duration number',
			{ ...GOOD_GATHERING, id: 'r25', duration_minutes: 'long' },
			'Column duration_minutes: “long” is not a whole number.'
		],
		[
			'rule',
			{ ...GOOD_GATHERING, id: 'r26', rrule: 'FREQ=HOURLY' },
			'Column rrule: Kwartier cannot read the rule “FREQ=HOURLY”'
		],
		[
			'no dates',
			{ ...GOOD_GATHERING, id: 'r27', rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20261202' },
			'Column rrule: No date fits this rule'
		],
		['host', { ...GOOD_GATHERING, id: 'r28', host: '' }, 'Column host: This must be filled in.'],
		[
			'unknown place',
			{ ...GOOD_GATHERING, id: 'r29', place_id: 'nowhere' },
			'Column place_id: There is no place with id nowhere'
		],
		[
			'place with a problem',
			{ ...GOOD_GATHERING, id: 'r30', place_id: 'r3' },
			'Column place_id: The place of this gathering has a problem itself (line 5). Fix that row first.'
		],
		[
			'gathering without place or point',
			{ ...GOOD_GATHERING, id: 'r31', place_id: '' },
			'Column neighbourhood: This must be filled in.'
		]
	];

	it('reports every problem with its line and column, and plans the good rows', async () => {
		const rows = [GOOD_PLACE, ...BAD.map(([, row]) => row), GOOD_GATHERING];
		const plan = await planText(csv(rows, ';', [...IMPORT_COLUMNS]));
		expect(plan.counts).toEqual({ create: 2, update: 0, skip: 0, error: BAD.length });
		BAD.forEach(([what, , message], index) => {
			const entry = plan.entries.find((candidate) => candidate.line === index + 3);
			expect(entry?.action, what).toBe('error');
			expect(entry?.label, what).toBe(`line ${index + 3}`);
			expect(entry?.reasons.join('\n'), what).toContain(message);
		});
	});

	it('reports a row with more cells than the header', async () => {
		const plan = await planText('record,id,name_nl\nplace,a,Café, with comma');
		expect(plan.entries[0].reasons).toContain(
			'Column record: This row has more cells than the first line has columns (1 too many). Put quotes around a text that holds a comma or semicolon.'
		);
	});

	it('reports all problems of one row at once, in the language asked for', async () => {
		const plan = await planText(
			csv([{ ...GOOD_PLACE, kind: 'pub', coffee: 'peut-être', neighbourhood: '' }]),
			'fr'
		);
		expect(plan.entries[0].reasons).toEqual([
			'Colonne kind : « pub » n’est pas possible ici. Utilisez l’une de ces valeurs : drop-in-house, neighbourhood-centre, service-centre, meeting-house, cafe, library, park, other.',
			'Colonne coffee : « peut-être » n’est ni oui ni non. Écrivez oui ou non (yes/no, ja/nee et 1/0 fonctionnent aussi).',
			'Colonne neighbourhood : Ceci doit être rempli.'
		]);
		expect(plan.entries[0].label).toBe('ligne 2');
	});

	it('imports nothing at all while one row has a problem', async () => {
		const before = await db.select().from(places);
		const plan = await planText(csv([GOOD_PLACE, { ...GOOD_PLACE, id: 'p2', kind: 'pub' }]));
		expect(plan.counts).toMatchObject({ create: 1, error: 1 });
		expect(applyImport(plan)).toEqual({ ok: false, reason: 'has-errors' });
		expect(await db.select().from(places)).toEqual(before);
	});

	it('writes nothing when the database refuses one row half-way', async () => {
		const plan = await planText(csv([GOOD_PLACE, GOOD_GATHERING]));
		expect(plan.counts.create).toBe(2);
		// Someone else imports the gathering between the dry run and the import: the place is
		// written first, then the gathering is refused.
		const [hood] = await db.select().from(places).limit(1);
		await db.insert(gatherings).values({
			slug: 'elders',
			kind: 'walk',
			title: { nl: 'Elders' },
			description: {},
			neighbourhoodId: hood.neighbourhoodId,
			startsAt: '2026-12-03T14:00',
			durationMinutes: 60,
			host: 'Iemand',
			externalId: 'g1'
		});
		expect(applyImport(plan)).toEqual({ ok: false, reason: 'changed-meanwhile' });
		const [place] = await db.select().from(places).where(eq(places.externalId, 'p1'));
		expect(place).toBeUndefined();
	});
});
