import type { Cost, GatheringKind, Neighbourhood, PlaceKind } from '$lib/server/db/schema';
import { pick, type Locale, type Localized } from '$lib/i18n';
import { listPublicGatherings, type PublicGathering } from '$lib/server/gatherings/public';
import { listPublicPlaces, type PublicPlace, type Text } from '$lib/server/places/public';
import { listPublicRounds, type PublicRound } from '$lib/server/rounds/public';
import { listOccurrences, nextOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { addMinutes } from '$lib/server/schedule/time';
import { VISITOR } from '$lib/server/visibility';
import { wallRangeOf, type AgendaPeriod } from './period';
import { openMinutesPerWeek, summariseOpeningWeek, type OpeningGroup } from './opening-words';
import { fitPoster } from './poster-fit';

/** One text in each language the poster is printed in. */
export type Texts = Partial<Record<Locale, Text>>;

export type PosterWhere = {
	/** The meeting place's name, when the gathering is held at one. */
	place: Texts | null;
	/** A named meeting point ("at the fountain"); only when its spot is public. */
	pointName: string | null;
	/** The street address; never for an area-only place or meeting point. */
	address: string | null;
	/** False for area-only: the poster says the address is given on request, never the address. */
	exact: boolean;
};

export type PosterItem = {
	key: string;
	kind: GatheringKind;
	title: Texts;
	start: string;
	end: string;
	status: Occurrence['status'];
	note: Localized | null;
	where: PosterWhere;
	walkIn: boolean;
	cost: Cost;
};

export type PosterDay = { date: string; items: PosterItem[] };

export type PosterBusVisit = {
	key: string;
	round: Texts;
	start: string;
	end: string;
	status: Occurrence['status'];
	note: Localized | null;
	/** False for the next visit after the period, shown when none falls inside it. */
	inPeriod: boolean;
	stops: Array<{ street: string; arrival: string }>;
};

export type PosterPlace = {
	slug: string;
	kind: PlaceKind;
	name: Texts;
	address: string | null;
	exact: boolean;
	cost: Cost;
	coffee: boolean;
	hours: OpeningGroup[];
};

export type Poster = {
	neighbourhood: { slug: string; name: Partial<Record<Locale, string>> };
	locales: Locale[];
	period: AgendaPeriod;
	days: PosterDay[];
	/** Items left off to keep the poster on one sheet; the poster points online for them. */
	moreItems: number;
	bus: PosterBusVisit[];
	moreBus: number;
	/** Stops of the first visit left off; the others are shown whole or not at all. */
	moreStops: number;
	places: PosterPlace[];
	morePlaces: number;
};

function textsOf<T>(byLocale: Map<Locale, T>, read: (value: T) => Text): Texts {
	const texts: Texts = {};
	for (const [locale, value] of byLocale) texts[locale] = read(value);
	return texts;
}

/** The same rows fetched once per language, joined by id: visibility is decided per fetch. */
function joinById<T extends { id: number }>(locales: Locale[], lists: T[][]) {
	const joined = new Map<number, Map<Locale, T>>();
	lists.forEach((list, index) => {
		for (const row of list) {
			const byLocale = joined.get(row.id) ?? new Map<Locale, T>();
			byLocale.set(locales[index], row);
			joined.set(row.id, byLocale);
		}
	});
	// Only rows that every language's fetch returned, in case a row changed in between.
	return [...joined.values()].filter((byLocale) => byLocale.size === locales.length);
}

function first<T>(byLocale: Map<Locale, T>): T {
	return byLocale.values().next().value as T;
}

function whereOf(byLocale: Map<Locale, PublicGathering>): PosterWhere {
	const gathering = first(byLocale);
	const exact = gathering.location.exact;
	return {
		place: gathering.place ? textsOf(byLocale, (row) => row.place?.name as Text) : null,
		pointName: exact ? gathering.pointName : null,
		address: gathering.location.exact ? gathering.location.address : null,
		exact
	};
}

function gatheringItems(
	byLocale: Map<Locale, PublicGathering>,
	period: AgendaPeriod
): PosterItem[] {
	const gathering = first(byLocale);
	const title = textsOf(byLocale, (row) => row.title);
	const where = whereOf(byLocale);
	return listOccurrences(gathering, gathering.changes, wallRangeOf(period), 100).map(
		(occurrence) => ({
			key: `${gathering.slug}:${occurrence.originalDate}`,
			kind: gathering.kind,
			title,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status,
			note: occurrence.note,
			where,
			walkIn: gathering.walkIn,
			cost: gathering.cost
		})
	);
}

function minutesOf(time: string) {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function busVisit(
	byLocale: Map<Locale, PublicRound>,
	occurrence: Occurrence,
	inPeriod: boolean
): PosterBusVisit {
	const round = first(byLocale);
	const firstArrival = round.stops[0] ? minutesOf(round.stops[0].arrivalTime) : 0;
	return {
		key: `${round.slug}:${occurrence.originalDate}`,
		round: textsOf(byLocale, (row) => row.name),
		start: occurrence.start,
		end: occurrence.end,
		status: occurrence.status,
		note: occurrence.note,
		inPeriod,
		// A moved visit keeps its stops in the same rhythm, from its new start.
		stops: round.stops.map((stop) => ({
			street: stop.street,
			arrival: addMinutes(occurrence.start, minutesOf(stop.arrivalTime) - firstArrival).slice(11)
		}))
	};
}

function busVisits(rounds: Map<Locale, PublicRound>[], period: AgendaPeriod, now: string) {
	const inPeriod = rounds
		.flatMap((byLocale) =>
			listOccurrences(first(byLocale), first(byLocale).changes, wallRangeOf(period), 100).map(
				(occurrence) => busVisit(byLocale, occurrence, true)
			)
		)
		.sort((a, b) => a.start.localeCompare(b.start));
	if (inPeriod.some((visit) => visit.status !== 'cancelled')) return inPeriod;
	// No bus in this period: tell when it does come next, so the poster is never a dead end.
	const after = [`${period.to}T00:00`, now].sort()[1];
	const next = rounds
		.flatMap((byLocale) =>
			nextOccurrences(first(byLocale), first(byLocale).changes, after, 6)
				.filter((occurrence) => occurrence.status !== 'cancelled')
				.slice(0, 1)
				.map((occurrence) => busVisit(byLocale, occurrence, false))
		)
		.sort((a, b) => a.start.localeCompare(b.start))
		.slice(0, 1);
	return [...inPeriod, ...next];
}

function walkInPlaces(places: Map<Locale, PublicPlace>[], period: AgendaPeriod) {
	return places
		.map((byLocale) => {
			const place = first(byLocale);
			const hours = summariseOpeningWeek(place.openingHours, period.from);
			return {
				slug: place.slug,
				kind: place.kind,
				name: textsOf(byLocale, (row) => row.name),
				address: place.location.exact ? place.location.address : null,
				exact: place.location.exact,
				cost: place.cost,
				coffee: place.coffee,
				hours,
				openMinutes: openMinutesPerWeek(hours)
			};
		})
		.filter((place) => place.openMinutes > 0)
		.sort((a, b) => b.openMinutes - a.openMinutes || a.slug.localeCompare(b.slug))
		.map(({ openMinutes: _openMinutes, ...place }) => place);
}

/**
 * Everything a neighbourhood's wall poster shows for a week or a month. A poster hangs where
 * anyone reads it, so it is always made as for a visitor, whoever prints it: public and
 * area-only items only, and area-only ones without an address.
 */
export async function collectPoster(
	neighbourhood: Neighbourhood,
	period: AgendaPeriod,
	locales: Locale[],
	now: string
): Promise<Poster> {
	const filters = { neighbourhoodSlug: neighbourhood.slug };
	const fetched = await Promise.all(
		locales.map((locale) =>
			Promise.all([
				listPublicGatherings(locale, filters, VISITOR),
				listPublicRounds(locale, filters, VISITOR),
				listPublicPlaces(locale, { ...filters, walkIn: true }, VISITOR)
			])
		)
	);
	const gatherings = joinById(
		locales,
		fetched.map(([rows]) => rows)
	);
	const rounds = joinById(
		locales,
		fetched.map(([, rows]) => rows)
	);
	const places = joinById(
		locales,
		fetched.map(([, , rows]) => rows)
	);

	const items = gatherings
		.flatMap((byLocale) => gatheringItems(byLocale, period))
		.sort(
			(a, b) =>
				a.start.localeCompare(b.start) ||
				(a.title[locales[0]]?.text ?? '').localeCompare(b.title[locales[0]]?.text ?? '')
		);
	const names = Object.fromEntries(
		locales.map((locale) => [locale, pick(neighbourhood.name, locale)])
	) as Poster['neighbourhood']['name'];
	const fitted = fitPoster(
		{
			items,
			bus: busVisits(rounds, period, now),
			places: walkInPlaces(places, period)
		},
		{ locales, period, names, now }
	);

	return {
		neighbourhood: { slug: neighbourhood.slug, name: names },
		locales,
		period,
		...fitted
	};
}
