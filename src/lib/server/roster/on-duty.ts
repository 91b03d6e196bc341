import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	accounts,
	dutyPatterns,
	dutyShifts,
	type DutyPattern,
	type DutyShift
} from '$lib/server/db/schema';
import { dateToWallTime, wallTimeToDate } from '$lib/server/schedule/time';
import {
	clip,
	clockMinutes,
	datesFrom,
	isoWeekday,
	mergeSpans,
	MINUTES_PER_DAY,
	subtractSpans,
	wallFromMinutes,
	wallMinutes,
	type Span
} from './spans';

export const DUTY_ROLES = ['worker', 'coordinator'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** Someone who can be on duty: a worker or coordinator whose account is not disabled. */
export type DutyPerson = {
	id: number;
	displayName: string;
	role: DutyRole;
	phone: string | null;
};

export type OnDutyWorker = DutyPerson & {
	/** Brussels wall times `YYYY-MM-DDTHH:mm` of the duty that covers the moment asked about. */
	since: string;
	until: string;
};

/** One person on duty for one neighbourhood, in wall-clock minutes (end exclusive). */
export type DutyInterval = Span & { accountId: number; neighbourhoodId: number };

export type ResolvedDuty = {
	people: Map<number, DutyPerson>;
	intervals: DutyInterval[];
	patterns: DutyPattern[];
	shifts: DutyShift[];
};

type DutyFilter = { neighbourhoodIds?: number[]; accountId?: number };

function touchesNeighbourhoods(column: typeof dutyPatterns.neighbourhoodIds, ids: number[]): SQL {
	const list = sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	);
	return sql`exists (select 1 from json_each(${column}) where json_each.value in (${list}))`;
}

async function listDutyPeople(accountId?: number): Promise<Map<number, DutyPerson>> {
	const rows = await db
		.select({
			id: accounts.id,
			displayName: accounts.displayName,
			role: accounts.role,
			phone: accounts.phone
		})
		.from(accounts)
		.where(
			and(
				inArray(accounts.role, [...DUTY_ROLES]),
				isNull(accounts.disabledAt),
				accountId === undefined ? undefined : eq(accounts.id, accountId)
			)
		);
	return new Map(rows.map((row) => [row.id, { ...row, role: row.role as DutyRole }]));
}

/**
 * Who is on duty for which neighbourhood between two wall times: the weekly patterns that are
 * valid on each date, plus extra shifts, minus time off. Time off with no neighbourhoods
 * listed is time off from all of them. Disabled accounts and volunteers are never on duty.
 */
export async function resolveDuty(
	fromWall: string,
	toWall: string,
	filter: DutyFilter = {}
): Promise<ResolvedDuty> {
	const range: Span = { start: wallMinutes(fromWall), end: wallMinutes(toWall) };
	const empty: ResolvedDuty = { people: new Map(), intervals: [], patterns: [], shifts: [] };
	if (range.end <= range.start || filter.neighbourhoodIds?.length === 0) return empty;

	const firstDate = fromWall.slice(0, 10);
	const lastDate = wallFromMinutes(range.end - 1).slice(0, 10);
	const dayCount = Math.round(
		(wallMinutes(`${lastDate}T00:00`) - wallMinutes(`${firstDate}T00:00`)) / MINUTES_PER_DAY + 1
	);

	const people = await listDutyPeople(filter.accountId);
	const patternRows = await db
		.select()
		.from(dutyPatterns)
		.where(
			and(
				lte(dutyPatterns.validFrom, lastDate),
				or(isNull(dutyPatterns.validUntil), gte(dutyPatterns.validUntil, firstDate)),
				filter.accountId === undefined ? undefined : eq(dutyPatterns.accountId, filter.accountId),
				filter.neighbourhoodIds
					? touchesNeighbourhoods(dutyPatterns.neighbourhoodIds, filter.neighbourhoodIds)
					: undefined
			)
		)
		.orderBy(asc(dutyPatterns.id));
	const shiftRows = await db
		.select()
		.from(dutyShifts)
		.where(
			and(
				lt(dutyShifts.startsAt, toWall),
				sql`${dutyShifts.endsAt} > ${fromWall}`,
				filter.accountId === undefined ? undefined : eq(dutyShifts.accountId, filter.accountId)
			)
		)
		.orderBy(asc(dutyShifts.id));

	const patterns = patternRows.filter((row) => people.has(row.accountId));
	const shifts = shiftRows.filter((row) => people.has(row.accountId));
	const wanted = (id: number) => !filter.neighbourhoodIds || filter.neighbourhoodIds.includes(id);

	const onDuty = new Map<string, { accountId: number; neighbourhoodId: number; spans: Span[] }>();
	const addSpan = (accountId: number, neighbourhoodId: number, span: Span | null) => {
		if (!span || !wanted(neighbourhoodId)) return;
		const key = `${accountId}:${neighbourhoodId}`;
		const entry = onDuty.get(key) ?? { accountId, neighbourhoodId, spans: [] };
		entry.spans.push(span);
		onDuty.set(key, entry);
	};

	for (const date of datesFrom(firstDate, dayCount)) {
		const weekday = isoWeekday(date);
		const midnight = wallMinutes(`${date}T00:00`);
		for (const pattern of patterns) {
			if (pattern.weekday !== weekday || pattern.validFrom > date) continue;
			if (pattern.validUntil !== null && pattern.validUntil < date) continue;
			const span = {
				start: midnight + clockMinutes(pattern.startTime),
				end: midnight + clockMinutes(pattern.endTime)
			};
			for (const id of pattern.neighbourhoodIds) addSpan(pattern.accountId, id, clip(span, range));
		}
	}
	const offByAccount = new Map<number, { neighbourhoodIds: number[]; span: Span }[]>();
	for (const shift of shifts) {
		const span = clip(
			{ start: wallMinutes(shift.startsAt), end: wallMinutes(shift.endsAt) },
			range
		);
		if (!span) continue;
		if (shift.kind === 'extra') {
			for (const id of shift.neighbourhoodIds) addSpan(shift.accountId, id, span);
		} else {
			const offs = offByAccount.get(shift.accountId) ?? [];
			offs.push({ neighbourhoodIds: shift.neighbourhoodIds, span });
			offByAccount.set(shift.accountId, offs);
		}
	}

	const intervals: DutyInterval[] = [];
	for (const { accountId, neighbourhoodId, spans } of onDuty.values()) {
		const cuts = (offByAccount.get(accountId) ?? [])
			.filter(
				(off) => off.neighbourhoodIds.length === 0 || off.neighbourhoodIds.includes(neighbourhoodId)
			)
			.map((off) => off.span);
		for (const span of subtractSpans(spans, cuts))
			intervals.push({ accountId, neighbourhoodId, ...span });
	}
	intervals.sort(
		(a, b) =>
			a.start - b.start || a.accountId - b.accountId || a.neighbourhoodId - b.neighbourhoodId
	);
	return { people, intervals, patterns, shifts };
}

/**
 * The workers and coordinators on duty for a neighbourhood at a moment, longest on duty first,
 * then by account id: a stable order, so "the next worker on duty" means the same person to
 * every process that asks.
 */
export async function listOnDuty(neighbourhoodId: number, at: Date): Promise<OnDutyWorker[]> {
	const moment = wallMinutes(dateToWallTime(at));
	// A day either side is enough to say since when and until when someone is on duty.
	const { people, intervals } = await resolveDuty(
		wallFromMinutes(moment - MINUTES_PER_DAY),
		wallFromMinutes(moment + MINUTES_PER_DAY),
		{ neighbourhoodIds: [neighbourhoodId] }
	);
	const covering = new Map<number, DutyInterval>();
	for (const interval of mergeByAccount(intervals)) {
		if (interval.start <= moment && moment < interval.end)
			covering.set(interval.accountId, interval);
	}
	return [...covering.values()]
		.map((interval) => ({
			...people.get(interval.accountId)!,
			since: wallFromMinutes(interval.start),
			until: wallFromMinutes(interval.end)
		}))
		.sort((a, b) => a.since.localeCompare(b.since) || a.id - b.id);
}

function mergeByAccount(intervals: DutyInterval[]): DutyInterval[] {
	const byKey = new Map<string, DutyInterval[]>();
	for (const interval of intervals) {
		const key = `${interval.accountId}:${interval.neighbourhoodId}`;
		byKey.set(key, [...(byKey.get(key) ?? []), interval]);
	}
	return [...byKey.values()].flatMap((group) =>
		mergeSpans(group).map((span) => ({
			accountId: group[0].accountId,
			neighbourhoodId: group[0].neighbourhoodId,
			...span
		}))
	);
}

/** The neighbourhoods this account is on duty for at a moment. */
export async function listDutyNeighbourhoods(accountId: number, at: Date): Promise<number[]> {
	const moment = wallMinutes(dateToWallTime(at));
	const { intervals } = await resolveDuty(wallFromMinutes(moment), wallFromMinutes(moment + 1), {
		accountId
	});
	return [...new Set(intervals.map((interval) => interval.neighbourhoodId))].sort((a, b) => a - b);
}

/**
 * When the first of the people not yet reached comes on duty for a neighbourhood, after `after`
 * and no later than `until`; null when nobody does. Lets a waiting backup call be checked the
 * minute a shift starts instead of a few minutes later.
 */
export async function findNextDutyStart(
	neighbourhoodId: number,
	after: Date,
	until: Date,
	exceptAccountIds: readonly number[] = []
): Promise<Date | null> {
	const from = wallMinutes(dateToWallTime(after));
	const to = wallMinutes(dateToWallTime(until));
	if (to <= from) return null;
	const { intervals } = await resolveDuty(wallFromMinutes(from), wallFromMinutes(to + 1), {
		neighbourhoodIds: [neighbourhoodId]
	});
	const start = intervals
		.filter((interval) => interval.start > from && !exceptAccountIds.includes(interval.accountId))
		.map((interval) => interval.start)
		.sort((a, b) => a - b)[0];
	return start === undefined ? null : wallTimeToDate(wallFromMinutes(start));
}

/** Coordinators whose account is not disabled, by name. */
export async function listCoordinators(): Promise<DutyPerson[]> {
	const rows = await db
		.select({
			id: accounts.id,
			displayName: accounts.displayName,
			phone: accounts.phone
		})
		.from(accounts)
		.where(and(eq(accounts.role, 'coordinator'), isNull(accounts.disabledAt)))
		.orderBy(asc(accounts.displayName), asc(accounts.id));
	return rows.map((row) => ({ ...row, role: 'coordinator' as const }));
}
