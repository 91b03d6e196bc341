/**
 * An HSDS 3.0 dataset turned into import rows (src/lib/server/import/columns.ts), the one shape
 * every import goes through. It reads the standard fields (schedules, locations, accessibility,
 * languages, cost options, phones) of any publisher, and where Kwartier's own export adds its
 * facts as attributes of the Kwartier taxonomy, those win: export → import gives back the
 * same records. Checking the rows is the import's job; this only reports what is not a
 * service at all, or a schedule that cannot be read. docs/open-data.md has the mapping.
 */
import { m } from '$lib/paraglide/messages.js';
import { BASE_LOCALE, LOCALES, type Locale } from '$lib/i18n';
import { IMPORT_COLUMNS, type ImportColumn, type ImportRow } from '$lib/server/import/columns';
import { validateOpeningHours } from '$lib/server/schedule/opening-hours';
import { KWARTIER_TAXONOMY, PUBLISHER_ID } from './ids';
import { termId } from './terms';
import { openingHoursFromSchedules, readScheduleTime } from './opening-hours';
import { rruleFromSchedule } from './recurrence';

export type HsdsProblem = { line: number; source: string; message: string };

export type HsdsConversion = { rows: ImportRow[]; problems: HsdsProblem[] };

export type HsdsConversionOptions = {
	/** The language of the problem messages and the labels. */
	locale?: Locale;
	/** The language of a dataset's plain `name` and `description`, where no translation says. */
	language?: Locale;
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

const text = (value: unknown): string =>
	typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

const isPage = (value: unknown): value is Json => isObject(value) && Array.isArray(value.contents);

/**
 * The services in what was given: one page of the services list (or the whole-dataset
 * download, which is one page), several pages, a plain list of services, one service, or an
 * organization with its `services`.
 */
type Entry = { item: unknown; organization: Json | null };

function collectServices(dataset: unknown): Entry[] {
	const fromOrganization = (organization: Json): Entry[] =>
		list(organization.services).map((item) => ({ item, organization }));
	if (Array.isArray(dataset)) {
		return dataset.flatMap((entry): Entry[] =>
			isPage(entry)
				? (entry.contents as unknown[]).map((item) => ({ item, organization: null }))
				: isObject(entry) && Array.isArray(entry.services) && !('schedules' in entry)
					? fromOrganization(entry)
					: [{ item: entry, organization: null }]
		);
	}
	if (isPage(dataset)) {
		return (dataset.contents as unknown[]).map((item) => ({ item, organization: null }));
	}
	if (isObject(dataset) && Array.isArray(dataset.services)) return fromOrganization(dataset);
	if (isObject(dataset) && 'id' in dataset && 'name' in dataset) {
		return [{ item: dataset, organization: null }];
	}
	return [];
}

const FACT_CODES = new Set<string>(IMPORT_COLUMNS);
const TERM_CODES = new Map(IMPORT_COLUMNS.map((code) => [termId(code), code]));

/** The facts Kwartier's export writes as attributes; the codes are the import columns. */
function kwartierFacts(service: Json): Partial<Record<ImportColumn, string>> {
	const facts: Partial<Record<ImportColumn, string>> = {};
	for (const attribute of list(service.attributes)) {
		const term = isObject(attribute.taxonomy_term) ? attribute.taxonomy_term : null;
		const code =
			term && text(term.taxonomy).toLowerCase() === KWARTIER_TAXONOMY.toLowerCase()
				? text(term.code)
				: TERM_CODES.get(text(attribute.taxonomy_term_id).toLowerCase());
		if (code && FACT_CODES.has(code) && typeof attribute.value === 'string') {
			facts[code as ImportColumn] = attribute.value;
		}
	}
	return facts;
}

function locationsOf(service: Json): Json[] {
	return list(service.service_at_locations)
		.map((link) => link.location)
		.filter(isObject);
}

/** Every schedule of the service: its own, its service_at_locations' and their locations'. */
function schedulesOf(service: Json): Json[] {
	return [
		...list(service.schedules),
		...list(service.service_at_locations).flatMap((link) => [
			...list(link.schedules),
			...(isObject(link.location) ? list(link.location.schedules) : [])
		])
	];
}

function isGathering(service: Json, facts: Partial<Record<ImportColumn, string>>): boolean {
	const record = (facts.record ?? '').toLowerCase();
	if (record === 'place' || record === 'gathering') return record === 'gathering';
	// A dated schedule with a time is a gathering; hours by weekday alone make a place.
	return schedulesOf(service).some(
		(schedule) =>
			/^\d{4}-\d{2}-\d{2}/.test(text(schedule.dtstart)) && readScheduleTime(schedule.opens_at)
	);
}

function coordinates(location: Json | undefined): { lat: string; lon: string } | null {
	const [lat, lon] = [location?.latitude, location?.longitude].map((value) =>
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim()
				? Number(value)
				: NaN
	);
	return Number.isFinite(lat) && Number.isFinite(lon)
		? { lat: String(lat), lon: String(lon) }
		: null;
}

/** HSDS address fields back to one line: `Zennestraat 38, 1000 Brussel`. */
function addressLine(location: Json | undefined): string {
	const address = list(location?.addresses).find(
		(entry) => !entry.address_type || entry.address_type === 'physical'
	);
	if (!address) return '';
	const street = [text(address.address_1), text(address.address_2)].filter(Boolean).join(', ');
	const city = text(address.city);
	const postalCode = text(address.postal_code);
	const town = [postalCode, city].filter(Boolean).join(' ');
	if (!town || (!postalCode && street.toLowerCase().includes(city.toLowerCase()))) return street;
	return [street, town].filter(Boolean).join(', ');
}

const NEGATION = /\b(not|no|niet|geen|pas|non|sans|zonder|without)\b/i;

function wheelchairOf(locations: Json[]): string {
	for (const entry of locations.flatMap((location) => list(location.accessibility))) {
		const tag = /wheelchair\s*=\s*(yes|no|limited|designated)/i.exec(text(entry.details));
		if (tag) return ['yes', 'designated'].includes(tag[1].toLowerCase()) ? 'yes' : 'no';
		const words = `${text(entry.description)} ${text(entry.details)}`;
		if (/wheelchair|rolstoel|fauteuil roulant|chaise roulante/i.test(words)) {
			return NEGATION.test(words) ? 'no' : 'yes';
		}
	}
	return '';
}

function costOf(service: Json): string {
	const options = list(service.cost_options);
	const words = [
		...options.map((option) => text(option.option)),
		text(service.fees_description)
	].join(' ');
	if (/pay what you can|vrije bijdrage|prix libre|donation|gift/i.test(words))
		return 'pay-what-you-can';
	if (options.some((option) => typeof option.amount === 'number' && option.amount > 0))
		return 'paid';
	if (options.some((option) => option.amount === 0) || /\b(free|gratis|gratuit)\b/i.test(words)) {
		return 'free';
	}
	return words.trim() ? 'paid' : '';
}

function languagesOf(service: Json, locations: Json[]): string {
	const entries = [
		...list(service.languages),
		...locations.flatMap((location) => list(location.languages))
	];
	const codes = entries.map((entry) => text(entry.code).toLowerCase()).filter(Boolean);
	return [...new Set(codes)].join(' ');
}

function firstPhone(...owners: Json[]): string {
	for (const owner of owners) {
		const number = list(owner.phones)
			.map((phone) => text(phone.number))
			.find(Boolean);
		if (number) return number;
	}
	return '';
}

/**
 * Opening hours from the schedules' days and times; else an OpenStreetMap expression that a
 * schedule gives as text: Kwartier's own export puts it after "(opening_hours): ".
 */
function openingHoursOf(schedules: Json[]): string {
	const fromRows = openingHoursFromSchedules(schedules);
	if (fromRows) return fromRows;
	for (const schedule of schedules) {
		const description = text(schedule.description);
		const marked = /\(opening_hours\)\s*:\s*(.+)$/.exec(description)?.[1];
		const candidate = marked ?? (/\d/.test(description) ? description : '');
		if (candidate && validateOpeningHours(candidate).ok) return candidate.trim();
	}
	return '';
}

function minutesOf(time: string): number {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

type Dated = { starts_at: string; duration_minutes: string; rrule: string };

/** A gathering's first date, length and rhythm, from its dated schedule. */
function datesOf(
	schedules: Json[],
	ruleText: string | undefined
): Dated | { problem: { field: string; value: string } } | null {
	const schedule = schedules.find(
		(entry) =>
			/^\d{4}-\d{2}-\d{2}/.test(text(entry.dtstart) || text(entry.valid_from)) &&
			readScheduleTime(entry.opens_at)
	);
	if (!schedule) return null;
	const date = (text(schedule.dtstart) || text(schedule.valid_from)).slice(0, 10);
	const opens = readScheduleTime(schedule.opens_at) as string;
	const closes = readScheduleTime(schedule.closes_at);
	let rrule = ruleText?.trim() ?? '';
	if (!rrule) {
		const fromFields = rruleFromSchedule(schedule);
		if (fromFields !== null && typeof fromFields === 'object') return fromFields;
		rrule =
			fromFields ?? /RRULE:\s*(FREQ=[A-Z0-9=;,+-]+)/i.exec(text(schedule.description))?.[1] ?? '';
	}
	let duration = closes ? minutesOf(closes) - minutesOf(opens) : 0;
	if (closes && duration <= 0) duration += 24 * 60;
	return {
		starts_at: `${date}T${opens}`,
		duration_minutes: duration > 0 ? String(duration) : '',
		rrule
	};
}

/** A neighbourhood slug from a service area's link to a Kwartier neighbourhood page, or its name. */
function neighbourhoodOf(service: Json): string {
	for (const area of list(service.service_areas)) {
		const slug = /\/neighbourhoods\/([^/?#]+)\/?$/.exec(text(area.uri))?.[1];
		if (slug) return decodeURIComponent(slug);
		if (text(area.name)) return text(area.name);
	}
	return '';
}

function sourceOf(line: number, service: unknown, locale: Locale): string {
	const name = isObject(service) ? text(service.name) : '';
	return name
		? m.hsds_source_service({ number: line, name }, { locale })
		: m.hsds_source_service_unnamed({ number: line }, { locale });
}

/** Drops the columns left empty, so "not given" is never sent as an empty text. */
function compact(row: ImportRow): ImportRow {
	return Object.fromEntries(
		Object.entries(row).filter(([, value]) => value !== '' && value !== undefined)
	) as ImportRow;
}

export function hsdsToImportRows(
	dataset: unknown,
	options: HsdsConversionOptions = {}
): HsdsConversion {
	const locale = options.locale ?? BASE_LOCALE;
	const language = options.language ?? BASE_LOCALE;
	const entries = collectServices(dataset).map((entry, index) => ({
		...entry,
		line: index + 1,
		facts: isObject(entry.item) ? kwartierFacts(entry.item) : {}
	}));

	// A gathering at a place shares the place's location: its id leads to the place's row.
	const placeByLocation = new Map<string, string>();
	for (const { item, facts } of entries) {
		if (!isObject(item) || isGathering(item, facts)) continue;
		for (const location of locationsOf(item)) {
			if (text(location.id) && text(item.id)) placeByLocation.set(text(location.id), text(item.id));
		}
	}

	const rows: ImportRow[] = [];
	const problems: HsdsProblem[] = [];
	for (const { item, organization: parent, facts, line } of entries) {
		const source = sourceOf(line, item, locale);
		if (!isObject(item)) {
			problems.push({ line, source, message: m.hsds_problem_not_an_object({}, { locale }) });
			continue;
		}
		const gathering = isGathering(item, facts);
		const locations = locationsOf(item);
		const organization = isObject(item.organization) ? item.organization : parent;
		const row: ImportRow = {
			line,
			source,
			record: gathering ? 'gathering' : 'place',
			id: text(item.id),
			kind: gathering ? 'open-house' : 'other',
			neighbourhood: neighbourhoodOf(item),
			cost: costOf(item),
			languages: languagesOf(item, locations)
		};
		if (!LOCALES.some((code) => facts[`name_${code}`])) row[`name_${language}`] = text(item.name);
		if (!LOCALES.some((code) => facts[`description_${code}`])) {
			row[`description_${language}`] = text(item.description);
		}
		const location = locations.find((entry) => coordinates(entry)) ?? locations[0];
		const point = coordinates(location);

		if (gathering) {
			const dates = datesOf(schedulesOf(item), facts.rrule);
			if (dates && 'problem' in dates) {
				problems.push({
					line,
					source,
					message: m.hsds_problem_schedule_field(dates.problem, { locale })
				});
				continue;
			}
			Object.assign(row, dates ?? {});
			const placeId = locations.map((entry) => placeByLocation.get(text(entry.id))).find(Boolean);
			if (placeId) row.place_id = placeId;
			else if (point) Object.assign(row, point, { address: text(location?.name) });
			if (organization && text(organization.id).toLowerCase() !== PUBLISHER_ID) {
				row.host = text(organization.name);
			}
		} else {
			if (point) Object.assign(row, point);
			row.address = addressLine(location);
			row.opening_hours = openingHoursOf(schedulesOf(item));
			row.wheelchair = wheelchairOf(locations);
			row.phone = firstPhone(item, ...locations);
			row.email = text(item.email);
			row.website = text(item.url);
		}
		rows.push(compact({ ...row, ...facts, line, source }));
	}
	return { rows, problems };
}
