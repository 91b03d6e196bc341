import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import type { Neighbourhood } from '$lib/server/db/schema';
import { findNeighbourhood } from '$lib/server/neighbourhoods/queries';

export type FeedQuery = {
	locale: Locale;
	/** Where links in the feed point back to: the origin the feed was asked from. */
	origin: string;
	neighbourhood: Neighbourhood | null;
};

export type FeedQueryResult = { ok: true; query: FeedQuery } | { ok: false; response: Response };

/** Headers every public feed shares: anyone may fetch it, and it may be a few minutes old. */
export const FEED_HEADERS = {
	'Access-Control-Allow-Origin': '*',
	'Cache-Control': 'public, max-age=300'
} as const;

/** Reads `?lang=`: nl when absent or unknown, so an old or mistyped link still answers. */
export function readFeedLocale(url: URL): Locale {
	const lang = url.searchParams.get('lang');
	return isLocale(lang) ? lang : BASE_LOCALE;
}

/** Reads `?lang=` (nl when absent or unknown) and `?neighbourhood=` (an id or a slug). */
export async function readFeedQuery(url: URL): Promise<FeedQueryResult> {
	const locale = readFeedLocale(url);
	const wanted = url.searchParams.get('neighbourhood')?.trim();
	const neighbourhood = wanted ? await findNeighbourhood(wanted) : null;
	if (wanted && !neighbourhood) {
		return {
			ok: false,
			response: new Response('Unknown neighbourhood.\n', {
				status: 404,
				headers: { 'Content-Type': 'text/plain; charset=utf-8', ...FEED_HEADERS }
			})
		};
	}
	return { ok: true, query: { locale, origin: url.origin, neighbourhood: neighbourhood ?? null } };
}
