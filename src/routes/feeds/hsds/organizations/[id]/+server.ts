import { readFeedQuery } from '$lib/server/feeds/feed-query';
import { feedNotFound } from '$lib/server/feeds/respond';
import { findHsdsServices, listHsdsOrganizations } from '$lib/server/hsds/export';
import { hsdsResponse } from '$lib/server/hsds/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, params, request }) => {
	const read = await readFeedQuery(url);
	if (!read.ok) return read.response;
	const { locale, origin } = read.query;
	const organization = listHsdsOrganizations(await findHsdsServices({ locale, origin })).find(
		(item) => item.id.toLowerCase() === params.id.toLowerCase()
	);
	return organization ? hsdsResponse(request, organization) : feedNotFound();
};
