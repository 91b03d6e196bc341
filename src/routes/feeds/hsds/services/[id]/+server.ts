import { readFeedQuery } from '$lib/server/feeds/feed-query';
import { feedNotFound } from '$lib/server/feeds/respond';
import { findHsdsServices } from '$lib/server/hsds/export';
import { hsdsResponse } from '$lib/server/hsds/respond';
import type { RequestHandler } from './$types';

/** One service by its HSDS id; 404 for an id that no visitor may see. */
export const GET: RequestHandler = async ({ url, params, request }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin } = read.query;
	const services = await findHsdsServices({ locale, origin });
	const service = services.find((item) => item.id.toLowerCase() === params.id.toLowerCase());
	return service ? hsdsResponse(request, service) : feedNotFound();
};
