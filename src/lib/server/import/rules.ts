import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { LOCALES, type Locale, type Localized } from '$lib/i18n';
import {
	COSTS,
	GATHERING_KINDS,
	PLACE_KINDS,
	VISIBILITIES,
	type Cost,
	type GatheringKind,
	type PlaceKind,
	type Visibility
} from '$lib/server/db/schema';
import { isWebAddress, LIMITS, PHONE } from '$lib/server/places/place-form';
import { validateRrule } from '$lib/server/schedule/recurrence';
import { firstRealStart } from '$lib/server/schedule/rrule-builder';
import { isWallTime } from '$lib/server/schedule/time';
import {
	checkCells,
	choiceCell,
	DURATION_RANGE,
	languagesCell,
	latCell,
	lonCell,
	openingHoursCell,
	optionalCell,
	requiredCell,
	wholeNumberCell,
	yesNoCell,
	type CellProblem,
	type Cells
} from './cells';

/** What an import sets on a place; everything else (greeter, last checked…) stays as it is. */
export type PlaceValues = {
	kind: PlaceKind;
	name: Localized;
	whatToExpect: Localized;
	neighbourhoodId: number;
	visibility: Visibility;
	address: string | null;
	lat: number | null;
	lon: number | null;
	openingHours: string | null;
	walkIn: boolean;
	coffee: boolean;
	maySitWithoutBuying: boolean;
	wheelchair: boolean;
	quietSpace: boolean;
	childrenWelcome: boolean;
	cost: Cost;
	languages: string[];
	phone: string | null;
	email: string | null;
	website: string | null;
};

/** What an import sets on a gathering; its place is resolved when it is written. */
export type GatheringValues = {
	kind: GatheringKind;
	title: Localized;
	description: Localized;
	neighbourhoodId: number;
	lat: number | null;
	lon: number | null;
	pointName: string | null;
	startsAt: string;
	durationMinutes: number;
	rrule: string | null;
	host: string;
	walkIn: boolean;
	cost: Cost;
	languages: string[];
	visibility: Visibility;
};

/**
 * A slug as the editors make them (places/slug.ts, gatherings/manage.ts): small letters a-z
 * and digits, single dashes between them, 60 characters at most.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(value: string): boolean {
	return value.length <= 60 && SLUG.test(value);
}

/** The same limits as the gathering editor. */
const GATHERING_LIMITS = { title: 120, description: 3000, pointName: 120, host: 120 } as const;

/** The values each choice column accepts, to name them when a cell holds something else. */
export const PLACE_CHOICES = {
	kind: PLACE_KINDS,
	visibility: VISIBILITIES,
	cost: COSTS
} as const;
export const GATHERING_CHOICES = {
	kind: GATHERING_KINDS,
	visibility: VISIBILITIES,
	cost: COSTS
} as const;

function localizedCells(prefix: 'name' | 'description', max: number) {
	return Object.fromEntries(LOCALES.map((locale) => [`${prefix}_${locale}`, optionalCell(max)]));
}

function localizedOf(data: Record<string, unknown>, prefix: 'name' | 'description'): Localized {
	const text: Localized = {};
	for (const locale of LOCALES) {
		const value = data[`${prefix}_${locale}`];
		if (typeof value === 'string' && value) text[locale] = value;
	}
	return text;
}

function filled(cells: Cells, prefix: 'name' | 'description') {
	return LOCALES.some((locale) => cells[`${prefix}_${locale}`].trim());
}

const contactCells = {
	phone: optionalCell(LIMITS.phone).refine((value) => !value || PHONE.test(value), 'error_phone'),
	email: optionalCell(LIMITS.email).refine(
		(value) => !value || z.email().safeParse(value).success,
		'error_email'
	),
	website: optionalCell(LIMITS.website).refine(
		(value) => !value || isWebAddress(value),
		'error_url'
	)
};

const placeSchema = z.object({
	kind: choiceCell(PLACE_KINDS),
	...localizedCells('name', LIMITS.name),
	...localizedCells('description', LIMITS.whatToExpect),
	visibility: choiceCell(VISIBILITIES, 'public'),
	address: optionalCell(LIMITS.address),
	lat: latCell,
	lon: lonCell,
	opening_hours: openingHoursCell,
	walk_in: yesNoCell(true),
	coffee: yesNoCell(false),
	may_sit_without_buying: yesNoCell(true),
	wheelchair: yesNoCell(false),
	quiet_space: yesNoCell(false),
	children_welcome: yesNoCell(false),
	cost: choiceCell(COSTS, 'free'),
	languages: languagesCell,
	...contactCells
});

// `2026-12-05T14:00`; a spreadsheet may also write a space, or add seconds.
const startsAtCell = z
	.string()
	.transform((value) =>
		value
			.trim()
			.replace(' ', 'T')
			.replace(/^(.{16}):00$/, '$1')
	)
	.refine((value) => value !== '', 'import_required')
	.refine((value) => !value || isWallTime(value), 'import_starts_at');

const gatheringSchema = z.object({
	kind: choiceCell(GATHERING_KINDS),
	...localizedCells('name', GATHERING_LIMITS.title),
	...localizedCells('description', GATHERING_LIMITS.description),
	visibility: choiceCell(VISIBILITIES, 'public'),
	address: optionalCell(GATHERING_LIMITS.pointName),
	lat: latCell,
	lon: lonCell,
	walk_in: yesNoCell(true),
	cost: choiceCell(COSTS, 'free'),
	languages: languagesCell,
	starts_at: startsAtCell,
	duration_minutes: wholeNumberCell
		.refine((value) => value !== null, 'import_required')
		.refine(
			(value) => value === null || (value >= DURATION_RANGE.min && value <= DURATION_RANGE.max),
			'import_duration'
		),
	rrule: optionalCell(500)
		.transform((value) => value?.replace(/^RRULE:/i, '').toUpperCase() ?? null)
		.refine((value) => value === null || validateRrule(value), 'import_rrule'),
	host: requiredCell(GATHERING_LIMITS.host)
});

export type RuleResult<T> = { ok: true; values: T } | { ok: false; problems: CellProblem[] };

function pointProblems(
	lat: number | null,
	lon: number | null,
	pointNeeded: boolean,
	locale: Locale
): CellProblem[] {
	if ((lat === null) !== (lon === null)) {
		return [
			{ column: lat === null ? 'lat' : 'lon', message: m.import_error_point_half({}, { locale }) }
		];
	}
	if (pointNeeded && lat === null) {
		return [{ column: 'lat', message: m.import_error_point_missing({}, { locale }) }];
	}
	return [];
}

/**
 * A place row's cells, checked as the place editor checks its form: a kind, a name and "what
 * to expect" in at least one language, a point in the Brussels area (an area-only place may
 * leave it out: it is never shown anyway), readable opening hours, valid contact details.
 * The neighbourhood is looked up by the caller and passed in as an id (or as its problem).
 */
export function checkPlaceCells(
	cells: Cells,
	neighbourhood: { id: number } | CellProblem,
	locale: Locale
): RuleResult<PlaceValues> {
	const { data, problems } = checkCells(placeSchema, cells, locale, PLACE_CHOICES);
	if (!filled(cells, 'name')) {
		problems.push({ column: 'name_nl', message: m.import_error_name_missing({}, { locale }) });
	}
	if (!filled(cells, 'description')) {
		problems.push({
			column: 'description_nl',
			message: m.import_error_description_missing({}, { locale })
		});
	}
	if ('column' in neighbourhood) problems.push(neighbourhood);
	if (data) problems.push(...pointProblems(data.lat, data.lon, data.visibility !== 'area', locale));
	if (problems.length > 0 || !data || 'column' in neighbourhood) return { ok: false, problems };
	return {
		ok: true,
		values: {
			kind: data.kind,
			name: localizedOf(data, 'name'),
			whatToExpect: localizedOf(data, 'description'),
			neighbourhoodId: neighbourhood.id,
			visibility: data.visibility,
			address: data.address,
			lat: data.lat,
			lon: data.lon,
			openingHours: data.opening_hours,
			walkIn: data.walk_in,
			coffee: data.coffee,
			maySitWithoutBuying: data.may_sit_without_buying,
			wheelchair: data.wheelchair,
			quietSpace: data.quiet_space,
			childrenWelcome: data.children_welcome,
			cost: data.cost,
			languages: data.languages,
			phone: data.phone,
			email: data.email,
			website: data.website
		}
	};
}

/**
 * A gathering row's cells, checked as the gathering editor checks its form. `place` says
 * whether it is held at a place (then the meeting point is not used) and which neighbourhood
 * that place is in; without a place it needs a meeting point in the area and a neighbourhood
 * of its own. The first date moves to the first one the rule really gives, as in the editor,
 * so the calendar feed and the site agree.
 */
export function checkGatheringCells(
	cells: Cells,
	neighbourhood: { id: number } | CellProblem | null,
	place: { neighbourhoodId: number } | CellProblem | null,
	locale: Locale
): RuleResult<GatheringValues> {
	const { data, problems } = checkCells(gatheringSchema, cells, locale, GATHERING_CHOICES);
	const options = { locale };
	if (!filled(cells, 'name')) {
		problems.push({ column: 'name_nl', message: m.import_error_name_missing({}, options) });
	}
	if (place && 'column' in place) problems.push(place);
	if (neighbourhood && 'column' in neighbourhood) problems.push(neighbourhood);
	const atPlace = place !== null && !('column' in place);
	if (!place && !neighbourhood) {
		problems.push({ column: 'neighbourhood', message: m.import_error_required({}, options) });
	}
	if (data && !place) {
		problems.push(...pointProblems(data.lat, data.lon, data.visibility !== 'area', locale));
	}

	let startsAt: string | null = null;
	if (data && data.duration_minutes !== null) {
		startsAt = firstRealStart({
			startsAt: data.starts_at,
			rrule: data.rrule,
			durationMinutes: data.duration_minutes
		});
		if (!startsAt) {
			problems.push({ column: 'rrule', message: m.import_error_no_dates({}, options) });
		}
	}

	const neighbourhoodId =
		neighbourhood && !('column' in neighbourhood)
			? neighbourhood.id
			: atPlace
				? (place as { neighbourhoodId: number }).neighbourhoodId
				: null;
	if (
		problems.length > 0 ||
		!data ||
		!startsAt ||
		data.duration_minutes === null ||
		neighbourhoodId === null
	) {
		return { ok: false, problems };
	}
	return {
		ok: true,
		values: {
			kind: data.kind,
			title: localizedOf(data, 'name'),
			description: localizedOf(data, 'description'),
			neighbourhoodId,
			lat: atPlace ? null : data.lat,
			lon: atPlace ? null : data.lon,
			pointName: atPlace ? null : data.address,
			startsAt,
			durationMinutes: data.duration_minutes,
			rrule: data.rrule,
			host: data.host,
			walkIn: data.walk_in,
			cost: data.cost,
			languages: data.languages,
			visibility: data.visibility
		}
	};
}
