import type { GatheringKind, PlaceKind } from '$lib/server/db/schema';
import type { Localized, Locale } from '$lib/i18n';
import { listPublicPlaces, type PublicPlace, type Text } from '$lib/server/places/public';
import {
	listPublicGatherings,
	type GatheringFilters,
	type PublicGathering
} from '$lib/server/gatherings/public';
import { listPublicRounds, type PublicRound } from '$lib/server/rounds/public';
import type { Occurrence } from '$lib/server/schedule/recurrence';
import { openingState, weekSchedule } from '$lib/server/schedule/opening-hours';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import type { Filters } from './filters';
import { VISITOR, type Viewer } from '$lib/server/visibility';
import { createDataCache } from './data-version';
import { occurrencesIn } from './occurrence-span';

export const PLACES_PER_PAGE = 20;
const UPCOMING_LIMIT = 60;
/** Without a chosen day the list shows a short "coming up", with a link to the whole week. */
const SOON_LIMIT = 12;

export type UpcomingItem = {
	type: 'gathering' | 'round';
	slug: string;
	kind: GatheringKind | 'round';
	title: Text;
	start: string;
	end: string;
	status: Occurrence['status'];
	note: Localized | null;
	where: Text | null;
	neighbourhood: string;
	walkIn: boolean;
	cost: PublicGathering['cost'];
};

export type PlaceCard = PublicPlace & {
	opening: ReturnType<typeof openingState>;
};

export type WhatsOn = {
	window: { from: string; to: string; kind: 'today' | 'week' | 'soon' };
	upcoming: UpcomingItem[];
	moreUpcoming: boolean;
	places: { items: PlaceCard[]; total: number; page: number; pageCount: number };
};

function windowFor(filters: Filters, now: string): WhatsOn['window'] {
	const today = now.slice(0, 10);
	if (filters.day === 'today')
		return { from: now, to: addMinutes(`${today}T00:00`, 24 * 60), kind: 'today' };
	if (filters.day === 'week') {
		const weekday = (new Date(`${today}T12:00Z`).getUTCDay() + 6) % 7;
		return { from: now, to: addMinutes(`${today}T00:00`, (7 - weekday) * 24 * 60), kind: 'week' };
	}
	return { from: now, to: addMinutes(now, 14 * 24 * 60), kind: 'soon' };
}

export function wants(filters: Filters, type: 'place' | 'gathering' | 'round') {
	return !filters.what || filters.what === type || filters.what.startsWith(`${type}:`);
}

/** The filters that the database can apply to gatherings. */
export function gatheringFiltersFrom(filters: Filters): GatheringFilters {
	return {
		...columnFilters(filters),
		kinds: kindOf<GatheringKind>(filters, 'gathering')
	};
}

function columnFilters(filters: Filters) {
	return {
		neighbourhoodSlug: filters.neighbourhood,
		walkIn: filters.walkin,
		freeOrPayWhatYouCan: filters.free,
		wheelchair: filters.wheelchair,
		quietSpace: filters.quiet,
		childrenWelcome: filters.children,
		language: filters.language
	};
}

function kindOf<K extends string>(filters: Filters, type: 'place' | 'gathering'): K[] | undefined {
	const prefix = `${type}:`;
	return filters.what?.startsWith(prefix) ? [filters.what.slice(prefix.length) as K] : undefined;
}

function gatheringItems(gathering: PublicGathering, window: WhatsOn['window']): UpcomingItem[] {
	return occurrencesIn(gathering, gathering.changes, { from: window.from, to: window.to }).map(
		(occurrence) => ({
			type: 'gathering',
			slug: gathering.slug,
			kind: gathering.kind,
			title: gathering.title,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status,
			note: occurrence.note,
			where: gathering.place?.name ?? null,
			neighbourhood: gathering.neighbourhood.name,
			walkIn: gathering.walkIn,
			cost: gathering.cost
		})
	);
}

function roundItems(round: PublicRound, window: WhatsOn['window']): UpcomingItem[] {
	return occurrencesIn(round, round.changes, { from: window.from, to: window.to }).map(
		(occurrence) => ({
			type: 'round',
			slug: round.slug,
			kind: 'round',
			title: round.name,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status,
			note: occurrence.note,
			where: null,
			neighbourhood: round.neighbourhood.name,
			walkIn: true,
			cost: 'free'
		})
	);
}

function isOngoing(
	item: { start: string; end: string; status: Occurrence['status'] },
	now: string
) {
	return item.status !== 'cancelled' && item.start <= now && now < item.end;
}

// The rows of a listing, per language, viewer and filter, until anything is written.
const ROW_CACHE_SIZE = 6;
const placeRows = createDataCache<Promise<PublicPlace[]>>(ROW_CACHE_SIZE);
const gatheringRows = createDataCache<Promise<PublicGathering[]>>(ROW_CACHE_SIZE);
const roundRows = createDataCache<Promise<PublicRound[]>>(ROW_CACHE_SIZE);
// A whole listing, per language, viewer, filters and minute: the pages of one list, and the
// requests within that minute, share it. Opening states and windows change at whole minutes.
const listings = createDataCache<Promise<Listing>>(24);

type Listing = {
	window: WhatsOn['window'];
	/** Sorted; without `complete` only as many as a page shows, plus one to tell there is more. */
	upcoming: UpcomingItem[];
	upcomingTotal: number;
	/** Sorted: open places first, then by name. */
	cards: Array<{ place: PublicPlace; opening: PlaceCard['opening'] }>;
};

const titleOrder = new Intl.Collator();

function byStartThenTitle(a: UpcomingItem, b: UpcomingItem) {
	// Wall times sort as plain text.
	if (a.start !== b.start) return a.start < b.start ? -1 : 1;
	return titleOrder.compare(a.title.text, b.title.text);
}

function upcomingLimit(window: WhatsOn['window'], complete: boolean, total: number) {
	return complete ? total : window.kind === 'soon' ? SOON_LIMIT : UPCOMING_LIMIT;
}

async function buildListing(
	locale: Locale,
	filters: Filters,
	nowDate: Date,
	viewer: Viewer,
	complete: boolean
): Promise<Listing> {
	const now = dateToWallTime(nowDate);
	const window = windowFor(filters, now);
	// Rounds are free, walk-in street visits; other facts are not known for them.
	const roundsMatch =
		wants(filters, 'round') && !filters.wheelchair && !filters.quiet && !filters.children;
	const who = `${locale}|${viewer.kind}`;
	const placeFilters = { ...columnFilters(filters), kinds: kindOf<PlaceKind>(filters, 'place') };
	const gatheringFilters = gatheringFiltersFrom(filters);

	const [placeList, gatheringList, roundList] = await Promise.all([
		wants(filters, 'place')
			? placeRows.get(`${who}|${JSON.stringify(placeFilters)}`, () =>
					listPublicPlaces(locale, placeFilters, viewer)
				)
			: Promise.resolve([]),
		wants(filters, 'gathering')
			? gatheringRows.get(`${who}|${JSON.stringify(gatheringFilters)}`, () =>
					listPublicGatherings(locale, gatheringFilters, viewer)
				)
			: Promise.resolve([]),
		roundsMatch && !filters.language
			? roundRows.get(`${who}|${filters.neighbourhood ?? ''}`, () =>
					listPublicRounds(locale, { neighbourhoodSlug: filters.neighbourhood }, viewer)
				)
			: Promise.resolve([])
	]);

	let upcoming = [
		...gatheringList.flatMap((gathering) => gatheringItems(gathering, window)),
		...roundList.flatMap((round) => roundItems(round, window))
	];
	if (filters.open) upcoming = upcoming.filter((item) => isOngoing(item, now));
	upcoming.sort(byStartThenTitle);

	let cards = placeList.map((place) => ({
		place,
		opening: openingState(place.openingHours, nowDate)
	}));
	if (filters.open) cards = cards.filter((card) => card.opening.state === 'open');
	if (filters.day === 'today')
		cards = cards.filter(
			(card) =>
				card.opening.state === 'open' ||
				weekSchedule(card.place.openingHours, nowDate, 1).some((day) =>
					day.intervals.some((interval) => interval.to > now.slice(11, 16))
				)
		);
	// Open places first: the ones you can walk into right now.
	cards.sort((a, b) => Number(b.opening.state === 'open') - Number(a.opening.state === 'open'));

	const kept = upcomingLimit(window, complete, upcoming.length);
	return {
		window,
		upcoming: complete ? upcoming : upcoming.slice(0, kept + 1),
		upcomingTotal: upcoming.length,
		cards
	};
}

/** The resident's main view: what happens soon, and the meeting places that match. */
export async function findWhatsOn(
	locale: Locale,
	filters: Filters,
	nowDate: Date = new Date(),
	options: { complete?: boolean; viewer?: Viewer } = {}
): Promise<WhatsOn> {
	const viewer = options.viewer ?? VISITOR;
	const complete = options.complete ?? false;
	// Everything below changes at whole minutes at most, so the minute is all that counts.
	const minute = new Date(Math.floor(nowDate.getTime() / 60_000) * 60_000);
	const everyPage = { ...filters, page: 1 };
	const listing = await listings.get(
		`${locale}|${viewer.kind}|${complete}|${minute.getTime()}|${JSON.stringify(everyPage)}`,
		() => buildListing(locale, everyPage, minute, viewer, complete)
	);

	// The map needs every item in the window, not the first screenful.
	const limit = upcomingLimit(listing.window, complete, listing.upcomingTotal);
	const { cards } = listing;
	const perPage = complete ? Math.max(cards.length, 1) : PLACES_PER_PAGE;
	const pageCount = Math.max(1, Math.ceil(cards.length / perPage));
	const page = Math.min(filters.page, pageCount);
	return {
		window: listing.window,
		upcoming: listing.upcoming.slice(0, limit),
		moreUpcoming: listing.upcomingTotal > limit,
		places: {
			items: cards
				.slice((page - 1) * perPage, page * perPage)
				.map(({ place, opening }) => ({ ...place, opening })),
			total: cards.length,
			page,
			pageCount
		}
	};
}
