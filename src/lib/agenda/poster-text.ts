import { m } from '$lib/paraglide/messages.js';
import { weekdayName } from '$lib/format';
import type { Locale } from '$lib/i18n';

/**
 * The words of the wall poster, in a given language. The sheet prints them, and the server
 * measures them to decide what fits on one page, so both use these.
 */

export type PeriodWords = { kind: 'week' | 'month'; from: string; last: string };
export type OpeningWords = { weekdays: number[]; intervals: Array<{ from: string; to: string }> };

export function capitalise(text: string) {
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

// Belgian English writes the day before the month: "Tuesday 24 November".
function dateLocale(locale: Locale) {
	return locale === 'en' ? 'en-GB' : locale;
}

/** "Tuesday 24 November", "Mardi 24 novembre", "Dinsdag 24 november". */
export function dayInWords(date: string, locale: Locale) {
	return capitalise(
		new Intl.DateTimeFormat(dateLocale(locale), {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			timeZone: 'UTC'
		}).format(new Date(`${date.slice(0, 10)}T12:00:00Z`))
	);
}

function dayMonth(date: string, locale: Locale, withYear: boolean) {
	return new Intl.DateTimeFormat(dateLocale(locale), {
		day: 'numeric',
		month: 'long',
		...(withYear ? { year: 'numeric' } : {}),
		timeZone: 'UTC'
	}).format(new Date(`${date}T12:00:00Z`));
}

/** "24 November 2026". */
export function dateInWords(date: string, locale: Locale) {
	return dayMonth(date.slice(0, 10), locale, true);
}

/** "Week of 23 to 29 November 2026", "30 November to 6 December 2026", or "December 2026". */
export function periodTitle(period: PeriodWords, locale: Locale) {
	const { kind, from, last } = period;
	if (kind === 'month') {
		return capitalise(
			new Intl.DateTimeFormat(dateLocale(locale), {
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			}).format(new Date(`${from}T12:00:00Z`))
		);
	}
	const fromText =
		from.slice(0, 7) === last.slice(0, 7)
			? String(Number(from.slice(8)))
			: dayMonth(from, locale, from.slice(0, 4) !== last.slice(0, 4));
	return m.agenda_period_week({ from: fromText, to: dayMonth(last, locale, true) }, { locale });
}

/** "Monday to Friday", "Tuesday and Thursday", "Monday, Wednesday and Saturday". */
export function daysInWords(weekdays: number[], locale: Locale) {
	const runs: number[][] = [];
	for (const day of weekdays) {
		const run = runs.at(-1);
		if (run && run.at(-1) === day - 1) run.push(day);
		else runs.push([day]);
	}
	const parts = runs.flatMap((run) =>
		run.length >= 3
			? [
					m.agenda_days_range(
						{ from: weekdayName(run[0], locale), to: weekdayName(run.at(-1) ?? 7, locale) },
						{ locale }
					)
				]
			: run.map((day) => weekdayName(day, locale))
	);
	return capitalise(new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts));
}

/** "Monday to Friday: 10:00 to 16:00". */
export function hoursInWords(group: OpeningWords, locale: Locale) {
	const times = group.intervals
		.map(({ from, to }) => m.time_range({ from, to }, { locale }))
		.join(', ');
	return m.agenda_hours_line({ days: daysInWords(group.weekdays, locale), times }, { locale });
}

/** The same times in figures, for a line that names the days in two languages. */
export function hoursInFigures(group: OpeningWords) {
	return group.intervals.map(({ from, to }) => `${from}–${to}`).join(', ');
}

/** For an area-only place: the poster is about its neighbourhood, and never gives the address. */
export function areaOnlyWords(locale: Locale) {
	return m.agenda_area_only({}, { locale });
}
