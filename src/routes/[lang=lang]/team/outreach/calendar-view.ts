import { CALENDAR_SHOWS, type CalendarShow } from '$lib/server/outreach/calendar';
import { isCalendarDate } from '$lib/server/schedule/rrule-builder';
import { addMinutes } from '$lib/server/schedule/time';

/**
 * What the planning calendar shows, read from and written to the address, so that every view
 * can be bookmarked, shared and reached without JavaScript.
 */
export type CalendarView = {
	/** `YYYY-MM-DD`; null means today. */
	from: string | null;
	weeks: number;
	/** A neighbourhood slug; null means all of them. */
	neighbourhood: string | null;
	show: CalendarShow;
};

export const DEFAULT_WEEKS = 4;
const MAX_WEEKS = 8;
// Far enough to plan a year ahead and look back at last year; beyond it a typo is more likely.
const REACH_DAYS = 800;

export function readCalendarView(params: URLSearchParams, today: string): CalendarView {
	const from = params.get('from')?.trim() ?? '';
	const weeks = Number(params.get('weeks'));
	const neighbourhood = params.get('neighbourhood')?.trim() ?? '';
	const show = params.get('show') ?? '';
	const reach = (days: number) => addMinutes(`${today}T00:00`, days * 24 * 60).slice(0, 10);
	const fromOk =
		isCalendarDate(from) &&
		from >= reach(-REACH_DAYS) &&
		from <= reach(REACH_DAYS) &&
		from !== today;
	return {
		from: fromOk ? from : null,
		weeks: Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS ? weeks : DEFAULT_WEEKS,
		neighbourhood: /^[a-z0-9-]{1,80}$/.test(neighbourhood) ? neighbourhood : null,
		show: (CALENDAR_SHOWS as readonly string[]).includes(show) ? (show as CalendarShow) : 'all'
	};
}

/** The query string of a view, without the parts that are the default. */
export function viewSearch(view: CalendarView, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams();
	if (view.from) params.set('from', view.from);
	if (view.weeks !== DEFAULT_WEEKS) params.set('weeks', String(view.weeks));
	if (view.neighbourhood) params.set('neighbourhood', view.neighbourhood);
	if (view.show !== 'all') params.set('show', view.show);
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	const search = params.toString();
	return search ? `?${search}` : '';
}

/** The same view a number of days earlier or later. */
export function shiftView(view: CalendarView, today: string, days: number): CalendarView {
	const from = addMinutes(`${view.from ?? today}T00:00`, days * 24 * 60).slice(0, 10);
	return { ...view, from: from === today ? null : from };
}
