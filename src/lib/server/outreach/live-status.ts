import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	accounts,
	neighbourhoods,
	occurrenceChanges,
	roundDayStatus,
	roundStops,
	rounds,
	type RoundDayStatus,
	type Visibility
} from '$lib/server/db/schema';
import { currentTime } from '$lib/server/clock';
import type { Localized, Locale } from '$lib/i18n';
import { listPublicRounds, toPublicRound, type PublicRound } from '$lib/server/rounds/public';
import { listOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import { VISITOR, type Viewer } from '$lib/server/visibility';

/*
 * The coffee bus on the day: the team tells from a phone where the bus is, how late it runs
 * and when it stopped; residents see when it reaches their street. One `round_day_status` row
 * per round date holds what the team said; everything else is worked out from the planned
 * stop times, so a day nobody marks simply keeps the planned times.
 */

export type RoundDayPhase = 'not-started' | 'under-way' | 'ended' | 'ended-early' | 'cancelled';
export type LiveStopState = 'coming' | 'here' | 'done' | 'skipped';

export type LiveStop = {
	position: number;
	street: string;
	stayMinutes: number;
	/** Local wall time `YYYY-MM-DDTHH:mm` the plan gives on that date (moved dates included). */
	plannedArrival: string;
	/** The planned arrival plus the delay, for a stop the bus has not reached yet. */
	expectedArrival: string;
	/** When the bus leaves again, as far as anyone knows now. */
	expectedDeparture: string;
	state: LiveStopState;
};

/** One date of a round as residents and the team see it. Holds no names of team members. */
export type RoundDay = {
	/** The date the rhythm gives, `YYYY-MM-DD`: the key of the status row. */
	date: string;
	/** The day it really happens, `YYYY-MM-DD` (a moved date's new day). */
	day: string;
	phase: RoundDayPhase;
	/** False when the team has not marked anything: the planned times stand. */
	reported: boolean;
	/** The stop the bus is at now, or null (not there yet, between stops, or done). */
	currentStop: number | null;
	/** The next stop the bus will reach, or null when none is left. */
	nextStop: number | null;
	delayMinutes: number;
	stops: LiveStop[];
	/** ISO instant of the team's last change, or null. */
	updatedAt: string | null;
	/** Why a cancelled date does not ride, in the words of the team. */
	note: Localized | null;
};

export type StatusRow = Pick<
	RoundDayStatus,
	'state' | 'stopPosition' | 'delayMinutes' | 'endedEarly' | 'updatedAt'
>;

type Stop = Pick<
	PublicRound['stops'][number],
	'position' | 'street' | 'arrivalTime' | 'stayMinutes'
>;

/** The longest delay the team can report: beyond it, the day is better cancelled or moved. */
export const MAX_DELAY_MINUTES = 240;
/** Delays a tap can add on the phone screen. */
export const DELAY_STEPS = [5, 15, 30] as const;
// A day still marked "at a stop" this long after the last stop should have ended is over: the
// team forgot to tap "ended", and residents should not read "the bus is here" all evening.
const FORGOTTEN_AFTER_MINUTES = 60;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(time: string): number {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

function nowWall(now: Date = currentTime()): string {
	return dateToWallTime(now);
}

/**
 * Where the bus is on one date, from the planned stops, the date's (possibly moved) start and
 * what the team said. Pure: the same input always gives the same answer.
 */
export function computeRoundDay(
	stopList: Stop[],
	occurrence: Pick<Occurrence, 'originalDate' | 'start' | 'status' | 'note'>,
	status: StatusRow | null,
	now: string
): RoundDay {
	const ordered = [...stopList].sort((a, b) => a.position - b.position);
	const firstArrival = ordered[0] ? minutesOf(ordered[0].arrivalTime) : 0;
	const planned = ordered.map((stop) =>
		addMinutes(occurrence.start, minutesOf(stop.arrivalTime) - firstArrival)
	);
	const base = {
		date: occurrence.originalDate,
		day: occurrence.start.slice(0, 10),
		reported: status !== null,
		updatedAt: status?.updatedAt ?? null,
		note: occurrence.note
	};

	if (occurrence.status === 'cancelled') {
		return {
			...base,
			phase: 'cancelled',
			reported: false,
			updatedAt: null,
			currentStop: null,
			nextStop: null,
			delayMinutes: 0,
			stops: ordered.map((stop, index) => toLiveStop(stop, planned[index], 0, 'skipped'))
		};
	}

	const delay = status?.state === 'at-stop' ? status.delayMinutes : 0;
	const states: LiveStopState[] = ordered.map((stop, index) => {
		if (!status) {
			const arrival = planned[index];
			if (addMinutes(arrival, stop.stayMinutes) <= now) return 'done';
			return arrival <= now ? 'here' : 'coming';
		}
		const reached = status.stopPosition ?? 0;
		if (status.state === 'ended') {
			if (!status.endedEarly) return 'done';
			return stop.position <= reached ? 'done' : 'skipped';
		}
		if (stop.position < reached) return 'done';
		return stop.position === reached ? 'here' : 'coming';
	});
	let stops = ordered.map((stop, index) => toLiveStop(stop, planned[index], delay, states[index]));

	let phase: RoundDayPhase;
	const last = stops.at(-1);
	const firstExpected = stops[0]?.expectedArrival ?? occurrence.start;
	if (status?.state === 'ended') {
		phase = status.endedEarly ? 'ended-early' : 'ended';
	} else if (
		last &&
		now >= addMinutes(last.expectedDeparture, status ? FORGOTTEN_AFTER_MINUTES : 0)
	) {
		phase = 'ended';
		stops = stops.map((stop) => ({ ...stop, state: 'done' }));
	} else if (stops.some((stop) => stop.state !== 'coming') || now >= firstExpected) {
		phase = 'under-way';
	} else {
		phase = 'not-started';
	}

	const here = stops.find((stop) => stop.state === 'here');
	const next = stops.find((stop) => stop.state === 'coming');
	return {
		...base,
		phase,
		currentStop: here?.position ?? null,
		nextStop: next?.position ?? null,
		delayMinutes: phase === 'ended' || phase === 'ended-early' ? 0 : delay,
		stops
	};
}

function toLiveStop(stop: Stop, plannedArrival: string, delay: number, state: LiveStopState) {
	// Only a stop still ahead moves with the delay; a stop behind the bus keeps its plan.
	const expectedArrival =
		state === 'coming' || state === 'here' ? addMinutes(plannedArrival, delay) : plannedArrival;
	return {
		position: stop.position,
		street: stop.street,
		stayMinutes: stop.stayMinutes,
		plannedArrival,
		expectedArrival,
		expectedDeparture: addMinutes(expectedArrival, stop.stayMinutes),
		state
	};
}

/** The dates of a round that happen on this day (moved dates on their new day), cancelled ones too. */
export function listRoundDates(schedule: PublicRound, day: string): Occurrence[] {
	if (!DATE.test(day)) return [];
	const from = `${day}T00:00`;
	return listOccurrences(schedule, schedule.changes, {
		from,
		to: addMinutes(from, 24 * 60)
	}).filter((occurrence) => occurrence.start.slice(0, 10) === day);
}

/** Of several dates on one day (rare: a date moved onto another), the one that matters now. */
function chooseRoundDate(dates: Occurrence[], now: string): Occurrence | undefined {
	const held = dates.filter((date) => date.status !== 'cancelled');
	return held.find((date) => date.end > now) ?? held.at(-1) ?? dates[0];
}

/** A round as the live screens need it, whatever its visibility. */
export type RoundSchedule = {
	schedule: PublicRound;
	visibility: Visibility;
	archived: boolean;
	updatedAt: string;
};

/** The rounds with these ids, their stops and changed dates, in three queries. */
export async function loadRoundSchedules(
	ids: number[],
	locale: Locale = 'nl'
): Promise<Map<number, RoundSchedule>> {
	const found = new Map<number, RoundSchedule>();
	if (ids.length === 0) return found;
	const rows = await db
		.select({ round: rounds, neighbourhood: neighbourhoods })
		.from(rounds)
		.innerJoin(neighbourhoods, eq(rounds.neighbourhoodId, neighbourhoods.id))
		.where(inArray(rounds.id, ids));
	const [stops, changes] = await Promise.all([
		db
			.select()
			.from(roundStops)
			.where(inArray(roundStops.roundId, ids))
			.orderBy(asc(roundStops.position)),
		db.select().from(occurrenceChanges).where(inArray(occurrenceChanges.roundId, ids))
	]);
	for (const { round, neighbourhood } of rows) {
		found.set(round.id, {
			// The same start and stop times as the public round page.
			schedule: toPublicRound(
				round,
				neighbourhood,
				stops.filter((stop) => stop.roundId === round.id),
				changes.filter((change) => change.roundId === round.id),
				locale
			),
			visibility: round.visibility,
			archived: round.archivedAt !== null,
			updatedAt: round.updatedAt
		});
	}
	return found;
}

/** Visibility and last change of these rounds: cheap enough to read every second. */
export async function readRoundMeta(
	ids: number[]
): Promise<Map<number, Pick<RoundSchedule, 'visibility' | 'archived' | 'updatedAt'>>> {
	const found = new Map<number, Pick<RoundSchedule, 'visibility' | 'archived' | 'updatedAt'>>();
	if (ids.length === 0) return found;
	const rows = await db
		.select({
			id: rounds.id,
			visibility: rounds.visibility,
			archivedAt: rounds.archivedAt,
			updatedAt: rounds.updatedAt
		})
		.from(rounds)
		.where(inArray(rounds.id, ids));
	for (const row of rows) {
		found.set(row.id, {
			visibility: row.visibility,
			archived: row.archivedAt !== null,
			updatedAt: row.updatedAt
		});
	}
	return found;
}

/** The status rows of these round dates, keyed `roundId/date`. */
export async function readStatusRows(
	keys: Array<{ roundId: number; date: string }>
): Promise<Map<string, RoundDayStatus>> {
	const rows = new Map<string, RoundDayStatus>();
	if (keys.length === 0) return rows;
	const found = await db
		.select()
		.from(roundDayStatus)
		.where(
			or(
				...keys.map((key) =>
					and(eq(roundDayStatus.roundId, key.roundId), eq(roundDayStatus.date, key.date))
				)
			)
		);
	for (const row of found) rows.set(statusKey(row.roundId, row.date), row);
	return rows;
}

export function statusKey(roundId: number, date: string): string {
	return `${roundId}/${date}`;
}

/** Today's date of a round (if it rides today) as residents see it; null on other days. */
export function pickRoundDay(
	schedule: PublicRound,
	rows: Map<string, RoundDayStatus>,
	now: string
): RoundDay | null {
	const date = chooseRoundDate(listRoundDates(schedule, now.slice(0, 10)), now);
	if (!date) return null;
	const row = rows.get(statusKey(schedule.id, date.originalDate)) ?? null;
	return computeRoundDay(schedule.stops, date, row, now);
}

/** The dates of these rounds that fall on the day of `now`, as status-row keys. */
export function todaysKeys(schedules: PublicRound[], now: string) {
	return schedules.flatMap((schedule) =>
		listRoundDates(schedule, now.slice(0, 10)).map((date) => ({
			roundId: schedule.id,
			date: date.originalDate
		}))
	);
}

/** The round on the day of `now`, for its public page; null when it does not ride today. */
export async function showRoundToday(
	schedule: PublicRound,
	now: Date = currentTime()
): Promise<RoundDay | null> {
	const wall = nowWall(now);
	const rows = await readStatusRows(todaysKeys([schedule], wall));
	return pickRoundDay(schedule, rows, wall);
}

export type RoundTodaySummary = {
	slug: string;
	name: PublicRound['name'];
	phase: RoundDayPhase;
	/** When the bus is (expected) at the first stop. */
	firstArrival: string | null;
	currentStop: { position: number; street: string } | null;
};

/**
 * The rounds a viewer may see that ride today and are not over yet: for a short notice on
 * the listing page.
 */
export async function listRoundsToday(
	locale: Locale,
	viewer: Viewer = VISITOR,
	now: Date = currentTime()
): Promise<RoundTodaySummary[]> {
	const wall = nowWall(now);
	const schedules = await listPublicRounds(locale, {}, viewer);
	const keys = todaysKeys(schedules, wall);
	if (keys.length === 0) return [];
	const rows = await readStatusRows(keys);
	return schedules.flatMap((schedule) => {
		const day = pickRoundDay(schedule, rows, wall);
		if (!day || (day.phase !== 'not-started' && day.phase !== 'under-way')) return [];
		const here = day.stops.find((stop) => stop.position === day.currentStop);
		return [
			{
				slug: schedule.slug,
				name: schedule.name,
				phase: day.phase,
				firstArrival: day.stops[0]?.expectedArrival ?? null,
				currentStop: here ? { position: here.position, street: here.street } : null
			}
		];
	});
}

export type TeamRoundDay = {
	round: { id: number; slug: string; name: PublicRound['name']; visibility: Visibility };
	/** Every date of the round today, cancelled ones included (usually one). */
	dates: Occurrence[];
	/** The chosen date, worked out as residents see it. */
	day: RoundDay | null;
	/** Who made the last change, for the team only. */
	changedBy: string | null;
};

/** A round on the day of `now` for the team's phone screen; undefined when there is no such round. */
export async function findTeamRoundDay(
	roundId: number,
	locale: Locale,
	options: { date?: string | null; now?: Date } = {}
): Promise<TeamRoundDay | undefined> {
	const wall = nowWall(options.now);
	const found = (await loadRoundSchedules([roundId], locale)).get(roundId);
	if (!found || found.archived) return undefined;
	const { schedule } = found;
	const dates = listRoundDates(schedule, wall.slice(0, 10));
	const chosen =
		dates.find((date) => date.originalDate === options.date) ?? chooseRoundDate(dates, wall);
	let day: RoundDay | null = null;
	let changedBy: string | null = null;
	if (chosen) {
		const [row] = await db
			.select({ status: roundDayStatus, name: accounts.displayName })
			.from(roundDayStatus)
			.leftJoin(accounts, eq(roundDayStatus.updatedBy, accounts.id))
			.where(and(eq(roundDayStatus.roundId, roundId), eq(roundDayStatus.date, chosen.originalDate)))
			.limit(1);
		day = computeRoundDay(schedule.stops, chosen, row?.status ?? null, wall);
		changedBy = row?.name ?? null;
	}
	return {
		round: { id: roundId, slug: schedule.slug, name: schedule.name, visibility: found.visibility },
		dates,
		day,
		changedBy
	};
}

export type TeamRoundToday = {
	id: number;
	slug: string;
	name: PublicRound['name'];
	neighbourhood: string;
	visibility: Visibility;
	day: RoundDay;
};

/** Every round that rides today (not archived, whatever its visibility), for the team. */
export async function listTeamRoundsToday(
	locale: Locale,
	now: Date = currentTime()
): Promise<TeamRoundToday[]> {
	const wall = nowWall(now);
	const ids = (
		await db.select({ id: rounds.id }).from(rounds).where(isNull(rounds.archivedAt))
	).map((row) => row.id);
	const schedules = await loadRoundSchedules(ids, locale);
	const keys = todaysKeys(
		[...schedules.values()].map((found) => found.schedule),
		wall
	);
	if (keys.length === 0) return [];
	const rows = await readStatusRows(keys);
	const today: TeamRoundToday[] = [];
	for (const [id, found] of schedules) {
		const day = pickRoundDay(found.schedule, rows, wall);
		if (!day) continue;
		const { slug, name, neighbourhood } = found.schedule;
		today.push({
			id,
			slug,
			name,
			neighbourhood: neighbourhood.name,
			visibility: found.visibility,
			day
		});
	}
	return today.sort((a, b) =>
		(a.day.stops[0]?.plannedArrival ?? '').localeCompare(b.day.stops[0]?.plannedArrival ?? '')
	);
}

// Changes by the team.

export type UpdateProblem =
	'no-round' | 'not-today' | 'cancelled' | 'no-stop' | 'bad-delay' | 'ended';
export type UpdateResult = { ok: true; day: RoundDay } | { ok: false; problem: UpdateProblem };

type CheckedDate = { schedule: PublicRound; occurrence: Occurrence; now: string };

/**
 * Whether the team may change this date now: the round exists, and the date is one of its
 * dates that happens today (a moved date on its new day) and is not cancelled.
 */
async function checkRoundDate(
	roundId: number,
	date: string,
	now: Date
): Promise<{ ok: true; checked: CheckedDate } | { ok: false; problem: UpdateProblem }> {
	const found = (await loadRoundSchedules([roundId])).get(roundId);
	if (!found || found.archived) return { ok: false, problem: 'no-round' };
	if (!DATE.test(date)) return { ok: false, problem: 'not-today' };
	const wall = nowWall(now);
	const occurrence = listRoundDates(found.schedule, wall.slice(0, 10)).find(
		(candidate) => candidate.originalDate === date
	);
	if (!occurrence) return { ok: false, problem: 'not-today' };
	if (occurrence.status === 'cancelled') return { ok: false, problem: 'cancelled' };
	return { ok: true, checked: { schedule: found.schedule, occurrence, now: wall } };
}

async function dayAfterChange(checked: CheckedDate): Promise<RoundDay> {
	const rows = await readStatusRows([
		{ roundId: checked.schedule.id, date: checked.occurrence.originalDate }
	]);
	const row = rows.get(statusKey(checked.schedule.id, checked.occurrence.originalDate)) ?? null;
	return computeRoundDay(checked.schedule.stops, checked.occurrence, row, checked.now);
}

type Change = {
	roundId: number;
	date: string;
	accountId: number | null;
	now?: Date;
};

/** "We are at stop N": the stops before it are done. Also carries on after an "ended". */
export async function markStopReached(change: Change & { stop: number }): Promise<UpdateResult> {
	const now = change.now ?? currentTime();
	const check = await checkRoundDate(change.roundId, change.date, now);
	if (!check.ok) return check;
	if (!check.checked.schedule.stops.some((stop) => stop.position === change.stop)) {
		return { ok: false, problem: 'no-stop' };
	}
	const written = {
		state: 'at-stop' as const,
		stopPosition: change.stop,
		endedEarly: false,
		updatedAt: now.toISOString(),
		updatedBy: change.accountId
	};
	await db
		.insert(roundDayStatus)
		.values({ roundId: change.roundId, date: change.date, delayMinutes: 0, ...written })
		.onConflictDoUpdate({ target: [roundDayStatus.roundId, roundDayStatus.date], set: written });
	return { ok: true, day: await dayAfterChange(check.checked) };
}

/**
 * "Running X minutes late" (0: on time again). Before the first stop the day counts as
 * started, on the way to stop 1. Not after the round ended.
 */
export async function setRunningLate(change: Change & { minutes: number }): Promise<UpdateResult> {
	const now = change.now ?? currentTime();
	if (
		!Number.isInteger(change.minutes) ||
		change.minutes < 0 ||
		change.minutes > MAX_DELAY_MINUTES
	) {
		return { ok: false, problem: 'bad-delay' };
	}
	const check = await checkRoundDate(change.roundId, change.date, now);
	if (!check.ok) return check;
	const [existing] = await db
		.select({ state: roundDayStatus.state })
		.from(roundDayStatus)
		.where(and(eq(roundDayStatus.roundId, change.roundId), eq(roundDayStatus.date, change.date)))
		.limit(1);
	if (existing?.state === 'ended') return { ok: false, problem: 'ended' };
	const written = {
		delayMinutes: change.minutes,
		updatedAt: now.toISOString(),
		updatedBy: change.accountId
	};
	await db
		.insert(roundDayStatus)
		.values({
			roundId: change.roundId,
			date: change.date,
			state: 'at-stop',
			stopPosition: null,
			...written
		})
		.onConflictDoUpdate({ target: [roundDayStatus.roundId, roundDayStatus.date], set: written });
	return { ok: true, day: await dayAfterChange(check.checked) };
}

/**
 * "Ended": every stop was visited. "Ended early": the stops after the one the bus is at (or
 * was last at) are skipped, and residents there read that the bus does not come.
 */
export async function endRoundDay(change: Change & { early: boolean }): Promise<UpdateResult> {
	const now = change.now ?? currentTime();
	const check = await checkRoundDate(change.roundId, change.date, now);
	if (!check.ok) return check;
	const lastStop = check.checked.schedule.stops.at(-1)?.position ?? null;
	const common = {
		state: 'ended' as const,
		endedEarly: change.early,
		updatedAt: now.toISOString(),
		updatedBy: change.accountId
	};
	// Ending early keeps the stop the bus reached last; a full end reached the last stop.
	const written = change.early ? common : { ...common, stopPosition: lastStop };
	await db
		.insert(roundDayStatus)
		.values({
			roundId: change.roundId,
			date: change.date,
			stopPosition: change.early ? null : lastStop,
			...common
		})
		.onConflictDoUpdate({ target: [roundDayStatus.roundId, roundDayStatus.date], set: written });
	return { ok: true, day: await dayAfterChange(check.checked) };
}
