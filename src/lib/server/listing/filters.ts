import { z } from 'zod';
import { GATHERING_KINDS, PLACE_KINDS } from '$lib/server/db/schema';

/** What a visitor may filter on; every filter lives in the URL so a view can be shared. */
export const WHAT_OPTIONS = [
	'place',
	...PLACE_KINDS.map((kind) => `place:${kind}` as const),
	'gathering',
	...GATHERING_KINDS.map((kind) => `gathering:${kind}` as const),
	'round'
] as const;
export type What = (typeof WHAT_OPTIONS)[number];

export const SPOKEN_LANGUAGES = [
	'nl',
	'fr',
	'en',
	'ar',
	'tr',
	'es',
	'pl',
	'ro',
	'pt',
	'ber'
] as const;

const flag = z
	.string()
	.optional()
	.transform((value) => value === '1' || value === 'on' || value === 'true');

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.string()
		.optional()
		.transform((value) =>
			(values as readonly string[]).includes(value ?? '') ? (value as T[number]) : undefined
		);

const filterSchema = z.object({
	what: optionalEnum(WHAT_OPTIONS),
	neighbourhood: z
		.string()
		.regex(/^[a-z0-9-]{1,60}$/)
		.optional()
		.catch(undefined),
	day: optionalEnum(['today', 'week'] as const),
	open: flag,
	walkin: flag,
	free: flag,
	wheelchair: flag,
	quiet: flag,
	children: flag,
	language: optionalEnum(SPOKEN_LANGUAGES),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});

export type Filters = z.output<typeof filterSchema>;

/** Reads filters from a URL; unknown or malformed values are dropped, never an error page. */
export function parseFilters(params: URLSearchParams): Filters {
	const raw = Object.fromEntries(
		[...params.keys()].map((key) => [key, params.get(key) ?? undefined])
	);
	return filterSchema.parse({ ...raw, page: raw.page ?? 1 });
}

export function hasActiveFilters(filters: Filters) {
	return Boolean(
		filters.what ||
		filters.neighbourhood ||
		filters.day ||
		filters.open ||
		filters.walkin ||
		filters.free ||
		filters.wheelchair ||
		filters.quiet ||
		filters.children ||
		filters.language
	);
}
