import type { Cost, GatheringKind, Neighbourhood } from '$lib/server/db/schema';
import { pick, pickWithLocale, type Locale } from '$lib/i18n';
import { listPublicGatherings, type PublicGathering } from '$lib/server/gatherings/public';
import { findPublicPlace, type Text } from '$lib/server/places/public';
import { listPublicRounds, type PublicRound } from '$lib/server/rounds/public';
import { listOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { addMinutes } from '$lib/server/schedule/time';
import { VISITOR } from '$lib/server/visibility';

/**
 * The agenda a partner puts on its own website in an iframe. It is always made as for a
 * visitor without an account: a signed-in member looking at a partner's site sees what every
 * other reader of that site sees.
 */

export const EMBED_WEEKS = { min: 1, max: 8, fallback: 4 } as const;
export const EMBED_LIMIT = { min: 1, max: 30, fallback: 10 } as const;

export type EmbedOptions = { weeks: number; limit: number };

export type EmbedItem = {
	key: string;
	type: 'gathering' | 'round';
	slug: string;
	kind: GatheringKind | 'round';
	title: Text;
	start: string;
	end: string;
	status: Occurrence['status'];
	/** The note of a cancelled or moved date, in the embed's language when there is one. */
	note: Text | null;
	/** The meeting place's name; never an address. */
	where: Text | null;
	walkIn: boolean;
	cost: Cost;
};

export type EmbedAgenda = {
	items: EmbedItem[];
	/** Dates in the window left off by the limit: the embed points to Kwartier for them. */
	more: boolean;
	options: EmbedOptions;
};

export type PlaceEmbed = EmbedAgenda & {
	place: {
		slug: string;
		name: Text;
		neighbourhood: string;
		/** Null for an area-only place: its address never leaves Kwartier. */
		address: string | null;
	};
};

export type NeighbourhoodEmbed = EmbedAgenda & {
	neighbourhood: { slug: string; name: string };
};

function whole(value: string | null, bounds: { min: number; max: number; fallback: number }) {
	if (value === null || !/^\d{1,3}$/.test(value.trim())) return bounds.fallback;
	const number = Number(value);
	return number >= bounds.min && number <= bounds.max ? number : bounds.fallback;
}

/** `?weeks=` and `?limit=`; anything out of bounds or not a whole number falls back quietly. */
export function readEmbedOptions(search: URLSearchParams): EmbedOptions {
	return {
		weeks: whole(search.get('weeks'), EMBED_WEEKS),
		limit: whole(search.get('limit'), EMBED_LIMIT)
	};
}

type Range = { from: string; to: string };

function noteOf(occurrence: Occurrence, locale: Locale): Text | null {
	const note = pickWithLocale(occurrence.note, locale);
	return note.text ? note : null;
}

function gatheringItems(gathering: PublicGathering, range: Range, locale: Locale): EmbedItem[] {
	return listOccurrences(gathering, gathering.changes, range, EMBED_LIMIT.max + 1).map(
		(occurrence) => ({
			key: `${gathering.slug}:${occurrence.originalDate}`,
			type: 'gathering',
			slug: gathering.slug,
			kind: gathering.kind,
			title: gathering.title,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status,
			note: noteOf(occurrence, locale),
			where: gathering.place?.name ?? null,
			walkIn: gathering.walkIn,
			cost: gathering.cost
		})
	);
}

function roundItems(round: PublicRound, range: Range, locale: Locale): EmbedItem[] {
	return listOccurrences(round, round.changes, range, EMBED_LIMIT.max + 1).map((occurrence) => ({
		key: `${round.slug}:${occurrence.originalDate}`,
		type: 'round',
		slug: round.slug,
		kind: 'round',
		title: round.name,
		start: occurrence.start,
		end: occurrence.end,
		status: occurrence.status,
		note: noteOf(occurrence, locale),
		where: null,
		// The coffee bus stops in the street: anyone can come for a cup, for free.
		walkIn: true,
		cost: 'free'
	}));
}

function rangeOf(now: string, options: EmbedOptions): Range {
	return { from: now, to: addMinutes(now, options.weeks * 7 * 24 * 60) };
}

function agendaOf(items: EmbedItem[], options: EmbedOptions): EmbedAgenda {
	const order = new Intl.Collator();
	const sorted = items.sort(
		(a, b) => a.start.localeCompare(b.start) || order.compare(a.title.text, b.title.text)
	);
	return {
		items: sorted.slice(0, options.limit),
		more: sorted.length > options.limit,
		options
	};
}

/** The coming dates of a neighbourhood's public gatherings and coffee-bus visits. */
export async function collectNeighbourhoodEmbed(
	neighbourhood: Neighbourhood,
	locale: Locale,
	now: string,
	options: EmbedOptions
): Promise<NeighbourhoodEmbed> {
	const range = rangeOf(now, options);
	const filter = { neighbourhoodSlug: neighbourhood.slug };
	const [gatherings, rounds] = await Promise.all([
		listPublicGatherings(locale, filter, VISITOR),
		listPublicRounds(locale, filter, VISITOR)
	]);
	return {
		neighbourhood: { slug: neighbourhood.slug, name: pick(neighbourhood.name, locale) },
		...agendaOf(
			[
				...gatherings.flatMap((gathering) => gatheringItems(gathering, range, locale)),
				...rounds.flatMap((round) => roundItems(round, range, locale))
			],
			options
		)
	};
}

/** The coming dates at one public or area-only place; undefined when a visitor may not see it. */
export async function collectPlaceEmbed(
	slug: string,
	locale: Locale,
	now: string,
	options: EmbedOptions
): Promise<PlaceEmbed | undefined> {
	const place = await findPublicPlace(slug, locale, VISITOR);
	if (!place) return undefined;
	const gatherings = await listPublicGatherings(locale, { placeId: place.id }, VISITOR);
	const range = rangeOf(now, options);
	return {
		place: {
			slug: place.slug,
			name: place.name,
			neighbourhood: place.neighbourhood.name,
			address: place.location.exact ? place.location.address : null
		},
		...agendaOf(
			gatherings.flatMap((gathering) => gatheringItems(gathering, range, locale)),
			options
		)
	};
}
