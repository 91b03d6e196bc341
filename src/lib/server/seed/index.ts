import type { Db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	roundStops,
	rounds
} from '$lib/server/db/schema';
import {
	demoGatherings,
	demoNeighbourhoods,
	demoOccurrenceChanges,
	demoPlaces,
	demoRounds
} from './demo-data';

function idOf(ids: Map<string, number>, slug: string, what: string): number {
	const id = ids.get(slug);
	if (id === undefined) throw new Error(`Demo data refers to an unknown ${what}: ${slug}`);
	return id;
}

/**
 * Fills an empty database with the demo data set (every row marked `isDemo` where the column
 * exists). Does nothing when there is already a neighbourhood. Returns true when it seeded.
 *
 * A plain sequence of awaited inserts, no transaction: better-sqlite3 cannot run an async
 * transaction callback, and this way a libSQL driver can take its place later.
 */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
	const existing = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).limit(1);
	if (existing.length > 0) return false;

	const neighbourhoodIds = new Map<string, number>();
	const insertedNeighbourhoods = await db
		.insert(neighbourhoods)
		.values(
			demoNeighbourhoods.map((n) => ({
				slug: n.slug,
				name: n.name,
				municipality: n.municipality,
				boundary: n.boundary,
				centreLat: n.centreLat,
				centreLon: n.centreLon
			}))
		)
		.returning({ id: neighbourhoods.id, slug: neighbourhoods.slug });
	for (const row of insertedNeighbourhoods) neighbourhoodIds.set(row.slug, row.id);

	const placeIds = new Map<string, number>();
	const insertedPlaces = await db
		.insert(places)
		.values(
			demoPlaces.map(({ neighbourhood, ...place }) => ({
				...place,
				neighbourhoodId: idOf(neighbourhoodIds, neighbourhood, 'neighbourhood'),
				isDemo: true
			}))
		)
		.returning({ id: places.id, slug: places.slug });
	for (const row of insertedPlaces) placeIds.set(row.slug, row.id);

	const gatheringIds = new Map<string, number>();
	const insertedGatherings = await db
		.insert(gatherings)
		.values(
			demoGatherings.map(({ neighbourhood, place, point, ...gathering }) => ({
				...gathering,
				neighbourhoodId: idOf(neighbourhoodIds, neighbourhood, 'neighbourhood'),
				placeId: place === null ? null : idOf(placeIds, place, 'place'),
				lat: point?.lat ?? null,
				lon: point?.lon ?? null,
				pointName: point?.name ?? null,
				isDemo: true
			}))
		)
		.returning({ id: gatherings.id, slug: gatherings.slug });
	for (const row of insertedGatherings) gatheringIds.set(row.slug, row.id);

	const roundIds = new Map<string, number>();
	for (const { neighbourhood, stops, ...round } of demoRounds) {
		const [inserted] = await db
			.insert(rounds)
			.values({
				...round,
				neighbourhoodId: idOf(neighbourhoodIds, neighbourhood, 'neighbourhood'),
				isDemo: true
			})
			.returning({ id: rounds.id });
		roundIds.set(round.slug, inserted.id);
		if (stops.length > 0) {
			await db.insert(roundStops).values(stops.map((stop) => ({ ...stop, roundId: inserted.id })));
		}
	}

	if (demoOccurrenceChanges.length > 0) {
		await db.insert(occurrenceChanges).values(
			demoOccurrenceChanges.map(({ gathering, round, ...change }) => ({
				...change,
				gatheringId: gathering === null ? null : idOf(gatheringIds, gathering, 'gathering'),
				roundId: round === null ? null : idOf(roundIds, round, 'round')
			}))
		);
	}

	return true;
}
