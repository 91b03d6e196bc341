import { readFeedLocale } from '$lib/server/feeds/feed-query';
import { readPaging, toPage } from '$lib/server/hsds/pages';
import { hsdsResponse } from '$lib/server/hsds/respond';
import { listKwartierTerms } from '$lib/server/hsds/terms';
import type { RequestHandler } from './$types';

/** What the `taxonomy_term_id` of each attribute in the services means. */
export const GET: RequestHandler = ({ url, request }) =>
	hsdsResponse(request, toPage(listKwartierTerms(readFeedLocale(url)), readPaging(url)));
