import { z } from 'zod';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { formValues, validateForm, type FieldErrors } from '$lib/server/forms';
import type { RosterError } from '$lib/server/roster';
import { ESCALATION_MINUTES } from './roster-data.server';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/;
const ID = /^\d{1,9}$/;

/** What the person typed, sent back with the errors so nothing is lost. */
export type PatternValues = {
	accountId: string;
	neighbourhoodIds: string[];
	weekday: string;
	startTime: string;
	endTime: string;
	validFrom: string;
	validUntil: string;
};

export type ShiftValues = {
	accountId: string;
	neighbourhoodIds: string[];
	kind: string;
	startsAt: string;
	endsAt: string;
};

const idField = z.string().regex(ID, 'error_choose_one').transform(Number);
const neighbourhoodIdsField = z.array(z.string().regex(ID, 'error_unknown_item').transform(Number));

const patternSchema = z.object({
	accountId: idField,
	neighbourhoodIds: neighbourhoodIdsField,
	weekday: z
		.string()
		.regex(/^[1-7]$/, 'error_choose_one')
		.transform(Number),
	startTime: z.string().regex(TIME, 'error_time'),
	// A time field cannot hold 24:00, so 00:00 as the end means "until midnight".
	endTime: z
		.string()
		.regex(TIME, 'error_time')
		.transform((value) => (value === '00:00' ? '24:00' : value)),
	validFrom: z.string().regex(DATE, 'error_date'),
	validUntil: z
		.string()
		.trim()
		.refine((value) => value === '' || DATE.test(value), 'error_date')
		.transform((value) => value || null)
});

const shiftSchema = z.object({
	accountId: idField,
	neighbourhoodIds: neighbourhoodIdsField,
	kind: z.enum(['extra', 'off']),
	startsAt: z.string().regex(DATE_TIME, 'error_date'),
	endsAt: z.string().regex(DATE_TIME, 'error_date')
});

const removeSchema = z.object({ id: idField });

const escalationSchema = z.object({
	neighbourhoodId: idField,
	minutes: z.coerce.number().int().min(ESCALATION_MINUTES.min).max(ESCALATION_MINUTES.max)
});

function text(values: Record<string, string>, key: string) {
	return (values[key] ?? '').trim();
}

export function readPatternValues(formData: FormData): PatternValues {
	const values = formValues(formData);
	return {
		accountId: text(values, 'accountId'),
		neighbourhoodIds: formData.getAll('neighbourhoodIds').map(String),
		weekday: text(values, 'weekday'),
		startTime: text(values, 'startTime'),
		endTime: text(values, 'endTime'),
		validFrom: text(values, 'validFrom'),
		validUntil: text(values, 'validUntil')
	};
}

export function readShiftValues(formData: FormData): ShiftValues {
	const values = formValues(formData);
	return {
		accountId: text(values, 'accountId'),
		neighbourhoodIds: formData.getAll('neighbourhoodIds').map(String),
		kind: text(values, 'kind'),
		startsAt: text(values, 'startsAt'),
		endsAt: text(values, 'endsAt')
	};
}

/** A problem with one of the ticked neighbourhoods is shown next to the whole group. */
function groupNeighbourhoodErrors(errors: FieldErrors) {
	for (const key of Object.keys(errors)) {
		if (!key.startsWith('neighbourhoodIds.')) continue;
		errors.neighbourhoodIds ??= errors[key];
		delete errors[key];
	}
}

/**
 * Times and dates that are each fine but in the wrong order. Checked here as well as in the
 * domain, so they show together with the other mistakes instead of after them.
 */
function orderErrors(
	pairs: { from: string; to: string; field: string; message: string; sameIsFine?: boolean }[],
	errors: FieldErrors
) {
	for (const { from, to, field, message, sameIsFine = false } of pairs) {
		const wrong = sameIsFine ? to < from : to <= from;
		if (!errors[field] && from && to && wrong) errors[field] = message;
	}
}

export function parsePattern(values: PatternValues, locale: Locale) {
	const result = validateForm(patternSchema, values, locale);
	if (!result.ok) {
		groupNeighbourhoodErrors(result.errors);
		if (result.errors.weekday) result.errors.weekday = m.ro_error_weekday({}, { locale });
		const end = values.endTime === '00:00' ? '24:00' : values.endTime;
		orderErrors(
			[
				{
					from: TIME.test(values.startTime) ? values.startTime : '',
					to: TIME.test(values.endTime) ? end : '',
					field: 'endTime',
					message: m.ro_error_end_after_start({}, { locale })
				},
				{
					from: DATE.test(values.validFrom) ? values.validFrom : '',
					to: DATE.test(values.validUntil) ? values.validUntil : '',
					field: 'validUntil',
					message: m.ro_error_until_after_from({}, { locale }),
					// A weekly duty for one week only starts and ends on the same day.
					sameIsFine: true
				}
			],
			result.errors
		);
	}
	return result;
}

export function parseShift(values: ShiftValues, locale: Locale) {
	const result = validateForm(shiftSchema, values, locale);
	if (!result.ok) {
		groupNeighbourhoodErrors(result.errors);
		if (result.errors.kind) result.errors.kind = m.ro_error_kind({}, { locale });
		for (const field of ['startsAt', 'endsAt'] as const) {
			if (result.errors[field]) result.errors[field] = m.ro_error_datetime({}, { locale });
		}
		orderErrors(
			[
				{
					from: DATE_TIME.test(values.startsAt) ? values.startsAt : '',
					to: DATE_TIME.test(values.endsAt) ? values.endsAt : '',
					field: 'endsAt',
					message: m.ro_error_end_after_start({}, { locale })
				}
			],
			result.errors
		);
	}
	return result;
}

export function parseRemoval(formData: FormData, locale: Locale) {
	return validateForm(removeSchema, formValues(formData), locale);
}

export function parseEscalation(formData: FormData, locale: Locale) {
	const result = validateForm(escalationSchema, formValues(formData), locale);
	if (!result.ok && result.errors.minutes)
		result.errors.minutes = m.ro_error_minutes({}, { locale });
	return result;
}

/** The message for a roster change the domain refused, keyed by the form field at fault. */
export function rosterErrorMessages(error: RosterError, locale: Locale): FieldErrors {
	const options = { locale };
	const field = error.field;
	switch (error.code) {
		case 'invalid-time':
			return { [field]: m.error_time({}, options) };
		case 'invalid-date':
			return {
				[field]:
					field === 'startsAt' || field === 'endsAt'
						? m.ro_error_datetime({}, options)
						: m.error_date({}, options)
			};
		case 'invalid-range':
			return {
				[field]:
					field === 'validUntil'
						? m.ro_error_until_after_from({}, options)
						: m.ro_error_end_after_start({}, options)
			};
		case 'invalid-weekday':
			return { weekday: m.ro_error_weekday({}, options) };
		case 'invalid-kind':
			return { kind: m.ro_error_kind({}, options) };
		case 'no-neighbourhoods':
			return { neighbourhoodIds: m.ro_error_no_neighbourhoods({}, options) };
		case 'unknown-neighbourhood':
			return { neighbourhoodIds: m.ro_error_unknown_neighbourhood({}, options) };
		case 'unknown-account':
			return { accountId: m.ro_error_unknown_person({}, options) };
		case 'not-on-the-team':
			return { accountId: m.ro_error_not_on_team({}, options) };
	}
}
