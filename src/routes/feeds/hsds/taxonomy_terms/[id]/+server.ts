import { readFeedLocale } from '$lib/server/feeds/feed-query';
import { feedNotFound } from '$lib/server/feeds/respond';
import { hsdsResponse } from '$lib/server/hsds/respond';
import { listKwartierTerms } from '$lib/server/hsds/terms';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, params, request }) => {
	const term = listKwartierTerms(readFeedLocale(url)).find(
		(item) => item.id === params.id.toLowerCase()
	);
	return term ? hsdsResponse(request, term) : feedNotFound();
};
