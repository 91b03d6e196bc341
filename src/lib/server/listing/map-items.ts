import { createHash } from 'node:crypto';
import type { Locale } from '$lib/i18n';
import type { Filters } from './filters';
import { findWhatsOn, gatheringFiltersFrom, wants } from './whats-on';
import { listPublicGatherings } from '$lib/server/gatherings/public';
import { listPublicRounds } from '$lib/server/rounds/public';
import { VISITOR, type Viewer } from '$lib/server/visibility';
import { createDataCache } from './data-version';
import type { KeptBody } from '$lib/server/kept-body';
import {
	gatheringKindLabel,
	placeKindLabel,
	type GatheringKindName,
	type PlaceKindName
} from '$lib/labels';

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

/** The first items the map page names in its list below the map, of each sort. */
export const MAP_LISTED = 100;

/** One marker as the map page fetches it: short, because a city has thousands. */
export type MapMarkerRow = [
	lat: number,
	lon: number,
	tone: MapItem['type'],
	number: number | null,
	label: string,
	href: string
];

/** The markers as sent: the JSON text, encoded once, and a tag for it. */
export type MapMarkersBody = KeptBody & { count: number };

type MapView = { items: MapItem[]; markers?: MapMarkersBody };

// The page and its markers ask for the same items right after one another: they are kept per
// language, kind of viewer, filters and minute (the day and "open now" filters move with the
// clock), until the public data changes.
const views = createDataCache<Promise<MapView>>(32);

function viewKey(locale: Locale, filters: Filters, now: Date, viewer: Viewer) {
	const { page: _page, ...rest } = filters;
	const minute = Math.floor(now.getTime() / 60_000);
	return `${locale}|${viewer.kind}|${JSON.stringify(rest)}|${minute}`;
}

function findMapView(locale: Locale, filters: Filters, now: Date, viewer: Viewer) {
	return views.get(viewKey(locale, filters, now, viewer), async () => ({
		items: (await findMapItems(locale, filters, now, viewer)).items
	}));
}

/** What the map page itself shows: the first items of the list and how many there are. */
export async function summariseMap(
	locale: Locale,
	filters: Filters,
	now: Date,
	viewer: Viewer = VISITOR
) {
	const { items } = await findMapView(locale, filters, now, viewer);
	const onMap = items.filter((item) => item.point);
	const areaOnly = items.filter((item) => !item.point);
	return {
		listed: onMap.slice(0, MAP_LISTED),
		areaOnly: areaOnly.slice(0, MAP_LISTED),
		counts: { onMap: onMap.length, areaOnly: areaOnly.length, all: items.length }
	};
}

function kindLabel(item: MapItem, locale: Locale) {
	return item.type === 'place'
		? placeKindLabel(item.kind as PlaceKindName, locale)
		: gatheringKindLabel(item.kind as GatheringKindName | 'round', locale);
}

/** Six decimals are about 10 cm: as exact as the points are kept. */
const short = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

function buildMarkersBody(items: MapItem[], locale: Locale): MapMarkersBody {
	const markers: MapMarkerRow[] = [];
	for (const item of items) {
		if (!item.point) continue;
		markers.push([
			short(item.point.lat),
			short(item.point.lon),
			item.type,
			item.point.number ?? null,
			`${item.name} (${kindLabel(item, locale)})`,
			item.href
		]);
	}
	const bytes = new TextEncoder().encode(JSON.stringify({ markers }));
	const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
	return { bytes, etag: `W/"${hash}"`, count: markers.length };
}

/**
 * Every marker of the map with these filters, for this kind of viewer (members see
 * members-only items and the points of area-only ones; visitors never do): only items with a
 * point the viewer may see, as built by `findMapItems`.
 */
export async function findMapMarkersBody(
	locale: Locale,
	filters: Filters,
	now: Date,
	viewer: Viewer = VISITOR
): Promise<MapMarkersBody> {
	const view = await findMapView(locale, filters, now, viewer);
	view.markers ??= buildMarkersBody(view.items, locale);
	return view.markers;
}
