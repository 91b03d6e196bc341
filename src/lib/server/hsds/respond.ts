import { feedResponse } from '$lib/server/feeds/respond';
import { isNotModified } from '$lib/server/kept-body';

/** A 304 instead of the same text again, when the asker already has this version. */
function unlessUnchanged(request: Request, response: Response): Response {
	const etag = response.headers.get('etag');
	if (!etag || !isNotModified(request, etag)) return response;
	return new Response(null, { status: 304, headers: response.headers });
}

/** An HSDS answer: JSON anyone may fetch (FEED_HEADERS), with an ETag. */
export function hsdsResponse(request: Request, body: unknown, filename?: string): Response {
	return unlessUnchanged(
		request,
		feedResponse(JSON.stringify(body), 'application/json; charset=utf-8', filename)
	);
}

/** `?format=ndjson`: every item on a line of its own, unpaginated (the HSDS API's `format`). */
export function hsdsLinesResponse(request: Request, items: unknown[]): Response {
	const lines = items.map((item) => `${JSON.stringify(item)}\n`).join('');
	return unlessUnchanged(request, feedResponse(lines, 'application/x-ndjson; charset=utf-8'));
}
