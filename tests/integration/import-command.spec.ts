import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import * as schema from '$lib/server/db/schema';
import { seedDemoIfEmpty } from '$lib/server/seed';

/**
 * `npm run import` as a coordinator runs it: a child process against a database file, here a
 * fresh one with the demo neighbourhoods and places.
 */

const run = promisify(execFile);
const TSX = resolve('node_modules/.bin/tsx');
const SAMPLE = resolve('tests/fixtures/import/sample.csv');
let folder: string;
let databasePath: string;

async function importCommand(...args: string[]) {
	try {
		const { stdout, stderr } = await run(TSX, ['scripts/import.ts', ...args], {
			env: { ...process.env, DATABASE_PATH: databasePath, KWARTIER_NOW: '' },
			timeout: 60_000
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

function countImported() {
	const sqlite = new Database(databasePath, { readonly: true });
	const count = (table: string) =>
		(
			sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE external_id IS NOT NULL`).get() as {
				n: number;
			}
		).n;
	const counts = { places: count('places'), gatherings: count('gatherings') };
	sqlite.close();
	return counts;
}

beforeAll(async () => {
	folder = mkdtempSync(join(tmpdir(), 'kwartier-import-'));
	databasePath = join(folder, 'kwartier.db');
	const sqlite = new Database(databasePath);
	sqlite.pragma('journal_mode = WAL');
	const fileDb = drizzle(sqlite, { schema });
	migrate(fileDb, { migrationsFolder: resolve('drizzle') });
	await seedDemoIfEmpty(fileDb as unknown as Db);
	sqlite.close();
});

afterAll(() => {
	rmSync(folder, { recursive: true, force: true });
});

describe('npm run import', { timeout: 120_000 }, () => {
	it('shows the plan of a dry run and writes nothing', async () => {
		const result = await importCommand(SAMPLE, '--dry-run', '--lang=en');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('line 2: New: Place De Pollepel neighbourhood kitchen');
		expect(result.stdout).toContain('line 4: New: Gathering Soup lunch');
		expect(result.stdout).toContain('New: 4 · Updated: 0 · Skipped: 0 · With a problem: 0');
		expect(result.stdout).toContain('Dry run: nothing was changed.');
		expect(countImported()).toEqual({ places: 0, gatherings: 0 });
	});

	it('imports the file, and skips it all the second time', async () => {
		const first = await importCommand(SAMPLE);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('Geïmporteerd: 4 nieuw, 0 aangepast, 0 overgeslagen.');
		expect(countImported()).toEqual({ places: 2, gatherings: 2 });

		const second = await importCommand(SAMPLE, '--lang=fr');
		expect(second.code).toBe(0);
		expect(second.stdout).toContain('ligne 3: Laissé tel quel: Lieu Coin lecture Cureghem');
		expect(second.stdout).toContain('Rien n’a changé depuis la dernière importation.');
		expect(second.stdout).toContain('Importé : 0 nouveaux, 0 mis à jour, 4 laissés tels quels.');
		expect(countImported()).toEqual({ places: 2, gatherings: 2 });
	});

	it('ends with an error and the reason per line when a row is wrong', async () => {
		const file = join(folder, 'bad.csv');
		writeFileSync(
			file,
			'record,id,kind,name_en,description_en,neighbourhood,lat,lon\n' +
				'place,new-1,cafe,Corner,Coffee.,marollen,50.837,4.346\n' +
				'place,new-2,cafe,Corner two,Coffee.,Atlantis,50.837,4.346\n'
		);
		const result = await importCommand(file, '--lang=en');
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('line 3: Problem: Place Corner two');
		expect(result.stdout).toContain(
			'Column neighbourhood: Kwartier has no neighbourhood “Atlantis”.'
		);
		expect(result.stderr).toContain('Nothing was imported, because rows have a problem.');
		expect(countImported()).toEqual({ places: 2, gatherings: 2 });
	});

	it('says why a file cannot be read', async () => {
		const file = join(folder, 'places.xlsx');
		writeFileSync(file, Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
		const result = await importCommand(file, '--lang=en');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('This is a spreadsheet, not a CSV file.');
	});

	it('explains how to call it', async () => {
		const result = await importCommand('--lang=de', SAMPLE);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('Usage: npm run import -- <file.csv|file.json>');
	});
});
