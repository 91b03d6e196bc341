import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export const DEFAULT_DATABASE_PATH = 'data/kwartier.db';

function openDatabase(path: string) {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return { sqlite, db: drizzle(sqlite, { schema }) };
}

export type Db = ReturnType<typeof openDatabase>['db'];

const opened = openDatabase(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);

/** The one database of this process; its path comes from DATABASE_PATH. */
export const db: Db = opened.db;

/**
 * The SQLite connection under `db`, for what only SQLite has (its data_version, temporary
 * triggers): used by the caches of public data to tell when anything was written.
 */
export const connection = opened.sqlite;

export function migrateDatabase(migrationsFolder = resolve('drizzle')) {
	migrate(db, { migrationsFolder });
}

export function closeDatabase() {
	opened.sqlite.close();
}
