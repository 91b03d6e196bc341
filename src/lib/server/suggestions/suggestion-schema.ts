import { z } from 'zod';
import { CHANGE_TYPES, SUGGESTION_TYPES, type Suggestion } from '$lib/server/db/schema';

export const LIMITS = {
	nameMax: 200,
	whereMax: 300,
	whenMax: 300,
	detailsMin: 10,
	detailsMax: 2000
} as const;

/** The fields of the form. All of them are echoed back when something is wrong. */
export const SUGGESTION_FIELDS = [
	'type',
	'changeType',
	'name',
	'where',
	'when',
	'details',
	'place',
	'gathering',
	'round'
] as const;
export type SuggestionField = (typeof SUGGESTION_FIELDS)[number];
export type SuggestionFormValues = Record<SuggestionField, string>;

/** Hidden from people; a bot that fills in every field fills in this one too. */
export const HONEYPOT_FIELD = 'website';

export const TARGET_KINDS = ['place', 'gathering', 'round'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export type TargetRef = { kind: TargetKind; slug: string };

/** Each code has a message in messages/suggest (`suggest_error_<code>`). */
export const ERROR_CODES = [
	'kind',
	'change_type',
	'name_required',
	'details_required',
	'details_too_short',
	'too_long',
	'characters',
	'unknown_item'
] as const;
export type SuggestionErrorCode = (typeof ERROR_CODES)[number];

/** Where an error is shown: next to a field, or next to the item the change is about. */
export type SuggestionErrorField = Exclude<SuggestionField, TargetKind> | 'about';
export type SuggestionErrors = Partial<Record<SuggestionErrorField, SuggestionErrorCode>>;

export type SuggestionDraft = {
	type: Suggestion['type'];
	changeType: NonNullable<Suggestion['changeType']> | null;
	target: TargetRef | null;
	name: string | null;
	whereText: string | null;
	whenText: string | null;
	details: string;
};

// Control characters, and the bidirectional overrides that can make a text read differently
// from what it holds. Tabs and line breaks are allowed in the longer text only.
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_EXCEPT_LINES =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number, forbidden: RegExp) =>
	z
		.string({ error: 'characters' })
		.overwrite((value) => value.replace(/\r\n?/g, '\n'))
		.trim()
		.refine((value) => !forbidden.test(value), { error: 'characters' })
		.max(max, { error: 'too_long' });

const slugRef = z
	.string({ error: 'unknown_item' })
	.trim()
	.max(120, { error: 'unknown_item' })
	.refine((value) => value === '' || SLUG.test(value), { error: 'unknown_item' });

const always = { when: () => true };

export const suggestionSchema = z
	.object({
		type: z.enum(SUGGESTION_TYPES, { error: 'kind' }),
		changeType: z.union([z.literal(''), z.enum(CHANGE_TYPES)], { error: 'change_type' }),
		name: text(LIMITS.nameMax, CONTROL),
		where: text(LIMITS.whereMax, CONTROL),
		when: text(LIMITS.whenMax, CONTROL),
		details: text(LIMITS.detailsMax, CONTROL_EXCEPT_LINES)
			.min(1, { error: 'details_required' })
			.min(LIMITS.detailsMin, { error: 'details_too_short' }),
		place: slugRef,
		gathering: slugRef,
		round: slugRef
	})
	// The rules below depend on the kind of suggestion; `always` lets them report even when
	// another field is wrong, so every problem shows at once.
	.refine((value) => value.type !== 'change' || value.changeType !== '', {
		path: ['changeType'],
		error: 'change_type',
		...always
	})
	.refine(
		(value) =>
			value.type !== 'change' ||
			TARGET_KINDS.filter((kind) => typeof value[kind] === 'string' && value[kind] !== '').length <=
				1,
		{ path: ['about'], error: 'unknown_item', ...always }
	)
	.refine(
		(value) =>
			typeof value.name !== 'string' ||
			value.name.trim() !== '' ||
			(value.type === 'change' && TARGET_KINDS.some((kind) => value[kind] !== '')),
		{ path: ['name'], error: 'name_required', ...always }
	)
	.transform((value): SuggestionDraft => {
		const isChange = value.type === 'change';
		const targetKind = isChange ? TARGET_KINDS.find((kind) => value[kind] !== '') : undefined;
		return {
			type: value.type,
			changeType: isChange && value.changeType !== '' ? value.changeType : null,
			target: targetKind ? { kind: targetKind, slug: value[targetKind] } : null,
			name: value.name || null,
			whereText: value.where || null,
			whenText: value.when || null,
			details: value.details
		};
	});

/** The typed values, as strings; anything that is not text (a file) counts as empty. */
export function readSuggestionForm(formData: FormData): SuggestionFormValues {
	const values = {} as SuggestionFormValues;
	for (const field of SUGGESTION_FIELDS) {
		const value = formData.get(field);
		values[field] = typeof value === 'string' ? value : '';
	}
	return values;
}

export function isHoneypotFilled(formData: FormData): boolean {
	const value = formData.get(HONEYPOT_FIELD);
	return value !== null && (typeof value !== 'string' || value.trim() !== '');
}

function isErrorCode(value: string): value is SuggestionErrorCode {
	return (ERROR_CODES as readonly string[]).includes(value);
}

function errorField(path: readonly PropertyKey[]): SuggestionErrorField {
	const [first] = path;
	if (first === 'place' || first === 'gathering' || first === 'round') return 'about';
	if (
		first === 'about' ||
		first === 'changeType' ||
		first === 'name' ||
		first === 'where' ||
		first === 'when' ||
		first === 'details'
	)
		return first;
	return 'type';
}

export type ParsedSuggestion =
	{ success: true; draft: SuggestionDraft } | { success: false; errors: SuggestionErrors };

/** Checks the typed values; on failure gives the first problem of each field, as a code. */
export function parseSuggestion(values: SuggestionFormValues): ParsedSuggestion {
	const result = suggestionSchema.safeParse(values);
	if (result.success) return { success: true, draft: result.data };
	const errors: SuggestionErrors = {};
	for (const issue of result.error.issues) {
		const field = errorField(issue.path);
		errors[field] ??= isErrorCode(issue.message) ? issue.message : 'characters';
	}
	return { success: false, errors };
}

export function isSlug(value: string): boolean {
	return value.length <= 120 && SLUG.test(value);
}

/** Reads `?place=`, `?gathering=` or `?round=`, the links "Report a change" leads here with. */
export function readTargetRef(params: URLSearchParams): TargetRef | null {
	for (const kind of TARGET_KINDS) {
		const slug = params.get(kind);
		if (slug !== null) return { kind, slug: slug.trim() };
	}
	return null;
}
