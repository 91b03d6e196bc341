import { and, asc, eq, inArray, isNull, like, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	roundStops,
	rounds,
	type Cost,
	type Gathering,
	type GatheringKind,
	type OccurrenceChange,
	type Visibility
} from '$lib/server/db/schema';
import { LOCALES, pick, type Locale, type Localized } from '$lib/i18n';
import { toPublicRound } from '$lib/server/rounds/public';
import {
	nextOccurrences,
	type Occurrence,
	type RecurringItem
} from '$lib/server/schedule/recurrence';
import { isRealOccurrence } from '$lib/server/schedule/rrule-builder';
import { isWallTime } from '$lib/server/schedule/time';

/** What a worker sets for a gathering; the slug and timestamps are the app's business. */
export type GatheringInput = {
	kind: GatheringKind;
	title: Localized;
	description: Localized;
	placeId: number | null;
	lat: number | null;
	lon: number | null;
	pointName: string | null;
	neighbourhoodId: number;
	startsAt: string;
	durationMinutes: number;
	rrule: string | null;
	host: string;
	walkIn: boolean;
	cost: Cost;
	languages: string[];
	visibility: Visibility;
	helpersNeeded: number | null;
};

export type TeamGatheringSummary = {
	id: number;
	slug: string;
	kind: GatheringKind;
	title: string;
	visibility: Visibility;
	neighbourhood: string;
	where: string | null;
	startsAt: string;
	rrule: string | null;
	helpersNeeded: number | null;
	missingLanguages: Locale[];
	nextStart: string | null;
	archived: boolean;
};

export type PlaceChoice = { id: number; name: string; neighbourhoodId: number; archived: boolean };

const now = () => new Date().toISOString().slice(0, 19) + 'Z';

/** The languages in which at least one of these texts has not been written yet. */
export function missingLanguages(...texts: Localized[]): Locale[] {
	return LOCALES.filter((locale) => texts.some((text) => !text[locale]?.trim()));
}

/** `Café de la Gare!` → `cafe-de-la-gare`. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

/** A slug from the Dutch title (or the first one written) that no row of the table has yet. */
export async function createSlug(
	title: Localized,
	table: typeof gatherings | typeof rounds,
	fallback: string
): Promise<string> {
	const source = [title.nl, title.fr, title.en].find((text) => text?.trim()) ?? '';
	const base = slugify(source) || fallback;
	const taken = new Set(
		(
			await db
				.select({ slug: table.slug })
				.from(table)
				.where(or(eq(table.slug, base), like(table.slug, `${base}-%`)))
		).map((row) => row.slug)
	);
	if (!taken.has(base)) return base;
	let number = 2;
	while (taken.has(`${base}-${number}`)) number += 1;
	return `${base}-${number}`;
}

export async function listPlaceChoices(locale: Locale, keepId?: number | null) {
	const rows = await db
		.select({
			id: places.id,
			name: places.name,
			neighbourhoodId: places.neighbourhoodId,
			archivedAt: places.archivedAt
		})
		.from(places)
		.where(
			keepId ? or(isNull(places.archivedAt), eq(places.id, keepId)) : isNull(places.archivedAt)
		);
	return rows
		.map((row): PlaceChoice => ({
			id: row.id,
			name: pick(row.name, locale),
			neighbourhoodId: row.neighbourhoodId,
			archived: row.archivedAt !== null
		}))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}

export async function findPlaceForGathering(id: number) {
	const [row] = await db
		.select({
			id: places.id,
			neighbourhoodId: places.neighbourhoodId,
			archivedAt: places.archivedAt
		})
		.from(places)
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

export async function listTeamGatherings(
	locale: Locale,
	nowWall: string
): Promise<TeamGatheringSummary[]> {
	const rows = await db
		.select({ gathering: gatherings, place: places, neighbourhood: neighbourhoods })
		.from(gatherings)
		.innerJoin(neighbourhoods, eq(gatherings.neighbourhoodId, neighbourhoods.id))
		.leftJoin(places, eq(gatherings.placeId, places.id))
		.orderBy(asc(gatherings.slug));
	const changes = await changesOf(rows.map((row) => row.gathering.id));
	return rows
		.map(({ gathering, place, neighbourhood }) => {
			const [next] = nextOccurrences(
				gathering,
				changes.filter((change) => change.gatheringId === gathering.id),
				nowWall,
				5
			).filter((occurrence) => occurrence.status !== 'cancelled');
			return {
				id: gathering.id,
				slug: gathering.slug,
				kind: gathering.kind,
				title: pick(gathering.title, locale),
				visibility: gathering.visibility,
				neighbourhood: pick(neighbourhood.name, locale),
				where: place ? pick(place.name, locale) : gathering.pointName,
				startsAt: gathering.startsAt,
				rrule: gathering.rrule,
				helpersNeeded: gathering.helpersNeeded,
				missingLanguages: missingLanguages(gathering.title, gathering.description),
				nextStart: next?.start ?? null,
				archived: gathering.archivedAt !== null
			};
		})
		.sort((a, b) => a.title.localeCompare(b.title, locale));
}

async function changesOf(gatheringIds: number[]) {
	if (gatheringIds.length === 0) return [];
	return db
		.select()
		.from(occurrenceChanges)
		.where(inArray(occurrenceChanges.gatheringId, gatheringIds));
}

export async function findGathering(id: number): Promise<Gathering | undefined> {
	const [row] = await db.select().from(gatherings).where(eq(gatherings.id, id)).limit(1);
	return row;
}

export async function createGathering(
	input: GatheringInput
): Promise<{ id: number; slug: string }> {
	const slug = await createSlug(input.title, gatherings, 'gathering');
	const [row] = await db
		.insert(gatherings)
		.values({ ...input, slug })
		.returning({ id: gatherings.id, slug: gatherings.slug });
	return row;
}

/** The slug stays as it was: links people shared keep working after a title changes. */
export async function updateGathering(id: number, input: GatheringInput): Promise<void> {
	await db
		.update(gatherings)
		.set({ ...input, updatedAt: now() })
		.where(eq(gatherings.id, id));
}

export async function archiveGathering(id: number): Promise<void> {
	await db
		.update(gatherings)
		.set({ archivedAt: now(), updatedAt: now() })
		.where(eq(gatherings.id, id));
}

export async function unarchiveGathering(id: number): Promise<void> {
	await db
		.update(gatherings)
		.set({ archivedAt: null, updatedAt: now() })
		.where(eq(gatherings.id, id));
}

// One date at a time, for a gathering or a coffee-bus round alike.

export type OccurrenceTarget = { gatheringId: number } | { roundId: number };

export type UpcomingDate = Occurrence & { changeId: number | null; movedTo: string | null };

function targetCondition(target: OccurrenceTarget) {
	return 'gatheringId' in target
		? eq(occurrenceChanges.gatheringId, target.gatheringId)
		: eq(occurrenceChanges.roundId, target.roundId);
}

/** The schedule exactly as the public pages expand it, and its changes. */
async function loadSchedule(
	target: OccurrenceTarget
): Promise<{ item: RecurringItem; changes: OccurrenceChange[] } | undefined> {
	const changes = await db.select().from(occurrenceChanges).where(targetCondition(target));
	if ('gatheringId' in target) {
		const row = await findGathering(target.gatheringId);
		return row ? { item: row, changes } : undefined;
	}
	const [row] = await db
		.select({ round: rounds, neighbourhood: neighbourhoods })
		.from(rounds)
		.innerJoin(neighbourhoods, eq(rounds.neighbourhoodId, neighbourhoods.id))
		.where(eq(rounds.id, target.roundId))
		.limit(1);
	if (!row) return undefined;
	const stops = await db.select().from(roundStops).where(eq(roundStops.roundId, target.roundId));
	// The public round starts at its first stop; its dates are expanded from there.
	const round = toPublicRound(row.round, row.neighbourhood, stops, changes, 'nl');
	return { item: round, changes };
}

export async function listUpcomingDates(
	target: OccurrenceTarget,
	nowWall: string,
	count = 10
): Promise<UpcomingDate[]> {
	const schedule = await loadSchedule(target);
	if (!schedule) return [];
	const byDate = new Map(schedule.changes.map((change) => [change.originalDate, change]));
	return nextOccurrences(schedule.item, schedule.changes, nowWall, count).map((occurrence) => {
		const change = byDate.get(occurrence.originalDate);
		return { ...occurrence, changeId: change?.id ?? null, movedTo: change?.movedTo ?? null };
	});
}

export type ChangeResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-a-date' };

type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** A changed date changes its gathering or round: calendars and news feeds see it as new. */
function touchTarget(tx: Transaction, target: OccurrenceTarget) {
	return 'gatheringId' in target
		? tx.update(gatherings).set({ updatedAt: now() }).where(eq(gatherings.id, target.gatheringId))
		: tx.update(rounds).set({ updatedAt: now() }).where(eq(rounds.id, target.roundId));
}

async function replaceChange(
	target: OccurrenceTarget,
	originalDate: string,
	change: Pick<OccurrenceChange, 'status' | 'movedTo' | 'note'>
): Promise<ChangeResult> {
	const schedule = await loadSchedule(target);
	if (!schedule) return { ok: false, reason: 'not-found' };
	if (!isRealOccurrence(schedule.item, originalDate)) return { ok: false, reason: 'not-a-date' };
	// One change per date: a new one replaces the old, so "move" after "cancel" simply moves.
	// better-sqlite3 refuses an async transaction callback, hence run() inside.
	db.transaction((tx) => {
		tx.delete(occurrenceChanges)
			.where(and(targetCondition(target), eq(occurrenceChanges.originalDate, originalDate)))
			.run();
		tx.insert(occurrenceChanges)
			.values({ ...target, originalDate, ...change })
			.run();
		touchTarget(tx, target).run();
	});
	return { ok: true };
}

function cleanNote(note: Localized | null): Localized | null {
	if (!note) return null;
	const kept = Object.fromEntries(
		Object.entries(note).filter(([, text]) => typeof text === 'string' && text.trim())
	) as Localized;
	return Object.keys(kept).length ? kept : null;
}

export async function cancelOccurrence(
	target: OccurrenceTarget,
	originalDate: string,
	note: Localized | null
): Promise<ChangeResult> {
	return replaceChange(target, originalDate, {
		status: 'cancelled',
		movedTo: null,
		note: cleanNote(note)
	});
}

export async function moveOccurrence(
	target: OccurrenceTarget,
	originalDate: string,
	movedTo: string,
	note: Localized | null
): Promise<ChangeResult> {
	if (!isWallTime(movedTo)) throw new Error(`Not a wall time: ${movedTo}`);
	return replaceChange(target, originalDate, { status: 'moved', movedTo, note: cleanNote(note) });
}

/** Back to the date as the rhythm gives it. False when there was no such change. */
export async function undoOccurrenceChange(
	target: OccurrenceTarget,
	changeId: number
): Promise<boolean> {
	return db.transaction((tx) => {
		const removed = tx
			.delete(occurrenceChanges)
			.where(and(targetCondition(target), eq(occurrenceChanges.id, changeId)))
			.returning({ id: occurrenceChanges.id })
			.all();
		if (removed.length > 0) touchTarget(tx, target).run();
		return removed.length > 0;
	});
}
