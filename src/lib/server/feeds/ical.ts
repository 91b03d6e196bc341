import ical, { ICalEventStatus, type ICalCalendar, type ICalDayJsStub } from 'ical-generator';
import { pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { OccurrenceChange } from '$lib/server/db/schema';
import {
	findPublicGathering,
	listPublicGatherings,
	type PublicGathering
} from '$lib/server/gatherings/public';
import { findNeighbourhoodBySlug } from '$lib/server/neighbourhoods/overview';
import {
	toNeighbourhoodSummary,
	type NeighbourhoodSummary
} from '$lib/server/neighbourhoods/queries';
import { findPublicPlace } from '$lib/server/places/public';
import {
	findPublicRound,
	listPublicRounds,
	type PublicRound,
	type PublicStop
} from '$lib/server/rounds/public';
import { validateRrule } from '$lib/server/schedule/recurrence';
import { addMinutes, isWallTime, TIME_ZONE, wallTimeToDate } from '$lib/server/schedule/time';

/**
 * Europe/Brussels under the EU summer-time rules (since 1996). Written out because
 * ical-generator has no time zone database, and every date in the feed is a Brussels wall time.
 */
const BRUSSELS_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Brussels',
	'X-LIC-LOCATION:Europe/Brussels',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

/** What every calendar is made for: the language of its text, and where its links point. */
export type CalendarLinks = {
	locale: Locale;
	/** Absolute origin for the links back to the site, e.g. `https://kwartier.example`. */
	origin: string;
};

export type CalendarFeedOptions = CalendarLinks & {
	neighbourhood?: { slug: string; name: string };
};

/** `YYYY-MM-DDTHH:mm` → `YYYYMMDDTHHmm00`, the form DTSTART and EXDATE take with a TZID. */
function toICalDate(wall: string) {
	return `${wall.slice(0, 10).replaceAll('-', '')}T${wall.slice(11, 13)}${wall.slice(14, 16)}00`;
}

/**
 * ical-generator formats a native Date in the server's own zone when a TZID is set. A day.js-like
 * value that already is the Brussels wall time is written out as it is, whatever the server's TZ.
 */
function toICalWallTime(wall: string): ICalDayJsStub {
	const compact = toICalDate(wall);
	return {
		format: (pattern) =>
			pattern === 'YYYYMMDD' ? compact.slice(0, 8) : pattern === 'HHmmss' ? compact.slice(9) : wall,
		isValid: () => true,
		toDate: () => wallTimeToDate(wall),
		toJSON: () => wall
	};
}

function toUtcStamp(instant: Date) {
	return instant.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
}

/**
 * The stored rule as an RRULE value. With a DTSTART in a time zone, RFC 5545 wants UNTIL in UTC;
 * a stored UNTIL is a Brussels wall time, and a bare date the last day the series may fall on.
 */
function toRuleValue(rrule: string): string {
	return rrule
		.trim()
		.replace(/^RRULE:/i, '')
		.split(';')
		.map((part) => {
			const until = /^UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2})?$/.exec(part);
			if (!until) return part;
			const [, year, month, day, hour = '23', minute = '59'] = until;
			return `UNTIL=${toUtcStamp(wallTimeToDate(`${year}-${month}-${day}T${hour}:${minute}`))}`;
		})
		.join(';');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The RRULE line, plus one EXDATE per cancelled date. ical-generator writes a rule given as text
 * line by line, and only writes EXDATE itself for rules given as options.
 */
function toRepeating(rrule: string, startTime: string, changes: OccurrenceChange[]) {
	const cancelled = changes
		.filter((change) => change.status === 'cancelled' && DATE.test(change.originalDate))
		.map((change) => toICalDate(`${change.originalDate}T${startTime}`))
		.sort();
	const lines = [`RRULE:${toRuleValue(rrule)}`];
	if (cancelled.length > 0) {
		lines.push(`EXDATE;TZID=${TIME_ZONE}:${[...new Set(cancelled)].join(',')}`);
	}
	return lines.join('\n');
}

function toStamp(updatedAt: string): Date {
	const parsed = new Date(updatedAt);
	return Number.isNaN(parsed.getTime()) ? new Date() : parsed;
}

type MovedChange = { change: OccurrenceChange; originalDate: string; start: string };

/** A moved date without a new time keeps its time: it moved elsewhere, and the note says where. */
function movedChanges(changes: OccurrenceChange[], startTime: string): MovedChange[] {
	return changes.flatMap((change) => {
		if (change.status !== 'moved' || !DATE.test(change.originalDate)) return [];
		const start =
			change.movedTo && isWallTime(change.movedTo)
				? change.movedTo
				: `${change.originalDate}T${startTime}`;
		return [{ change, originalDate: change.originalDate, start }];
	});
}

type CalendarItem = {
	uid: string;
	summary: string;
	description: string;
	location: string;
	geo: { lat: number; lon: number } | null;
	url: string;
	stamp: Date;
	startsAt: string;
	durationMinutes: number;
	rrule: string | null;
	changes: OccurrenceChange[];
	/** The description of one moved date, which for a round lists the stops at their new times. */
	describeMoved: (moved: MovedChange) => string;
};

/**
 * One VEVENT for the series, with cancelled dates as EXDATE, and one VEVENT per moved date that
 * overrides the original occurrence through RECURRENCE-ID (RFC 5545, 3.8.4.4). A moved date is
 * deliberately not also an EXDATE: an excluded occurrence cannot be overridden, and calendar
 * apps then drop the moved one too.
 */
function addOccurrences(calendar: ICalCalendar, item: CalendarItem, locale: Locale) {
	if (!isWallTime(item.startsAt)) return;
	const start = item.startsAt;
	// Like the site, a rule the app cannot read shows only the first date, which certainly happens.
	const rrule = item.rrule && validateRrule(item.rrule) ? item.rrule : null;
	const moved = movedChanges(item.changes, start.slice(11));
	const shared = {
		id: item.uid,
		timezone: TIME_ZONE,
		stamp: item.stamp,
		lastModified: item.stamp,
		location: item.geo ? { title: item.location, geo: item.geo } : item.location,
		url: item.url
	};
	const span = (from: string) => ({
		start: toICalWallTime(from),
		end: toICalWallTime(addMinutes(from, item.durationMinutes))
	});

	if (rrule) {
		calendar.createEvent({
			...shared,
			...span(start),
			repeating: toRepeating(rrule, start.slice(11), item.changes),
			summary: item.summary,
			description: item.description
		});
		for (const change of moved) {
			calendar.createEvent({
				...shared,
				...span(change.start),
				recurrenceId: toICalWallTime(`${change.originalDate}${start.slice(10)}`),
				summary: item.summary,
				description: item.describeMoved(change)
			});
		}
		return;
	}

	const date = start.slice(0, 10);
	const movedOnce = moved.find((change) => change.originalDate === date);
	const cancelled = item.changes.some(
		(change) => change.status === 'cancelled' && change.originalDate === date
	);
	calendar.createEvent({
		...shared,
		...span(movedOnce?.start ?? start),
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		summary: cancelled
			? `${m.feeds_ical_cancelled({}, { locale })}: ${item.summary}`
			: item.summary,
		description: movedOnce ? item.describeMoved(movedOnce) : item.description
	});
}

/** Clock minutes from one wall time to another, ignoring the date: stops keep their day. */
function minutesBetween(from: string, to: string) {
	const minutesOf = (wall: string) => Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
	return minutesOf(to) - minutesOf(from);
}

function withNote(description: string, { change }: MovedChange, locale: Locale) {
	const note = pick(change.note, locale);
	return note ? `${note}\n\n${description}` : description;
}

/** Only an exact location names the place and its address; otherwise only the neighbourhood. */
export function describeGatheringLocation(gathering: PublicGathering) {
	const { location } = gathering;
	if (!location.exact) return { location: gathering.neighbourhood.name, geo: null };
	const name = gathering.place?.name.text ?? gathering.pointName;
	const parts = [name, location.address].filter((part): part is string => Boolean(part));
	return {
		location: parts.length > 0 ? parts.join(', ') : gathering.neighbourhood.name,
		geo: { lat: location.lat, lon: location.lon }
	};
}

function toGatheringOccurrence(
	gathering: PublicGathering,
	{ locale, origin }: CalendarLinks
): CalendarItem {
	const hostedBy = m.feeds_hosted_by({}, { locale });
	const description = [gathering.description.text, `${hostedBy}: ${gathering.host}`]
		.filter(Boolean)
		.join('\n\n');
	return {
		uid: `gathering-${gathering.id}@kwartier`,
		summary: gathering.title.text,
		description,
		...describeGatheringLocation(gathering),
		url: `${origin}/${locale}/gatherings/${encodeURIComponent(gathering.slug)}`,
		stamp: toStamp(gathering.updatedAt),
		startsAt: gathering.startsAt,
		durationMinutes: gathering.durationMinutes,
		rrule: gathering.rrule,
		changes: gathering.changes,
		describeMoved: (change) => withNote(description, change, locale)
	};
}

function describeRound(round: PublicRound, stops: PublicStop[], locale: Locale) {
	const lines = stops.map((stop) => `${stop.arrivalTime} ${stop.street} (${stop.stayMinutes} min)`);
	const stopsWord = m.feeds_ical_stops({}, { locale });
	const partnersWord = m.feeds_ical_partners({}, { locale });
	return [
		round.description.text,
		lines.length > 0 ? `${stopsWord}:\n${lines.join('\n')}` : '',
		round.partners.length > 0 ? `${partnersWord}: ${round.partners.join(', ')}` : ''
	]
		.filter(Boolean)
		.join('\n\n');
}

function toRoundOccurrence(round: PublicRound, { locale, origin }: CalendarLinks): CalendarItem {
	const first = round.stops[0];
	return {
		uid: `round-${round.id}@kwartier`,
		summary: round.name.text,
		description: describeRound(round, round.stops, locale),
		// A round's stops are public streets where the bus parks in plain sight.
		location: first?.street ?? round.neighbourhood.name,
		geo: first ? { lat: first.lat, lon: first.lon } : null,
		url: `${origin}/${locale}/rounds/${encodeURIComponent(round.slug)}`,
		stamp: toStamp(round.updatedAt),
		startsAt: round.startsAt,
		durationMinutes: round.durationMinutes,
		rrule: round.rrule,
		changes: round.changes,
		describeMoved: (moved) => {
			const shift = minutesBetween(round.startsAt, moved.start);
			const shifted = round.stops.map((stop) => ({
				...stop,
				arrivalTime: addMinutes(`2000-01-01T${stop.arrivalTime}`, shift).slice(11)
			}));
			return withNote(describeRound(round, shifted, locale), moved, locale);
		}
	};
}

function calendarName(locale: Locale, neighbourhood?: Pick<NeighbourhoodSummary, 'name'>) {
	const name = m.feeds_ical_calendar({}, { locale });
	return neighbourhood ? `${name} (${neighbourhood.name})` : name;
}

type CalendarContent = {
	/** The calendar's own name, as a calendar app lists it. */
	name: string;
	/** The page the calendar belongs to. */
	url: string;
	gatherings: PublicGathering[];
	rounds: PublicRound[];
};

function renderCalendar(content: CalendarContent, options: CalendarLinks): string {
	const { locale } = options;
	const calendar = ical({
		name: content.name,
		prodId: { company: 'Kwartier', product: 'Kwartier', language: locale.toUpperCase() },
		url: content.url,
		ttl: 60 * 60,
		// No calendar-wide zone name: DTSTAMP stays in UTC, while each event carries its TZID.
		timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? BRUSSELS_VTIMEZONE : null) }
	});
	for (const gathering of content.gatherings) {
		addOccurrences(calendar, toGatheringOccurrence(gathering, options), locale);
	}
	for (const round of content.rounds) {
		addOccurrences(calendar, toRoundOccurrence(round, options), locale);
	}
	return calendar.toString();
}

async function listGatheringsAndRounds(locale: Locale, neighbourhoodSlug?: string) {
	const filters = { neighbourhoodSlug };
	const [gatherings, rounds] = await Promise.all([
		listPublicGatherings(locale, filters),
		listPublicRounds(locale, filters)
	]);
	return { gatherings, rounds };
}

/** Public gatherings and coffee-bus rounds as iCalendar text, in one language. */
export async function buildCalendarFeed(options: CalendarFeedOptions): Promise<string> {
	const { locale } = options;
	const content = await listGatheringsAndRounds(locale, options.neighbourhood?.slug);
	const name = calendarName(locale, options.neighbourhood);
	return renderCalendar({ name, url: `${options.origin}/${locale}`, ...content }, options);
}

/** A calendar of one thing, to subscribe to from its page, named after its slug as a file. */
export type CalendarFile = { body: string; filename: string };

// Every calendar below is what a visitor without an account may see, whoever asks: a calendar
// app has no session, and a link that is shared must not carry more than the page shows to all.
// Null, as the page gives a 404, when the visitor may not see it or it does not exist.

const itemName = (name: string) => `${name} · Kwartier`;
const pageUrl = ({ locale, origin }: CalendarLinks, path: string, slug: string) =>
	`${origin}/${locale}/${path}/${encodeURIComponent(slug)}`;

/** All dates of one public gathering. */
export async function findGatheringCalendar(
	slug: string,
	options: CalendarLinks
): Promise<CalendarFile | null> {
	const gathering = await findPublicGathering(slug, options.locale);
	if (!gathering) return null;
	const content = {
		name: itemName(gathering.title.text),
		url: pageUrl(options, 'gatherings', gathering.slug),
		gatherings: [gathering],
		rounds: []
	};
	return { body: renderCalendar(content, options), filename: `${gathering.slug}.ics` };
}

/** All visits of one public coffee-bus round. */
export async function findRoundCalendar(
	slug: string,
	options: CalendarLinks
): Promise<CalendarFile | null> {
	const round = await findPublicRound(slug, options.locale);
	if (!round) return null;
	const content = {
		name: itemName(round.name.text),
		url: pageUrl(options, 'rounds', round.slug),
		gatherings: [],
		rounds: [round]
	};
	return { body: renderCalendar(content, options), filename: `${round.slug}.ics` };
}

/** The gatherings held at one place a visitor may see (area-only places included, as their page). */
export async function findPlaceCalendar(
	slug: string,
	options: CalendarLinks
): Promise<CalendarFile | null> {
	const { locale } = options;
	const place = await findPublicPlace(slug, locale);
	if (!place) return null;
	const content = {
		name: itemName(m.feeds_ical_place_calendar({ place: place.name.text }, { locale })),
		url: pageUrl(options, 'places', place.slug),
		gatherings: await listPublicGatherings(locale, { placeId: place.id }),
		rounds: []
	};
	return { body: renderCalendar(content, options), filename: `${place.slug}.ics` };
}

/** A neighbourhood's gatherings and coffee-bus rounds: what `calendar.ics?neighbourhood=` lists. */
export async function findNeighbourhoodCalendar(
	slug: string,
	options: CalendarLinks
): Promise<CalendarFile | null> {
	const { locale } = options;
	const found = await findNeighbourhoodBySlug(slug);
	if (!found) return null;
	const neighbourhood = toNeighbourhoodSummary(found, locale);
	const content = {
		name: calendarName(locale, neighbourhood),
		url: pageUrl(options, 'neighbourhoods', neighbourhood.slug),
		...(await listGatheringsAndRounds(locale, neighbourhood.slug))
	};
	return { body: renderCalendar(content, options), filename: `${neighbourhood.slug}.ics` };
}
