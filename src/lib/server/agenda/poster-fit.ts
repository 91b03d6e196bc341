import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import { pick } from '$lib/i18n';
import {
	areaOnlyWords,
	dateInWords,
	dayInWords,
	hoursInFigures,
	hoursInWords,
	daysInWords,
	periodTitle
} from '$lib/agenda/poster-text';
import type { AgendaPeriod } from './period';
import type { Poster, PosterBusVisit, PosterDay, PosterItem, PosterPlace, Texts } from './poster';
import {
	AGENDA_HEADING,
	dayHeadingHeight,
	MORE_LINE,
	bodyHeight,
	boxHeight,
	footerHeight,
	headerHeight,
	itemHeight,
	sideEntryHeight
} from './fit';

/** Never more than these, even when there is room: a poster is read in passing. */
const BUS_VISITS_MAX = 3;
const PLACES_MAX = 4;
const BOX_GAP = 3;
// Room kept free at the foot of each column, for what a guess of line breaks cannot see.
const SPARE = 5;

type Draft = { items: PosterItem[]; bus: PosterBusVisit[]; places: PosterPlace[] };
type Context = {
	locales: Locale[];
	period: AgendaPeriod;
	names: Poster['neighbourhood']['name'];
	now: string;
};
type Fitted = Pick<
	Poster,
	'days' | 'moreItems' | 'bus' | 'moreBus' | 'moreStops' | 'places' | 'morePlaces'
>;

function unique(texts: string[]) {
	return [...new Set(texts)].filter(Boolean);
}

/** What the sheet says, once per language unless the languages say the same. */
function sayer(locales: Locale[]) {
	return (say: (locale: Locale) => string) => unique(locales.map(say));
}

function distinct(texts: Texts, locales: Locale[]) {
	return unique(locales.map((locale) => texts[locale]?.text ?? ''));
}

function itemTexts(item: PosterItem, context: Context) {
	const said = sayer(context.locales);
	const where = [
		distinct(item.where.place ?? {}, context.locales).join(' / '),
		item.where.exact ? (item.where.pointName ?? '') : '',
		item.where.exact ? (item.where.address ?? '') : '',
		item.where.exact ? '' : said((locale) => areaOnlyWords(locale)).join(' / ')
	];
	const marks = [
		item.walkIn ? said((locale) => m.fact_walk_in({}, { locale })).join(' / ') : '',
		item.cost === 'paid'
			? ''
			: said((locale) => m.cost_pay_what_you_can({}, { locale })).join(' / ')
	].filter(Boolean);
	return {
		titles: [distinct(item.title, context.locales).join(' / ')],
		status:
			item.status === 'scheduled'
				? null
				: [
						...said((locale) => m.status_cancelled({}, { locale })),
						...said((locale) => pick(item.note, locale))
					].join(' '),
		where: where.filter(Boolean).join(', '),
		marks
	};
}

/** Day by day, in time order, as many as fit in the agenda column. */
function fitDays(items: PosterItem[], room: number, context: Context) {
	const days: PosterDay[] = [];
	let used = 0;
	for (const [index, item] of items.entries()) {
		const date = item.start.slice(0, 10);
		const newDay = days.at(-1)?.date !== date;
		const heading = newDay
			? dayHeadingHeight(sayer(context.locales)((locale) => dayInWords(date, locale)).join(' · '))
			: 0;
		const height = itemHeight(itemTexts(item, context)) + heading;
		// Unless this is the last item, the line that points online for the rest needs room.
		const reserve = index < items.length - 1 ? MORE_LINE : 0;
		if (used + height + reserve > room) break;
		used += height;
		if (newDay) days.push({ date, items: [item] });
		else days.at(-1)?.items.push(item);
	}
	const shown = days.reduce((sum, day) => sum + day.items.length, 0);
	return { days, moreItems: items.length - shown };
}

function stopLine(stop: PosterBusVisit['stops'][number]) {
	return `${stop.arrival} ${stop.street}`;
}

/** A visit's date (and "next time", or "cancelled") with the first `stops` of its stops. */
function busEntry(visit: PosterBusVisit, stops: number, context: Context) {
	const said = sayer(context.locales);
	const names = [
		...(visit.inPeriod ? [] : said((locale) => m.agenda_bus_next({}, { locale }))),
		said((locale) => dayInWords(visit.start, locale)).join(' / '),
		...(visit.status === 'scheduled'
			? []
			: [said((locale) => m.status_cancelled({}, { locale })).join(' / ')])
	];
	const shown = visit.status === 'cancelled' ? [] : visit.stops.slice(0, stops).map(stopLine);
	const more =
		visit.status !== 'cancelled' && stops < visit.stops.length
			? said((locale) => m.agenda_bus_more_stops({ count: 9 }, { locale }))
			: [];
	return sideEntryHeight(names, [...shown, ...more]);
}

function placeEntry(place: PosterPlace, context: Context) {
	const said = sayer(context.locales);
	const bilingual = context.locales.length > 1;
	const lines = [
		place.exact ? (place.address ?? '') : said((locale) => areaOnlyWords(locale)).join(' / '),
		...place.hours.map((group) =>
			bilingual
				? `${said((locale) => daysInWords(group.weekdays, locale)).join(' / ')} · ${hoursInFigures(group)}`
				: hoursInWords(group, context.locales[0])
		)
	];
	return sideEntryHeight([distinct(place.name, context.locales).join(' / ')], lines);
}

/**
 * The side column: the coffee bus above the walk-in places. Both must say something, so room
 * goes first to the next visit with its first stops and to the first place; then to the rest
 * of that visit's stops, more places, and later visits.
 */
function fitSide(draft: Draft, room: number, context: Context) {
	const said = sayer(context.locales);
	const visits = draft.bus.slice(0, BUS_VISITS_MAX);
	const candidates = draft.places.slice(0, PLACES_MAX);
	// In two languages the short introduction would crowd out the walk-in places.
	const languages = context.locales.length > 1 ? 2 : 1;
	let used =
		boxHeight(
			said((locale) => m.agenda_bus_title({}, { locale })),
			languages === 2 ? [] : said((locale) => m.agenda_bus_intro({}, { locale })),
			languages
		) +
		BOX_GAP +
		boxHeight(
			said((locale) => m.agenda_places_title({}, { locale })),
			[],
			languages
		);
	if (visits.length === 0)
		used += sideEntryHeight(
			[],
			said((locale) => m.agenda_bus_none({}, { locale }))
		);
	const placesMoreLine = sideEntryHeight(
		[],
		said((locale) => m.agenda_places_more({ count: 9 }, { locale }))
	);
	const fits = (height: number) => used + height <= room;

	const first = visits[0];
	let stops = first ? Math.min(2, first.stops.length) : 0;
	if (first) used += busEntry(first, stops, context);
	const places: PosterPlace[] = [];
	if (candidates[0]) {
		const height = placeEntry(candidates[0], context);
		const reserve = draft.places.length > 1 ? placesMoreLine : 0;
		console.log('used', used, 'place', height, reserve, candidates[0].slug);
		if (fits(height + reserve)) {
			used += height + reserve;
			places.push(candidates[0]);
		}
	}
	if (first) {
		while (stops < first.stops.length) {
			const grown = busEntry(first, stops + 1, context) - busEntry(first, stops, context);
			if (!fits(grown)) break;
			used += grown;
			stops++;
		}
	}
	for (const place of candidates.slice(places.length)) {
		const height = placeEntry(place, context);
		if (!fits(height)) break;
		used += height;
		places.push(place);
	}
	const bus: PosterBusVisit[] = first ? [{ ...first, stops: first.stops.slice(0, stops) }] : [];
	for (const visit of visits.slice(1)) {
		const height = busEntry(visit, visit.stops.length, context);
		if (!fits(height)) break;
		used += height;
		bus.push(visit);
	}
	return {
		bus,
		moreBus: draft.bus.length - bus.length,
		moreStops: first ? first.stops.length - stops : 0,
		places,
		morePlaces: draft.places.length - places.length
	};
}

/**
 * What of a poster fits on its one sheet: the header and footer take what they need, then the
 * agenda and the side column share the rest. Items are cut from the end of the period, so the
 * days nearest to the start are always complete.
 */
export function fitPoster(draft: Draft, context: Context): Fitted {
	const said = sayer(context.locales);
	const languages = context.locales.length > 1 ? 2 : 1;
	const header = headerHeight(
		{
			kicker: said((locale) => m.agenda_sheet_kicker({}, { locale })),
			title: unique(context.locales.map((locale) => context.names[locale] ?? '')).join(' · '),
			period: said((locale) => periodTitle(context.period, locale)),
			welcome: said((locale) => m.agenda_welcome({}, { locale })),
			scan: said((locale) => m.agenda_scan({}, { locale }))
		},
		languages
	);
	const footer = footerHeight(
		// The address is not known here; a long one of its kind stands in for it.
		[
			'kwartier.example.org/nl/neighbourhoods/molenbeek-historisch',
			said((locale) =>
				m.agenda_updated({ date: dateInWords(context.now, locale) }, { locale })
			).join(' / ')
		],
		said((locale) => m.emergency_text({}, { locale }))
	);
	const body = bodyHeight(header, footer) - SPARE;
	return {
		...fitDays(draft.items, body - AGENDA_HEADING, context),
		...fitSide(draft, body, context)
	};
}
