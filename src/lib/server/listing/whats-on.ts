import type { GatheringKind, PlaceKind } from '$lib/server/db/schema';
import type { Localized, Locale } from '$lib/i18n';
import { listPublicPlaces, type PublicPlace, type Text } from '$lib/server/places/public';
import {
	listPublicGatherings,
	type GatheringFilters,
	type PublicGathering
} from '$lib/server/gatherings/public';
import { listPublicRounds, type PublicRound } from '$lib/server/rounds/public';
import { listOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { openingState, weekSchedule } from '$lib/server/schedule/opening-hours';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import type { Filters } from './filters';
import { VISITOR, type Viewer } from '$lib/server/visibility';

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
	return listOccurrences(gathering, gathering.changes, { from: window.from, to: window.to }).map(
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
	return listOccurrences(round, round.changes, { from: window.from, to: window.to }).map(
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

/** The resident's main view: what happens soon, and the meeting places that match. */
export async function findWhatsOn(
	locale: Locale,
	filters: Filters,
	nowDate: Date = new Date(),
	options: { complete?: boolean; viewer?: Viewer } = {}
): Promise<WhatsOn> {
	const now = dateToWallTime(nowDate);
	const viewer = options.viewer ?? VISITOR;
	const window = windowFor(filters, now);
	// Rounds are free, walk-in street visits; other facts are not known for them.
	const roundsMatch =
		wants(filters, 'round') && !filters.wheelchair && !filters.quiet && !filters.children;

	const [placeRows, gatheringRows, roundRows] = await Promise.all([
		wants(filters, 'place')
			? listPublicPlaces(
					locale,
					{ ...columnFilters(filters), kinds: kindOf<PlaceKind>(filters, 'place') },
					viewer
				)
			: Promise.resolve([]),
		wants(filters, 'gathering')
			? listPublicGatherings(locale, gatheringFiltersFrom(filters), viewer)
			: Promise.resolve([]),
		roundsMatch && !filters.language
			? listPublicRounds(locale, { neighbourhoodSlug: filters.neighbourhood }, viewer)
			: Promise.resolve([])
	]);

	let upcoming = [
		...gatheringRows.flatMap((gathering) => gatheringItems(gathering, window)),
		...roundRows.flatMap((round) => roundItems(round, window))
	];
	if (filters.open) upcoming = upcoming.filter((item) => isOngoing(item, now));
	upcoming.sort(
		(a, b) => a.start.localeCompare(b.start) || a.title.text.localeCompare(b.title.text)
	);

	let cards: PlaceCard[] = placeRows.map((place) => ({
		...place,
		opening: openingState(place.openingHours, nowDate)
	}));
	if (filters.open) cards = cards.filter((card) => card.opening.state === 'open');
	if (filters.day === 'today')
		cards = cards.filter(
			(card) =>
				card.opening.state === 'open' ||
				weekSchedule(card.openingHours, nowDate, 1).some((day) =>
					day.intervals.some((interval) => interval.to > now.slice(11, 16))
				)
		);
	// Open places first: the ones you can walk into right now.
	cards.sort((a, b) => Number(b.opening.state === 'open') - Number(a.opening.state === 'open'));

	// The map needs every item in the window, not the first screenful.
	const limit = options.complete
		? upcoming.length
		: window.kind === 'soon'
			? SOON_LIMIT
			: UPCOMING_LIMIT;
	const perPage = options.complete ? Math.max(cards.length, 1) : PLACES_PER_PAGE;
	const pageCount = Math.max(1, Math.ceil(cards.length / perPage));
	const page = Math.min(filters.page, pageCount);
	return {
		window,
		upcoming: upcoming.slice(0, limit),
		moreUpcoming: upcoming.length > limit,
		places: {
			items: cards.slice((page - 1) * perPage, page * perPage),
			total: cards.length,
			page,
			pageCount
		}
	};
}
