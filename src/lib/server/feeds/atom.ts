import { Feed } from 'feed';
import { m } from '$lib/paraglide/messages.js';
import { pick, type Locale } from '$lib/i18n';
import { formatDay, formatShortDay, formatTime } from '$lib/format';
import { listPublicGatherings, type PublicGathering } from '$lib/server/gatherings/public';
import { findNeighbourhoodBySlug } from '$lib/server/neighbourhoods/overview';
import { toNeighbourhoodSummary } from '$lib/server/neighbourhoods/queries';
import { nextOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { dateToWallTime } from '$lib/server/schedule/time';
import { describeGatheringLocation, type CalendarLinks } from './ical';

/** A feed reader shows the newest first and rarely looks further back than this. */
const ENTRY_LIMIT = 50;
const NEXT_DATES = 3;
/** How many coming dates of one gathering are looked at for cancellations and moves. */
const DATES_AHEAD = 20;

export type NewsFeedOptions = CalendarLinks & { now: Date };

type NewsEntry = {
	id: string;
	title: string;
	link: string;
	updated: Date;
	/** Plain-text paragraphs; they are escaped into the entry's HTML summary. */
	paragraphs: string[];
	host: string;
};

/** Titles and summaries are HTML in Atom (`type="html"`): a name with `<` or `&` stays text. */
function escapeHtml(text: string) {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function toSummary(paragraphs: string[]) {
	return paragraphs
		.filter((paragraph) => paragraph.trim())
		.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
		.join('\n');
}

function toInstant(stamp: string) {
	const parsed = new Date(stamp);
	return Number.isNaN(parsed.getTime()) ? new Date(0) : parsed;
}

function dateInWords(wall: string, locale: Locale) {
	return m.feeds_atom_date({ day: formatDay(wall, locale), time: formatTime(wall) }, { locale });
}

function describeNextDates(next: Occurrence[], locale: Locale) {
	const held = next.filter((occurrence) => occurrence.status !== 'cancelled').slice(0, NEXT_DATES);
	if (held.length === 0) return m.feeds_atom_no_dates({}, { locale });
	const dates = held
		.map(
			(occurrence) => `${formatShortDay(occurrence.start, locale)} ${formatTime(occurrence.start)}`
		)
		.join(', ');
	return m.feeds_atom_next_dates({ dates }, { locale });
}

/** One entry per gathering: it comes back to the top of the feed each time it is changed. */
function toGatheringEntry(
	gathering: PublicGathering,
	link: string,
	next: Occurrence[],
	locale: Locale
): NewsEntry {
	return {
		id: link,
		title: gathering.title.text,
		link,
		updated: toInstant(gathering.updatedAt),
		paragraphs: [
			gathering.description.text,
			describeNextDates(next, locale),
			m.feeds_atom_where({ where: describeGatheringLocation(gathering).location }, { locale }),
			`${m.feeds_hosted_by({}, { locale })}: ${gathering.host}`
		],
		host: gathering.host
	};
}

function changeTitle(gathering: PublicGathering, occurrence: Occurrence, locale: Locale) {
	const title = gathering.title.text;
	const original = `${occurrence.originalDate}T${gathering.startsAt.slice(11, 16)}`;
	if (occurrence.status === 'cancelled') {
		return m.feeds_atom_cancelled_title({ title, date: dateInWords(original, locale) }, { locale });
	}
	if (occurrence.start !== original) {
		return m.feeds_atom_moved_title(
			{ title, date: dateInWords(original, locale), new: dateInWords(occurrence.start, locale) },
			{ locale }
		);
	}
	// Moved elsewhere on the same date and time: the note says where.
	return m.feeds_atom_changed_title({ title, date: dateInWords(original, locale) }, { locale });
}

/**
 * One entry per coming date that is cancelled or moved, so a reader sees it as news of its own.
 * A date change keeps no time of its own: it carries the time its gathering last changed, which
 * cancelling or moving a date sets.
 */
function toChangeEntries(
	gathering: PublicGathering,
	link: string,
	next: Occurrence[],
	locale: Locale
): NewsEntry[] {
	return next
		.filter((occurrence) => occurrence.status !== 'scheduled')
		.map((occurrence) => ({
			id: `${link}#${occurrence.originalDate}`,
			title: changeTitle(gathering, occurrence, locale),
			link,
			updated: toInstant(gathering.updatedAt),
			paragraphs: [pick(occurrence.note, locale)],
			host: gathering.host
		}));
}

/**
 * New and changed public gatherings of a neighbourhood as an Atom feed, newest first, in one
 * language. Null when there is no such neighbourhood. Built on the visitor's listing, so
 * members-only and hidden gatherings never appear and area-only ones only name the neighbourhood.
 */
export async function findNeighbourhoodNewsFeed(
	slug: string,
	options: NewsFeedOptions
): Promise<string | null> {
	const { locale, origin } = options;
	const found = await findNeighbourhoodBySlug(slug);
	if (!found) return null;
	const neighbourhood = toNeighbourhoodSummary(found, locale);
	const now = dateToWallTime(options.now);
	const gatherings = await listPublicGatherings(locale, { neighbourhoodSlug: neighbourhood.slug });

	const entries = gatherings
		.flatMap((gathering) => {
			const link = `${origin}/${locale}/gatherings/${encodeURIComponent(gathering.slug)}`;
			const next = nextOccurrences(gathering, gathering.changes, now, DATES_AHEAD);
			return [
				toGatheringEntry(gathering, link, next, locale),
				...toChangeEntries(gathering, link, next, locale)
			];
		})
		.sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id))
		.slice(0, ENTRY_LIMIT);

	const self = `${origin}/feeds/neighbourhoods/${neighbourhood.slug}.atom?lang=${locale}`;
	const feed = new Feed({
		id: self,
		title: m.feeds_atom_title({ name: neighbourhood.name }, { locale }),
		description: m.feeds_atom_subtitle({ name: neighbourhood.name }, { locale }),
		link: `${origin}/${locale}/neighbourhoods/${neighbourhood.slug}`,
		feedLinks: { atom: self },
		language: locale,
		updated: entries[0]?.updated ?? options.now,
		generator: 'Kwartier',
		author: { name: 'Kwartier', link: `${origin}/${locale}` }
	});
	for (const entry of entries) {
		feed.addItem({
			id: entry.id,
			title: escapeHtml(entry.title),
			link: entry.link,
			date: entry.updated,
			description: toSummary(entry.paragraphs),
			author: [{ name: entry.host }]
		});
	}
	return withLanguage(feed.atom1(), locale);
}

const FEED_START = '<feed xmlns="http://www.w3.org/2005/Atom">';

/** The feed library writes no `xml:lang` for Atom: readers use it to pick fonts and voices. */
function withLanguage(xml: string, locale: Locale) {
	if (!xml.includes(FEED_START)) throw new Error('Unexpected Atom output from the feed library');
	return xml.replace(FEED_START, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`);
}
