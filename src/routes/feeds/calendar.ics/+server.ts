import { toNeighbourhoodSummary } from '$lib/server/neighbourhoods/queries';
import { buildCalendarFeed } from '$lib/server/feeds/ical';
import { FEED_HEADERS, readFeedQuery } from '$lib/server/feeds/feed-query';
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
	return new Response(body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="kwartier.ics"',
			...FEED_HEADERS
		}
	});
};
