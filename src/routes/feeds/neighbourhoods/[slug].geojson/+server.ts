import { findPlacesFeedBody } from '$lib/server/feeds/geojson';
import { FEED_HEADERS, readFeedLocale } from '$lib/server/feeds/feed-query';
import { feedNotFound } from '$lib/server/feeds/respond';
import { findNeighbourhoodBySlug } from '$lib/server/neighbourhoods/overview';
import { keptBodyResponse } from '$lib/server/kept-body';
import type { RequestHandler } from './$types';

/** The public places of one neighbourhood: `/feeds/places.geojson?neighbourhood=` at its own address. */
export const GET: RequestHandler = async ({ params, url, request }) => {
	const neighbourhood = await findNeighbourhoodBySlug(params.slug);
	if (!neighbourhood) return feedNotFound();
	const body = await findPlacesFeedBody({
		locale: readFeedLocale(url),
		origin: url.origin,
		neighbourhoodSlug: neighbourhood.slug
	});
	return keptBodyResponse(request, body, {
		'Content-Type': 'application/geo+json; charset=utf-8',
		'Content-Disposition': `inline; filename="${neighbourhood.slug}.geojson"`,
		...FEED_HEADERS
	});
};
