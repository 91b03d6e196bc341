import { parseFilters, hasActiveFilters } from '$lib/server/listing/filters';
import { summariseMap } from '$lib/server/listing/map-items';
import { currentTime } from '$lib/server/clock';
import type { Locale } from '$lib/i18n';
import { viewerOf } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { params, url, setHeaders } = event;
	const locale = params.lang as Locale;
	const filters = parseFilters(url.searchParams);
	setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return {
		query: url.search,
		filtered: hasActiveFilters(filters),
		// The markers come separately, after the page: a city has thousands of them.
		markersUrl: `/${locale}/map/markers.json${url.search}`,
		...(await summariseMap(locale, filters, currentTime(), viewerOf(event)))
	};
};
