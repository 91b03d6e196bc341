import { compressedPlacesFeed, findPlacesFeedBody } from '$lib/server/feeds/geojson';
import { FEED_HEADERS, readFeedQuery } from '$lib/server/feeds/feed-query';
import { chooseEncoding } from '$lib/server/compression';
import type { RequestHandler } from './$types';

/** Whether an If-None-Match header names this tag (weak comparison, as for GET). */
function matches(ifNoneMatch: string | null, etag: string) {
	if (!ifNoneMatch) return false;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

export const GET: RequestHandler = async ({ url, request }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin, neighbourhood } = read.query;
	const body = await findPlacesFeedBody({ locale, origin, neighbourhoodSlug: neighbourhood?.slug });
	const headers: Record<string, string> = {
		'Content-Type': 'application/geo+json; charset=utf-8',
		ETag: body.etag,
		Vary: 'Accept-Encoding',
		...FEED_HEADERS
	};
	if (matches(request.headers.get('if-none-match'), body.etag)) {
		return new Response(null, { status: 304, headers });
	}
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	if (!encoding) return new Response(body.bytes, { headers });
	const compressed = await compressedPlacesFeed(body, encoding);
	// A view on the kept bytes, not a copy (zlib's buffers are never shared memory).
	const view = new Uint8Array(
		compressed.buffer as ArrayBuffer,
		compressed.byteOffset,
		compressed.byteLength
	);
	return new Response(view, {
		headers: { ...headers, 'Content-Encoding': encoding }
	});
};
