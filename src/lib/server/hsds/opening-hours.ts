/**
 * OpenStreetMap `opening_hours` to HSDS schedule rows and back, for the forms people really
 * write: weekdays and ranges (`Mo-Fr`, `Tu,Th`, `Fr-Mo`), the nth weekday of the month
 * (`Sa[1]`, `Su[-1]`), several time spans (`09:00-12:00,13:00-17:00`), `off`, `24/7` and
 * `PH off`. A later rule replaces what an earlier one said about the same day, as in OSM.
 *
 * Anything else (months, weeks, sun times, comments, open ends, `||`, opening on holidays)
 * is not translated: the caller then passes the expression on as text. HSDS has no word for
 * public holidays, so `PH off` comes back as a flag for the schedule's notes.
 */
import { parseOpeningHours } from '$lib/server/schedule/opening-hours';

export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

type Span = { from: string; to: string };

/** One HSDS schedule row's worth: on these days, from `opens` to `closes`. */
export type HoursRow = {
	freq: 'WEEKLY' | 'MONTHLY';
	/** `MO,TU` for WEEKLY; `1SA,-1SU` (the nth weekday of the month) for MONTHLY. */
	byday: string;
	opens: string;
	closes: string;
};

export type HoursTranslation =
	{ ok: true; rows: HoursRow[]; closedOnPublicHolidays: boolean } | { ok: false };

const TIME = /^(\d{1,2}):(\d{2})$/;

/** `9:00` → `09:00`; null for what is not a time of day (24:00 is, as an end). */
function readTime(text: string): string | null {
	const match = TIME.exec(text);
	if (!match) return null;
	const [hours, minutes] = [Number(match[1]), Number(match[2])];
	if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
	return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

function readSpans(text: string): Span[] | null {
	if (text === 'off' || text === 'closed') return [];
	const spans: Span[] = [];
	for (const part of text.split(',')) {
		const [from, to, ...rest] = part.trim().split('-');
		const start = from !== undefined ? readTime(from) : null;
		const end = to !== undefined ? readTime(to) : null;
		if (rest.length > 0 || !start || !end || start === '24:00' || start === end) return null;
		spans.push({ from: start, to: end });
	}
	return spans;
}

type Selector = { publicHolidays: boolean; days: Array<{ day: number; nth: number[] }> };

/** `Mo-Fr,Sa[1]` → its days; null when it says more than weekdays and the nth of the month. */
function readSelector(text: string): Selector | null {
	const selector: Selector = { publicHolidays: false, days: [] };
	const items = text.match(/[A-Za-z]{2}(?:\[[^\]]*\])?(?:-[A-Za-z]{2})?/g) ?? [];
	if (items.join(',') !== text) return null;
	for (const item of items) {
		if (item === 'PH') {
			selector.publicHolidays = true;
			continue;
		}
		const match = /^([A-Za-z]{2})(?:\[([^\]]*)\])?(?:-([A-Za-z]{2}))?$/.exec(item);
		if (!match) return null;
		const first = OSM_DAYS.indexOf(match[1]);
		const last = match[3] === undefined ? first : OSM_DAYS.indexOf(match[3]);
		if (first < 0 || last < 0 || (match[2] !== undefined && match[3] !== undefined)) return null;
		const nth = match[2] === undefined ? [] : readNth(match[2]);
		if (!nth) return null;
		for (let step = 0; step <= (last - first + 7) % 7; step++) {
			selector.days.push({ day: (first + step) % 7, nth });
		}
	}
	return selector;
}

/** `1`, `1,3`, `1-2`, `-1`: which weeks of the month. */
function readNth(text: string): number[] | null {
	const result: number[] = [];
	for (const part of text.split(',')) {
		const range = /^([1-5])-([1-5])$/.exec(part);
		if (range) {
			for (let n = Number(range[1]); n <= Number(range[2]); n++) result.push(n);
		} else if (/^-?[1-5]$/.test(part)) {
			result.push(Number(part));
		} else {
			return null;
		}
	}
	return result;
}

const key = (spans: Span[]) => spans.map((span) => `${span.from}-${span.to}`).join(',');

/** The schedule rows an expression stands for, or `{ ok: false }` when it says more. */
export function translateOpeningHours(expression: string): HoursTranslation {
	const text = expression.trim();
	// Parsed (and cached) by the library first: what it cannot read is not translated either.
	if (!text || /["|+]/.test(text) || !parseOpeningHours(text)) return { ok: false };
	const weekly = new Map<number, Span[]>();
	const monthly = new Map<string, Span[]>();
	let closedOnPublicHolidays = false;

	for (const rule of text.split(';').map((part) => part.trim())) {
		if (!rule) continue;
		if (rule === '24/7') {
			for (let day = 0; day < 7; day++) weekly.set(day, [{ from: '00:00', to: '24:00' }]);
			for (const nth of monthly.keys()) monthly.delete(nth);
			continue;
		}
		const [head, ...rest] = rule.split(/\s+/);
		const allDays = /^\d{1,2}:\d{2}/.test(head);
		const selector: Selector | null = allDays
			? { publicHolidays: false, days: OSM_DAYS.map((_, day) => ({ day, nth: [] })) }
			: readSelector(head);
		const spans = readSpans((allDays ? rule : rest.join('')).replace(/\s+/g, ''));
		if (!selector || !spans || (!allDays && rest.length === 0)) return { ok: false };
		if (selector.publicHolidays) {
			// Only "closed on public holidays" has a place in HSDS, and only as a note.
			if (selector.days.length > 0 || spans.length > 0) return { ok: false };
			closedOnPublicHolidays = true;
			continue;
		}
		for (const { day, nth } of selector.days) {
			if (nth.length === 0) {
				weekly.set(day, spans);
				for (const code of monthly.keys()) if (code.endsWith(DAY_CODES[day])) monthly.delete(code);
				continue;
			}
			// "Every Saturday except the first" has no HSDS rows: only an nth rule on a day that is
			// otherwise closed can be written as a monthly row.
			if ((weekly.get(day) ?? []).length > 0) return { ok: false };
			for (const n of nth) monthly.set(`${n}${DAY_CODES[day]}`, spans);
		}
	}
	return { ok: true, rows: toRows(weekly, monthly), closedOnPublicHolidays };
}

function toRows(weekly: Map<number, Span[]>, monthly: Map<string, Span[]>): HoursRow[] {
	const rows: HoursRow[] = [];
	const groups = new Map<string, { days: number[]; spans: Span[] }>();
	for (let day = 0; day < 7; day++) {
		const spans = weekly.get(day) ?? [];
		if (spans.length === 0) continue;
		const group = groups.get(key(spans)) ?? { days: [], spans };
		group.days.push(day);
		groups.set(key(spans), group);
	}
	for (const { days, spans } of groups.values()) {
		for (const span of spans) {
			rows.push({
				freq: 'WEEKLY',
				byday: days.map((day) => DAY_CODES[day]).join(','),
				opens: span.from,
				closes: span.to
			});
		}
	}
	const nthGroups = new Map<string, { codes: string[]; spans: Span[] }>();
	for (const [code, spans] of [...monthly].sort(([a], [b]) => compareNthCodes(a, b))) {
		if (spans.length === 0) continue;
		const group = nthGroups.get(key(spans)) ?? { codes: [], spans };
		group.codes.push(code);
		nthGroups.set(key(spans), group);
	}
	for (const { codes, spans } of nthGroups.values()) {
		for (const span of spans) {
			rows.push({ freq: 'MONTHLY', byday: codes.join(','), opens: span.from, closes: span.to });
		}
	}
	return rows;
}

function splitNthCode(code: string): { n: number; day: number } | null {
	const match = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(code.trim().toUpperCase());
	if (!match) return null;
	return {
		n: match[1] === undefined ? 0 : Number(match[1]),
		day: DAY_CODES.indexOf(match[2] as (typeof DAY_CODES)[number])
	};
}

function compareNthCodes(a: string, b: string): number {
	const [x, y] = [splitNthCode(a), splitNthCode(b)];
	if (!x || !y) return a.localeCompare(b);
	const order = (n: number) => (n < 0 ? 10 - n : n);
	return x.day - y.day || order(x.n) - order(y.n);
}

/** `09:00`, `09:00:00`, `09:00+01:00`, `9:00Z` → `09:00`; null for what is not a time. */
export function readScheduleTime(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = /^(\d{1,2}):(\d{2})/.exec(value.trim());
	return match ? readTime(`${match[1]}:${match[2]}`) : null;
}

export type ScheduleLike = {
	freq?: unknown;
	interval?: unknown;
	byday?: unknown;
	opens_at?: unknown;
	closes_at?: unknown;
};

function dayRun(days: number[]): string {
	const parts: string[] = [];
	for (let index = 0; index < days.length;) {
		let end = index;
		while (end + 1 < days.length && days[end + 1] === days[end] + 1) end++;
		if (end - index >= 2) parts.push(`${OSM_DAYS[days[index]]}-${OSM_DAYS[days[end]]}`);
		else for (let at = index; at <= end; at++) parts.push(OSM_DAYS[days[at]]);
		index = end + 1;
	}
	return parts.join(',');
}

function joinSpans(spans: Span[]): Span[] {
	const unique = new Map(spans.map((span) => [`${span.from}-${span.to}`, span]));
	return [...unique.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * The opening hours that weekly and monthly HSDS schedule rows describe, in OpenStreetMap
 * syntax; null when no row has days and times this can read. Rows on the same weekday add up.
 */
export function openingHoursFromSchedules(schedules: ScheduleLike[]): string | null {
	const weekly = new Map<number, Span[]>();
	const monthly = new Map<string, Span[]>();
	for (const row of schedules) {
		const opens = readScheduleTime(row.opens_at);
		let closes = readScheduleTime(row.closes_at);
		if (closes === '00:00') closes = '24:00';
		const interval = row.interval === undefined || row.interval === null ? 1 : row.interval;
		if (!opens || !closes || opens === closes || interval !== 1) continue;
		if (typeof row.byday !== 'string' || !row.byday.trim()) continue;
		const freq = row.freq ?? 'WEEKLY';
		const codes = row.byday.split(',').map(splitNthCode);
		if (codes.some((code) => code === null)) continue;
		for (const code of codes as Array<{ n: number; day: number }>) {
			if (freq === 'WEEKLY' && code.n === 0) {
				weekly.set(code.day, [...(weekly.get(code.day) ?? []), { from: opens, to: closes }]);
			} else if (freq === 'MONTHLY' && code.n !== 0) {
				const nth = `${code.day}[${code.n}]`;
				monthly.set(nth, [...(monthly.get(nth) ?? []), { from: opens, to: closes }]);
			}
		}
	}
	const rules: string[] = [];
	const groups = new Map<string, number[]>();
	for (let day = 0; day < 7; day++) {
		const spans = weekly.get(day);
		if (!spans) continue;
		const text = key(joinSpans(spans));
		groups.set(text, [...(groups.get(text) ?? []), day]);
	}
	for (const [text, days] of groups) rules.push(`${dayRun(days)} ${text}`);
	// An OSM rule for the nth weekday replaces the weekly one that day: it repeats those hours.
	const byDay = new Map<number, Map<string, number[]>>();
	for (const [nth, spans] of monthly) {
		const [, day, n] = /^(\d)\[(-?\d)\]$/.exec(nth) as RegExpExecArray;
		const text = key(joinSpans([...(weekly.get(Number(day)) ?? []), ...spans]));
		const forDay = byDay.get(Number(day)) ?? new Map<string, number[]>();
		forDay.set(text, [...(forDay.get(text) ?? []), Number(n)]);
		byDay.set(Number(day), forDay);
	}
	for (const day of [...byDay.keys()].sort()) {
		for (const [text, ns] of byDay.get(day) ?? []) {
			const order = (n: number) => (n < 0 ? 10 - n : n);
			rules.push(`${OSM_DAYS[day]}[${ns.sort((a, b) => order(a) - order(b)).join(',')}] ${text}`);
		}
	}
	if (rules.length === 0) return null;
	const expression = rules.join('; ');
	return parseOpeningHours(expression) ? expression : null;
}
