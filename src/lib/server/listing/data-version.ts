import type BetterSqlite3 from 'better-sqlite3';
import { connection } from '$lib/server/db';

/** The tables the public listing, map and feeds are read from. */
export const PUBLIC_TABLES = [
	'neighbourhoods',
	'places',
	'gatherings',
	'occurrence_changes',
	'rounds',
	'round_stops'
] as const;

const counters = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/**
 * Counts the writes this connection makes to the public tables: temporary triggers (they live
 * only as long as the connection and change nothing in the database file) add one to a
 * temporary counter on every insert, update and delete.
 */
function watchPublicTables(sqlite: BetterSqlite3.Database): BetterSqlite3.Statement {
	sqlite.exec(`
		create temp table if not exists kwartier_public_writes (n integer not null);
		insert into temp.kwartier_public_writes select 0
			where not exists (select 1 from temp.kwartier_public_writes);
	`);
	for (const table of PUBLIC_TABLES) {
		for (const change of ['insert', 'update', 'delete']) {
			sqlite.exec(
				`create temp trigger if not exists kwartier_${table}_${change} after ${change} on main.${table}
				 begin update temp.kwartier_public_writes set n = n + 1; end`
			);
		}
	}
	return sqlite.prepare('select n from temp.kwartier_public_writes');
}

/**
 * A token that changes whenever the public data may have changed: when this connection wrote
 * to a public table, or when any other connection (another process) committed anything, which
 * SQLite's `data_version` tells. Reading it costs microseconds, so caches of public data ask
 * on every request and never serve something older than the database. Writes of the team area
 * that touch no public table (sessions, backup calls, rosters) leave it alone.
 */
export function readPublicDataVersion(sqlite: BetterSqlite3.Database): string {
	let counter = counters.get(sqlite);
	if (!counter) {
		counter = watchPublicTables(sqlite);
		counters.set(sqlite, counter);
	}
	const version = sqlite.pragma('data_version', { simple: true }) as number;
	return `${version}.${(counter.get() as { n: number }).n}`;
}

/** The public data version of the app's own database (see `readPublicDataVersion`). */
export function publicDataVersion(): string {
	return readPublicDataVersion(connection);
}

/**
 * Values computed from the public tables, kept until the public data version changes. At most
 * `size` entries; the one used longest ago goes first. A value that is a promise is shared by
 * the requests that ask while it is being computed, and forgotten when it fails.
 */
export function createDataCache<V>(size: number) {
	let version = '';
	const entries = new Map<string, V>();
	return {
		get(key: string, compute: () => V): V {
			// Read before computing: a write during the computation makes the next call miss.
			const current = publicDataVersion();
			if (current !== version) {
				entries.clear();
				version = current;
			}
			const known = entries.get(key);
			if (known !== undefined) {
				entries.delete(key);
				entries.set(key, known);
				return known;
			}
			if (entries.size >= size) entries.delete(entries.keys().next().value as string);
			const value = compute();
			entries.set(key, value);
			if (value instanceof Promise) {
				value.catch(() => {
					if (entries.get(key) === value) entries.delete(key);
				});
			}
			return value;
		}
	};
}
