import { asc, eq, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { neighbourhoods, type Neighbourhood } from '$lib/server/db/schema';
import { pick, type Locale } from '$lib/i18n';

export type NeighbourhoodSummary = {
	id: number;
	slug: string;
	name: string;
	centre: { lat: number; lon: number };
};

export function toNeighbourhoodSummary(row: Neighbourhood, locale: Locale): NeighbourhoodSummary {
	return {
		id: row.id,
		slug: row.slug,
		name: pick(row.name, locale),
		centre: { lat: row.centreLat, lon: row.centreLon }
	};
}

export async function listNeighbourhoods(locale: Locale): Promise<NeighbourhoodSummary[]> {
	const rows = await db.select().from(neighbourhoods).orderBy(asc(neighbourhoods.slug));
	return rows
		.map((row) => toNeighbourhoodSummary(row, locale))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** Finds a neighbourhood by its slug or by its numeric id, as feeds accept both. */
export async function findNeighbourhood(idOrSlug: string): Promise<Neighbourhood | undefined> {
	const id = /^\d+$/.test(idOrSlug) ? Number(idOrSlug) : -1;
	const [row] = await db
		.select()
		.from(neighbourhoods)
		.where(or(eq(neighbourhoods.slug, idOrSlug), eq(neighbourhoods.id, id)))
		.limit(1);
	return row;
}
