import type { Locale } from '$lib/i18n';
import { formatDate, formatShortDay, weekdayName } from '$lib/format';

function capitalize(text: string, locale: Locale) {
	return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "Tue 24 Nov" for a `YYYY-MM-DD` date or a wall time. */
export function dayLabel(wall: string, locale: Locale) {
	return capitalize(formatShortDay(wall, locale), locale);
}

/** "Tue 24 Nov 12:00–14:00", or with both days when it runs past midnight. */
export function gapWhen(gap: { start: string; end: string }, locale: Locale) {
	const from = gap.start.slice(11, 16);
	const sameDay = gap.start.slice(0, 10) === gap.end.slice(0, 10);
	const endsAtMidnight = gap.end.slice(11, 16) === '00:00';
	if (sameDay) return `${dayLabel(gap.start, locale)} ${from}–${gap.end.slice(11, 16)}`;
	if (endsAtMidnight && isNextDay(gap.start, gap.end))
		return `${dayLabel(gap.start, locale)} ${from}–24:00`;
	return `${dayLabel(gap.start, locale)} ${from} – ${dayLabel(gap.end, locale)} ${gap.end.slice(11, 16)}`;
}

function isNextDay(start: string, end: string) {
	const a = Date.parse(`${start.slice(0, 10)}T00:00Z`);
	const b = Date.parse(`${end.slice(0, 10)}T00:00Z`);
	return b - a === 24 * 60 * 60 * 1000;
}

/** A one-off change: "Tue 24 Nov 12:00–14:00" or "Tue 24 Nov 12:00 – Fri 27 Nov 17:00". */
export function spanWhen(startsAt: string, endsAt: string, locale: Locale) {
	return gapWhen({ start: startsAt, end: endsAt }, locale);
}

export function weekdayLabel(weekday: number, locale: Locale) {
	return weekdayName(weekday, locale);
}

export function longDate(date: string, locale: Locale) {
	return formatDate(date, locale);
}
