import type { HsdsPage } from './types';

/** Items per page when `?per_page=` is not given, and the most one page holds. */
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;

export type Paging = { page: number; perPage: number };

function positive(value: string | null): number | null {
	if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
	const number = Number(value);
	return number >= 1 ? number : null;
}

/**
 * `?page=` (1-based) and `?per_page=`, the parameter names of the HSDS 3.0 API. Missing or
 * unreadable values fall back to the first page of DEFAULT_PER_PAGE; more than MAX_PER_PAGE is
 * cut to that (the whole dataset is one download at /feeds/hsds/dataset.json).
 */
export function readPaging(url: URL): Paging {
	return {
		page: positive(url.searchParams.get('page')) ?? 1,
		perPage: Math.min(positive(url.searchParams.get('per_page')) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE)
	};
}

/** One page of a list, with the counts the HSDS API's Page schema names. */
export function toPage<T>(items: T[], { page, perPage }: Paging): HsdsPage<T> {
	const totalPages = Math.max(1, Math.ceil(items.length / perPage));
	const contents = items.slice((page - 1) * perPage, page * perPage);
	return {
		total_items: items.length,
		total_pages: totalPages,
		page_number: page,
		size: contents.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}
