import Database from 'better-sqlite3';

export const LOCALES = ['nl', 'fr', 'en'] as const;

/** Reads the end-to-end server's own database, to know what must and must not be shown. */
export function readDatabase<T>(query: string, ...params: unknown[]): T[] {
	const db = new Database('test-results/e2e.db', { readonly: true, fileMustExist: true });
	try {
		return db.prepare(query).all(...params) as T[];
	} finally {
		db.close();
	}
}

export type HiddenPlace = {
	slug: string;
	name: string;
	address: string;
	lat: number;
	lon: number;
	visibility: string;
};

export function placesWithVisibility(visibility: string) {
	return readDatabase<HiddenPlace>(
		`select slug, name, address, lat, lon, visibility from places where visibility = ?`,
		visibility
	);
}

/** The distinctive part of an address: the street and number before the first slash or comma. */
export function streetOf(address: string) {
	return address.split(/[/,]/)[0].trim();
}
