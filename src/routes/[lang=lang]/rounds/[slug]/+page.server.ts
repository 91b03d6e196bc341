import { error } from '@sveltejs/kit';
import { findPublicRound } from '$lib/server/rounds/public';
import { nextOccurrences } from '$lib/server/schedule/recurrence';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import { currentTime } from '$lib/server/clock';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { viewerOf } from '$lib/server/auth/guard';
import { showRoundToday } from '$lib/server/outreach/live-status';
import type { PageServerLoad } from './$types';

function minutesOf(time: string) {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { params, setHeaders } = event;
	const locale = params.lang as Locale;
	const round = await findPublicRound(params.slug, locale, viewerOf(event));
	if (!round) error(404, m.not_found_title({}, { locale }));

	const clock = currentTime();
	const now = dateToWallTime(clock);
	const visits = nextOccurrences(round, round.changes, now, 6);
	const firstArrival = round.stops[0] ? minutesOf(round.stops[0].arrivalTime) : 0;
	const held = visits.filter((visit) => visit.status !== 'cancelled');
	const stops = round.stops.map((stop) => {
		const offset = minutesOf(stop.arrivalTime) - firstArrival;
		const arrivals = held.map((visit) => addMinutes(visit.start, offset));
		const nextVisit = arrivals.find((arrival) => addMinutes(arrival, stop.stayMinutes) > now);
		// For a street the bus already passed today (or skipped), the visit after today.
		const laterVisit = arrivals.find((arrival) => arrival.slice(0, 10) > now.slice(0, 10));
		return { ...stop, nextVisit: nextVisit ?? null, laterVisit: laterVisit ?? null };
	});
	const live = await showRoundToday(round, clock);
	// The calendar feed shows what a visitor may see: a members-only round has none.
	const hasPublicCalendar =
		viewerOf(event).kind === 'visitor' ||
		(await findPublicRound(params.slug, locale)) !== undefined;
	const { changes: _changes, ...shown } = round;
	// On a day the bus rides, where it is changes from minute to minute: a cached copy would
	// show a stale stop after a reload (the live stream only starts once the page is open), so
	// every load asks the server again. Other days the page only changes when a worker edits
	// the round, and a minute of caching is fine.
	setHeaders({ 'Cache-Control': live ? 'no-cache' : 'public, max-age=60' });
	return { now, round: { ...shown, stops }, visits, live, hasPublicCalendar };
};
