import { z } from 'zod';
import { isLocale, type Locale } from '$lib/i18n';
import { addMinutes, isWallTime, startOfWeek } from '$lib/server/schedule/time';

export const PERIOD_KINDS = ['week', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The days a poster covers: `from` up to, not including, `to` (both `YYYY-MM-DD`). */
export type AgendaPeriod = {
	kind: PeriodKind;
	from: string;
	to: string;
	/** The last day on the poster, for its title. */
	last: string;
	previous: string;
	next: string;
};

export type AgendaQuery = {
	period: AgendaPeriod;
	/** A second language printed beside the page's own, or null. */
	also: Locale | null;
	/** True when something in the address could not be used and a default took its place. */
	corrected: boolean;
};

// A poster is for the weeks around now: this keeps the expansion of rules small.
const MAX_YEARS_AWAY = 2;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
	return DATE.test(value) && isWallTime(`${value}T00:00`);
}

function addDays(date: string, days: number): string {
	return addMinutes(`${date}T00:00`, days * 24 * 60).slice(0, 10);
}

function addMonths(date: string, months: number): string {
	const [year, month] = date.split('-').map(Number);
	const index = year * 12 + (month - 1) + months;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function startOf(kind: PeriodKind, date: string): string {
	return kind === 'week' ? startOfWeek(`${date}T00:00`).slice(0, 10) : `${date.slice(0, 7)}-01`;
}

/** The week (from its Monday) or the month (from its first day) that `date` falls in. */
export function periodAround(kind: PeriodKind, date: string): AgendaPeriod {
	const from = startOf(kind, date);
	const to = kind === 'week' ? addDays(from, 7) : addMonths(from, 1);
	return {
		kind,
		from,
		to,
		last: addDays(to, -1),
		previous: kind === 'week' ? addDays(from, -7) : addMonths(from, -1),
		next: to
	};
}

const querySchema = z.object({
	period: z.enum(PERIOD_KINDS).optional().catch(undefined),
	from: z.string().max(10).refine(isDate).optional().catch(undefined),
	also: z.string().max(5).refine(isLocale).optional().catch(undefined)
});

function single(params: URLSearchParams, key: string): string | undefined {
	const value = params.get(key);
	return value === null || value === '' ? undefined : value;
}

/**
 * Reads `period`, `from` and `also` from a poster's address. Anything unusable falls back to a
 * default (this week, no second language) instead of an error: a poster always prints.
 */
export function readAgendaQuery(params: URLSearchParams, locale: Locale, now: string): AgendaQuery {
	const raw = {
		period: single(params, 'period'),
		from: single(params, 'from'),
		also: single(params, 'also')
	};
	const parsed = querySchema.parse(raw);
	const today = now.slice(0, 10);
	const kind = parsed.period ?? 'week';
	const from =
		parsed.from &&
		Math.abs(Number(parsed.from.slice(0, 4)) - Number(today.slice(0, 4))) <= MAX_YEARS_AWAY
			? parsed.from
			: undefined;
	const also = parsed.also && parsed.also !== locale ? (parsed.also as Locale) : null;
	const corrected =
		(raw.period !== undefined && parsed.period === undefined) ||
		(raw.from !== undefined && from === undefined) ||
		(raw.also !== undefined && also === null);
	return { period: periodAround(kind, from ?? today), also, corrected };
}

/** The wall-time range of a period, for listing occurrences. */
export function wallRangeOf(period: AgendaPeriod) {
	return { from: `${period.from}T00:00`, to: `${period.to}T00:00` };
}
