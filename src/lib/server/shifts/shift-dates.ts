import { and, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	type Gathering,
	type Neighbourhood,
	type OccurrenceChange,
	type Place
} from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { listOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { addMinutes } from '$lib/server/schedule/time';
import { listedVisibilities } from '$lib/server/visibility';

/** How far ahead helpers can sign up. */
export const SHIFT_WINDOW_DAYS = 28;

/** Whose gatherings an account sees on the shifts page. */
export type ShiftScope = { kind: 'all' } | { kind: 'neighbourhoods'; ids: number[] };

/**
 * Volunteers and neighbourhood workers see the gatherings of their own neighbourhoods;
 * coordinators, who plan across the city, see every neighbourhood.
 */
export function shiftScopeOf(account: Pick<SignedInAccount, 'role' | 'neighbourhoodIds'>) {
	return account.role === 'coordinator'
		? ({ kind: 'all' } as const)
		: ({ kind: 'neighbourhoods', ids: account.neighbourhoodIds } as const);
}

export type ShiftGatheringRow = {
	gathering: Gathering;
	place: Place | null;
	neighbourhood: Neighbourhood;
	changes: OccurrenceChange[];
};

// Members see members-only gatherings too; hidden ones are drafts and ask nobody for help.
const MEMBER_VISIBLE = listedVisibilities({ kind: 'member' });
const hood = alias(neighbourhoods, 'shift_neighbourhood');

/**
 * Gatherings that ask for helpers, in the scope, with their cancelled and moved dates.
 * `anyGathering` finds one by id whatever it asks now, so a helper can always drop a shift.
 */
export async function selectShiftGatherings(
	scope: ShiftScope,
	{ gatheringId, anyGathering = false }: { gatheringId?: number; anyGathering?: boolean } = {}
): Promise<ShiftGatheringRow[]> {
	if (scope.kind === 'neighbourhoods' && scope.ids.length === 0) return [];
	const conditions: SQL[] = anyGathering
		? []
		: [
				gt(gatherings.helpersNeeded, 0),
				isNull(gatherings.archivedAt),
				inArray(gatherings.visibility, MEMBER_VISIBLE),
				or(
					isNull(gatherings.placeId),
					and(inArray(places.visibility, MEMBER_VISIBLE), isNull(places.archivedAt))
				) as SQL
			];
	if (scope.kind === 'neighbourhoods')
		conditions.push(inArray(gatherings.neighbourhoodId, scope.ids));
	if (gatheringId !== undefined) conditions.push(eq(gatherings.id, gatheringId));
	const rows = await db
		.select({ gathering: gatherings, place: places, neighbourhood: hood })
		.from(gatherings)
		.innerJoin(hood, eq(gatherings.neighbourhoodId, hood.id))
		.leftJoin(places, eq(gatherings.placeId, places.id))
		.where(and(...conditions));
	const changes = await selectChanges(rows.map((row) => row.gathering.id));
	return rows.map((row) => ({ ...row, changes: changes.get(row.gathering.id) ?? [] }));
}

export async function selectChanges(gatheringIds: number[]) {
	const byId = new Map<number, OccurrenceChange[]>();
	if (gatheringIds.length === 0) return byId;
	const rows = await db
		.select()
		.from(occurrenceChanges)
		.where(inArray(occurrenceChanges.gatheringId, gatheringIds));
	for (const row of rows) {
		const id = row.gatheringId as number;
		byId.set(id, [...(byId.get(id) ?? []), row]);
	}
	return byId;
}

/**
 * The dates of a gathering that start after `now` and within the sign-up window, cancelled
 * ones included (marked) so a helper can still see and drop them.
 */
export function upcomingDates(
	gathering: Pick<Gathering, 'startsAt' | 'rrule' | 'durationMinutes'>,
	changes: OccurrenceChange[],
	now: string,
	days = SHIFT_WINDOW_DAYS
): Occurrence[] {
	const to = addMinutes(now, days * 24 * 60);
	return listOccurrences(gathering, changes, { from: now, to }, 200).filter(
		(occurrence) => occurrence.start > now
	);
}

export type ShiftDateCheck =
	| { ok: true; row: ShiftGatheringRow; occurrence: Occurrence }
	| { ok: false; reason: 'unknown-gathering' | 'not-a-date' };

/**
 * Whether `date` is a real, upcoming date of a gathering that asks for helpers in the scope.
 * A date in the past, outside the window or not given by the rhythm is no date to help at.
 */
export async function checkShiftDate(
	scope: ShiftScope,
	gatheringId: number,
	date: string,
	now: string,
	{ forDropping = false } = {}
): Promise<ShiftDateCheck> {
	const [row] = await selectShiftGatherings(scope, { gatheringId, anyGathering: forDropping });
	if (!row) return { ok: false, reason: 'unknown-gathering' };
	const occurrence = upcomingDates(row.gathering, row.changes, now).find(
		(candidate) =>
			candidate.originalDate === date && (forDropping || candidate.status !== 'cancelled')
	);
	return occurrence ? { ok: true, row, occurrence } : { ok: false, reason: 'not-a-date' };
}
