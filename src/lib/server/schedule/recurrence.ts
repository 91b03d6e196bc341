import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import type { Localized } from '$lib/i18n';
import { addMinutes, floatingToWallTime, isWallTime, wallTimeToFloating } from './time';

// rrule ships a CommonJS main without an "exports" map: when Node's own ESM loader imports it
// (an externalised dependency on the server) it is only `default`; a bundler sees named exports.
const { RRule } =
	'RRule' in rruleModule
		? rruleModule
		: (rruleModule as unknown as { default: typeof rruleModule }).default;

export type Occurrence = {
	/** The date the rule gives, `YYYY-MM-DD`; the key of an occurrence change. */
	originalDate: string;
	start: string;
	end: string;
	status: 'scheduled' | 'cancelled' | 'moved';
	note: Localized | null;
};

export type RecurringItem = { startsAt: string; rrule: string | null; durationMinutes: number };

export type OccurrenceChangeInput = {
	originalDate: string;
	status: 'cancelled' | 'moved';
	movedTo: string | null;
	note: Localized | null;
};

export type Recurrence = {
	frequency: 'once' | 'weekly' | 'every-other-week' | 'monthly-nth' | 'monthly-last' | 'other';
	/** 1 = Monday … 7 = Sunday. */
	weekday: number;
	/** For `monthly-nth`: 1…5; for `monthly-last`: -1. */
	nth: number | null;
	interval: number;
	/** The last date the series may fall on, `YYYY-MM-DD`. */
	until: string | null;
	count: number | null;
};

const LOOK_AHEAD_DAYS = 400;
// A guard against runaway expansion; real neighbourhood rhythms stay far below it.
const MAX_EXPANDED = 2000;

const ALLOWED_KEYS = new Set([
	'FREQ',
	'INTERVAL',
	'COUNT',
	'UNTIL',
	'BYDAY',
	'BYMONTHDAY',
	'BYMONTH',
	'BYSETPOS',
	'BYWEEKNO',
	'BYYEARDAY',
	'WKST'
]);
const INTEGER_LIST = /^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/;
const BYDAY_LIST =
	/^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU))*$/;

/**
 * Whether a stored rule is one the app can expand. The rrule library accepts far too much (an
 * INTERVAL that is not a number even makes it loop forever), so the parts are checked first.
 * The time of day comes from `startsAt` and changes are keyed by date, which is why sub-daily
 * frequencies and BYHOUR/BYMINUTE are refused.
 */
export function validateRrule(rrule: string): boolean {
	const parts = rrule
		.trim()
		.replace(/^RRULE:/i, '')
		.split(';');
	const seen = new Set<string>();
	for (const part of parts) {
		const [key, value, ...rest] = part.split('=');
		if (rest.length > 0 || !value || !ALLOWED_KEYS.has(key) || seen.has(key)) return false;
		seen.add(key);
		const ok =
			key === 'FREQ'
				? ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'].includes(value)
				: key === 'INTERVAL' || key === 'COUNT'
					? /^\d{1,4}$/.test(value) && Number(value) > 0
					: key === 'UNTIL'
						? /^\d{8}(T\d{6}Z?)?$/.test(value)
						: key === 'BYDAY'
							? BYDAY_LIST.test(value)
							: key === 'WKST'
								? /^(MO|TU|WE|TH|FR|SA|SU)$/.test(value)
								: INTEGER_LIST.test(value);
		if (!ok) return false;
	}
	if (!seen.has('FREQ') || (seen.has('COUNT') && seen.has('UNTIL'))) return false;
	try {
		new RRule({ ...RRule.parseString(rrule.trim()), dtstart: new Date(Date.UTC(2026, 0, 1)) });
		return true;
	} catch {
		return false;
	}
}

function parseRule(rrule: string): Partial<Options> | null {
	if (!validateRrule(rrule)) return null;
	// Without a tzid rrule works in "floating" time: UTC Dates stand for Brussels wall times.
	return { ...RRule.parseString(rrule.trim()), tzid: null };
}

/**
 * The original start times (wall) of the occurrences starting in [from, to], both floating.
 * A rule the app cannot read yields only the first occurrence, which certainly happens.
 */
function expandStarts(item: RecurringItem, from: Date, to: Date): string[] {
	const options = item.rrule ? parseRule(item.rrule) : null;
	if (!options) {
		const start = wallTimeToFloating(item.startsAt);
		return start >= from && start <= to ? [item.startsAt] : [];
	}
	const rule = new RRule({ ...options, dtstart: wallTimeToFloating(item.startsAt) });
	return rule
		.between(from, to, true, (_date, index) => index < MAX_EXPANDED)
		.map(floatingToWallTime);
}

function overlaps(start: string, end: string, range: { from: string; to: string }): boolean {
	return start < range.to && (end > range.from || start >= range.from);
}

/**
 * Every occurrence whose (possibly moved) time overlaps the range, sorted by start. Cancelled
 * dates stay in the list, marked, so a page can say so plainly. A "moved" change without a new
 * time keeps the original time (it moved elsewhere, the note says where).
 */
export function listOccurrences(
	item: RecurringItem,
	changes: OccurrenceChangeInput[],
	range: { from: string; to: string },
	limit = 50
): Occurrence[] {
	const changeByDate = new Map(changes.map((change) => [change.originalDate, change]));
	const from = wallTimeToFloating(range.from);
	const to = wallTimeToFloating(range.to);
	const duration = item.durationMinutes * 60_000;

	const starts = new Set(expandStarts(item, new Date(from.getTime() - duration), to));
	// A date moved into the range from outside it is found through its change, not the rule.
	for (const change of changes) {
		if (change.status !== 'moved' || !change.movedTo || !isWallTime(change.movedTo)) continue;
		const day = wallTimeToFloating(`${change.originalDate}T00:00`);
		const dayEnd = new Date(day.getTime() + 24 * 60 * 60_000 - 1);
		for (const start of expandStarts(item, day, dayEnd)) starts.add(start);
	}

	const occurrences: Occurrence[] = [];
	for (const original of starts) {
		const originalDate = original.slice(0, 10);
		const change = changeByDate.get(originalDate);
		const movedTo =
			change?.status === 'moved' && change.movedTo && isWallTime(change.movedTo)
				? change.movedTo
				: null;
		const start = movedTo ?? original;
		const end = addMinutes(start, item.durationMinutes);
		if (!overlaps(start, end, range)) continue;
		occurrences.push({
			originalDate,
			start,
			end,
			status: change?.status ?? 'scheduled',
			note: change?.note ?? null
		});
	}
	occurrences.sort((a, b) => a.start.localeCompare(b.start));
	return occurrences.slice(0, limit);
}

/** The next occurrences that have not ended yet, cancelled ones included and marked. */
export function nextOccurrences(
	item: RecurringItem,
	changes: OccurrenceChangeInput[],
	now: string,
	count: number
): Occurrence[] {
	const to = addMinutes(now, LOOK_AHEAD_DAYS * 24 * 60);
	return listOccurrences(item, changes, { from: now, to }, count);
}

function weekdayOf(wall: string): number {
	return ((wallTimeToFloating(`${wall.slice(0, 10)}T00:00`).getUTCDay() + 6) % 7) + 1;
}

/** The rhythm in words-ready data, so each language can phrase "every other Tuesday" itself. */
export function describeRecurrence(rrule: string | null, startsAt: string): Recurrence {
	const base: Recurrence = {
		frequency: 'once',
		weekday: weekdayOf(startsAt),
		nth: null,
		interval: 1,
		until: null,
		count: null
	};
	if (!rrule) return base;
	const options = parseRule(rrule);
	if (!options) return { ...base, frequency: 'other' };

	const interval = options.interval ?? 1;
	const until = options.until ? floatingToWallTime(options.until).slice(0, 10) : null;
	const described: Recurrence = {
		...base,
		frequency: 'other',
		interval,
		until,
		count: options.count ?? null
	};

	const days = toWeekdays(options.byweekday);
	const setPositions = toNumbers(options.bysetpos);
	const onlyDays =
		!options.bymonthday && !options.bymonth && !options.byweekno && !options.byyearday;
	if (!onlyDays || days.length > 1) return described;
	const day = days[0];
	if (day) described.weekday = day.weekday + 1;

	if (options.freq === RRule.WEEKLY && setPositions.length === 0 && !day?.n) {
		if (interval === 1) described.frequency = 'weekly';
		else if (interval === 2) described.frequency = 'every-other-week';
		return described;
	}
	if (options.freq === RRule.MONTHLY && interval === 1 && day) {
		const nth = day.n ?? (setPositions.length === 1 ? setPositions[0] : undefined);
		if (day.n && setPositions.length > 0) return described;
		if (nth !== undefined && nth >= 1 && nth <= 5) {
			described.frequency = 'monthly-nth';
			described.nth = nth;
		} else if (nth === -1) {
			described.frequency = 'monthly-last';
			described.nth = -1;
		}
	}
	return described;
}

function toNumbers(value: Options['bysetpos'] | undefined): number[] {
	if (value === null || value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

function toWeekdays(
	value: Options['byweekday'] | undefined
): Array<{ weekday: number; n?: number }> {
	if (value === null || value === undefined) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry) =>
		typeof entry === 'number'
			? { weekday: entry }
			: typeof entry === 'string'
				? { weekday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(entry) }
				: { weekday: entry.weekday, n: entry.n }
	);
}
