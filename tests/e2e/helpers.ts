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
	address: string | null;
	lat: number | null;
	lon: number | null;
	visibility: string;
};

export function placesWithVisibility(visibility: string) {
	return readDatabase<HiddenPlace>(
		`select slug, name, address, lat, lon, visibility from places where visibility = ?`,
		visibility
	);
}

/**
 * Area-only places with an address and a point: what must never leak. (One imported from a
 * dataset may have neither, since the export leaves them out; nothing of it can leak then.)
 */
export function areaPlacesWithAddress() {
	return placesWithVisibility('area').filter(
		(place): place is HiddenPlace & { address: string; lat: number; lon: number } =>
			place.address !== null && place.lat !== null && place.lon !== null
	);
}

/** The distinctive part of an address: the street and number before the first slash or comma. */
export function streetOf(address: string) {
	return address.split(/[/,]/)[0].trim();
}
