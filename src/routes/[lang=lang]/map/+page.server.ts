import { parseFilters, hasActiveFilters } from '$lib/server/listing/filters';
import { findMapItems } from '$lib/server/listing/map-items';
import { currentTime } from '$lib/server/clock';
import type { Locale } from '$lib/i18n';
import { viewerOf } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url, setHeaders } = event;
	const locale = params.lang as Locale;
	const filters = parseFilters(url.searchParams);
	setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return {
		query: url.search,
		filtered: hasActiveFilters(filters),
		...(await findMapItems(locale, filters, currentTime(), viewerOf(event)))
	};
};
