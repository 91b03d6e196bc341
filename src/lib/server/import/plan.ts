import { isNotNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { LOCALES, pick, type Locale, type Localized } from '$lib/i18n';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	places,
	type Gathering,
	type Neighbourhood,
	type Place
} from '$lib/server/db/schema';
import { text } from '$lib/server/forms';
import { IMPORT_COLUMNS, type ImportRow } from './columns';
import { describeCellProblem, normalizeChoice, type CellProblem, type Cells } from './cells';
import { extraCellsOf } from './read-csv';
import type { SourceProblem } from './read-file';
import {
	checkGatheringCells,
	checkPlaceCells,
	isValidSlug,
	type GatheringValues,
	type PlaceValues
} from './rules';
import { slugify } from '$lib/server/places/slug';

export const RECORD_TYPES = ['place', 'gathering'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const PLAN_ACTIONS = ['create', 'update', 'skip', 'error'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** A gathering's place: one that exists, or one this import is about to make. */
export type PlaceReference = { id: number } | { externalId: string };

export type PlaceWrite = {
	record: 'place';
	externalId: string;
	/** The place to update, or null for a new one. */
	targetId: number | null;
	/** The slug the file asks for a new place; null makes one from the name. */
	slug: string | null;
	values: PlaceValues;
};

export type GatheringWrite = {
	record: 'gathering';
	externalId: string;
	targetId: number | null;
	/** The slug the file asks for a new gathering; null makes one from the name. */
	slug: string | null;
	values: GatheringValues;
	place: PlaceReference | null;
};

export type PlanEntry = {
	line: number;
	/** Where the row is, for people: "line 7" in their language, or the dataset's own label. */
	label: string;
	record: RecordType | null;
	externalId: string;
	/** The name in the coordinator's language (or another one), else the id. */
	name: string;
	action: PlanAction;
	/** Why: each problem of an error, what changes in an update, why a row is skipped. */
	reasons: string[];
	/** What applying does; null for a skip or an error. */
	write: PlaceWrite | GatheringWrite | null;
};

/** The dry run: what importing would do with every row. Making one writes nothing. */
export type ImportPlan = {
	locale: Locale;
	entries: PlanEntry[];
	counts: Record<PlanAction, number>;
	/** Remarks about the file as a whole (columns that are not used). */
	notices: string[];
};

const EMPTY_CELLS = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, ''])) as Cells;
const idCell = text(200);

/** The row's cells over a starting point: a column the row does not have keeps its value. */
function cellsOver(base: Cells, row: ImportRow): Cells {
	const cells = { ...base };
	for (const column of IMPORT_COLUMNS) {
		const value = row[column];
		if (typeof value === 'string') cells[column] = value;
	}
	return cells;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const number = (value: number | null) => (value === null ? '' : String(value));

function localizedCells(prefix: 'name' | 'description', text: Localized | null) {
	return Object.fromEntries(LOCALES.map((locale) => [`${prefix}_${locale}`, text?.[locale] ?? '']));
}

/** A stored place as the cells of a row, so an update can keep what a file leaves out. */
function placeCells(place: Place, neighbourhoodSlug: string): Cells {
	return {
		...EMPTY_CELLS,
		...localizedCells('name', place.name),
		...localizedCells('description', place.whatToExpect),
		record: 'place',
		id: place.externalId ?? '',
		kind: place.kind,
		neighbourhood: neighbourhoodSlug,
		visibility: place.visibility,
		address: place.address ?? '',
		lat: number(place.lat),
		lon: number(place.lon),
		opening_hours: place.openingHours ?? '',
		walk_in: yesNo(place.walkIn),
		coffee: yesNo(place.coffee),
		may_sit_without_buying: yesNo(place.maySitWithoutBuying),
		wheelchair: yesNo(place.wheelchair),
		quiet_space: yesNo(place.quietSpace),
		children_welcome: yesNo(place.childrenWelcome),
		cost: place.cost,
		languages: place.languages.join(' '),
		phone: place.phone ?? '',
		email: place.email ?? '',
		website: place.website ?? ''
	};
}

function gatheringCells(gathering: Gathering, neighbourhoodSlug: string): Cells {
	return {
		...EMPTY_CELLS,
		...localizedCells('name', gathering.title),
		...localizedCells('description', gathering.description),
		record: 'gathering',
		id: gathering.externalId ?? '',
		kind: gathering.kind,
		neighbourhood: neighbourhoodSlug,
		visibility: gathering.visibility,
		address: gathering.pointName ?? '',
		lat: number(gathering.lat),
		lon: number(gathering.lon),
		walk_in: yesNo(gathering.walkIn),
		cost: gathering.cost,
		languages: gathering.languages.join(' '),
		starts_at: gathering.startsAt,
		duration_minutes: String(gathering.durationMinutes),
		rrule: gathering.rrule ?? '',
		host: gathering.host
	};
}

// Comparing what a row would set with what is stored, column by column.

type Comparison = [column: string, next: unknown, current: unknown];

function sameLanguages(a: string[], b: string[]) {
	return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function localizedComparisons(prefix: string, next: Localized, current: Localized | null) {
	return LOCALES.map((locale): Comparison => [
		`${prefix}_${locale}`,
		next[locale] ?? '',
		current?.[locale] ?? ''
	]);
}

function changedColumns(comparisons: Comparison[]): string[] {
	return comparisons
		.filter(([, next, current]) =>
			Array.isArray(next) && Array.isArray(current)
				? !sameLanguages(next, current)
				: next !== current
		)
		.map(([column]) => column);
}

function placeChanges(next: PlaceValues, current: Place): string[] {
	return changedColumns([
		['kind', next.kind, current.kind],
		...localizedComparisons('name', next.name, current.name),
		...localizedComparisons('description', next.whatToExpect, current.whatToExpect),
		['neighbourhood', next.neighbourhoodId, current.neighbourhoodId],
		['visibility', next.visibility, current.visibility],
		['address', next.address, current.address],
		['lat', next.lat, current.lat],
		['lon', next.lon, current.lon],
		['opening_hours', next.openingHours, current.openingHours],
		['walk_in', next.walkIn, current.walkIn],
		['coffee', next.coffee, current.coffee],
		['may_sit_without_buying', next.maySitWithoutBuying, current.maySitWithoutBuying],
		['wheelchair', next.wheelchair, current.wheelchair],
		['quiet_space', next.quietSpace, current.quietSpace],
		['children_welcome', next.childrenWelcome, current.childrenWelcome],
		['cost', next.cost, current.cost],
		['languages', next.languages, current.languages],
		['phone', next.phone, current.phone],
		['email', next.email, current.email],
		['website', next.website, current.website]
	]);
}

function gatheringChanges(
	next: GatheringValues,
	place: PlaceReference | null,
	current: Gathering
): string[] {
	const placeId = place === null ? null : 'id' in place ? place.id : `new:${place.externalId}`;
	return changedColumns([
		['kind', next.kind, current.kind],
		...localizedComparisons('name', next.title, current.title),
		...localizedComparisons('description', next.description, current.description),
		['place_id', placeId, current.placeId],
		['neighbourhood', next.neighbourhoodId, current.neighbourhoodId],
		['visibility', next.visibility, current.visibility],
		['address', next.pointName, current.pointName],
		['lat', next.lat, current.lat],
		['lon', next.lon, current.lon],
		['walk_in', next.walkIn, current.walkIn],
		['cost', next.cost, current.cost],
		['languages', next.languages, current.languages],
		['starts_at', next.startsAt, current.startsAt],
		['duration_minutes', next.durationMinutes, current.durationMinutes],
		['rrule', next.rrule, current.rrule],
		['host', next.host, current.host]
	]);
}

// What the database already holds.

/** `Molenbeek Historisch centrum`, `molenbeek-historisch-centrum`, `Molenbeek historisch Centrum`. */
function lookupKey(value: string): string {
	return value
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

type Known = {
	neighbourhoods: Neighbourhood[];
	neighbourhoodsByKey: Map<string, Neighbourhood[]>;
	neighbourhoodSlugs: Map<number, string>;
	places: Map<string, Place>;
	placesById: Map<number, Place>;
	gatherings: Map<string, Gathering>;
	/** The slugs every place and every gathering has, imported or made in Kwartier. */
	slugs: Record<RecordType, Set<string>>;
};

async function loadKnown(): Promise<Known> {
	const [allNeighbourhoods, importedPlaces, importedGatherings, placeSlugs, gatheringSlugs] =
		await Promise.all([
			db.select().from(neighbourhoods),
			db.select().from(places).where(isNotNull(places.externalId)),
			db.select().from(gatherings).where(isNotNull(gatherings.externalId)),
			db.select({ slug: places.slug }).from(places),
			db.select({ slug: gatherings.slug }).from(gatherings)
		]);
	const neighbourhoodsByKey = new Map<string, Neighbourhood[]>();
	for (const neighbourhood of allNeighbourhoods) {
		const keys = new Set([neighbourhood.slug, ...Object.values(neighbourhood.name)].map(lookupKey));
		for (const key of keys) {
			if (!key) continue;
			neighbourhoodsByKey.set(key, [...(neighbourhoodsByKey.get(key) ?? []), neighbourhood]);
		}
	}
	return {
		neighbourhoods: allNeighbourhoods,
		neighbourhoodsByKey,
		neighbourhoodSlugs: new Map(allNeighbourhoods.map((n) => [n.id, n.slug])),
		places: new Map(importedPlaces.map((place) => [place.externalId as string, place])),
		placesById: new Map(importedPlaces.map((place) => [place.id, place])),
		gatherings: new Map(importedGatherings.map((row) => [row.externalId as string, row])),
		slugs: {
			place: new Set(placeSlugs.map((row) => row.slug)),
			gathering: new Set(gatheringSlugs.map((row) => row.slug))
		}
	};
}

// Turning rows into entries.

type FilePlace = {
	label: string;
	action: PlanAction;
	neighbourhoodId: number | null;
	id: number | null;
};

type Planner = {
	known: Known;
	locale: Locale;
	filePlaces: Map<string, FilePlace>;
	/** The slugs rows of this file ask for, by `record:slug`, with where they were asked first. */
	fileSlugs: Map<string, string>;
};

function findNeighbourhood(planner: Planner, value: string): { id: number } | CellProblem | null {
	const { locale, known } = planner;
	if (!value.trim()) return null;
	const found = known.neighbourhoodsByKey.get(lookupKey(value)) ?? [];
	if (found.length === 1) return { id: found[0].id };
	const message =
		known.neighbourhoods.length === 0
			? m.import_error_no_neighbourhoods({}, { locale })
			: found.length > 1
				? m.import_error_neighbourhood_ambiguous(
						{ value: value.trim(), slugs: found.map((n) => n.slug).join(', ') },
						{ locale }
					)
				: m.import_error_neighbourhood_unknown(
						{ value: value.trim(), slugs: known.neighbourhoods.map((n) => n.slug).join(', ') },
						{ locale }
					);
	return { column: 'neighbourhood', message };
}

/** The place a gathering row names: in the same file, or imported before. */
function findPlace(
	planner: Planner,
	externalId: string
): { neighbourhoodId: number; reference: PlaceReference } | CellProblem {
	const { locale, known, filePlaces } = planner;
	const problem = (message: string): CellProblem => ({ column: 'place_id', message });
	const inFile = filePlaces.get(externalId);
	if (inFile) {
		if (inFile.action === 'error' || inFile.neighbourhoodId === null) {
			return problem(m.import_error_place_has_problem({ where: inFile.label }, { locale }));
		}
		if (inFile.action === 'skip' && inFile.id === null) {
			return problem(m.import_error_place_archived({ id: externalId }, { locale }));
		}
		return {
			neighbourhoodId: inFile.neighbourhoodId,
			reference: inFile.id === null ? { externalId } : { id: inFile.id }
		};
	}
	const stored = known.places.get(externalId);
	if (!stored) return problem(m.import_error_place_unknown({ id: externalId }, { locale }));
	if (stored.archivedAt !== null) {
		return problem(m.import_error_place_archived({ id: externalId }, { locale }));
	}
	return { neighbourhoodId: stored.neighbourhoodId, reference: { id: stored.id } };
}

function displayName(cells: Cells, locale: Locale, fallback: string): string {
	const name: Localized = {};
	for (const l of LOCALES) if (cells[`name_${l}`].trim()) name[l] = cells[`name_${l}`].trim();
	return pick(name, locale) || fallback;
}

function labelOf(row: ImportRow, locale: Locale): string {
	return row.source === `line ${row.line}`
		? m.import_line({ line: row.line }, { locale })
		: row.source;
}

/** Record type, id, cells past the header: the checks every row gets before its own rules. */
function basicProblems(row: ImportRow, locale: Locale, record: RecordType | null): CellProblem[] {
	const problems: CellProblem[] = [];
	const options = { locale };
	if (!record) {
		problems.push({
			column: 'record',
			message: row.record?.trim()
				? m.import_error_not_one_of(
						{ value: row.record.trim(), allowed: RECORD_TYPES.join(', ') },
						options
					)
				: m.import_error_required({}, options)
		});
	}
	const id = idCell.safeParse(row.id ?? '');
	if (!id.success) {
		problems.push({ column: 'id', message: m.import_error_id_invalid({}, options) });
	} else if (!id.data) {
		problems.push({ column: 'id', message: m.import_error_required({}, options) });
	}
	const extra = extraCellsOf(row);
	if (extra > 0) {
		problems.push({
			column: 'record',
			message: m.import_error_extra_cells({ count: extra }, options)
		});
	}
	return problems;
}

function errorEntry(
	base: Omit<PlanEntry, 'action' | 'reasons' | 'write'>,
	problems: CellProblem[],
	locale: Locale
): PlanEntry {
	return {
		...base,
		action: 'error',
		reasons: problems.map((problem) => describeCellProblem(problem, locale)),
		write: null
	};
}

/**
 * What becomes of a row that passed its checks, the same for places and gatherings: skipped
 * when the record was archived in Kwartier or nothing changed, else created or updated (naming
 * the columns that change).
 */
function settleEntry<Stored extends { archivedAt: string | null }>(
	entry: Omit<PlanEntry, 'action' | 'reasons' | 'write'>,
	outcome: {
		stored: Stored | undefined;
		slug: SlugPlan;
		write: NonNullable<PlanEntry['write']>;
		changesOf: (stored: Stored) => string[];
	},
	locale: Locale
): PlanEntry {
	const { stored, slug, write } = outcome;
	if (stored?.archivedAt) {
		return {
			...entry,
			action: 'skip',
			reasons: [m.import_reason_archived({}, { locale })],
			write: null
		};
	}
	if (!stored) return { ...entry, action: 'create', reasons: slug.notes, write };
	const changes = outcome.changesOf(stored);
	if (changes.length === 0) {
		return {
			...entry,
			action: 'skip',
			reasons: [m.import_reason_unchanged({}, { locale }), ...slug.notes],
			write: null
		};
	}
	return {
		...entry,
		action: 'update',
		reasons: [m.import_reason_changes({ columns: changes.join(', ') }, { locale }), ...slug.notes],
		write
	};
}

type SlugPlan = { slug: string | null; problems: CellProblem[]; notes: string[] };

/**
 * The slug a row asks for. A new record takes it when it is written as the editors write
 * slugs and no other record has it; a slug two rows ask for, or one written otherwise, is a
 * problem of the row; a slug another record in Kwartier already has gives way to one made
 * from the name, with a note. An update never changes a slug, so shared links keep working.
 */
function planSlug(
	planner: Planner,
	record: RecordType,
	row: ImportRow,
	label: string,
	stored: { slug: string } | undefined
): SlugPlan {
	const { locale, known, fileSlugs } = planner;
	const value = (row.slug ?? '').trim();
	if (!value) return { slug: null, problems: [], notes: [] };
	if (stored) {
		const notes =
			value === stored.slug ? [] : [m.import_reason_slug_kept({ slug: stored.slug }, { locale })];
		return { slug: null, problems: [], notes };
	}
	if (!isValidSlug(value)) {
		const example = slugify(value) || 'buurthuis-de-linde';
		return {
			slug: null,
			problems: [
				{ column: 'slug', message: m.import_error_slug_invalid({ value, example }, { locale }) }
			],
			notes: []
		};
	}
	const key = `${record}:${value}`;
	const first = fileSlugs.get(key);
	if (first) {
		return {
			slug: null,
			problems: [
				{
					column: 'slug',
					message: m.import_error_slug_duplicate({ slug: value, where: first }, { locale })
				}
			],
			notes: []
		};
	}
	fileSlugs.set(key, label);
	if (known.slugs[record].has(value)) {
		return {
			slug: null,
			problems: [],
			notes: [m.import_reason_slug_taken({ slug: value }, { locale })]
		};
	}
	return { slug: value, problems: [], notes: [] };
}

function planPlace(
	planner: Planner,
	row: ImportRow,
	base: Omit<PlanEntry, 'action' | 'reasons' | 'write'>,
	earlier: CellProblem[]
): PlanEntry {
	const { known, locale } = planner;
	const stored = known.places.get(base.externalId);
	const cells = cellsOver(
		stored
			? placeCells(stored, known.neighbourhoodSlugs.get(stored.neighbourhoodId) ?? '')
			: EMPTY_CELLS,
		row
	);
	const neighbourhood = findNeighbourhood(planner, cells.neighbourhood) ?? {
		column: 'neighbourhood',
		message: m.import_error_required({}, { locale })
	};
	const checked = checkPlaceCells(cells, neighbourhood, locale);
	const slug = planSlug(planner, 'place', row, base.label, stored);
	const entry = { ...base, name: displayName(cells, locale, base.externalId) };
	if (earlier.length > 0 || !checked.ok || slug.problems.length > 0) {
		return errorEntry(
			entry,
			[...earlier, ...(checked.ok ? [] : checked.problems), ...slug.problems],
			locale
		);
	}
	const write: PlaceWrite = {
		record: 'place',
		externalId: base.externalId,
		targetId: stored?.id ?? null,
		slug: slug.slug,
		values: checked.values
	};
	return settleEntry(
		entry,
		{ stored, slug, write, changesOf: (current) => placeChanges(checked.values, current) },
		locale
	);
}

function planGathering(
	planner: Planner,
	row: ImportRow,
	base: Omit<PlanEntry, 'action' | 'reasons' | 'write'>,
	earlier: CellProblem[]
): PlanEntry {
	const { known, locale } = planner;
	const stored = known.gatherings.get(base.externalId);
	const cells = cellsOver(
		stored
			? gatheringCells(stored, known.neighbourhoodSlugs.get(stored.neighbourhoodId) ?? '')
			: EMPTY_CELLS,
		row
	);
	// A file without a place_id column keeps the place a gathering already has.
	let place: ReturnType<typeof findPlace> | null = null;
	if (cells.place_id.trim()) place = findPlace(planner, cells.place_id.trim());
	else if (stored?.placeId && typeof row.place_id !== 'string') {
		const storedPlace = known.placesById.get(stored.placeId);
		place = {
			neighbourhoodId: storedPlace?.neighbourhoodId ?? stored.neighbourhoodId,
			reference: { id: stored.placeId }
		};
	}
	const neighbourhood = findNeighbourhood(planner, cells.neighbourhood);
	const checked = checkGatheringCells(cells, neighbourhood, place, locale);
	const slug = planSlug(planner, 'gathering', row, base.label, stored);
	const entry = { ...base, name: displayName(cells, locale, base.externalId) };
	if (earlier.length > 0 || !checked.ok || slug.problems.length > 0) {
		return errorEntry(
			entry,
			[...earlier, ...(checked.ok ? [] : checked.problems), ...slug.problems],
			locale
		);
	}
	const reference = place && !('column' in place) ? place.reference : null;
	const write: GatheringWrite = {
		record: 'gathering',
		externalId: base.externalId,
		targetId: stored?.id ?? null,
		slug: slug.slug,
		values: checked.values,
		place: reference
	};
	return settleEntry(
		entry,
		{
			stored,
			slug,
			write,
			changesOf: (current) => gatheringChanges(checked.values, reference, current)
		},
		locale
	);
}

function recordOf(row: ImportRow): RecordType | null {
	const value = normalizeChoice(row.record ?? '');
	return (RECORD_TYPES as readonly string[]).includes(value) ? (value as RecordType) : null;
}

/**
 * The dry run: for every row whether importing would create, update or skip a record, or why
 * it cannot. A row updates the place or gathering imported before with the same `id`; a column
 * the file does not have leaves that detail as it is. Nothing is written.
 */
export async function planImport(
	rows: ImportRow[],
	locale: Locale,
	options: { problems?: SourceProblem[]; unusedColumns?: string[] } = {}
): Promise<ImportPlan> {
	const planner: Planner = {
		known: await loadKnown(),
		locale,
		filePlaces: new Map(),
		fileSlugs: new Map()
	};
	const firstSeen = new Map<string, string>();
	const prepared = rows.map((row) => {
		const record = recordOf(row);
		const externalId = (row.id ?? '').trim();
		const earlier = basicProblems(row, locale, record);
		const label = labelOf(row, locale);
		const key = `${record}:${externalId}`;
		if (record && externalId) {
			const first = firstSeen.get(key);
			if (first) {
				earlier.push({
					column: 'id',
					message: m.import_error_duplicate_id({ id: externalId, where: first }, { locale })
				});
			} else firstSeen.set(key, label);
		}
		const base = { line: row.line, label, record, externalId, name: externalId };
		return { row, record, base, earlier };
	});

	const entries: PlanEntry[] = [];
	// Places first, so a gathering can be held at a place further down the file.
	for (const { row, record, base, earlier } of prepared) {
		if (record !== 'place') continue;
		const entry = planPlace(planner, row, base, earlier);
		entries.push(entry);
		if (!planner.filePlaces.has(base.externalId) && base.externalId) {
			const write = entry.write as PlaceWrite | null;
			const stored = planner.known.places.get(base.externalId);
			planner.filePlaces.set(base.externalId, {
				label: base.label,
				action: entry.action,
				neighbourhoodId: write?.values.neighbourhoodId ?? stored?.neighbourhoodId ?? null,
				id: stored && !stored.archivedAt ? stored.id : null
			});
		}
	}
	for (const { row, record, base, earlier } of prepared) {
		if (record === 'place') continue;
		entries.push(
			record === 'gathering'
				? planGathering(planner, row, base, earlier)
				: errorEntry(base, earlier, locale)
		);
	}
	for (const problem of options.problems ?? []) {
		entries.push({
			line: problem.line,
			label: problem.source,
			record: null,
			externalId: '',
			name: problem.source,
			action: 'error',
			reasons: [problem.message],
			write: null
		});
	}
	entries.sort((a, b) => a.line - b.line);

	const counts = Object.fromEntries(
		PLAN_ACTIONS.map((action) => [action, 0])
	) as ImportPlan['counts'];
	for (const entry of entries) counts[entry.action] += 1;
	const notices =
		options.unusedColumns && options.unusedColumns.length > 0
			? [m.import_notice_unused_columns({ columns: options.unusedColumns.join(', ') }, { locale })]
			: [];
	return { locale, entries, counts, notices };
}
