import { parseFilters, hasActiveFilters } from '$lib/server/listing/filters';
import { findWhatsOn } from '$lib/server/listing/whats-on';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import { currentTime } from '$lib/server/clock';
import type { Locale } from '$lib/i18n';
import { viewerOf } from '$lib/server/auth/guard';
import { listRoundsToday } from '$lib/server/outreach/live-status';
import type { PageServerLoad } from './$types';

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { params, url, setHeaders } = event;
	const locale = params.lang as Locale;
	const filters = parseFilters(url.searchParams);
	const [whatsOn, neighbourhoods, busToday] = await Promise.all([
		findWhatsOn(locale, filters, currentTime(), { viewer: viewerOf(event) }),
		listNeighbourhoods(locale),
		// A minute of caching (below) is fine for this notice: the round page itself is live.
		listRoundsToday(locale, viewerOf(event), currentTime())
	]);
	setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return {
		filters,
		filtered: hasActiveFilters(filters),
		busToday,
		neighbourhoods: neighbourhoods.map(({ slug, name }) => ({ slug, name })),
		window: whatsOn.window,
		upcoming: whatsOn.upcoming,
		moreUpcoming: whatsOn.moreUpcoming,
		places: {
			...whatsOn.places,
			items: whatsOn.places.items.map((place) => ({
				slug: place.slug,
				kind: place.kind,
				name: place.name,
				whatToExpect: place.whatToExpect,
				neighbourhood: place.neighbourhood.name,
				exact: place.location.exact,
				opening: place.opening,
				walkIn: place.walkIn,
				cost: place.cost,
				coffee: place.coffee,
				wheelchair: place.wheelchair,
				quietSpace: place.quietSpace,
				childrenWelcome: place.childrenWelcome,
				languages: place.languages
			}))
		}
	};
};
