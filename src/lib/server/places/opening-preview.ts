import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import { currentTime } from '$lib/server/clock';
import {
	openingState,
	validateOpeningHours,
	weekSchedule,
	type OpeningState,
	type ScheduleDay
} from '$lib/server/schedule/opening-hours';
import { dateToWallTime } from '$lib/server/schedule/time';

export const OPENING_HOURS_MAX = 500;

/** What a worker sees under the opening hours field: open now, and the next seven days. */
export type OpeningPreview =
	| {
			ok: true;
			value: string;
			now: string;
			opening: OpeningState;
			week: ScheduleDay[];
			/** The library's own remarks, in English; the hours work, but may not mean what was meant. */
			warnings: string[];
	  }
	| { ok: false; value: string; error: string };

/** The localized message for hours that cannot be read, with the library's own detail. */
export function openingHoursError(value: string, locale: Locale): string | null {
	const trimmed = value.trim();
	if (!trimmed) return null;
	if (trimmed.length > OPENING_HOURS_MAX) {
		return m.error_too_long({ max: OPENING_HOURS_MAX }, { locale });
	}
	const checked = validateOpeningHours(trimmed);
	return checked.ok ? null : m.tp_error_opening_hours({ detail: checked.message }, { locale });
}

export function previewOpeningHours(
	value: string,
	locale: Locale,
	now: Date = currentTime()
): OpeningPreview {
	const trimmed = value.trim();
	const error = openingHoursError(trimmed, locale);
	if (error) return { ok: false, value: trimmed, error };
	const expression = trimmed || null;
	const checked = expression ? validateOpeningHours(expression) : null;
	return {
		ok: true,
		value: trimmed,
		now: dateToWallTime(now),
		opening: openingState(expression, now),
		week: weekSchedule(expression, now, 7),
		warnings: checked?.ok ? checked.warnings : []
	};
}
