import { readFeedQuery } from '$lib/server/feeds/feed-query';
import { findHsdsServices } from '$lib/server/hsds/export';
import { readPaging, toPage } from '$lib/server/hsds/pages';
import { hsdsLinesResponse, hsdsResponse } from '$lib/server/hsds/respond';
import type { RequestHandler } from './$types';

/** Public places and gatherings as HSDS 3.0 services, a page at a time (DESIGN.md). */
export const GET: RequestHandler = async ({ url, request }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin, neighbourhood } = read.query;
	let services = await findHsdsServices({ locale, origin, neighbourhoodSlug: neighbourhood?.slug });
	const organizationId = url.searchParams.get('organization_id')?.trim().toLowerCase();
	if (organizationId) {
		services = services.filter(
			(service) => service.organization_id.toLowerCase() === organizationId
		);
	}
	if (url.searchParams.get('format') === 'ndjson') return hsdsLinesResponse(request, services);
	return hsdsResponse(request, toPage(services, readPaging(url)));
};
