import type { Locale } from '$lib/i18n';
import type { Filters } from './filters';
import { findWhatsOn, gatheringFiltersFrom, wants } from './whats-on';
import { listPublicGatherings } from '$lib/server/gatherings/public';
import { listPublicRounds } from '$lib/server/rounds/public';
import { VISITOR, type Viewer } from '$lib/server/visibility';

export type MapItem = {
	type: 'place' | 'gathering' | 'round';
	href: string;
	name: string;
	nameLocale: Locale;
	kind: string;
	neighbourhood: string;
	point: { lat: number; lon: number; number?: number } | null;
};

/**
 * Everything the map shows: places with an exact point, gatherings held at a meeting point,
 * and the coffee-bus stops. Area-only items come back without a point.
 */
export async function findMapItems(
	locale: Locale,
	filters: Filters,
	now: Date,
	viewer: Viewer = VISITOR
) {
	const all = { ...filters, page: 1 };
	const whatsOn = await findWhatsOn(locale, all, now, { complete: true, viewer });
	// With a day or "open now" chosen, only what happens then; otherwise every meeting point.
	const windowed = Boolean(filters.day || filters.open);
	const upcoming = new Set(whatsOn.upcoming.map((item) => `${item.type}:${item.slug}`));
	const shows = (type: 'gathering' | 'round', slug: string) =>
		windowed ? upcoming.has(`${type}:${slug}`) : wants(filters, type);
	const [gatherings, rounds] = await Promise.all([
		listPublicGatherings(locale, gatheringFiltersFrom(filters), viewer),
		listPublicRounds(locale, { neighbourhoodSlug: filters.neighbourhood }, viewer)
	]);

	const items: MapItem[] = whatsOn.places.items.map((place) => ({
		type: 'place',
		href: `/${locale}/places/${place.slug}`,
		name: place.name.text,
		nameLocale: place.name.locale,
		kind: place.kind,
		neighbourhood: place.neighbourhood.name,
		point: place.location.exact ? { lat: place.location.lat, lon: place.location.lon } : null
	}));
	for (const gathering of gatherings) {
		// Gatherings held at a place are found through that place's marker.
		if (gathering.place || !shows('gathering', gathering.slug)) continue;
		items.push({
			type: 'gathering',
			href: `/${locale}/gatherings/${gathering.slug}`,
			name: gathering.title.text,
			nameLocale: gathering.title.locale,
			kind: gathering.kind,
			neighbourhood: gathering.neighbourhood.name,
			point: gathering.location.exact
				? { lat: gathering.location.lat, lon: gathering.location.lon }
				: null
		});
	}
	for (const round of rounds) {
		if (!shows('round', round.slug)) continue;
		for (const stop of round.stops) {
			items.push({
				type: 'round',
				href: `/${locale}/rounds/${round.slug}`,
				name: `${round.name.text}: ${stop.street}`,
				nameLocale: round.name.locale,
				kind: 'round',
				neighbourhood: round.neighbourhood.name,
				point: { lat: stop.lat, lon: stop.lon, number: stop.position }
			});
		}
	}
	return { items };
}
