import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	neighbourhoods,
	places,
	type Cost,
	type Neighbourhood,
	type Place,
	type PlaceKind,
	type Visibility
} from '$lib/server/db/schema';
import { pickWithLocale, type Locale } from '$lib/i18n';
import {
	listedVisibilities,
	showsExactLocation,
	VISITOR,
	type Viewer
} from '$lib/server/visibility';
import {
	toNeighbourhoodSummary,
	type NeighbourhoodSummary
} from '$lib/server/neighbourhoods/queries';

/** A text in the visitor's language, or in the language it falls back to (for `lang=`). */
export type Text = { text: string; locale: Locale };

/** Either the exact spot, or only the neighbourhood: area-only places never carry more. */
export type PublicLocation =
	{ exact: true; address: string | null; lat: number; lon: number } | { exact: false };

export type PublicPlace = {
	id: number;
	slug: string;
	kind: PlaceKind;
	name: Text;
	whatToExpect: Text;
	greeter: Text | null;
	howToGetThere: Text | null;
	neighbourhood: NeighbourhoodSummary;
	visibility: Visibility;
	location: PublicLocation;
	openingHours: string | null;
	walkIn: boolean;
	cost: Cost;
	coffee: boolean;
	maySitWithoutBuying: boolean;
	wheelchair: boolean;
	quietSpace: boolean;
	childrenWelcome: boolean;
	languages: string[];
	phone: string | null;
	email: string | null;
	website: string | null;
	lastCheckedOn: string | null;
	lastCheckedBy: string | null;
	isDemo: boolean;
};

export type PlaceFilters = {
	kinds?: PlaceKind[];
	neighbourhoodSlug?: string;
	walkIn?: boolean;
	freeOrPayWhatYouCan?: boolean;
	wheelchair?: boolean;
	quietSpace?: boolean;
	childrenWelcome?: boolean;
	language?: string;
};

function optionalText(value: Place['greeter'], locale: Locale): Text | null {
	const picked = pickWithLocale(value, locale);
	return picked.text ? picked : null;
}

export function toPublicPlace(
	row: Place,
	neighbourhood: Neighbourhood,
	locale: Locale,
	viewer: Viewer = VISITOR
): PublicPlace {
	const exact = showsExactLocation(viewer, row.visibility) && row.lat !== null && row.lon !== null;
	return {
		id: row.id,
		slug: row.slug,
		kind: row.kind,
		name: pickWithLocale(row.name, locale),
		whatToExpect: pickWithLocale(row.whatToExpect, locale),
		greeter: optionalText(row.greeter, locale),
		howToGetThere: exact ? optionalText(row.howToGetThere, locale) : null,
		neighbourhood: toNeighbourhoodSummary(neighbourhood, locale),
		visibility: row.visibility,
		location: exact
			? { exact: true, address: row.address, lat: row.lat as number, lon: row.lon as number }
			: { exact: false },
		openingHours: row.openingHours,
		walkIn: row.walkIn,
		cost: row.cost,
		coffee: row.coffee,
		maySitWithoutBuying: row.maySitWithoutBuying,
		wheelchair: row.wheelchair,
		quietSpace: row.quietSpace,
		childrenWelcome: row.childrenWelcome,
		languages: row.languages,
		phone: row.phone,
		email: row.email,
		website: row.website,
		lastCheckedOn: row.lastCheckedOn,
		lastCheckedBy: row.lastCheckedBy,
		isDemo: row.isDemo
	};
}

function placeConditions(viewer: Viewer, filters: PlaceFilters): SQL[] {
	const conditions: SQL[] = [
		inArray(places.visibility, listedVisibilities(viewer)),
		isNull(places.archivedAt)
	];
	if (filters.kinds?.length) conditions.push(inArray(places.kind, filters.kinds));
	if (filters.neighbourhoodSlug)
		conditions.push(eq(neighbourhoods.slug, filters.neighbourhoodSlug));
	if (filters.walkIn) conditions.push(eq(places.walkIn, true));
	if (filters.freeOrPayWhatYouCan)
		conditions.push(inArray(places.cost, ['free', 'pay-what-you-can']));
	if (filters.wheelchair) conditions.push(eq(places.wheelchair, true));
	if (filters.quietSpace) conditions.push(eq(places.quietSpace, true));
	if (filters.childrenWelcome) conditions.push(eq(places.childrenWelcome, true));
	if (filters.language)
		conditions.push(
			sql`exists (select 1 from json_each(${places.languages}) where json_each.value = ${filters.language})`
		);
	return conditions;
}

// One collator per language: building one for every comparison is slow with thousands of places.
const nameOrders = new Map<Locale, Intl.Collator>();

function nameOrder(locale: Locale): Intl.Collator {
	let collator = nameOrders.get(locale);
	if (!collator) {
		collator = new Intl.Collator(locale);
		nameOrders.set(locale, collator);
	}
	return collator;
}

/** Every place the viewer may see that matches the column filters, by name. */
export async function listPublicPlaces(
	locale: Locale,
	filters: PlaceFilters = {},
	viewer: Viewer = VISITOR
): Promise<PublicPlace[]> {
	const rows = await db
		.select({ place: places, neighbourhood: neighbourhoods })
		.from(places)
		.innerJoin(neighbourhoods, eq(places.neighbourhoodId, neighbourhoods.id))
		.where(and(...placeConditions(viewer, filters)))
		.orderBy(asc(places.slug));
	const order = nameOrder(locale);
	return rows
		.map((row) => toPublicPlace(row.place, row.neighbourhood, locale, viewer))
		.sort((a, b) => order.compare(a.name.text, b.name.text));
}

export async function findPublicPlace(
	slug: string,
	locale: Locale,
	viewer: Viewer = VISITOR
): Promise<PublicPlace | undefined> {
	const [row] = await db
		.select({ place: places, neighbourhood: neighbourhoods })
		.from(places)
		.innerJoin(neighbourhoods, eq(places.neighbourhoodId, neighbourhoods.id))
		.where(and(eq(places.slug, slug), ...placeConditions(viewer, {})))
		.limit(1);
	return row ? toPublicPlace(row.place, row.neighbourhood, locale, viewer) : undefined;
}
