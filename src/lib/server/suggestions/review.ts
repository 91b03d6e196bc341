import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	gatherings,
	places,
	rounds,
	suggestions,
	type Suggestion,
	type Visibility
} from '$lib/server/db/schema';
import { pickWithLocale, type Locale } from '$lib/i18n';
import type { Text } from '$lib/server/places/public';
import { currentTime } from '$lib/server/clock';
import { dateToWallTime } from '$lib/server/schedule/time';

export const REVIEW_STATUSES = ['new', 'accepted', 'declined'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** History lists stop here; the queue of new suggestions is always shown in full. */
const HISTORY_LIMIT = 100;

export type SuggestionItem = {
	kind: 'place' | 'gathering' | 'round';
	id: number;
	slug: string;
	name: Text;
	/** False when the item is hidden or archived: there is no page to link to. */
	hasPage: boolean;
};

/** One suggestion as the review queue shows it. It holds nothing about who sent it. */
export type ReviewedSuggestion = {
	id: number;
	type: Suggestion['type'];
	changeType: Suggestion['changeType'];
	item: SuggestionItem | null;
	name: string | null;
	whereText: string | null;
	whenText: string | null;
	/** The resident's own words: always shown as plain text. */
	details: string;
	/** The language the resident wrote in. */
	locale: string;
	status: ReviewStatus;
	/** Brussels wall time, `YYYY-MM-DDTHH:mm`. */
	createdAt: string;
	reviewedAt: string | null;
};

function toWallTime(instant: string | null): string | null {
	if (!instant) return null;
	const date = new Date(instant);
	return Number.isNaN(date.getTime()) ? null : dateToWallTime(date);
}

function hasPage(row: { visibility: Visibility; archivedAt: string | null }) {
	return row.visibility !== 'hidden' && row.archivedAt === null;
}

function itemOf(
	row: {
		place: typeof places.$inferSelect | null;
		gathering: typeof gatherings.$inferSelect | null;
		round: typeof rounds.$inferSelect | null;
	},
	locale: Locale
): SuggestionItem | null {
	if (row.place) {
		const { id, slug, name } = row.place;
		return {
			kind: 'place',
			id,
			slug,
			name: pickWithLocale(name, locale),
			hasPage: hasPage(row.place)
		};
	}
	if (row.gathering) {
		const { id, slug, title } = row.gathering;
		return {
			kind: 'gathering',
			id,
			slug,
			name: pickWithLocale(title, locale),
			hasPage: hasPage(row.gathering)
		};
	}
	if (row.round) {
		const { id, slug, name } = row.round;
		return {
			kind: 'round',
			id,
			slug,
			name: pickWithLocale(name, locale),
			hasPage: hasPage(row.round)
		};
	}
	return null;
}

/**
 * The suggestions with this status. New ones come oldest first, so nothing waits forever;
 * accepted and declined ones come most recently handled first.
 */
export async function listSuggestions(
	status: ReviewStatus,
	locale: Locale
): Promise<ReviewedSuggestion[]> {
	const query = db
		.select({ suggestion: suggestions, place: places, gathering: gatherings, round: rounds })
		.from(suggestions)
		.leftJoin(places, eq(suggestions.placeId, places.id))
		.leftJoin(gatherings, eq(suggestions.gatheringId, gatherings.id))
		.leftJoin(rounds, eq(suggestions.roundId, rounds.id))
		.where(eq(suggestions.status, status));
	const rows =
		status === 'new'
			? await query.orderBy(asc(suggestions.createdAt), asc(suggestions.id))
			: await query
					.orderBy(desc(suggestions.reviewedAt), desc(suggestions.id))
					.limit(HISTORY_LIMIT);
	return rows.map(({ suggestion, ...joined }) => ({
		id: suggestion.id,
		type: suggestion.type,
		changeType: suggestion.changeType,
		item: itemOf(joined, locale),
		name: suggestion.name,
		whereText: suggestion.whereText,
		whenText: suggestion.whenText,
		details: suggestion.details,
		locale: suggestion.locale,
		status: suggestion.status,
		createdAt: toWallTime(suggestion.createdAt) ?? suggestion.createdAt,
		reviewedAt: toWallTime(suggestion.reviewedAt)
	}));
}

/** How many suggestions have each status: numbers only. */
export async function countSuggestionsByStatus(): Promise<Record<ReviewStatus, number>> {
	const rows = await db
		.select({ status: suggestions.status, total: count() })
		.from(suggestions)
		.groupBy(suggestions.status);
	const counts: Record<ReviewStatus, number> = { new: 0, accepted: 0, declined: 0 };
	for (const row of rows) counts[row.status] = row.total;
	return counts;
}

export async function findSuggestion(id: number): Promise<Suggestion | undefined> {
	const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id)).limit(1);
	return row;
}

// Same shape as the column default, so old and new rows sort together.
function reviewTime() {
	return currentTime().toISOString().slice(0, 19) + 'Z';
}

export type ReviewResult =
	| { outcome: 'done'; suggestion: Suggestion }
	| { outcome: 'already'; suggestion: Suggestion }
	| { outcome: 'handled-otherwise'; suggestion: Suggestion }
	| { outcome: 'not-found' };

/**
 * Moves a new suggestion to accepted or declined. Only a new one moves: when two workers
 * act at once, the second one hears that it was already handled instead of overwriting it.
 */
async function review(
	id: number,
	status: 'accepted' | 'declined',
	reviewerId: number
): Promise<ReviewResult> {
	const [updated] = await db
		.update(suggestions)
		.set({ status, reviewedBy: reviewerId, reviewedAt: reviewTime() })
		.where(and(eq(suggestions.id, id), eq(suggestions.status, 'new')))
		.returning();
	if (updated) return { outcome: 'done', suggestion: updated };
	const existing = await findSuggestion(id);
	if (!existing) return { outcome: 'not-found' };
	return existing.status === status
		? { outcome: 'already', suggestion: existing }
		: { outcome: 'handled-otherwise', suggestion: existing };
}

export function acceptSuggestion(id: number, reviewerId: number) {
	return review(id, 'accepted', reviewerId);
}

export function declineSuggestion(id: number, reviewerId: number) {
	return review(id, 'declined', reviewerId);
}

/** Puts an accepted or declined suggestion back in the queue, as if nobody had looked yet. */
export async function reopenSuggestion(id: number): Promise<ReviewResult> {
	const [updated] = await db
		.update(suggestions)
		.set({ status: 'new', reviewedBy: null, reviewedAt: null })
		.where(and(eq(suggestions.id, id), ne(suggestions.status, 'new')))
		.returning();
	if (updated) return { outcome: 'done', suggestion: updated };
	const existing = await findSuggestion(id);
	return existing ? { outcome: 'already', suggestion: existing } : { outcome: 'not-found' };
}

export type ItemRef = { kind: SuggestionItem['kind']; id: number };

/** The item a stored suggestion is about, if any. */
export function itemRefOf(
	suggestion: Pick<Suggestion, 'placeId' | 'gatheringId' | 'roundId'>
): ItemRef | null {
	if (suggestion.placeId !== null) return { kind: 'place', id: suggestion.placeId };
	if (suggestion.gatheringId !== null) return { kind: 'gathering', id: suggestion.gatheringId };
	if (suggestion.roundId !== null) return { kind: 'round', id: suggestion.roundId };
	return null;
}

const EDITORS = { place: 'places', gathering: 'gatherings', round: 'rounds' } as const;

/** The team editor of a place, gathering or round. */
export function itemEditorPath(item: ItemRef, locale: Locale): string {
	return `/${locale}/team/${EDITORS[item.kind]}/${item.id}`;
}

/**
 * Where a worker continues after accepting: an editor that starts from the suggestion for
 * something new, the item's own editor for a change, or nowhere when a change names no item.
 */
export function editorPathFor(
	suggestion: { id: number; type: Suggestion['type']; item: ItemRef | null },
	locale: Locale
): string | null {
	switch (suggestion.type) {
		case 'new-place':
			return `/${locale}/team/places/new?suggestion=${suggestion.id}`;
		case 'new-gathering':
			return `/${locale}/team/gatherings/new?suggestion=${suggestion.id}`;
		case 'change':
			return suggestion.item ? itemEditorPath(suggestion.item, locale) : null;
	}
}
