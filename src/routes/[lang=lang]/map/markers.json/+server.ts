import { parseFilters } from '$lib/server/listing/filters';
import { findMapMarkersBody } from '$lib/server/listing/map-items';
import { currentTime } from '$lib/server/clock';
import { viewerOf } from '$lib/server/auth/guard';
import type { Locale } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** Whether an If-None-Match header names this tag (weak comparison, as for GET). */
function matches(ifNoneMatch: string | null, etag: string) {
	if (!ifNoneMatch) return false;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * The markers of the map page, with the same filters as the page: `{ markers: [[lat, lon,
 * tone, number, label, href], ...] }`. The page itself carries only the first items of its list,
 * so it opens fast; the map fetches these while Leaflet loads. (The compression hook compresses
 * the JSON.)
 */
export const GET: RequestHandler = async (event) => {
	const { params, url, request } = event;
	const viewer = viewerOf(event);
	const body = await findMapMarkersBody(
		params.lang as Locale,
		parseFilters(url.searchParams),
		currentTime(),
		viewer
	);
	const headers: Record<string, string> = {
		'Content-Type': 'application/json; charset=utf-8',
		ETag: body.etag,
		// A member sees more than a visitor: never kept where someone else could get it.
		'Cache-Control': viewer.kind === 'member' ? 'private, no-store' : 'public, max-age=60'
	};
	if (matches(request.headers.get('if-none-match'), body.etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body.bytes, { headers });
};
