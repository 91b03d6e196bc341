import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	neighbourhoods,
	occurrenceChanges,
	roundStops,
	rounds,
	type Neighbourhood,
	type OccurrenceChange,
	type Round,
	type RoundStop
} from '$lib/server/db/schema';
import { pickWithLocale, type Locale } from '$lib/i18n';
import { listedVisibilities, VISITOR, type Viewer } from '$lib/server/visibility';
import {
	toNeighbourhoodSummary,
	type NeighbourhoodSummary
} from '$lib/server/neighbourhoods/queries';
import type { Text } from '$lib/server/places/public';

export type PublicStop = {
	position: number;
	street: string;
	lat: number;
	lon: number;
	arrivalTime: string;
	stayMinutes: number;
};

export type PublicRound = {
	id: number;
	slug: string;
	name: Text;
	description: Text;
	neighbourhood: NeighbourhoodSummary;
	startsAt: string;
	rrule: string | null;
	partners: string[];
	stops: PublicStop[];
	/** Minutes from the first arrival to the end of the last stop. */
	durationMinutes: number;
	changes: OccurrenceChange[];
	updatedAt: string;
};

function minutesOf(time: string) {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

export function toPublicRound(
	row: Round,
	neighbourhood: Neighbourhood,
	stops: RoundStop[],
	changes: OccurrenceChange[],
	locale: Locale
): PublicRound {
	const ordered = [...stops].sort((a, b) => a.position - b.position);
	const first = ordered[0];
	const last = ordered.at(-1);
	const durationMinutes =
		first && last
			? minutesOf(last.arrivalTime) + last.stayMinutes - minutesOf(first.arrivalTime)
			: 60;
	return {
		id: row.id,
		slug: row.slug,
		name: pickWithLocale(row.name, locale),
		description: pickWithLocale(row.description, locale),
		neighbourhood: toNeighbourhoodSummary(neighbourhood, locale),
		startsAt: first ? `${row.startsAt.slice(0, 10)}T${first.arrivalTime}` : row.startsAt,
		rrule: row.rrule,
		partners: row.partners,
		stops: ordered.map((stop) => ({
			position: stop.position,
			street: stop.street,
			lat: stop.lat,
			lon: stop.lon,
			arrivalTime: stop.arrivalTime,
			stayMinutes: stop.stayMinutes
		})),
		durationMinutes,
		changes,
		updatedAt: row.updatedAt
	};
}

async function selectRounds(locale: Locale, conditions: SQL[]): Promise<PublicRound[]> {
	const rows = await db
		.select({ round: rounds, neighbourhood: neighbourhoods })
		.from(rounds)
		.innerJoin(neighbourhoods, eq(rounds.neighbourhoodId, neighbourhoods.id))
		.where(and(...conditions))
		.orderBy(asc(rounds.slug));
	const ids = rows.map((row) => row.round.id);
	if (ids.length === 0) return [];
	const [stops, changes] = await Promise.all([
		db.select().from(roundStops).where(inArray(roundStops.roundId, ids)),
		db.select().from(occurrenceChanges).where(inArray(occurrenceChanges.roundId, ids))
	]);
	return rows.map((row) =>
		toPublicRound(
			row.round,
			row.neighbourhood,
			stops.filter((stop) => stop.roundId === row.round.id),
			changes.filter((change) => change.roundId === row.round.id),
			locale
		)
	);
}

function roundConditions(viewer: Viewer, neighbourhoodSlug?: string): SQL[] {
	const conditions: SQL[] = [
		// A round's stops are streets where the bus parks in plain sight: only public and
		// members-only rounds exist, and area-only is treated as members-only here.
		inArray(
			rounds.visibility,
			listedVisibilities(viewer).filter((level) => level !== 'area')
		),
		isNull(rounds.archivedAt)
	];
	if (neighbourhoodSlug) conditions.push(eq(neighbourhoods.slug, neighbourhoodSlug));
	return conditions;
}

export async function listPublicRounds(
	locale: Locale,
	filters: { neighbourhoodSlug?: string } = {},
	viewer: Viewer = VISITOR
): Promise<PublicRound[]> {
	return selectRounds(locale, roundConditions(viewer, filters.neighbourhoodSlug));
}

export async function findPublicRound(
	slug: string,
	locale: Locale,
	viewer: Viewer = VISITOR
): Promise<PublicRound | undefined> {
	const [found] = await selectRounds(locale, [eq(rounds.slug, slug), ...roundConditions(viewer)]);
	return found;
}
