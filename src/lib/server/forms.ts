import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';

/**
 * One way to validate every form: a Zod schema checks the submitted values, and each problem
 * becomes a message in the user's language, next to its field. A schema may name a message
 * itself (`z.string().regex(TIME, 'error_time')`); otherwise the kind of problem decides.
 */
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

const NAMED = {
	error_required: () => m.error_required,
	error_choose_one: () => m.error_choose_one,
	error_format: () => m.error_format,
	error_date: () => m.error_date,
	error_time: () => m.error_time,
	error_email: () => m.error_email,
	error_url: () => m.error_url,
	error_phone: () => m.error_phone,
	error_coordinates: () => m.error_coordinates,
	error_unknown_item: () => m.error_unknown_item,
	error_characters: () => m.error_characters,
	error_number: () => m.error_number
} as const;
export type NamedError = keyof typeof NAMED;

// Control characters (except line breaks and tabs) and text-direction overrides are refused.
const UNSAFE_CHARACTERS =
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** A trimmed text field; empty becomes undefined so `.optional()` works as people expect. */
export function text(max: number, min = 1) {
	return z
		.string()
		.trim()
		.max(max)
		.refine((value) => !UNSAFE_CHARACTERS.test(value), 'error_characters')
		.refine((value) => value.length === 0 || value.length >= min, { message: `min:${min}` });
}

export function requiredText(max: number, min = 1) {
	return text(max, min).refine((value) => value.length > 0, 'error_required');
}

export function optionalText(max: number) {
	return text(max).transform((value) => (value.length ? value : null));
}

/** A checkbox: present means true. */
export const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === '1' || value === 'true');

export function messageFor(issue: z.core.$ZodIssue, locale: Locale): string {
	const options = { locale };
	if (issue.message in NAMED) return NAMED[issue.message as NamedError]()({}, options);
	if (issue.message.startsWith('min:'))
		return m.error_too_short({ min: Number(issue.message.slice(4)) }, options);
	switch (issue.code) {
		case 'too_big':
			return issue.origin === 'string'
				? m.error_too_long({ max: Number(issue.maximum) }, options)
				: m.error_number({}, options);
		case 'too_small':
			return issue.origin === 'string' && Number(issue.minimum) <= 1
				? m.error_required({}, options)
				: issue.origin === 'string'
					? m.error_too_short({ min: Number(issue.minimum) }, options)
					: m.error_number({}, options);
		case 'invalid_value':
			return m.error_choose_one({}, options);
		case 'invalid_type':
			return issue.expected === 'number' || issue.expected === 'int'
				? m.error_number({}, options)
				: m.error_required({}, options);
		default:
			return m.error_format({}, options);
	}
}

/** The submitted text values of a form; files and repeated names beyond the first are ignored. */
export function formValues(formData: FormData): FormValues {
	const values: FormValues = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !(key in values)) values[key] = value;
	}
	return values;
}

export function validateForm<T extends z.ZodType>(
	schema: T,
	input: unknown,
	locale: Locale
): { ok: true; data: z.output<T> } | { ok: false; errors: FieldErrors } {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.map(String).join('.') || 'form';
		errors[field] ??= messageFor(issue, locale);
	}
	return { ok: false, errors };
}
