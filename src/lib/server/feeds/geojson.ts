import { createHash } from 'node:crypto';
import { LOCALES, type Locale, type Localized } from '$lib/i18n';
import type { Cost, PlaceKind } from '$lib/server/db/schema';
import { listPublicPlaces, type PublicPlace } from '$lib/server/places/public';
import type { KeptBody } from '$lib/server/kept-body';
import { createDataCache } from '$lib/server/listing/data-version';

type PointGeometry = { type: 'Point'; coordinates: [number, number] };

export type PlaceFeatureProperties = {
	id: number;
	slug: string;
	kind: PlaceKind;
	/** The name in the feed's language (or the language it falls back to). */
	name: string;
	/** Only the languages the place really has a name in. */
	names: Localized;
	url: string;
	neighbourhood: { id: number; slug: string; name: string };
	/** `exact` when the geometry is the place itself; `neighbourhood` when only the area is told. */
	location: 'exact' | 'neighbourhood';
	address: string | null;
	openingHours: string | null;
	walkIn: boolean;
	cost: Cost;
	wheelchair: boolean;
	quietSpace: boolean;
	childrenWelcome: boolean;
	languages: string[];
	lastCheckedOn: string | null;
};

export type PlaceFeature = {
	type: 'Feature';
	id: string;
	geometry: PointGeometry | null;
	properties: PlaceFeatureProperties;
};

export type PlaceFeatureCollection = {
	type: 'FeatureCollection';
	features: PlaceFeature[];
};

export type PlacesFeedOptions = {
	locale: Locale;
	/** Absolute origin for the links back to the site, e.g. `https://kwartier.example`. */
	origin: string;
	neighbourhoodSlug?: string;
};

function toPlaceFeature(
	place: PublicPlace,
	names: Localized,
	{ locale, origin }: PlacesFeedOptions
): PlaceFeature {
	const { location } = place;
	return {
		type: 'Feature',
		id: `place-${place.id}`,
		// GeoJSON orders a position longitude first (RFC 7946, 3.1.1).
		geometry: location.exact ? { type: 'Point', coordinates: [location.lon, location.lat] } : null,
		properties: {
			id: place.id,
			slug: place.slug,
			kind: place.kind,
			name: place.name.text,
			names,
			url: `${origin}/${locale}/places/${encodeURIComponent(place.slug)}`,
			neighbourhood: {
				id: place.neighbourhood.id,
				slug: place.neighbourhood.slug,
				name: place.neighbourhood.name
			},
			location: location.exact ? 'exact' : 'neighbourhood',
			address: location.exact ? location.address : null,
			openingHours: place.openingHours,
			walkIn: place.walkIn,
			cost: place.cost,
			wheelchair: place.wheelchair,
			quietSpace: place.quietSpace,
			childrenWelcome: place.childrenWelcome,
			languages: place.languages,
			lastCheckedOn: place.lastCheckedOn
		}
	};
}

/**
 * The places a visitor may see, as GeoJSON. It is built from the visitor's public listing, so
 * area-only places arrive here already without point or address and get no geometry.
 */
export async function buildPlacesFeatureCollection(
	options: PlacesFeedOptions
): Promise<PlaceFeatureCollection> {
	const filters = { neighbourhoodSlug: options.neighbourhoodSlug };
	const listings = await Promise.all(
		LOCALES.map(async (locale) => ({ locale, places: await listPublicPlaces(locale, filters) }))
	);
	const names = new Map<number, Localized>();
	for (const { locale, places } of listings) {
		for (const place of places) {
			const known = names.get(place.id) ?? {};
			// The listing falls back to another language; only a real translation counts here.
			if (place.name.locale === locale) known[locale] = place.name.text;
			names.set(place.id, known);
		}
	}
	const listed = listings.find((listing) => listing.locale === options.locale)?.places ?? [];
	return {
		type: 'FeatureCollection',
		features: listed.map((place) => toPlaceFeature(place, names.get(place.id) ?? {}, options))
	};
}

/** The feed as sent (see KeptBody). */
export type PlacesFeedBody = KeptBody;

// A whole city's feed takes long to build and serialise, and it only changes when something is
// written: it is kept per language, neighbourhood and origin until the database changes (by
// this process or any other, see createDataCache).
const bodies = createDataCache<Promise<PlacesFeedBody>>(48);

async function buildPlacesFeedBody(options: PlacesFeedOptions): Promise<PlacesFeedBody> {
	const bytes = new TextEncoder().encode(
		JSON.stringify(await buildPlacesFeatureCollection(options))
	);
	const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
	return { bytes, etag: `W/"${hash}"` };
}

export function findPlacesFeedBody(options: PlacesFeedOptions): Promise<PlacesFeedBody> {
	const key = `${options.locale}|${options.neighbourhoodSlug ?? ''}|${options.origin}`;
	return bodies.get(key, () => buildPlacesFeedBody(options));
}
