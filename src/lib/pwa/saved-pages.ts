import type { Locale } from '$lib/i18n';
import { CACHED_AT_HEADER, isDataRequest, PAGES_CACHE } from './cache-rules';
import { formatSavedAt, titleOfHtml } from './saved-copy';

export type SavedPage = { href: string; title: string; when: string; savedAt: string };

const SHOWN = 30;

/** The pages in one language this device keeps for reading offline, the most recent first. */
export async function listSavedPages(locale: Locale): Promise<SavedPage[]> {
	if (!('caches' in globalThis) || !(await caches.has(PAGES_CACHE))) return [];
	const cache = await caches.open(PAGES_CACHE);
	const pages: SavedPage[] = [];
	for (const request of await cache.keys()) {
		const url = new URL(request.url);
		if (url.origin !== location.origin || isDataRequest(url)) continue;
		if (url.pathname !== `/${locale}` && !url.pathname.startsWith(`/${locale}/`)) continue;
		const response = await cache.match(request);
		if (!response?.headers.get('content-type')?.startsWith('text/html')) continue;
		const savedAt = response.headers.get(CACHED_AT_HEADER) ?? '';
		const title = titleOfHtml(await response.text());
		const when = formatSavedAt(savedAt, locale);
		if (title && when) pages.push({ href: url.pathname + url.search, title, when, savedAt });
	}
	return pages.sort((a, b) => b.savedAt.localeCompare(a.savedAt)).slice(0, SHOWN);
}
