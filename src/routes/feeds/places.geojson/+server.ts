import { buildPlacesFeatureCollection } from '$lib/server/feeds/geojson';
import { FEED_HEADERS, readFeedQuery } from '$lib/server/feeds/feed-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin, neighbourhood } = read.query;
	const collection = await buildPlacesFeatureCollection({
		locale,
		origin,
		neighbourhoodSlug: neighbourhood?.slug
	});
	return new Response(JSON.stringify(collection), {
		headers: { 'Content-Type': 'application/geo+json; charset=utf-8', ...FEED_HEADERS }
	});
};
