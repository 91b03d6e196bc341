import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { LOCALES, type Locale, type Localized } from '$lib/i18n';
import { languageCodes } from '$lib/labels';
import { COSTS, PLACE_KINDS, VISIBILITIES, type Place } from '$lib/server/db/schema';
import {
	checkbox,
	optionalText,
	validateForm,
	type FieldErrors,
	type FormValues
} from '$lib/server/forms';
import { neighbourhoodExists, type PlaceDraft, type SuggestionStart } from './manage';
import { OPENING_HOURS_MAX, openingHoursError } from './opening-preview';

/** Brussels-Capital with a little margin: a point outside it is a typing mistake. */
export const BRUSSELS_BOUNDS = { south: 50.76, north: 50.92, west: 4.24, east: 4.49 } as const;

export const LIMITS = {
	name: 120,
	whatToExpect: 2000,
	greeter: 300,
	howToGetThere: 1000,
	address: 200,
	openingHours: OPENING_HOURS_MAX,
	phone: 40,
	email: 200,
	website: 300,
	otherLanguages: 100
} as const;

export const LOCALIZED_FIELDS = ['name', 'whatToExpect', 'greeter', 'howToGetThere'] as const;
export type LocalizedField = (typeof LOCALIZED_FIELDS)[number];

export const FACT_FIELDS = [
	'walkIn',
	'coffee',
	'maySitWithoutBuying',
	'wheelchair',
	'quietSpace',
	'childrenWelcome'
] as const;

/** The languages with a label get a checkbox each; any other code goes in a text field. */
export const KNOWN_LANGUAGES = languageCodes;

export function localizedFieldName(field: LocalizedField, locale: Locale) {
	return `${field}_${locale}`;
}

export function languageFieldName(code: string) {
	return `speaks_${code}`;
}

/** Every field of the form, each echoed back when something is wrong. */
export const PLACE_FIELDS = [
	...LOCALIZED_FIELDS.flatMap((field) =>
		LOCALES.map((locale) => localizedFieldName(field, locale))
	),
	'kind',
	'neighbourhoodId',
	'address',
	'lat',
	'lon',
	'visibility',
	'openingHours',
	...FACT_FIELDS,
	'cost',
	...KNOWN_LANGUAGES.map(languageFieldName),
	'otherLanguages',
	'phone',
	'email',
	'website',
	'version'
];

export type PlaceFormValues = Record<string, string>;

// Digits with spaces, dots, dashes, slashes or brackets between them; at least six digits.
export const PHONE = /^\+?[\d\s\-./()]{6,30}$/;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
// What the form was opened with: the place's updatedAt.
const VERSION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?$/;

function maybeText(max: number) {
	return optionalText(max)
		.optional()
		.transform((value) => value ?? null);
}

function coordinate(min: number, max: number) {
	return z
		.string({ error: 'error_coordinates' })
		.trim()
		.regex(/^[-+]?\d{1,3}(?:[.,]\d{1,15})?$/, 'error_coordinates')
		.transform((value) => Number(value.replace(',', '.')))
		.refine((value) => value >= min && value <= max, 'error_coordinates');
}

export function isWebAddress(value: string) {
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
	} catch {
		return false;
	}
}

function splitLanguageCodes(value: string | null | undefined): string[] {
	return (value ?? '')
		.toLowerCase()
		.split(/[\s,;/]+/)
		.filter(Boolean);
}

const localizedShape = Object.fromEntries(
	LOCALIZED_FIELDS.flatMap((field) =>
		LOCALES.map((locale) => [localizedFieldName(field, locale), maybeText(LIMITS[field])])
	)
);

const placeSchema = z.object({
	...localizedShape,
	kind: z.enum(PLACE_KINDS, { error: 'error_choose_one' }),
	neighbourhoodId: z
		.string({ error: 'error_choose_one' })
		.refine((value) => value !== '', 'error_choose_one')
		.regex(/^\d{1,9}$/, 'error_unknown_item')
		.transform(Number),
	address: maybeText(LIMITS.address),
	lat: coordinate(BRUSSELS_BOUNDS.south, BRUSSELS_BOUNDS.north),
	lon: coordinate(BRUSSELS_BOUNDS.west, BRUSSELS_BOUNDS.east),
	visibility: z.enum(VISIBILITIES, { error: 'error_choose_one' }),
	openingHours: maybeText(LIMITS.openingHours),
	...Object.fromEntries(FACT_FIELDS.map((field) => [field, checkbox])),
	cost: z.enum(COSTS, { error: 'error_choose_one' }),
	...Object.fromEntries(KNOWN_LANGUAGES.map((code) => [languageFieldName(code), checkbox])),
	otherLanguages: maybeText(LIMITS.otherLanguages),
	phone: maybeText(LIMITS.phone).refine((value) => !value || PHONE.test(value), 'error_phone'),
	email: maybeText(LIMITS.email).refine(
		(value) => !value || z.email().safeParse(value).success,
		'error_email'
	),
	website: maybeText(LIMITS.website).refine((value) => !value || isWebAddress(value), 'error_url'),
	version: z.string().optional()
});

type ParsedPlace = Record<string, unknown>;

function localizedOf(data: ParsedPlace, field: LocalizedField): Localized | null {
	const text: Localized = {};
	for (const locale of LOCALES) {
		const value = data[localizedFieldName(field, locale)];
		if (typeof value === 'string' && value) text[locale] = value;
	}
	return Object.keys(text).length > 0 ? text : null;
}

function toDraft(data: ParsedPlace): PlaceDraft {
	const known = KNOWN_LANGUAGES.filter((code) => data[languageFieldName(code)] === true);
	const others = splitLanguageCodes(data.otherLanguages as string | null).filter(
		(code) => !known.includes(code)
	);
	return {
		kind: data.kind as PlaceDraft['kind'],
		name: localizedOf(data, 'name') ?? {},
		whatToExpect: localizedOf(data, 'whatToExpect') ?? {},
		greeter: localizedOf(data, 'greeter'),
		howToGetThere: localizedOf(data, 'howToGetThere'),
		neighbourhoodId: data.neighbourhoodId as number,
		address: data.address as string | null,
		lat: data.lat as number,
		lon: data.lon as number,
		visibility: data.visibility as PlaceDraft['visibility'],
		openingHours: data.openingHours as string | null,
		walkIn: data.walkIn as boolean,
		cost: data.cost as PlaceDraft['cost'],
		coffee: data.coffee as boolean,
		maySitWithoutBuying: data.maySitWithoutBuying as boolean,
		wheelchair: data.wheelchair as boolean,
		quietSpace: data.quietSpace as boolean,
		childrenWelcome: data.childrenWelcome as boolean,
		languages: [...new Set([...known, ...others])],
		phone: data.phone as string | null,
		email: data.email as string | null,
		website: data.website as string | null
	};
}

/** The checks one field cannot make alone; they run even when other fields are wrong. */
function crossFieldErrors(values: PlaceFormValues, locale: Locale): FieldErrors {
	const errors: FieldErrors = {};
	const filled = (field: LocalizedField) =>
		LOCALES.some((l) => values[localizedFieldName(field, l)]?.trim());
	if (!filled('name')) errors.name = m.tp_error_name_missing({}, { locale });
	if (!filled('whatToExpect')) errors.whatToExpect = m.tp_error_expect_missing({}, { locale });
	const hours = openingHoursError(values.openingHours ?? '', locale);
	if (hours) errors.openingHours = hours;
	const codes = splitLanguageCodes(values.otherLanguages);
	if (codes.some((code) => !LANGUAGE_CODE.test(code))) {
		errors.otherLanguages = m.tp_error_language_codes({}, { locale });
	}
	if (values.version && !VERSION.test(values.version)) {
		errors.form = m.tp_error_reload({}, { locale });
	}
	return errors;
}

export type PlaceFormResult =
	{ ok: true; draft: PlaceDraft; version: string | undefined } | { ok: false; errors: FieldErrors };

/** Validates a submitted place form: every problem, in the worker's language, per field. */
export async function parsePlaceForm(
	values: PlaceFormValues,
	locale: Locale
): Promise<PlaceFormResult> {
	const result = validateForm(placeSchema, values, locale);
	const errors: FieldErrors = {
		...(result.ok ? {} : result.errors),
		...crossFieldErrors(values, locale)
	};
	if (result.ok && !(await neighbourhoodExists(result.data.neighbourhoodId as number))) {
		errors.neighbourhoodId = m.error_unknown_item({}, { locale });
	}
	if (!result.ok || Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, draft: toDraft(result.data), version: values.version || undefined };
}

/** Only the fields of this form, each as typed, so a refused form comes back complete. */
export function pickPlaceValues(submitted: FormValues): PlaceFormValues {
	return Object.fromEntries(PLACE_FIELDS.map((field) => [field, submitted[field] ?? '']));
}

export function emptyPlaceValues(neighbourhoodId?: number): PlaceFormValues {
	return {
		...pickPlaceValues({}),
		neighbourhoodId: neighbourhoodId ? String(neighbourhoodId) : '',
		walkIn: 'on',
		maySitWithoutBuying: 'on',
		cost: 'free'
	};
}

export function valuesFromPlace(place: Place): PlaceFormValues {
	const values = emptyPlaceValues();
	for (const field of LOCALIZED_FIELDS) {
		for (const locale of LOCALES) {
			values[localizedFieldName(field, locale)] = place[field]?.[locale] ?? '';
		}
	}
	const on = (value: boolean) => (value ? 'on' : '');
	Object.assign(values, {
		kind: place.kind,
		neighbourhoodId: String(place.neighbourhoodId),
		address: place.address ?? '',
		lat: place.lat === null ? '' : String(place.lat),
		lon: place.lon === null ? '' : String(place.lon),
		visibility: place.visibility,
		openingHours: place.openingHours ?? '',
		cost: place.cost,
		otherLanguages: place.languages.filter((code) => !KNOWN_LANGUAGES.includes(code)).join(', '),
		phone: place.phone ?? '',
		email: place.email ?? '',
		website: place.website ?? '',
		version: place.updatedAt
	});
	for (const field of FACT_FIELDS) values[field] = on(place[field]);
	for (const code of KNOWN_LANGUAGES) {
		values[languageFieldName(code)] = on(place.languages.includes(code));
	}
	return values;
}

/** A visitor's suggestion as a start: its name, where and details, in the language it came in. */
export function valuesFromSuggestion(
	suggestion: SuggestionStart,
	neighbourhoodId?: number
): PlaceFormValues {
	const values = emptyPlaceValues(neighbourhoodId);
	const locale = LOCALES.find((l) => l === suggestion.locale) ?? LOCALES[0];
	values[localizedFieldName('name', locale)] = suggestion.name ?? '';
	values[localizedFieldName('whatToExpect', locale)] = suggestion.details;
	values.address = suggestion.whereText ?? '';
	return values;
}
