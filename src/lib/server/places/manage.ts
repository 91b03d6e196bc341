import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	neighbourhoods,
	places,
	suggestions,
	type Cost,
	type Neighbourhood,
	type Place,
	type PlaceKind,
	type Suggestion,
	type Visibility
} from '$lib/server/db/schema';
import { LOCALES, pick, pickWithLocale, type Locale, type Localized } from '$lib/i18n';
import { currentTime } from '$lib/server/clock';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { Text } from '$lib/server/places/public';
import { createUniquePlaceSlug } from './slug';

/** A place is due for a check when nobody looked at it for longer than this. */
export const STALE_AFTER_DAYS = 90;

/** Everything a worker fills in about a place; what the form gives after validation. */
export type PlaceDraft = {
	kind: PlaceKind;
	name: Localized;
	whatToExpect: Localized;
	greeter: Localized | null;
	howToGetThere: Localized | null;
	neighbourhoodId: number;
	address: string | null;
	lat: number;
	lon: number;
	visibility: Visibility;
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
};

export const TRANSLATED_FIELDS = ['name', 'whatToExpect', 'greeter', 'howToGetThere'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];
export type MissingTranslation = { field: TranslatedField; locales: Locale[] };

export type TeamPlace = {
	id: number;
	slug: string;
	name: Text;
	kind: PlaceKind;
	neighbourhood: string;
	visibility: Visibility;
	lastCheckedOn: string | null;
	lastCheckedBy: string | null;
	/** Whole days since the last check, or null when it was never checked. */
	checkedDaysAgo: number | null;
	stale: boolean;
	missingTranslations: MissingTranslation[];
	archivedAt: string | null;
};

export type PlaceForEditing = { place: Place; neighbourhood: Neighbourhood };

/** Today's date in Brussels, `YYYY-MM-DD`. */
export function todayInBrussels(now: Date = currentTime()): string {
	return dateToWallTime(now).slice(0, 10);
}

// The same shape as the column default, so every updatedAt reads alike.
function timestamp(now: Date = currentTime()): string {
	return `${now.toISOString().slice(0, 19)}Z`;
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00Z`) - Date.parse(`${from}T00:00Z`)) / 86_400_000);
}

/**
 * The languages a text still lacks. A text nobody wrote in any language (an optional greeter,
 * say) lacks nothing: there is nothing to translate yet.
 */
export function missingTranslations(place: Pick<Place, TranslatedField>): MissingTranslation[] {
	return TRANSLATED_FIELDS.flatMap((field) => {
		const text = place[field];
		const filled = LOCALES.filter((locale) => text?.[locale]?.trim());
		if (filled.length === 0 || filled.length === LOCALES.length) return [];
		return [{ field, locales: LOCALES.filter((locale) => !filled.includes(locale)) }];
	});
}

function toTeamPlace(row: Place, neighbourhood: Neighbourhood, locale: Locale, today: string) {
	const checkedDaysAgo = row.lastCheckedOn ? daysBetween(row.lastCheckedOn, today) : null;
	return {
		id: row.id,
		slug: row.slug,
		name: pickWithLocale(row.name, locale),
		kind: row.kind,
		neighbourhood: pick(neighbourhood.name, locale),
		visibility: row.visibility,
		lastCheckedOn: row.lastCheckedOn,
		lastCheckedBy: row.lastCheckedBy,
		checkedDaysAgo,
		stale: checkedDaysAgo === null || checkedDaysAgo > STALE_AFTER_DAYS,
		missingTranslations: missingTranslations(row),
		archivedAt: row.archivedAt
	} satisfies TeamPlace;
}

/** Every place of every visibility, by name; archived places only when asked for. */
export async function listPlacesForTeam(
	locale: Locale,
	options: { archived?: boolean; now?: Date } = {}
): Promise<TeamPlace[]> {
	const today = todayInBrussels(options.now);
	const rows = await db
		.select({ place: places, neighbourhood: neighbourhoods })
		.from(places)
		.innerJoin(neighbourhoods, eq(places.neighbourhoodId, neighbourhoods.id))
		.where(options.archived ? isNotNull(places.archivedAt) : isNull(places.archivedAt));
	return rows
		.map((row) => toTeamPlace(row.place, row.neighbourhood, locale, today))
		.sort((a, b) => a.name.text.localeCompare(b.name.text, locale));
}

/** Places nobody checked for more than 90 days: never-checked ones first, then the oldest. */
export async function listStalePlaces(
	locale: Locale,
	options: { now?: Date } = {}
): Promise<TeamPlace[]> {
	const all = await listPlacesForTeam(locale, options);
	return all
		.filter((place) => place.stale)
		.sort((a, b) => {
			if (a.lastCheckedOn === b.lastCheckedOn) return 0;
			if (a.lastCheckedOn === null) return -1;
			if (b.lastCheckedOn === null) return 1;
			return a.lastCheckedOn.localeCompare(b.lastCheckedOn);
		});
}

/** Places with a text that is missing in one or two languages, by name. */
export async function listPlacesNeedingTranslation(
	locale: Locale,
	options: { now?: Date } = {}
): Promise<TeamPlace[]> {
	const all = await listPlacesForTeam(locale, options);
	return all.filter((place) => place.missingTranslations.length > 0);
}

export async function findPlaceForEditing(id: number): Promise<PlaceForEditing | undefined> {
	const [row] = await db
		.select({ place: places, neighbourhood: neighbourhoods })
		.from(places)
		.innerJoin(neighbourhoods, eq(places.neighbourhoodId, neighbourhoods.id))
		.where(eq(places.id, id))
		.limit(1);
	return row;
}

export async function neighbourhoodExists(id: number): Promise<boolean> {
	const [row] = await db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, id))
		.limit(1);
	return row !== undefined;
}

/** A new place, with a public address (slug) made from its Dutch or first name. */
export async function createPlace(draft: PlaceDraft): Promise<{ id: number; slug: string }> {
	const slug = await createUniquePlaceSlug(draft.name);
	const now = timestamp();
	const [row] = await db
		.insert(places)
		.values({ ...draft, slug, createdAt: now, updatedAt: now })
		.returning({ id: places.id, slug: places.slug });
	return row;
}

export type UpdateResult = 'updated' | 'missing' | 'changed-meanwhile';

/**
 * Saves a worker's changes. With `expectedVersion` (the updatedAt the form was opened with) it
 * refuses to overwrite what a colleague saved in the meantime. The slug stays the same, so
 * links that people already shared keep working after a rename.
 */
export async function updatePlace(
	id: number,
	draft: PlaceDraft,
	expectedVersion?: string
): Promise<UpdateResult> {
	const conditions = [eq(places.id, id)];
	if (expectedVersion !== undefined) conditions.push(eq(places.updatedAt, expectedVersion));
	const updated = await db
		.update(places)
		.set({ ...draft, updatedAt: timestamp() })
		.where(and(...conditions))
		.returning({ id: places.id });
	if (updated.length > 0) return 'updated';
	const [exists] = await db.select({ id: places.id }).from(places).where(eq(places.id, id));
	return exists ? 'changed-meanwhile' : 'missing';
}

/** Someone looked and the information is right: today's Brussels date and their name. */
export async function markPlaceChecked(
	id: number,
	checkedBy: string,
	now: Date = currentTime()
): Promise<boolean> {
	const updated = await db
		.update(places)
		.set({
			lastCheckedOn: todayInBrussels(now),
			lastCheckedBy: checkedBy,
			updatedAt: timestamp(now)
		})
		.where(eq(places.id, id))
		.returning({ id: places.id });
	return updated.length > 0;
}

/** The place disappears from every public page and feed, but stays here to bring back. */
export async function archivePlace(id: number, now: Date = currentTime()): Promise<boolean> {
	const updated = await db
		.update(places)
		.set({ archivedAt: timestamp(now), updatedAt: timestamp(now) })
		.where(and(eq(places.id, id), isNull(places.archivedAt)))
		.returning({ id: places.id });
	return updated.length > 0;
}

export async function unarchivePlace(id: number, now: Date = currentTime()): Promise<boolean> {
	const updated = await db
		.update(places)
		.set({ archivedAt: null, updatedAt: timestamp(now) })
		.where(and(eq(places.id, id), isNotNull(places.archivedAt)))
		.returning({ id: places.id });
	return updated.length > 0;
}

export type SuggestionStart = Pick<Suggestion, 'id' | 'name' | 'whereText' | 'details' | 'locale'>;

/** What a visitor's suggestion gives to start a new place with. */
export async function findSuggestionForPlace(id: number): Promise<SuggestionStart | undefined> {
	const [row] = await db
		.select({
			id: suggestions.id,
			name: suggestions.name,
			whereText: suggestions.whereText,
			details: suggestions.details,
			locale: suggestions.locale
		})
		.from(suggestions)
		.where(eq(suggestions.id, id))
		.limit(1);
	return row;
}
