import {
	listOccurrences,
	validateRrule,
	type Occurrence,
	type OccurrenceChangeInput,
	type RecurringItem
} from '$lib/server/schedule/recurrence';
import {
	addMinutes,
	floatingToWallTime,
	startOfWeek,
	wallTimeToFloating
} from '$lib/server/schedule/time';

/**
 * Occurrences for the resident's listing, the same as `listOccurrences` gives, but cheap enough
 * for a city with tens of thousands of gatherings.
 *
 * Expanding a rule walks from its first date: years of weeks for a long-running circle. Two
 * things keep that walk short. Each item is expanded once for a span of 22 days from the Monday
 * of the current week, which holds every window a listing asks for during that week (today,
 * this week, the next 14 days), and each window is cut from that. And a rule whose dates do not
 * depend on where it started counting (no COUNT) starts its walk from a date shortly before
 * the span that lies in step with its rhythm, so it yields exactly the same dates there.
 */
const SPAN_DAYS = 22;
const OCCURRENCES_PER_WINDOW = 50;
const MAX_SPANS = 100_000;
const DAY = 24 * 60;

const spans = new Map<string, Occurrence[]>();
let spansWeek = '';

// Keys whose meaning does not depend on the first date beyond its rhythm and time of day.
// COUNT counts from the first date; BYWEEKNO and BYYEARDAY are left alone as they are rare.
const SHIFTABLE_KEYS = new Set([
	'FREQ',
	'INTERVAL',
	'UNTIL',
	'BYDAY',
	'BYMONTHDAY',
	'BYMONTH',
	'BYSETPOS',
	'WKST'
]);

function ruleParts(rrule: string): Map<string, string> | null {
	const parts = new Map<string, string>();
	for (const part of rrule
		.trim()
		.replace(/^RRULE:/i, '')
		.split(';')) {
		const [key, value] = part.split('=');
		if (!SHIFTABLE_KEYS.has(key)) return null;
		parts.set(key, value);
	}
	return parts;
}

/**
 * The item with its first date moved as late as possible, but not after `latest`, so that its
 * rule gives the same dates from there on; the item itself when that cannot be done safely.
 */
export function shiftStart(item: RecurringItem, latest: string): RecurringItem {
	if (!item.rrule || item.startsAt >= latest || !validateRrule(item.rrule)) return item;
	const parts = ruleParts(item.rrule);
	if (!parts) return item;
	const interval = Number(parts.get('INTERVAL') ?? 1);
	const start = wallTimeToFloating(item.startsAt);
	const limit = wallTimeToFloating(latest);
	const freq = parts.get('FREQ');

	if (freq === 'DAILY' || freq === 'WEEKLY') {
		// Whole steps of the rhythm keep the weekday, the time and (every other week) the phase.
		const stepDays = (freq === 'DAILY' ? 1 : 7) * interval;
		const steps = Math.floor((limit.getTime() - start.getTime()) / (stepDays * DAY * 60_000));
		if (steps < 1) return item;
		return { ...item, startsAt: addMinutes(item.startsAt, steps * stepDays * DAY) };
	}

	if (freq === 'MONTHLY') {
		// With BYDAY or BYMONTHDAY the day of the first date only marks where counting starts;
		// without them it is the day of each occurrence, and every month has days up to 28.
		const byDayOfStart = !parts.has('BYDAY') && !parts.has('BYMONTHDAY');
		if (byDayOfStart && start.getUTCDate() > 28) return item;
		const months =
			(limit.getUTCFullYear() - start.getUTCFullYear()) * 12 +
			(limit.getUTCMonth() - start.getUTCMonth()) -
			// A month earlier still, so the first date falls before `latest` whatever its day.
			1;
		const steps = Math.floor(months / interval);
		if (steps < 1) return item;
		const shifted = new Date(start.getTime());
		shifted.setUTCDate(byDayOfStart ? start.getUTCDate() : 1);
		shifted.setUTCMonth(start.getUTCMonth() + steps * interval);
		return { ...item, startsAt: floatingToWallTime(shifted) };
	}
	return item;
}

function overlaps(occurrence: Occurrence, range: { from: string; to: string }) {
	return (
		occurrence.start < range.to && (occurrence.end > range.from || occurrence.start >= range.from)
	);
}

function expandSpan(
	item: RecurringItem,
	changes: OccurrenceChangeInput[],
	span: { from: string; to: string }
): Occurrence[] {
	// Before anything the span can see, and before any date that was moved (it is looked up).
	let latest = addMinutes(span.from, -item.durationMinutes - DAY);
	for (const change of changes) {
		if (change.status === 'moved' && `${change.originalDate}T00:00` < latest)
			latest = `${change.originalDate}T00:00`;
	}
	// Far above the 22 dates a daily rule can have in the span, so nothing is cut off.
	return listOccurrences(shiftStart(item, latest), changes, span, 10_000);
}

/** The same as `listOccurrences(item, changes, window)` (at most 50, by start). */
export function occurrencesIn(
	item: RecurringItem,
	changes: OccurrenceChangeInput[],
	window: { from: string; to: string }
): Occurrence[] {
	const week = startOfWeek(window.from);
	const span = { from: week, to: addMinutes(week, SPAN_DAYS * DAY) };
	if (window.to > span.to) return listOccurrences(item, changes, window);
	if (week !== spansWeek || spans.size >= MAX_SPANS) {
		spans.clear();
		spansWeek = week;
	}
	// Everything the expansion depends on, so an edited item simply gets a new entry.
	const key = `${item.startsAt}|${item.durationMinutes}|${item.rrule ?? ''}|${changes.length ? JSON.stringify(changes) : ''}`;
	let all = spans.get(key);
	if (!all) {
		all = expandSpan(item, changes, span);
		spans.set(key, all);
	}
	const found: Occurrence[] = [];
	for (const occurrence of all) {
		if (overlaps(occurrence, window)) found.push(occurrence);
		if (found.length === OCCURRENCES_PER_WINDOW) break;
	}
	return found;
}
