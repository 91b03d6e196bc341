/**
 * Opening hours in OpenStreetMap `opening_hours` syntax, read by the opening_hours library.
 *
 * The library reads and builds Dates in the process's local time zone (getHours, setDate, …),
 * not in a zone we can pass in. The app therefore runs with `process.env.TZ = 'Europe/Brussels'`
 * (the server start-up and the Vitest setup set it); under any other zone these answers would be
 * shifted by the difference.
 */
import opening_hours from 'opening_hours';
import { addMinutes, dateToWallTime, wallTimeToDate } from './time';

// Country and region give the library the Belgian public holidays (PH) and the sun times.
const BRUSSELS = {
	lat: 50.85,
	lon: 4.35,
	address: { country_code: 'be', state: 'Brussels-Capital' }
};
// The optional-configuration argument given as a number is the mode: 0 = time ranges only.
const TIME_RANGES = 0;
const LOOK_AHEAD_MS = 400 * 24 * 60 * 60_000;

// The same expressions are read on every listing page, and parsing one computes its holidays.
// A city holds a few thousand different ones, so the caches keep that many, oldest out first.
const CACHE_SIZE = 5000;
const parsed = new Map<string, opening_hours | null>();
// The state of an expression holds until its next change: kept with the span it is valid for.
const states = new Map<string, { from: number; until: number; state: OpeningState }>();
const schedules = new Map<string, ScheduleDay[]>();

/** A map used as a small LRU: a hit moves to the back, the front goes out when it is full. */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
	cache.delete(key);
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	cache.set(key, value);
	return value;
}

function recall<V>(cache: Map<string, V>, key: string): V | undefined {
	const value = cache.get(key);
	if (value !== undefined) {
		cache.delete(key);
		cache.set(key, value);
	}
	return value;
}

export type OpeningState = {
	state: 'open' | 'closed' | 'unknown';
	/** When the state changes next (wall time), or null when it never does within a year. */
	nextChange: string | null;
	/** Set when open now: the wall time it closes. */
	closesAt: string | null;
	/** Set when not open now and the next change opens it: the wall time it opens. */
	opensAt: string | null;
	/** The comment of the rule that applies now, e.g. "by appointment". */
	comment: string | null;
};

export type ScheduleDay = {
	date: string;
	/** `HH:mm`; an interval running to midnight ends at `24:00`. `unknown` marks "maybe open". */
	intervals: Array<{ from: string; to: string; unknown: boolean }>;
	holiday: boolean;
	comment: string | null;
};

export function parseOpeningHours(expr: string): opening_hours | null {
	const key = expr.trim();
	const known = recall(parsed, key);
	if (known !== undefined) return known;
	let result: opening_hours | null;
	try {
		result = new opening_hours(key, BRUSSELS, TIME_RANGES);
	} catch {
		result = null;
	}
	return remember(parsed, key, result);
}

/** For forms: the library's own message when the expression cannot be read, else its warnings. */
export function validateOpeningHours(
	expr: string
): { ok: true; warnings: string[] } | { ok: false; message: string } {
	try {
		const hours = new opening_hours(expr.trim(), BRUSSELS, TIME_RANGES);
		return { ok: true, warnings: hours.getWarnings() };
	} catch (error) {
		// The library throws plain strings, not Errors.
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, message: message.trim() };
	}
}

const UNKNOWN: OpeningState = {
	state: 'unknown',
	nextChange: null,
	closesAt: null,
	opensAt: null,
	comment: null
};

export function openingState(expr: string | null, now: Date = new Date()): OpeningState {
	if (!expr) return UNKNOWN;
	const instant = now.getTime();
	const known = recall(states, expr);
	if (known && known.from <= instant && instant < known.until) return known.state;
	const hours = parseOpeningHours(expr);
	if (!hours) return UNKNOWN;
	const state = hours.getStateString(now, true);
	const next = hours.getNextChange(now, new Date(instant + LOOK_AHEAD_MS));
	const nextChange = next ? dateToWallTime(next) : null;
	const opensNext = next ? hours.getStateString(next, true) === 'open' : false;
	const result: OpeningState = {
		state,
		nextChange,
		closesAt: state === 'open' ? nextChange : null,
		opensAt: state !== 'open' && opensNext ? nextChange : null,
		comment: hours.getComment(now) ?? null
	};
	// The answer holds until the state, "unknown" or the comment changes: the iterator stops at
	// each of these, getNextChange only at the first two. Without any change within the
	// look-ahead it is not kept, since a later "now" looks further ahead.
	if (next) {
		const iterator = hours.getIterator(now);
		const until = iterator.advance(next) ? iterator.getDate() : next;
		remember(states, expr, { from: instant, until: until.getTime(), state: result });
	}
	return result;
}

let holidaysOnly: opening_hours | null = null;

function isPublicHoliday(hours: opening_hours | null, date: string): boolean {
	// Without opening hours of its own a place still has holidays worth showing.
	holidaysOnly ??= new opening_hours('closed', BRUSSELS, TIME_RANGES);
	return (hours ?? holidaysOnly).getPublicHolidayContext(wallTimeToDate(`${date}T12:00`)).isHoliday;
}

function commentsOfDay(hours: opening_hours, start: Date, end: Date): string | null {
	const comments = new Set<string>();
	const iterator = hours.getIterator(start);
	do {
		if (iterator.getDate() >= end) break;
		const comment = iterator.getComment();
		if (comment) comments.add(comment);
	} while (iterator.advance(end));
	return comments.size > 0 ? [...comments].join('; ') : null;
}

/** The opening intervals of `days` whole Brussels days, starting with the day `from` falls on. */
export function weekSchedule(expr: string | null, from: Date, days = 7): ScheduleDay[] {
	const firstDay = `${dateToWallTime(from).slice(0, 10)}T00:00`;
	// It depends on the day only, not the time: the same days are asked for all day long.
	const key = `${firstDay}|${days}|${expr ?? ''}`;
	return recall(schedules, key) ?? remember(schedules, key, buildSchedule(expr, firstDay, days));
}

function buildSchedule(expr: string | null, firstDay: string, days: number): ScheduleDay[] {
	const hours = expr ? parseOpeningHours(expr) : null;
	const schedule: ScheduleDay[] = [];
	for (let index = 0; index < days; index++) {
		const dayWall = addMinutes(firstDay, index * 24 * 60);
		const date = dayWall.slice(0, 10);
		const start = wallTimeToDate(dayWall);
		const end = wallTimeToDate(addMinutes(dayWall, 24 * 60));
		const intervals = hours
			? hours.getOpenIntervals(start, end).map(([open, close, unknown]) => ({
					from: dateToWallTime(open).slice(11),
					to: close.getTime() >= end.getTime() ? '24:00' : dateToWallTime(close).slice(11),
					unknown
				}))
			: [];
		schedule.push({
			date,
			intervals,
			holiday: isPublicHoliday(hours, date),
			comment: hours ? commentsOfDay(hours, start, end) : null
		});
	}
	return schedule;
}
