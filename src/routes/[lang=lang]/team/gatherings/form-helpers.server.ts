import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, LOCALES, type Locale, type Localized } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { BRUSSELS_BOUNDS } from '$lib/server/places/place-form';
import { formValues, optionalText, validateForm, type FieldErrors } from '$lib/server/forms';
import {
	cancelOccurrence,
	moveOccurrence,
	undoOccurrenceChange,
	type ChangeResult,
	type OccurrenceTarget
} from '$lib/server/gatherings/manage';
import {
	isCalendarDate,
	readRrule,
	RHYTHMS,
	WEEKS_OF_MONTH,
	type ResolvedSchedule,
	type ScheduleChoice,
	type WeekOfMonth
} from '$lib/server/schedule/rrule-builder';

/*
 * Form pieces that the gathering and coffee-bus round pages share: texts in three languages,
 * the schedule fields, numbers, points, and the actions that cancel or move one date.
 */

export type Values = Record<string, string>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function localeOf(event: Pick<RequestEvent, 'params'>): Locale {
	return isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
}

/** The id in the address, or 404: `/team/gatherings/abc` is not a page. */
export function idOf(event: Pick<RequestEvent, 'params'>, locale: Locale): number {
	const raw = event.params.id ?? '';
	if (!/^\d{1,9}$/.test(raw)) error(404, m.not_found_title({}, { locale }));
	return Number(raw);
}

/** The form's text values, with '' for every expected field that was not sent. */
export async function readForm(event: RequestEvent, fields: readonly string[]) {
	const formData = await event.request.formData().catch(() => new FormData());
	const sent = formValues(formData);
	const values: Values = {};
	for (const field of fields) values[field] = sent[field] ?? '';
	return { formData, values, sent };
}

const suffix = (locale: Locale) => locale[0].toUpperCase() + locale.slice(1);

/** `title` → `titleNl`, `titleFr`, `titleEn`. */
export function localizedFields(name: string): string[] {
	return LOCALES.map((locale) => `${name}${suffix(locale)}`);
}

export function localizedShape(name: string, max: number) {
	return Object.fromEntries(
		localizedFields(name).map((field) => [field, optionalText(max)])
	) as Record<string, ReturnType<typeof optionalText>>;
}

export function localizedFrom(data: Record<string, unknown>, name: string): Localized {
	const text: Localized = {};
	for (const locale of LOCALES) {
		const value = data[`${name}${suffix(locale)}`];
		if (typeof value === 'string' && value) text[locale] = value;
	}
	return text;
}

export function localizedValues(name: string, text: Localized | null): Values {
	return Object.fromEntries(
		LOCALES.map((locale) => [`${name}${suffix(locale)}`, text?.[locale] ?? ''])
	);
}

export const timeField = z.string().trim().regex(TIME, 'error_time');
export const dateField = z.string().trim().refine(isCalendarDate, 'error_date');
export const optionalDateField = z
	.string()
	.trim()
	.refine((value) => value === '' || isCalendarDate(value), 'error_date')
	.transform((value) => value || null);
/** Digits only, or empty; the range is checked with a message that names it. */
export const integerField = z
	.string()
	.trim()
	.refine((value) => value === '' || /^\d{1,5}$/.test(value), 'error_number')
	.transform((value) => (value === '' ? null : Number(value)));
/** A row id from a select: a tampered value is "unknown", as is one that no longer exists. */
export const idField = z
	.string()
	.trim()
	.refine((value) => value === '' || /^\d{1,9}$/.test(value), 'error_unknown_item')
	.transform((value) => (value === '' ? null : Number(value)));
/** A latitude or longitude; Belgian keyboards often type a comma. */
export const coordinateField = z
	.string()
	.trim()
	.transform((value) => value.replace(',', '.'))
	.refine((value) => value === '' || /^-?\d{1,3}(\.\d{1,12})?$/.test(value), 'error_coordinates')
	.transform((value) => (value === '' ? null : Number(value)));

/** The same area as meeting places: Brussels with a little margin. */
export function isInArea(lat: number, lon: number): boolean {
	const area = BRUSSELS_BOUNDS;
	return lat >= area.south && lat <= area.north && lon >= area.west && lon <= area.east;
}

export { BRUSSELS_BOUNDS };

export function numberInRange(
	value: number | null,
	min: number,
	max: number,
	locale: Locale
): string | undefined {
	if (value === null) return m.error_required({}, { locale });
	if (value < min || value > max) return m.error_number_range({ min, max }, { locale });
	return undefined;
}

export const SCHEDULE_FIELDS = [
	'firstDate',
	'startTime',
	'rhythm',
	'weekday',
	'week',
	'until'
] as const;

export const scheduleShape = {
	firstDate: dateField,
	startTime: timeField,
	rhythm: z.enum([...RHYTHMS, 'keep']),
	weekday: z.enum(['', '1', '2', '3', '4', '5', '6', '7']),
	week: z.enum(WEEKS_OF_MONTH.map(String) as [string, ...string[]]),
	until: optionalDateField
};

export function scheduleChoice(data: {
	firstDate: string;
	startTime: string;
	rhythm: ScheduleChoice['rhythm'];
	weekday: string;
	week: string;
	until: string | null;
}): ScheduleChoice {
	return {
		firstDate: data.firstDate,
		startTime: data.startTime,
		rhythm: data.rhythm,
		weekday: data.weekday ? Number(data.weekday) : null,
		week: Number(data.week) as WeekOfMonth,
		until: data.until
	};
}

export function scheduleProblem(
	resolved: Extract<ResolvedSchedule, { ok: false }>,
	locale: Locale
): FieldErrors {
	const options = { locale };
	switch (resolved.problem) {
		case 'keep-unavailable':
			return { rhythm: m.error_choose_one({}, options) };
		case 'until-before-first':
			return { until: m.tg_error_until_before_first({}, options) };
		case 'no-dates':
			return { until: m.tg_error_no_dates({}, options) };
	}
}

/** The schedule fields for a stored start and rule; a rule the form cannot say is kept. */
export function scheduleValues(startsAt: string, rrule: string | null): Values {
	const choice = readRrule(rrule, startsAt);
	return {
		firstDate: startsAt.slice(0, 10),
		startTime: startsAt.slice(11, 16),
		rhythm: choice?.rhythm ?? 'keep',
		weekday: String(choice?.weekday ?? ''),
		week: String(choice?.week ?? 1),
		until: choice?.until ?? ''
	};
}

export function emptyScheduleValues(): Values {
	return { firstDate: '', startTime: '', rhythm: 'weekly', weekday: '', week: '1', until: '' };
}

// One date at a time.

export type DateChangeAction = 'cancel' | 'move' | 'undo';

const noteShape = localizedShape('note', 300);
const cancelSchema = z.object({ originalDate: z.string(), ...noteShape });
const moveSchema = z.object({
	originalDate: z.string(),
	newDate: dateField,
	newTime: timeField,
	...noteShape
});
const NOTE_FIELDS = localizedFields('note');

function refuseDate(
	action: DateChangeAction,
	originalDate: string,
	values: Values,
	errors: FieldErrors
) {
	return fail(400, { dateChange: { action, originalDate, values, errors, done: false } });
}

function changeFailure(
	result: Extract<ChangeResult, { ok: false }>,
	action: DateChangeAction,
	originalDate: string,
	values: Values,
	locale: Locale
) {
	if (result.reason === 'not-found') error(404, m.not_found_title({}, { locale }));
	return refuseDate(action, originalDate, values, {
		form: m.tg_error_not_a_date({}, { locale })
	});
}

/**
 * The cancel, move and undo actions of a gathering's or a round's page. `targetOf` gives
 * what the page is about, or undefined when it does not exist.
 */
export function dateChangeActions(targetOf: (id: number) => Promise<OccurrenceTarget | undefined>) {
	async function start(event: RequestEvent) {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const target = await targetOf(idOf(event, locale));
		if (!target) error(404, m.not_found_title({}, { locale }));
		return { locale, target };
	}

	return {
		cancelDate: async (event: RequestEvent) => {
			const { locale, target } = await start(event);
			const { values } = await readForm(event, ['originalDate', ...NOTE_FIELDS]);
			const checked = validateForm(cancelSchema, values, locale);
			if (!checked.ok) return refuseDate('cancel', values.originalDate, values, checked.errors);
			const result = await cancelOccurrence(
				target,
				values.originalDate,
				localizedFrom(checked.data, 'note')
			);
			if (!result.ok) return changeFailure(result, 'cancel', values.originalDate, values, locale);
			return {
				dateChange: { action: 'cancel' as const, originalDate: values.originalDate, done: true }
			};
		},
		moveDate: async (event: RequestEvent) => {
			const { locale, target } = await start(event);
			const { values } = await readForm(event, [
				'originalDate',
				'newDate',
				'newTime',
				...NOTE_FIELDS
			]);
			const checked = validateForm(moveSchema, values, locale);
			if (!checked.ok) return refuseDate('move', values.originalDate, values, checked.errors);
			const result = await moveOccurrence(
				target,
				values.originalDate,
				`${checked.data.newDate}T${checked.data.newTime}`,
				localizedFrom(checked.data, 'note')
			);
			if (!result.ok) return changeFailure(result, 'move', values.originalDate, values, locale);
			return {
				dateChange: { action: 'move' as const, originalDate: values.originalDate, done: true }
			};
		},
		undoChange: async (event: RequestEvent) => {
			const { locale, target } = await start(event);
			const { values } = await readForm(event, ['changeId', 'originalDate']);
			const changeId = /^\d{1,9}$/.test(values.changeId) ? Number(values.changeId) : null;
			if (changeId === null || !(await undoOccurrenceChange(target, changeId))) {
				return refuseDate('undo', values.originalDate, values, {
					form: m.tg_error_change_gone({}, { locale })
				});
			}
			return {
				dateChange: { action: 'undo' as const, originalDate: values.originalDate, done: true }
			};
		}
	};
}
