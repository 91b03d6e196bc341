import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { gatherings, shiftSignups, type GatheringKind } from '$lib/server/db/schema';
import { pickWithLocale, type Locale } from '$lib/i18n';
import type { Text } from '$lib/server/places/public';
import { addMinutes } from '$lib/server/schedule/time';
import {
	selectChanges,
	selectShiftGatherings,
	SHIFT_WINDOW_DAYS,
	upcomingDates,
	type ShiftScope
} from './shift-dates';

/** One date of a gathering that asks for helpers: numbers, and whether I help. No names. */
export type ShiftDate = {
	/** The occurrence's original date, `YYYY-MM-DD`: what a sign-up is kept under. */
	date: string;
	/** Brussels wall times, `YYYY-MM-DDTHH:mm` (the new time for a moved date). */
	start: string;
	end: string;
	moved: boolean;
	needed: number;
	taken: number;
	mine: boolean;
	full: boolean;
};

export type OpenShift = {
	gatheringId: number;
	slug: string;
	kind: GatheringKind;
	title: Text;
	placeName: Text | null;
	pointName: string | null;
	neighbourhood: Text;
	dates: ShiftDate[];
};

export function shiftKey(gatheringId: number, date: string) {
	return `${gatheringId}:${date}`;
}

/** The earliest sign-up date still worth reading: a moved date keeps its original date as
 * key, and that may lie a while before `now`. */
export function earliestShiftDate(now: string) {
	return addMinutes(now, -(SHIFT_WINDOW_DAYS * 2) * 24 * 60).slice(0, 10);
}

async function countTaken(gatheringIds: number[], now: string) {
	const rows = await db
		.select({ gatheringId: shiftSignups.gatheringId, date: shiftSignups.date, taken: count() })
		.from(shiftSignups)
		.where(
			and(
				inArray(shiftSignups.gatheringId, gatheringIds),
				gte(shiftSignups.date, earliestShiftDate(now))
			)
		)
		.groupBy(shiftSignups.gatheringId, shiftSignups.date);
	return new Map(rows.map((row) => [shiftKey(row.gatheringId, row.date), row.taken]));
}

async function selectMine(accountId: number, now: string, gatheringIds?: number[]) {
	const conditions = [
		eq(shiftSignups.accountId, accountId),
		gte(shiftSignups.date, earliestShiftDate(now))
	];
	if (gatheringIds) conditions.push(inArray(shiftSignups.gatheringId, gatheringIds));
	return db
		.select({ gatheringId: shiftSignups.gatheringId, date: shiftSignups.date })
		.from(shiftSignups)
		.where(and(...conditions));
}

/**
 * The coming dates (within the sign-up window, not cancelled) of every gathering in the scope
 * that asks for helpers, soonest first: how many are needed, how many signed up, and
 * whether this account is one of them.
 */
export async function listOpenShifts(options: {
	accountId: number;
	scope: ShiftScope;
	now: string;
	locale: Locale;
}): Promise<OpenShift[]> {
	const { accountId, scope, now, locale } = options;
	const rows = await selectShiftGatherings(scope);
	if (rows.length === 0) return [];
	const ids = rows.map((row) => row.gathering.id);
	const taken = await countTaken(ids, now);
	const mine = new Set(
		(await selectMine(accountId, now, ids)).map((row) => shiftKey(row.gatheringId, row.date))
	);

	const shifts: OpenShift[] = [];
	for (const { gathering, place, neighbourhood, changes } of rows) {
		const needed = gathering.helpersNeeded ?? 0;
		const dates = upcomingDates(gathering, changes, now)
			.filter((occurrence) => occurrence.status !== 'cancelled')
			.map((occurrence): ShiftDate => {
				const key = shiftKey(gathering.id, occurrence.originalDate);
				const count = taken.get(key) ?? 0;
				return {
					date: occurrence.originalDate,
					start: occurrence.start,
					end: occurrence.end,
					moved: occurrence.status === 'moved',
					needed,
					taken: count,
					mine: mine.has(key),
					full: count >= needed
				};
			});
		if (dates.length === 0) continue;
		shifts.push({
			gatheringId: gathering.id,
			slug: gathering.slug,
			kind: gathering.kind,
			title: pickWithLocale(gathering.title, locale),
			placeName: place ? pickWithLocale(place.name, locale) : null,
			pointName: gathering.pointName,
			neighbourhood: pickWithLocale(neighbourhood.name, locale),
			dates
		});
	}
	return shifts.sort(
		(a, b) => a.dates[0].start.localeCompare(b.dates[0].start) || a.gatheringId - b.gatheringId
	);
}

export type MyShift = {
	gatheringId: number;
	title: Text;
	date: string;
	start: string;
	end: string;
	status: 'scheduled' | 'moved' | 'cancelled';
};

/**
 * The coming dates this account helps at, wherever the gathering is, so a helper can always
 * see and drop their own shifts. A date cancelled since shows as cancelled.
 */
export async function listMyShifts(options: {
	accountId: number;
	now: string;
	locale: Locale;
}): Promise<MyShift[]> {
	const { accountId, now, locale } = options;
	const signups = await selectMine(accountId, now);
	if (signups.length === 0) return [];
	const ids = [...new Set(signups.map((signup) => signup.gatheringId))];
	const rows = await db.select().from(gatherings).where(inArray(gatherings.id, ids));
	const changes = await selectChanges(ids);
	const byId = new Map(rows.map((row) => [row.id, row]));

	const shifts: MyShift[] = [];
	for (const signup of signups) {
		const gathering = byId.get(signup.gatheringId);
		if (!gathering) continue;
		const occurrence = upcomingDates(
			gathering,
			changes.get(gathering.id) ?? [],
			now,
			SHIFT_WINDOW_DAYS * 2
		).find((candidate) => candidate.originalDate === signup.date);
		if (!occurrence) continue;
		shifts.push({
			gatheringId: gathering.id,
			title: pickWithLocale(gathering.title, locale),
			date: signup.date,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status
		});
	}
	return shifts.sort((a, b) => a.start.localeCompare(b.start));
}
