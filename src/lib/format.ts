import type { Locale } from '$lib/i18n';

// Wall times (`YYYY-MM-DDTHH:mm`, Brussels) are formatted as if they were UTC, so the
// visitor's own time zone never shifts them.
function asUtc(wall: string) {
	return new Date(`${wall.length === 10 ? `${wall}T00:00` : wall}:00Z`);
}

export function formatDay(wall: string, locale: Locale) {
	return new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(asUtc(wall));
}

export function formatShortDay(wall: string, locale: Locale) {
	return new Intl.DateTimeFormat(locale, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	}).format(asUtc(wall));
}

export function formatDate(wall: string, locale: Locale) {
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(asUtc(wall));
}

export function formatTime(wall: string) {
	return wall.slice(11, 16);
}

export function weekdayName(weekday: number, locale: Locale) {
	// 2024-01-01 was a Monday; weekday is 1 (Monday) to 7 (Sunday).
	return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2024, 0, weekday))
	);
}
