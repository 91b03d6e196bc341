import { error } from '@sveltejs/kit';
import { findPublicRound } from '$lib/server/rounds/public';
import { nextOccurrences } from '$lib/server/schedule/recurrence';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import { currentTime } from '$lib/server/clock';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { viewerOf } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

function minutesOf(time: string) {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

export const load: PageServerLoad = async (event) => {
	const { params, setHeaders } = event;
	const locale = params.lang as Locale;
	const round = await findPublicRound(params.slug, locale, viewerOf(event));
	if (!round) error(404, m.not_found_title({}, { locale }));

	const now = dateToWallTime(currentTime());
	const visits = nextOccurrences(round, round.changes, now, 6);
	const firstArrival = round.stops[0] ? minutesOf(round.stops[0].arrivalTime) : 0;
	const held = visits.filter((visit) => visit.status !== 'cancelled');
	const stops = round.stops.map((stop) => {
		const offset = minutesOf(stop.arrivalTime) - firstArrival;
		const nextVisit = held
			.map((visit) => addMinutes(visit.start, offset))
			.find((arrival) => addMinutes(arrival, stop.stayMinutes) > now);
		return { ...stop, nextVisit: nextVisit ?? null };
	});
	const { changes: _changes, ...shown } = round;
	setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return { now, round: { ...shown, stops }, visits };
};
