import type { Neighbourhood } from '$lib/server/db/schema';
import { pick, type Locale } from '$lib/i18n';
import { parseFilters } from '$lib/server/listing/filters';
import { findWhatsOn, type PlaceCard, type UpcomingItem } from '$lib/server/listing/whats-on';
import { listPublicPlaces } from '$lib/server/places/public';
import { listPublicRounds, type PublicRound } from '$lib/server/rounds/public';
import { nextOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import { VISITOR, type Viewer } from '$lib/server/visibility';
import { findNeighbourhood, listNeighbourhoods } from './queries';

/** What the neighbourhood page lists before it points to the full list. */
export const OVERVIEW_UPCOMING_LIMIT = 40;
const SLUG = /^[a-z0-9-]{1,60}$/;

export type BusVisit = {
	round: { slug: string; name: PublicRound['name'] };
	visit: Occurrence;
	/** A cancelled date before this visit, so the page can say the bus skips it. */
	skipped: Occurrence | null;
	stops: Array<{ position: number; street: string; arrival: string; stayMinutes: number }>;
};

export type NeighbourhoodOverview = {
	neighbourhood: { slug: string; name: string; municipality: string };
	upcoming: UpcomingItem[];
	moreUpcoming: boolean;
	places: PlaceCard[];
	bus: BusVisit[];
};

/** A neighbourhood by its slug only: a page address never takes a numeric id. */
export async function findNeighbourhoodBySlug(slug: string): Promise<Neighbourhood | undefined> {
	if (!SLUG.test(slug)) return undefined;
	const found = await findNeighbourhood(slug);
	return found?.slug === slug ? found : undefined;
}

function minutesOf(time: string) {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The next visit of a round that really happens, with the arrival time at each stop. */
export function nextBusVisit(round: PublicRound, now: string): BusVisit | null {
	const visits = nextOccurrences(round, round.changes, now, 8);
	const visit = visits.find((occurrence) => occurrence.status !== 'cancelled');
	if (!visit) return null;
	const skipped =
		visits.find(
			(occurrence) => occurrence.status === 'cancelled' && occurrence.start < visit.start
		) ?? null;
	const firstArrival = round.stops[0] ? minutesOf(round.stops[0].arrivalTime) : 0;
	return {
		round: { slug: round.slug, name: round.name },
		visit,
		skipped,
		stops: round.stops.map((stop) => ({
			position: stop.position,
			street: stop.street,
			arrival: addMinutes(visit.start, minutesOf(stop.arrivalTime) - firstArrival),
			stayMinutes: stop.stayMinutes
		}))
	};
}

/**
 * A neighbourhood's page: what is on in the coming two weeks, its meeting places with the
 * walk-in ones first, and the next coffee-bus visit. The viewer decides what is shown, as on
 * every public page.
 */
export async function findNeighbourhoodOverview(
	neighbourhood: Neighbourhood,
	locale: Locale,
	nowDate: Date,
	viewer: Viewer = VISITOR
): Promise<NeighbourhoodOverview> {
	const now = dateToWallTime(nowDate);
	const filters = parseFilters(new URLSearchParams({ neighbourhood: neighbourhood.slug }));
	const [whatsOn, rounds] = await Promise.all([
		findWhatsOn(locale, filters, nowDate, { viewer, complete: true }),
		listPublicRounds(locale, { neighbourhoodSlug: neighbourhood.slug }, viewer)
	]);
	// Open-now order from the listing stays within each group.
	const places = [...whatsOn.places.items].sort((a, b) => Number(b.walkIn) - Number(a.walkIn));
	const bus = rounds
		.map((round) => nextBusVisit(round, now))
		.filter((visit): visit is BusVisit => visit !== null)
		.sort((a, b) => a.visit.start.localeCompare(b.visit.start));
	return {
		neighbourhood: {
			slug: neighbourhood.slug,
			name: pick(neighbourhood.name, locale),
			municipality: neighbourhood.municipality
		},
		upcoming: whatsOn.upcoming.slice(0, OVERVIEW_UPCOMING_LIMIT),
		moreUpcoming: whatsOn.upcoming.length > OVERVIEW_UPCOMING_LIMIT,
		places,
		bus
	};
}

export type NeighbourhoodListEntry = {
	slug: string;
	name: string;
	places: number;
	walkInPlaces: number;
};

/** Every neighbourhood with how many meeting places the viewer may see there. */
export async function listNeighbourhoodsWithCounts(
	locale: Locale,
	viewer: Viewer = VISITOR
): Promise<NeighbourhoodListEntry[]> {
	const [neighbourhoods, places] = await Promise.all([
		listNeighbourhoods(locale),
		listPublicPlaces(locale, {}, viewer)
	]);
	return neighbourhoods.map((neighbourhood) => {
		const here = places.filter((place) => place.neighbourhood.id === neighbourhood.id);
		return {
			slug: neighbourhood.slug,
			name: neighbourhood.name,
			places: here.length,
			walkInPlaces: here.filter((place) => place.walkIn).length
		};
	});
}
