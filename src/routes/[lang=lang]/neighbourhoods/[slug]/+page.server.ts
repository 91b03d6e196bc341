import { error } from '@sveltejs/kit';
import {
	findNeighbourhoodBySlug,
	findNeighbourhoodOverview
} from '$lib/server/neighbourhoods/overview';
import { viewerOf } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { params, setHeaders } = event;
	const locale = params.lang as Locale;
	const neighbourhood = await findNeighbourhoodBySlug(params.slug);
	if (!neighbourhood) error(404, m.not_found_title({}, { locale }));

	const nowDate = currentTime();
	const overview = await findNeighbourhoodOverview(neighbourhood, locale, nowDate, viewerOf(event));
	setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return {
		now: dateToWallTime(nowDate),
		neighbourhood: overview.neighbourhood,
		/** The name in every language, for the embed code in another language than the page's. */
		names: neighbourhood.name,
		upcoming: overview.upcoming,
		moreUpcoming: overview.moreUpcoming,
		places: overview.places.map((place) => ({
			slug: place.slug,
			kind: place.kind,
			name: place.name,
			whatToExpect: place.whatToExpect,
			address: place.location.exact ? place.location.address : null,
			exact: place.location.exact,
			opening: place.opening,
			walkIn: place.walkIn,
			cost: place.cost,
			wheelchair: place.wheelchair,
			languages: place.languages
		})),
		bus: overview.bus
	};
};
