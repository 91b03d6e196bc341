import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import { messageFor, text } from '$lib/server/forms';
import { BRUSSELS_BOUNDS } from '$lib/server/places/place-form';
import { validateOpeningHours } from '$lib/server/schedule/opening-hours';
import type { ImportColumn } from './columns';

/*
 * Zod pieces for one cell of an import row, and the messages that name the column. The rules
 * are the editors' (lengths, characters, the Brussels area, opening hours, RRULE); only the
 * wording differs, because a coordinator fixes a spreadsheet, not a form.
 */

/** Every column of a row, '' when not given. */
export type Cells = Record<ImportColumn, string>;

const YES = ['yes', 'y', 'ja', 'j', 'oui', 'o', 'true', 'waar', 'vrai', '1'];
const NO = ['no', 'n', 'nee', 'non', 'false', 'onwaar', 'faux', '0'];

/** `Drop-in house` and `drop_in_house` mean `drop-in-house`. */
export function normalizeChoice(value: string): string {
	return value
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, '-');
}

/** One of a fixed list of values; empty gives the default, or is refused when there is none. */
export function choiceCell<const T extends readonly string[]>(values: T, fallback?: T[number]) {
	return z
		.string()
		.transform(normalizeChoice)
		.refine((value) => value !== '' || fallback !== undefined, 'import_required')
		.refine((value) => value === '' || values.includes(value), 'import_choose')
		.transform((value) => (value || fallback) as T[number]);
}

export function yesNoCell(fallback: boolean) {
	return z
		.string()
		.transform((value) => value.trim().toLowerCase())
		.refine((value) => !value || YES.includes(value) || NO.includes(value), 'import_yes_no')
		.transform((value) => (value ? YES.includes(value) : fallback));
}

/** A trimmed text; empty becomes null. */
export function optionalCell(max: number) {
	return text(max).transform((value) => value || null);
}

export function requiredCell(max: number) {
	return text(max).refine((value) => value !== '', 'import_required');
}

export function coordinateCell(min: number, max: number) {
	return z
		.string()
		.transform((value) => value.trim().replace(',', '.'))
		.refine((value) => !value || /^[-+]?\d{1,3}(\.\d{1,15})?$/.test(value), 'import_coordinate')
		.transform((value) => (value ? Number(value) : null))
		.refine((value) => value === null || (value >= min && value <= max), 'import_outside_area');
}

export const latCell = coordinateCell(BRUSSELS_BOUNDS.south, BRUSSELS_BOUNDS.north);
export const lonCell = coordinateCell(BRUSSELS_BOUNDS.west, BRUSSELS_BOUNDS.east);

// A social map repeats the same few opening hours on thousands of rows; reading one is slow.
const checkedHours = new Map<string, ReturnType<typeof validateOpeningHours>>();

function checkOpeningHours(value: string) {
	let checked = checkedHours.get(value);
	if (!checked) {
		if (checkedHours.size >= 5000) checkedHours.clear();
		checked = validateOpeningHours(value);
		checkedHours.set(value, checked);
	}
	return checked;
}

export const openingHoursCell = optionalCell(500).refine(
	(value) => value === null || checkOpeningHours(value).ok,
	'import_opening_hours'
);

/** How long a gathering may last, in minutes: the gathering editor's range. */
export const DURATION_RANGE = { min: 5, max: 12 * 60 } as const;

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export const languagesCell = text(200)
	.transform((value) =>
		value
			.toLowerCase()
			.split(/[\s,;/]+/)
			.filter(Boolean)
	)
	.refine((codes) => codes.every((code) => LANGUAGE_CODE.test(code)), 'import_languages')
	.transform((codes) => [...new Set(codes)]);

export const wholeNumberCell = z
	.string()
	.transform((value) => value.trim())
	.refine((value) => !value || /^\d{1,5}$/.test(value), 'import_whole_number')
	.transform((value) => (value ? Number(value) : null));

/** What a problem with a cell says, with the column named. */
export type CellProblem = { column: string; message: string };

/**
 * Runs a schema over the cells. Each problem becomes a message in the coordinator's language
 * that names the column and, where it helps, what was found and what is expected.
 */
export function checkCells<T extends z.ZodType>(
	schema: T,
	cells: Cells,
	locale: Locale,
	allowed: Partial<Record<ImportColumn, readonly string[]>> = {}
): { data: z.output<T> | null; problems: CellProblem[] } {
	const result = schema.safeParse(cells);
	if (result.success) return { data: result.data, problems: [] };
	const problems: CellProblem[] = [];
	const seen = new Set<string>();
	for (const issue of result.error.issues) {
		const column = String(issue.path[0] ?? '');
		if (seen.has(column)) continue;
		seen.add(column);
		const value = cells[column as ImportColumn]?.trim() ?? '';
		problems.push({
			column,
			message: cellMessage(issue, value, allowed[column as ImportColumn] ?? [], locale)
		});
	}
	return { data: null, problems };
}

function cellMessage(
	issue: z.core.$ZodIssue,
	value: string,
	allowed: readonly string[],
	locale: Locale
): string {
	const options = { locale };
	switch (issue.message) {
		case 'import_required':
			return m.import_error_required({}, options);
		case 'import_choose':
			return m.import_error_not_one_of({ value, allowed: allowed.join(', ') }, options);
		case 'import_yes_no':
			return m.import_error_yes_no({ value }, options);
		case 'import_coordinate':
			return m.import_error_coordinate({ value }, options);
		case 'import_outside_area':
			return m.import_error_outside_area({ value }, options);
		case 'import_opening_hours': {
			const checked = checkOpeningHours(value);
			const detail = checked.ok ? '' : checked.message;
			return m.import_error_opening_hours({ detail }, options);
		}
		case 'import_languages':
			return m.import_error_languages({ value }, options);
		case 'import_whole_number':
			return m.import_error_whole_number({ value }, options);
		case 'import_starts_at':
			return m.import_error_starts_at({ value }, options);
		case 'import_duration':
			return m.import_error_duration(DURATION_RANGE, options);
		case 'import_rrule':
			return m.import_error_rrule({ value }, options);
		default:
			return messageFor(issue, locale);
	}
}

/** `Column kind: …` */
export function describeCellProblem(problem: CellProblem, locale: Locale): string {
	return m.import_problem_in_column(
		{ column: problem.column, message: problem.message },
		{ locale }
	);
}
