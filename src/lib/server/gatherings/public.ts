import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	type Cost,
	type Gathering,
	type GatheringKind,
	type Neighbourhood,
	type OccurrenceChange,
	type Place,
	type Visibility
} from '$lib/server/db/schema';
import { pickWithLocale, type Locale } from '$lib/i18n';
import {
	canSee,
	combineVisibility,
	listedVisibilities,
	showsExactLocation,
	VISITOR,
	type Viewer
} from '$lib/server/visibility';
import {
	toNeighbourhoodSummary,
	type NeighbourhoodSummary
} from '$lib/server/neighbourhoods/queries';
import type { PublicLocation, Text } from '$lib/server/places/public';

export type PublicGathering = {
	id: number;
	slug: string;
	kind: GatheringKind;
	title: Text;
	description: Text;
	/** The place it is held at, when the viewer may see that place. */
	place: { slug: string; name: Text } | null;
	pointName: string | null;
	neighbourhood: NeighbourhoodSummary;
	visibility: Visibility;
	location: PublicLocation;
	startsAt: string;
	durationMinutes: number;
	rrule: string | null;
	host: string;
	walkIn: boolean;
	cost: Cost;
	languages: string[];
	wheelchair: boolean | null;
	changes: OccurrenceChange[];
	updatedAt: string;
};

export type GatheringFilters = {
	kinds?: GatheringKind[];
	neighbourhoodSlug?: string;
	placeId?: number;
	walkIn?: boolean;
	freeOrPayWhatYouCan?: boolean;
	wheelchair?: boolean;
	quietSpace?: boolean;
	childrenWelcome?: boolean;
	language?: string;
};

const hood = alias(neighbourhoods, 'gathering_neighbourhood');

export function toPublicGathering(
	row: Gathering,
	place: Place | null,
	neighbourhood: Neighbourhood,
	changes: OccurrenceChange[],
	locale: Locale,
	viewer: Viewer = VISITOR
): PublicGathering {
	const visibility = combineVisibility(row.visibility, place?.visibility);
	const exact = showsExactLocation(viewer, visibility);
	const point =
		place && place.lat !== null && place.lon !== null
			? { address: place.address, lat: place.lat, lon: place.lon }
			: row.lat !== null && row.lon !== null
				? { address: null, lat: row.lat, lon: row.lon }
				: null;
	return {
		id: row.id,
		slug: row.slug,
		kind: row.kind,
		title: pickWithLocale(row.title, locale),
		description: pickWithLocale(row.description, locale),
		place:
			place && canSee(viewer, place.visibility)
				? { slug: place.slug, name: pickWithLocale(place.name, locale) }
				: null,
		pointName: exact ? row.pointName : null,
		neighbourhood: toNeighbourhoodSummary(neighbourhood, locale),
		visibility,
		location: exact && point ? { exact: true, ...point } : { exact: false },
		startsAt: row.startsAt,
		durationMinutes: row.durationMinutes,
		rrule: row.rrule,
		host: row.host,
		walkIn: row.walkIn,
		cost: row.cost,
		languages: row.languages,
		wheelchair: place ? place.wheelchair : null,
		changes,
		updatedAt: row.updatedAt
	};
}

function gatheringConditions(viewer: Viewer, filters: GatheringFilters): SQL[] {
	const visible = listedVisibilities(viewer);
	const conditions: SQL[] = [
		inArray(gatherings.visibility, visible),
		isNull(gatherings.archivedAt),
		// A gathering at a place the viewer may not see, or at an archived place, is not listed.
		or(
			isNull(gatherings.placeId),
			and(inArray(places.visibility, visible), isNull(places.archivedAt))
		) as SQL
	];
	if (filters.kinds?.length) conditions.push(inArray(gatherings.kind, filters.kinds));
	if (filters.neighbourhoodSlug) conditions.push(eq(hood.slug, filters.neighbourhoodSlug));
	if (filters.placeId !== undefined) conditions.push(eq(gatherings.placeId, filters.placeId));
	if (filters.walkIn) conditions.push(eq(gatherings.walkIn, true));
	if (filters.freeOrPayWhatYouCan)
		conditions.push(inArray(gatherings.cost, ['free', 'pay-what-you-can']));
	if (filters.wheelchair) conditions.push(eq(places.wheelchair, true));
	if (filters.quietSpace) conditions.push(eq(places.quietSpace, true));
	if (filters.childrenWelcome) conditions.push(eq(places.childrenWelcome, true));
	if (filters.language)
		conditions.push(
			sql`exists (select 1 from json_each(${gatherings.languages}) where json_each.value = ${filters.language})`
		);
	return conditions;
}

async function changesByGathering(ids: number[]) {
	const byId = new Map<number, OccurrenceChange[]>();
	if (ids.length === 0) return byId;
	const rows = await db
		.select()
		.from(occurrenceChanges)
		.where(inArray(occurrenceChanges.gatheringId, ids));
	for (const row of rows) {
		const list = byId.get(row.gatheringId as number) ?? [];
		list.push(row);
		byId.set(row.gatheringId as number, list);
	}
	return byId;
}

async function selectGatherings(
	locale: Locale,
	viewer: Viewer,
	conditions: SQL[],
	limit?: number
): Promise<PublicGathering[]> {
	const query = db
		.select({ gathering: gatherings, place: places, neighbourhood: hood })
		.from(gatherings)
		.innerJoin(hood, eq(gatherings.neighbourhoodId, hood.id))
		.leftJoin(places, eq(gatherings.placeId, places.id))
		.where(and(...conditions))
		.orderBy(asc(gatherings.slug));
	const rows = limit === undefined ? await query : await query.limit(limit);
	const changes = await changesByGathering(rows.map((row) => row.gathering.id));
	return rows.map((row) =>
		toPublicGathering(
			row.gathering,
			row.place,
			row.neighbourhood,
			changes.get(row.gathering.id) ?? [],
			locale,
			viewer
		)
	);
}

export async function listPublicGatherings(
	locale: Locale,
	filters: GatheringFilters = {},
	viewer: Viewer = VISITOR
): Promise<PublicGathering[]> {
	return selectGatherings(locale, viewer, gatheringConditions(viewer, filters));
}

export async function findPublicGathering(
	slug: string,
	locale: Locale,
	viewer: Viewer = VISITOR
): Promise<PublicGathering | undefined> {
	const [found] = await selectGatherings(
		locale,
		viewer,
		[eq(gatherings.slug, slug), ...gatheringConditions(viewer, {})],
		1
	);
	return found;
}
