import { createHash } from 'node:crypto';
import { FEED_HEADERS } from './feed-query';

/** A weak tag of the text: the same text gets the same tag, so SvelteKit can answer 304. */
function tagOf(body: string) {
	return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * A feed as sent: anyone may fetch it, with a tag so a calendar app or feed reader that asks
 * every hour gets "not modified" while nothing changed. `filename` names the file a browser saves.
 */
export function feedResponse(body: string, contentType: string, filename?: string): Response {
	const headers: Record<string, string> = {
		'Content-Type': contentType,
		ETag: tagOf(body),
		...FEED_HEADERS
	};
	if (filename) {
		const safe = filename.replace(/[^A-Za-z0-9._-]/g, '-');
		headers['Content-Disposition'] = `inline; filename="${safe}"`;
	}
	return new Response(body, { headers });
}

/** Nothing a visitor may see under this address: the same 404 its page gives. */
export function feedNotFound(): Response {
	return new Response('Not found.\n', {
		status: 404,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', ...FEED_HEADERS }
	});
}
