import { compressedPlacesFeed, findPlacesFeedBody } from '$lib/server/feeds/geojson';
import { FEED_HEADERS, readFeedLocale } from '$lib/server/feeds/feed-query';
import { feedNotFound, isNotModified } from '$lib/server/feeds/respond';
import { findNeighbourhoodBySlug } from '$lib/server/neighbourhoods/overview';
import { chooseEncoding } from '$lib/server/compression';
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
	const headers: Record<string, string> = {
		'Content-Type': 'application/geo+json; charset=utf-8',
		'Content-Disposition': `inline; filename="${neighbourhood.slug}.geojson"`,
		ETag: body.etag,
		Vary: 'Accept-Encoding',
		...FEED_HEADERS
	};
	if (isNotModified(request, body.etag)) return new Response(null, { status: 304, headers });
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	if (!encoding) return new Response(body.bytes, { headers });
	const compressed = await compressedPlacesFeed(body, encoding);
	// A view on the kept bytes, not a copy (zlib's buffers are never shared memory).
	const buffer = compressed.buffer as ArrayBuffer;
	const view = new Uint8Array(buffer, compressed.byteOffset, compressed.byteLength);
	return new Response(view, { headers: { ...headers, 'Content-Encoding': encoding } });
};
