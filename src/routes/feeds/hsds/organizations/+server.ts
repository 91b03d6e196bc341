import { readFeedQuery } from '$lib/server/feeds/feed-query';
import { findHsdsServices, listHsdsOrganizations } from '$lib/server/hsds/export';
import { readPaging, toPage } from '$lib/server/hsds/pages';
import { hsdsResponse } from '$lib/server/hsds/respond';
import type { RequestHandler } from './$types';

/** The organizations behind the public services: Kwartier for the places, and every host. */
export const GET: RequestHandler = async ({ url, request }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin, neighbourhood } = read.query;
	const services = await findHsdsServices({
		locale,
		origin,
		neighbourhoodSlug: neighbourhood?.slug
	});
	return hsdsResponse(request, toPage(listHsdsOrganizations(services), readPaging(url)));
};
