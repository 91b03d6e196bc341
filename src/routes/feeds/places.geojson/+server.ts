import { findPlacesFeedBody } from '$lib/server/feeds/geojson';
import { FEED_HEADERS, readFeedQuery } from '$lib/server/feeds/feed-query';
import { keptBodyResponse } from '$lib/server/kept-body';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin, neighbourhood } = read.query;
	const body = await findPlacesFeedBody({ locale, origin, neighbourhoodSlug: neighbourhood?.slug });
	return keptBodyResponse(request, body, {
		'Content-Type': 'application/geo+json; charset=utf-8',
		...FEED_HEADERS
	});
};
