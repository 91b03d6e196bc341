import { toNeighbourhoodSummary } from '$lib/server/neighbourhoods/queries';
import { buildCalendarFeed } from '$lib/server/feeds/ical';
import { readFeedQuery } from '$lib/server/feeds/feed-query';
import { feedResponse } from '$lib/server/feeds/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin, neighbourhood } = read.query;
	const body = await buildCalendarFeed({
		locale,
		origin,
		neighbourhood: neighbourhood ? toNeighbourhoodSummary(neighbourhood, locale) : undefined
	});
	return feedResponse(body, 'text/calendar; charset=utf-8', 'kwartier.ics');
};
