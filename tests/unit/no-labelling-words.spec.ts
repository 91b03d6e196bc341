import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { findLabellingWords } from '$lib/labelling-words';
import { db } from '$lib/server/db';
import * as schema from '$lib/server/db/schema';
import { seedDemoIfEmpty } from '$lib/server/seed';

const root = process.cwd();

// The word list itself, and this guard, name the words on purpose.
const ALLOWED = new Set(['src/lib/labelling-words.ts', 'src/lib/labelling-words.spec.ts']);

function filesUnder(dir: string, extensions: string[]): string[] {
	return readdirSync(join(root, dir)).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide' || name === 'node_modules') return [];
		if (statSync(join(root, path)).isDirectory()) return filesUnder(path, extensions);
		return extensions.some((ext) => name.endsWith(ext)) ? [path] : [];
	});
}

function offendersIn(paths: string[]) {
	return paths
		.filter((path) => !ALLOWED.has(relative(root, join(root, path))))
		.flatMap((path) =>
			findLabellingWords(readFileSync(join(root, path), 'utf8')).map((word) => `${path}: ${word}`)
		);
}

describe('no word labels a person', () => {
	it('finds the words it guards against, in each language', () => {
		expect(findLabellingWords('Een patiënt met een dossier')).toEqual(['patiënt', 'dossier']);
		expect(findLabellingWords('les usagers et leurs troubles')).toEqual(['usagers', 'troubles']);
		expect(findLabellingWords('a Service User with a diagnosis')).toEqual([
			'Service User',
			'diagnosis'
		]);
		expect(findLabellingWords('getClientAddress, patiently, clientele')).toEqual([]);
	});

	it('no message catalogue uses a labelling word', () => {
		expect(offendersIn(filesUnder('messages', ['.json']))).toEqual([]);
	});

	it('no template or source file uses a labelling word', () => {
		expect(offendersIn(filesUnder('src', ['.svelte', '.ts', '.js', '.html', '.css']))).toEqual([]);
	});

	it('no schema table or column is named with a labelling word', () => {
		const names = Object.values(schema)
			.filter((value) => is(value, SQLiteTable))
			.flatMap((table) => {
				const config = getTableConfig(table);
				return [config.name, ...config.columns.map((column) => column.name)];
			});
		expect(names.length).toBeGreaterThan(20);
		expect(names.flatMap((name) => findLabellingWords(name.replace(/_/g, ' ')))).toEqual([]);
		expect(offendersIn(filesUnder('drizzle', ['.sql']))).toEqual([]);
	});

	it('no demo record uses a labelling word', async () => {
		expect(await seedDemoIfEmpty(db)).toBe(true);
		const tables = [
			schema.neighbourhoods,
			schema.places,
			schema.gatherings,
			schema.rounds,
			schema.roundStops,
			schema.occurrenceChanges
		];
		const rows = await Promise.all(tables.map((table) => db.select().from(table)));
		const text = JSON.stringify(rows);
		expect(text.length).toBeGreaterThan(5000);
		expect(findLabellingWords(text)).toEqual([]);
	});
});
