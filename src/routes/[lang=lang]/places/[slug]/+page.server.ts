import { error } from '@sveltejs/kit';
import { findPublicPlace } from '$lib/server/places/public';
import { listPublicGatherings } from '$lib/server/gatherings/public';
import { nextOccurrences } from '$lib/server/schedule/recurrence';
import { openingState, weekSchedule } from '$lib/server/schedule/opening-hours';
import { dateToWallTime } from '$lib/server/schedule/time';
import { currentTime } from '$lib/server/clock';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { viewerOf } from '$lib/server/auth/guard';
import { findPlaceNames } from '$lib/server/embed/names';
import type { PageServerLoad } from './$types';

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { params, setHeaders } = event;
	const locale = params.lang as Locale;
	const place = await findPublicPlace(params.slug, locale, viewerOf(event));
	if (!place) error(404, m.not_found_title({}, { locale }));

	const nowDate = currentTime();
	const now = dateToWallTime(nowDate);
	const [gatherings, names] = await Promise.all([
		listPublicGatherings(locale, { placeId: place.id }, viewerOf(event)),
		findPlaceNames(place.id)
	]);
	setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return {
		now,
		place,
		/** The name in every language, for the embed code in another language than the page's. */
		names,
		opening: openingState(place.openingHours, nowDate),
		week: weekSchedule(place.openingHours, nowDate, 7),
		gatherings: gatherings
			.map((gathering) => ({
				slug: gathering.slug,
				kind: gathering.kind,
				title: gathering.title,
				walkIn: gathering.walkIn,
				next: nextOccurrences(gathering, gathering.changes, now, 3)
			}))
			.sort((a, b) => (a.next[0]?.start ?? '9').localeCompare(b.next[0]?.start ?? '9'))
	};
};
