import { parseFilters } from '$lib/server/listing/filters';
import { findMapMarkersBody } from '$lib/server/listing/map-items';
import { currentTime } from '$lib/server/clock';
import { viewerOf } from '$lib/server/auth/guard';
import type { Locale } from '$lib/i18n';
import { keptBodyResponse } from '$lib/server/kept-body';
import type { RequestHandler } from './$types';

/**
 * The markers of the map page, with the same filters as the page: `{ markers: [[lat, lon,
 * tone, number, label, href], ...] }`. The page itself carries only the first items of its list,
 * so it opens fast; the map fetches these while Leaflet loads. Compressed once per encoding
 * and kept with the markers.
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
	return keptBodyResponse(request, body, {
		'Content-Type': 'application/json; charset=utf-8',
		// A member sees more than a visitor: never kept where someone else could get it.
		'Cache-Control': viewer.kind === 'member' ? 'private, no-store' : 'public, max-age=60'
	});
};
