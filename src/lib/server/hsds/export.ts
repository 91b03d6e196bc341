/**
 * Kwartier's public places and gatherings as Open Referral HSDS 3.0 services. Built only from
 * what a visitor may see (places/public.ts, gatherings/public.ts): area-only places and
 * meeting points arrive without point or address and leave without them; members-only and
 * hidden records never arrive. docs/open-data.md describes the mapping.
 */
import { inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { LOCALES, pickWithLocale, type Locale, type Localized } from '$lib/i18n';
import { db } from '$lib/server/db';
import {
	gatherings as gatheringsTable,
	neighbourhoods as neighbourhoodsTable,
	places as placesTable,
	type Cost,
	type Neighbourhood
} from '$lib/server/db/schema';
import { currentTime } from '$lib/server/clock';
import { listPublicPlaces, type PublicPlace } from '$lib/server/places/public';
import { listPublicGatherings, type PublicGathering } from '$lib/server/gatherings/public';
import { describeRecurrence } from '$lib/server/schedule/recurrence';
import { addMinutes, dateToWallTime, isWallTime } from '$lib/server/schedule/time';
import { createDataCache } from '$lib/server/listing/data-version';
import { nameBasedId, partId, PUBLISHER_ID, recordId } from './ids';
import { termId } from './terms';
import { translateOpeningHours } from './opening-hours';
import { translateRrule } from './recurrence';
import { languageName } from './language-names';
import { dateInWords, dayInWords, weekdayInWords } from './dates';
import type {
	HsdsAccessibility,
	HsdsAddress,
	HsdsAttribute,
	HsdsCostOption,
	HsdsLocation,
	HsdsOrganization,
	HsdsSchedule,
	HsdsService,
	HsdsServiceArea
} from './types';

export type HsdsExportOptions = {
	locale: Locale;
	/** Absolute origin for the links back to the site, e.g. `https://kwartier.example`. */
	origin: string;
	neighbourhoodSlug?: string;
};

type Translations = { name: Localized; description: Localized };

type Context = HsdsExportOptions & {
	neighbourhoods: Map<number, Neighbourhood>;
	/** The export language's view of every public place, by slug (also outside the filter). */
	placesBySlug: Map<string, PublicPlace>;
	placeIds: Map<number, string>;
	today: string;
};

const EMAIL =
	/^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** A website as HSDS takes it (an absolute http(s) URI), or null when it is not one. */
export function toWebsite(value: string | null): string | null {
	const text = value?.trim();
	if (!text) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
	try {
		const url = new URL(withScheme);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		// Written as typed when that already is a plain URI, so an import gives back the same text.
		return /^[\x21-\x7e]+$/.test(withScheme) && !/["<>\\^`{|}]/.test(withScheme)
			? withScheme
			: url.href;
	} catch {
		return null;
	}
}

function toEmail(value: string | null): string | null {
	const text = value?.trim();
	return text && EMAIL.test(text) ? text : null;
}

const COST_LABELS: Record<Cost, (locale: Locale) => string> = {
	free: (locale) => m.cost_free({}, { locale }),
	'pay-what-you-can': (locale) => m.cost_pay_what_you_can({}, { locale }),
	paid: (locale) => m.cost_paid({}, { locale })
};

/** One of Kwartier's own facts about a service. `code` is the matching import column. */
function attribute(serviceId: string, code: string, value: string): HsdsAttribute {
	return { id: partId(serviceId, `attribute/${code}`), taxonomy_term_id: termId(code), value };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function translationAttributes(serviceId: string, texts: Translations) {
	return LOCALES.flatMap((language) => [
		...(texts.name[language]
			? [attribute(serviceId, `name_${language}`, texts.name[language])]
			: []),
		...(texts.description[language]
			? [attribute(serviceId, `description_${language}`, texts.description[language])]
			: [])
	]);
}

function publisher({ locale, origin }: HsdsExportOptions): HsdsOrganization {
	const website = toWebsite(origin);
	return {
		id: PUBLISHER_ID,
		name: m.hsds_publisher_name({}, { locale }),
		description: m.hsds_publisher_description({}, { locale }),
		...(website ? { website } : {})
	};
}

/** Who hosts a gathering, as an organization: one per distinct name across the export. */
function hostOrganization(host: string, options: HsdsExportOptions): HsdsOrganization {
	const name = host.trim().replace(/\s+/g, ' ');
	if (!name) return publisher(options);
	return {
		id: nameBasedId(`organization:${name.normalize('NFC').toLowerCase()}`),
		name,
		description: m.hsds_host_description({}, { locale: options.locale })
	};
}

function neighbourhoodName(neighbourhood: Neighbourhood, locale: Locale) {
	return pickWithLocale(neighbourhood.name, locale).text;
}

function serviceArea(
	serviceId: string,
	neighbourhood: Neighbourhood,
	context: Context
): HsdsServiceArea {
	const { locale, origin } = context;
	return {
		id: partId(serviceId, 'service_area'),
		service_id: serviceId,
		name: neighbourhoodName(neighbourhood, locale),
		description: m.hsds_neighbourhood_description(
			{ municipality: neighbourhood.municipality },
			{ locale }
		),
		uri: `${origin}/${locale}/neighbourhoods/${encodeURIComponent(neighbourhood.slug)}`
	};
}

// Belgian postal codes by province (ISO 3166-2:BE), for the address's state_province.
const PROVINCES: Array<[number, number, string]> = [
	[1000, 1299, 'BE-BRU'],
	[1300, 1499, 'BE-WBR'],
	[1500, 1999, 'BE-VBR'],
	[2000, 2999, 'BE-VAN'],
	[3000, 3499, 'BE-VBR'],
	[3500, 3999, 'BE-VLI'],
	[4000, 4999, 'BE-WLG'],
	[5000, 5999, 'BE-WNA'],
	[6000, 6599, 'BE-WHT'],
	[6600, 6999, 'BE-WLX'],
	[7000, 7999, 'BE-WHT'],
	[8000, 8999, 'BE-VWV'],
	[9000, 9999, 'BE-VOV']
];

/**
 * A one-line Kwartier address (`Zennestraat 38, 1000 Brussel`) split into HSDS's fields. Without
 * a postal code at the end, the whole line is the street part and the municipality the city.
 */
export function toAddress(
	locationId: string,
	line: string,
	neighbourhood: Neighbourhood
): HsdsAddress {
	const match = /^(.*\S)\s*,\s*(\d{4})\s+([^,]+)$/.exec(line.trim());
	const postalCode = match ? match[2] : '';
	const province = PROVINCES.find(
		([low, high]) => Number(postalCode) >= low && Number(postalCode) <= high
	);
	return {
		id: partId(locationId, 'address'),
		location_id: locationId,
		address_1: match ? match[1] : line.trim(),
		city: match ? match[3].trim() : neighbourhood.municipality,
		state_province: province?.[2] ?? '',
		postal_code: postalCode,
		country: 'BE',
		address_type: 'physical'
	};
}

function wheelchairAccess(
	locationId: string,
	wheelchair: boolean,
	locale: Locale
): HsdsAccessibility {
	return {
		id: partId(locationId, 'accessibility/wheelchair'),
		location_id: locationId,
		description: wheelchair
			? m.filter_wheelchair({}, { locale })
			: m.hsds_not_wheelchair_accessible({}, { locale }),
		// The OpenStreetMap tag, so a program can read it without knowing the language.
		details: `wheelchair=${yesNo(wheelchair)}`
	};
}

/** Where a place is: the exact spot and address, or for an area-only place only its area. */
function placeLocation(place: PublicPlace, context: Context): HsdsLocation {
	const { locale } = context;
	const serviceId = context.placeIds.get(place.id) as string;
	const id = partId(serviceId, 'location');
	const neighbourhood = context.neighbourhoods.get(place.neighbourhood.id) as Neighbourhood;
	const location: HsdsLocation = {
		id,
		location_type: 'physical',
		name: place.name.text,
		addresses: [],
		accessibility: [wheelchairAccess(id, place.wheelchair, locale)]
	};
	if (place.location.exact) {
		location.latitude = place.location.lat;
		location.longitude = place.location.lon;
		if (place.location.address) {
			location.addresses.push(toAddress(id, place.location.address, neighbourhood));
		}
		if (place.howToGetThere) location.transportation = place.howToGetThere.text;
	} else {
		location.description = m.hsds_area_only(
			{
				neighbourhood: neighbourhoodName(neighbourhood, locale),
				municipality: neighbourhood.municipality
			},
			{ locale }
		);
	}
	return location;
}

/** A gathering's meeting point when it has no place, or only its area when that is all to tell. */
function meetingPointLocation(
	gathering: PublicGathering,
	serviceId: string,
	context: Context
): HsdsLocation {
	const { locale } = context;
	const neighbourhood = context.neighbourhoods.get(gathering.neighbourhood.id) as Neighbourhood;
	const id = partId(serviceId, 'location');
	const location: HsdsLocation = {
		id,
		location_type: 'physical',
		name: gathering.pointName ?? neighbourhoodName(neighbourhood, locale),
		addresses: [],
		accessibility: []
	};
	if (gathering.location.exact) {
		location.latitude = gathering.location.lat;
		location.longitude = gathering.location.lon;
	} else {
		location.description = m.hsds_meeting_point_area_only(
			{
				neighbourhood: neighbourhoodName(neighbourhood, locale),
				municipality: neighbourhood.municipality
			},
			{ locale }
		);
	}
	return location;
}

function costOption(serviceId: string, cost: Cost, locale: Locale): HsdsCostOption {
	return {
		id: partId(serviceId, 'cost_option'),
		service_id: serviceId,
		option: COST_LABELS[cost](locale),
		...(cost === 'free' ? { currency: 'EUR', amount: 0 } : {})
	};
}

function placeSchedules(
	serviceId: string,
	expression: string | null,
	locale: Locale
): HsdsSchedule[] {
	if (!expression?.trim()) return [];
	const translated = translateOpeningHours(expression);
	if (!translated.ok) {
		return [
			{
				id: partId(serviceId, 'schedule/0'),
				service_id: serviceId,
				description: m.hsds_hours_not_expressible({ hours: expression.trim() }, { locale })
			}
		];
	}
	const notes = translated.closedOnPublicHolidays
		? m.hsds_closed_on_public_holidays({}, { locale })
		: undefined;
	return translated.rows.map((row, index) => ({
		id: partId(serviceId, `schedule/${index}`),
		service_id: serviceId,
		freq: row.freq,
		byday: row.byday,
		opens_at: row.opens,
		closes_at: row.closes,
		description: m.hsds_times_local({}, { locale }),
		...(notes ? { notes } : {})
	}));
}

const NTH_WORDS = [m.nth_1, m.nth_2, m.nth_3, m.nth_4, m.nth_5];

/** "Every other Tuesday, 18:00 to 19:30." in the export language, as on the gathering's page. */
function rhythmText(gathering: PublicGathering, end: string, locale: Locale): string {
	const rhythm = describeRecurrence(gathering.rrule, gathering.startsAt);
	const weekday = weekdayInWords(rhythm.weekday, locale);
	const text =
		rhythm.frequency === 'once'
			? dateInWords(gathering.startsAt.slice(0, 10), locale)
			: rhythm.frequency === 'weekly'
				? m.gathering_weekly({ weekday }, { locale })
				: rhythm.frequency === 'every-other-week'
					? m.gathering_every_other_week({ weekday }, { locale })
					: rhythm.frequency === 'monthly-nth'
						? m.gathering_monthly_nth(
								{
									nth: NTH_WORDS[(rhythm.nth ?? 1) - 1]?.({}, { locale }) ?? String(rhythm.nth),
									weekday
								},
								{ locale }
							)
						: rhythm.frequency === 'monthly-last'
							? m.gathering_monthly_last({ weekday }, { locale })
							: m.gathering_other_rhythm({}, { locale });
	const until = rhythm.until
		? `, ${m.gathering_until({ date: dateInWords(rhythm.until, locale) }, { locale })}`
		: '';
	const time = m.time_range({ from: gathering.startsAt.slice(11, 16), to: end }, { locale });
	return `${text}${until}, ${time}. ${m.hsds_times_local({}, { locale })}`;
}

/** Cancelled and moved dates from today on, in words: HSDS has no field for them. */
function changesText(gathering: PublicGathering, context: Context): string | undefined {
	const { locale } = context;
	const notes = gathering.changes
		.filter((change) => change.originalDate >= context.today)
		.sort((a, b) => a.originalDate.localeCompare(b.originalDate))
		.map((change) => {
			const date = dateInWords(change.originalDate, locale);
			const said =
				change.status === 'moved' && change.movedTo && isWallTime(change.movedTo)
					? m.hsds_date_moved(
							{ date, when: `${dayInWords(change.movedTo, locale)} ${change.movedTo.slice(11)}` },
							{ locale }
						)
					: m.hsds_date_cancelled({ date }, { locale });
			const note = pickWithLocale(change.note, locale).text;
			return note ? `${said} ${note}` : said;
		});
	return notes.length > 0 ? notes.join(' ') : undefined;
}

function gatheringSchedule(
	gathering: PublicGathering,
	serviceId: string,
	context: Context
): { schedule: HsdsSchedule; ruleAsText: string | null } {
	const { locale } = context;
	const date = gathering.startsAt.slice(0, 10);
	const end = addMinutes(gathering.startsAt, gathering.durationMinutes).slice(11, 16);
	const notes = changesText(gathering, context);
	const schedule: HsdsSchedule = {
		id: partId(serviceId, 'schedule/0'),
		service_id: serviceId,
		valid_from: date,
		dtstart: date,
		opens_at: gathering.startsAt.slice(11, 16),
		closes_at: end,
		description: rhythmText(gathering, end, locale),
		...(notes ? { notes } : {})
	};
	if (!gathering.rrule) return { schedule: { ...schedule, valid_to: date }, ruleAsText: null };
	const fields = translateRrule(gathering.rrule);
	if (!fields) {
		schedule.description = `${schedule.description} ${m.hsds_rule_not_expressible({ rule: gathering.rrule }, { locale })}`;
		return { schedule, ruleAsText: gathering.rrule };
	}
	return {
		schedule: { ...schedule, ...fields, ...(fields.until ? { valid_to: fields.until } : {}) },
		ruleAsText: null
	};
}

function placeService(place: PublicPlace, texts: Translations, context: Context): HsdsService {
	const { locale, origin } = context;
	const id = context.placeIds.get(place.id) as string;
	const neighbourhood = context.neighbourhoods.get(place.neighbourhood.id) as Neighbourhood;
	const location = placeLocation(place, context);
	const website = toWebsite(place.website);
	const email = toEmail(place.email);
	const facts: Array<[string, string]> = [
		['record', 'place'],
		['kind', place.kind],
		['neighbourhood', neighbourhood.slug],
		['visibility', place.location.exact ? 'public' : 'area'],
		['walk_in', yesNo(place.walkIn)],
		['coffee', yesNo(place.coffee)],
		['may_sit_without_buying', yesNo(place.maySitWithoutBuying)],
		['wheelchair', yesNo(place.wheelchair)],
		['quiet_space', yesNo(place.quietSpace)],
		['children_welcome', yesNo(place.childrenWelcome)],
		['cost', place.cost],
		...(place.openingHours?.trim()
			? [['opening_hours', place.openingHours.trim()] as [string, string]]
			: []),
		['page', `${origin}/${locale}/places/${encodeURIComponent(place.slug)}`],
		['slug', place.slug]
	];
	return {
		id,
		organization_id: PUBLISHER_ID,
		name: place.name.text,
		description: place.whatToExpect.text,
		...(website ? { url: website } : {}),
		...(email ? { email } : {}),
		status: 'active',
		application_process: place.walkIn
			? m.filter_walk_in({}, { locale })
			: m.fact_sign_up({}, { locale }),
		fees_description: COST_LABELS[place.cost](locale),
		...(place.lastCheckedOn && /^\d{4}-\d{2}-\d{2}$/.test(place.lastCheckedOn)
			? { assured_date: place.lastCheckedOn }
			: {}),
		organization: publisher(context),
		phones: place.phone?.trim()
			? [{ id: partId(id, 'phone'), service_id: id, number: place.phone.trim() }]
			: [],
		schedules: placeSchedules(id, place.openingHours, locale),
		service_areas: [serviceArea(id, neighbourhood, context)],
		service_at_locations: [
			{ id: partId(id, 'service_at_location'), service_id: id, location_id: location.id, location }
		],
		languages: place.languages.map((code) => ({
			id: partId(id, `language/${code}`),
			service_id: id,
			name: languageName(code, locale),
			code
		})),
		cost_options: [costOption(id, place.cost, locale)],
		attributes: [
			...facts.map(([code, value]) => attribute(id, code, value)),
			...translationAttributes(id, texts)
		]
	};
}

function gatheringService(
	gathering: PublicGathering,
	externalId: string | null,
	texts: Translations,
	context: Context
): HsdsService {
	const { locale, origin } = context;
	const id = recordId('gathering', gathering.slug, externalId);
	const neighbourhood = context.neighbourhoods.get(gathering.neighbourhood.id) as Neighbourhood;
	const place = gathering.place ? context.placesBySlug.get(gathering.place.slug) : undefined;
	const placeId = place ? (context.placeIds.get(place.id) as string) : null;
	// At a place, the location is the place's own (the same id links them), unless the gathering
	// may tell less about where it is than the place does.
	const location =
		place && place.location.exact === gathering.location.exact
			? placeLocation(place, context)
			: meetingPointLocation(gathering, id, context);
	const organization = hostOrganization(gathering.host, context);
	const { schedule, ruleAsText } = gatheringSchedule(gathering, id, context);
	const updated = new Date(gathering.updatedAt);
	const facts: Array<[string, string]> = [
		['record', 'gathering'],
		['kind', gathering.kind],
		['neighbourhood', neighbourhood.slug],
		['visibility', gathering.visibility === 'area' ? 'area' : 'public'],
		['walk_in', yesNo(gathering.walkIn)],
		['cost', gathering.cost],
		...(placeId ? [['place_id', placeId] as [string, string]] : []),
		...(ruleAsText ? [['rrule', ruleAsText] as [string, string]] : []),
		['page', `${origin}/${locale}/gatherings/${encodeURIComponent(gathering.slug)}`],
		['slug', gathering.slug]
	];
	return {
		id,
		organization_id: organization.id,
		name: gathering.title.text,
		description: gathering.description.text,
		status: 'active',
		application_process: gathering.walkIn
			? m.filter_walk_in({}, { locale })
			: m.fact_sign_up({}, { locale }),
		fees_description: COST_LABELS[gathering.cost](locale),
		...(Number.isNaN(updated.getTime()) ? {} : { last_modified: updated.toISOString() }),
		organization,
		phones: [],
		schedules: [schedule],
		service_areas: [serviceArea(id, neighbourhood, context)],
		service_at_locations: [
			{ id: partId(id, 'service_at_location'), service_id: id, location_id: location.id, location }
		],
		languages: gathering.languages.map((code) => ({
			id: partId(id, `language/${code}`),
			service_id: id,
			name: languageName(code, locale),
			code
		})),
		cost_options: [costOption(id, gathering.cost, locale)],
		attributes: [
			...facts.map(([code, value]) => attribute(id, code, value)),
			...translationAttributes(id, texts)
		]
	};
}

type Stored = { externalId: string | null; texts: Translations };

/** The texts a record really has in each language (not the fallbacks a listing shows). */
function realTexts(name: Localized, description: Localized): Translations {
	const texts: Translations = { name: {}, description: {} };
	for (const locale of LOCALES) {
		const [title, body] = [name[locale]?.trim(), description[locale]?.trim()];
		if (title) texts.name[locale] = title;
		if (body) texts.description[locale] = body;
	}
	return texts;
}

/**
 * The import id and the texts in every language of places the visitor listing gave: only
 * those ids are read, so the listing alone decides what is in the export.
 */
async function storedPlaces(ids: number[]): Promise<Map<number, Stored>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({
			id: placesTable.id,
			externalId: placesTable.externalId,
			name: placesTable.name,
			description: placesTable.whatToExpect
		})
		.from(placesTable)
		.where(inArray(placesTable.id, ids));
	return new Map(
		rows.map((row) => [
			row.id,
			{ externalId: row.externalId, texts: realTexts(row.name, row.description) }
		])
	);
}

async function storedGatherings(ids: number[]): Promise<Map<number, Stored>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({
			id: gatheringsTable.id,
			externalId: gatheringsTable.externalId,
			name: gatheringsTable.title,
			description: gatheringsTable.description
		})
		.from(gatheringsTable)
		.where(inArray(gatheringsTable.id, ids));
	return new Map(
		rows.map((row) => [
			row.id,
			{ externalId: row.externalId, texts: realTexts(row.name, row.description) }
		])
	);
}

// By id: the order then stays the same in every language, and after an export is imported
// elsewhere (where the slugs may differ, the ids do not).
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every public place, then every public gathering, as HSDS services, each by id. */
export async function buildHsdsServices(options: HsdsExportOptions): Promise<HsdsService[]> {
	const [placeList, gatheringList, neighbourhoodRows] = await Promise.all([
		listPublicPlaces(options.locale),
		listPublicGatherings(options.locale),
		db.select().from(neighbourhoodsTable)
	]);
	const places = placeList;
	const gatherings = gatheringList;
	const [placeDetails, gatheringDetails] = await Promise.all([
		storedPlaces(places.map((place) => place.id)),
		storedGatherings(gatherings.map((gathering) => gathering.id))
	]);
	const context: Context = {
		...options,
		neighbourhoods: new Map(neighbourhoodRows.map((row) => [row.id, row])),
		placesBySlug: new Map(places.map((place) => [place.slug, place])),
		placeIds: new Map(
			places.map((place) => [
				place.id,
				recordId('place', place.slug, placeDetails.get(place.id)?.externalId ?? null)
			])
		),
		today: dateToWallTime(currentTime()).slice(0, 10)
	};
	const wanted = (slug: string) => !options.neighbourhoodSlug || slug === options.neighbourhoodSlug;
	const empty: Translations = { name: {}, description: {} };
	return [
		...places
			.filter((place) => wanted(place.neighbourhood.slug))
			.map((place) => placeService(place, placeDetails.get(place.id)?.texts ?? empty, context))
			.sort(byId),
		...gatherings
			.filter((gathering) => wanted(gathering.neighbourhood.slug))
			.map((gathering) => {
				const stored = gatheringDetails.get(gathering.id);
				return gatheringService(
					gathering,
					stored?.externalId ?? null,
					stored?.texts ?? empty,
					context
				);
			})
			.sort(byId)
	];
}

// Building the export of a whole city takes a while, so it is kept until the public data changes
// (see createDataCache), and until the day changes: the notes name only dates from today on.
const cache = createDataCache<Promise<HsdsService[]>>(24);

export function findHsdsServices(options: HsdsExportOptions): Promise<HsdsService[]> {
	const key = `${options.locale}|${options.neighbourhoodSlug ?? ''}|${options.origin}|${dateToWallTime(currentTime()).slice(0, 10)}`;
	return cache.get(key, () => buildHsdsServices(options));
}

/** The organizations the services name: Kwartier for the places, each host once. */
export function listHsdsOrganizations(services: HsdsService[]): HsdsOrganization[] {
	const organizations = new Map<string, HsdsOrganization>();
	for (const service of services) {
		if (!organizations.has(service.organization.id)) {
			organizations.set(service.organization.id, service.organization);
		}
	}
	return [...organizations.values()].sort(
		(a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
	);
}
