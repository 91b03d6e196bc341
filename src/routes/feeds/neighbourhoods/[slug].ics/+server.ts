import { findNeighbourhoodCalendar } from '$lib/server/feeds/ical';
import { readFeedLocale } from '$lib/server/feeds/feed-query';
import { feedNotFound, feedResponse } from '$lib/server/feeds/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const calendar = await findNeighbourhoodCalendar(params.slug, {
		locale: readFeedLocale(url),
		origin: url.origin
	});
	if (!calendar) return feedNotFound();
	return feedResponse(calendar.body, 'text/calendar; charset=utf-8', calendar.filename);
};
