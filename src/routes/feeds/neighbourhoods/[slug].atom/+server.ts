import { findNeighbourhoodNewsFeed } from '$lib/server/feeds/atom';
import { readFeedLocale } from '$lib/server/feeds/feed-query';
import { feedNotFound, feedResponse } from '$lib/server/feeds/respond';
import { currentTime } from '$lib/server/clock';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const feed = await findNeighbourhoodNewsFeed(params.slug, {
		locale: readFeedLocale(url),
		origin: url.origin,
		now: currentTime()
	});
	if (!feed) return feedNotFound();
	return feedResponse(feed, 'application/atom+xml; charset=utf-8');
};
