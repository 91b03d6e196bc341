import { readFeedQuery } from '$lib/server/feeds/feed-query';
import { findHsdsServices } from '$lib/server/hsds/export';
import { toPage } from '$lib/server/hsds/pages';
import { hsdsResponse } from '$lib/server/hsds/respond';
import type { RequestHandler } from './$types';

/**
 * Every public service in one file, shaped as a single page of the services list: what an
 * import into another system (or another Kwartier) takes in one go.
 */
export const GET: RequestHandler = async ({ url, request }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin, neighbourhood } = read.query;
	const services = await findHsdsServices({
		locale,
		origin,
		neighbourhoodSlug: neighbourhood?.slug
	});
	const name = ['kwartier-hsds', neighbourhood?.slug, locale].filter(Boolean).join('-');
	return hsdsResponse(
		request,
		toPage(services, { page: 1, perPage: Math.max(1, services.length) }),
		`${name}.json`
	);
};
