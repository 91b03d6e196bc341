import type { Locale } from '$lib/i18n';

// The words of $lib/format (formatDate, formatDay, weekdayName), with each formatter made once
// per language: the export of a whole city formats thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: 'date' | 'day' | 'weekday'): Intl.DateTimeFormat {
	const key = `${locale}|${kind}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(
			locale,
			kind === 'date'
				? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
				: kind === 'day'
					? { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }
					: { weekday: 'long', timeZone: 'UTC' }
		);
		formatters.set(key, found);
	}
	return found;
}

/** Wall times are formatted as if they were UTC, so no time zone shifts them. */
function asUtc(wall: string) {
	return new Date(`${wall.length === 10 ? `${wall}T00:00` : wall.slice(0, 16)}:00Z`);
}

/** `2026-12-05` → "5 december 2026". */
export function dateInWords(wall: string, locale: Locale): string {
	return formatter(locale, 'date').format(asUtc(wall));
}

/** `2026-12-16T18:00` → "woensdag 16 december". */
export function dayInWords(wall: string, locale: Locale): string {
	return formatter(locale, 'day').format(asUtc(wall));
}

/** 1 (Monday) … 7 (Sunday) → "maandag". */
export function weekdayInWords(weekday: number, locale: Locale): string {
	// 2024-01-01 was a Monday.
	return formatter(locale, 'weekday').format(new Date(Date.UTC(2024, 0, weekday)));
}
