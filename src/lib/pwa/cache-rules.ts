/**
 * Which requests the service worker may keep on the device, and how it answers them. Pure
 * functions, so the rules are tested without a browser (cache-rules.spec.ts) and shared by the
 * service worker. Only the public listing is kept: nothing of a signed-in session ever is.
 */

import { LOCALES, BASE_LOCALE, type Locale } from '$lib/i18n';

export const TILE_ORIGIN = 'https://tile.openstreetmap.org';
export const PAGES_CACHE = 'kwartier-pages-v1';
export const TILES_CACHE = 'kwartier-tiles-v1';
export const SHELL_CACHE_PREFIX = 'kwartier-shell-';
/** Stored copies of public pages (and the map's markers and the feed); the oldest go first. */
export const PAGES_CAP = 80;
/** Map tiles kept as they were viewed; the oldest go first. */
export const TILES_CAP = 300;
/** A tile older than this is fetched again when there is a connection. */
export const TILE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Past this, a page that is saved on the device is shown from there; the network copy still updates it. */
export const NETWORK_TIMEOUT_MS = 5000;
/** Old app versions kept for stored pages that were made with them, at most. */
export const OLD_SHELLS_KEPT = 3;

export const CACHED_AT_HEADER = 'x-kwartier-cached-at';
export const VERSION_HEADER = 'x-kwartier-version';
export const CACHED_AT_ATTRIBUTE = 'data-kwartier-cached-at';

const DATA_SUFFIX = '/__data.json';

export type RequestInfo = {
	method: string;
	url: URL;
	/** `navigate` for a document the browser opens, else `cors`, `no-cors`, `same-origin`. */
	mode: string;
};

export type RequestKind =
	/** A built file of this version or a static file: from the device first. */
	| 'shell'
	/** A public listing page, the map's markers or the places feed: network first, stored copy as fallback. */
	| 'listing'
	/** Any other page of this app: network only, the offline page when there is none. */
	| 'page'
	/** A map tile: from the device first, kept as viewed. */
	| 'tile'
	/** Signing out: the stored pages are removed. */
	| 'sign-out'
	/** Left alone: the browser fetches it as if there were no service worker. */
	| 'pass';

const LOCALE_GROUP = `(?:${LOCALES.join('|')})`;
const LISTING_PATHS = [
	// What's on, the map, the neighbourhoods and "about".
	new RegExp(`^/${LOCALE_GROUP}(?:/(?:map|about|neighbourhoods))?/?$`),
	// One place, gathering, round or neighbourhood.
	new RegExp(`^/${LOCALE_GROUP}/(?:places|gatherings|rounds|neighbourhoods)/[^/]+/?$`),
	// A neighbourhood's agenda.
	new RegExp(`^/${LOCALE_GROUP}/neighbourhoods/[^/]+/agenda/?$`),
	// The markers the map fetches after the page (a member's answer is private: never kept).
	new RegExp(`^/${LOCALE_GROUP}/map/markers\\.json$`),
	/^\/feeds\/places\.geojson$/
];

/** A request of SvelteKit's router for a page's data (`/nl/places/x/__data.json`). */
export function isDataRequest(url: URL): boolean {
	return url.pathname.endsWith(DATA_SUFFIX);
}

/** The page a request is for, as `pathname + search`: how stored pages are named. */
export function pageKeyOf(url: URL): string {
	return url.pathname + url.search;
}

export function isListingPath(pathname: string): boolean {
	return LISTING_PATHS.some((pattern) => pattern.test(pathname));
}

/** The language of a path, for the offline page; the base language when the path has none. */
export function localeOfPath(pathname: string): Locale {
	const first = pathname.split('/')[1];
	return (LOCALES as readonly string[]).includes(first) ? (first as Locale) : BASE_LOCALE;
}

export function offlinePath(locale: Locale): string {
	return `/${locale}/offline`;
}

export function isSignOut(request: RequestInfo, origin: string): boolean {
	return (
		request.method === 'POST' &&
		request.url.origin === origin &&
		new RegExp(`^/${LOCALE_GROUP}/logout/?$`).test(request.url.pathname)
	);
}

export function classifyRequest(
	request: RequestInfo,
	origin: string,
	shellPaths: ReadonlySet<string>
): RequestKind {
	if (isSignOut(request, origin)) return 'sign-out';
	if (request.method !== 'GET') return 'pass';
	if (request.url.origin === TILE_ORIGIN) return 'tile';
	if (request.url.origin !== origin) return 'pass';
	const { pathname } = request.url;
	if (shellPaths.has(pathname) || pathname.startsWith('/_app/immutable/')) return 'shell';
	// The public pages are HTML first (not hydrated): the router asks for their data only to
	// preload a link from a team page, which then loads the whole page. Not kept.
	if (isDataRequest(request.url)) return 'pass';
	if (isListingPath(pathname)) return 'listing';
	if (request.mode === 'navigate') return 'page';
	return 'pass';
}

export type ResponseInfo = {
	status: number;
	/** `basic` for a same-origin answer; `opaqueredirect` for a redirect of a navigation. */
	type: string;
	redirected: boolean;
	headers: Pick<Headers, 'get'>;
};

const STORABLE_TYPES = ['text/html', 'application/json', 'application/geo+json'];

/**
 * Whether an answer to a listing request may be stored. An answer meant for one person says so
 * (`Cache-Control: private` or `no-store`: the server sends that to everyone who is signed in),
 * and is never stored; neither is a redirect, an error or anything that is not a page or data.
 */
export function mayStoreResponse(response: ResponseInfo): boolean {
	if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
	const cacheControl = (response.headers.get('cache-control') ?? '').toLowerCase();
	if (/(?:^|[\s,])(?:private|no-store)(?:$|[\s,=])/.test(cacheControl)) return false;
	if ((response.headers.get('vary') ?? '').includes('*')) return false;
	const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	return STORABLE_TYPES.includes(type);
}

/**
 * An HTML-first page (no script of its own) carries its "saved copy" notice, made when the page
 * was, inside `<template data-kwartier-saved-copy>`: not shown. The stored copy shows it.
 */
export const SAVED_COPY_TEMPLATE_ATTRIBUTE = 'data-kwartier-saved-copy';
const SAVED_COPY_TEMPLATE = new RegExp(
	`<template ${SAVED_COPY_TEMPLATE_ATTRIBUTE}(?:="")?>([\\s\\S]*?)</template>`
);

/**
 * Marks a stored page, so the page can tell it is a saved copy and since when: a hydrated page
 * reads the mark, an HTML-first page has its notice taken out of its template.
 */
export function markCachedHtml(html: string, cachedAt: string): string {
	return html
		.replace(/<html(?=[\s>])/i, `<html ${CACHED_AT_ATTRIBUTE}="${cachedAt}"`)
		.replace(SAVED_COPY_TEMPLATE, '$1');
}

/** The offline page in the language of a page, with the way back to it. */
export function offlineLocation(pageKey: string): string {
	return `${offlinePath(localeOfPath(pageKey))}?${new URLSearchParams({ from: pageKey })}`;
}

export function isOfflinePath(pathname: string): boolean {
	return LOCALES.some((locale) => pathname === offlinePath(locale));
}

/** The entries to delete so that at most `cap` stay, oldest (first stored) first. */
export function overCap<T>(entries: readonly T[], cap: number): T[] {
	return entries.slice(0, Math.max(0, entries.length - cap));
}

/**
 * Which app versions' files to keep after an update. The current version stays; so does the
 * one before it, for pages still open with it; and older ones while a stored page was made
 * with them (its HTML names their files), the newest `OLD_SHELLS_KEPT` at most.
 * `shellNames` are in the order the caches were made.
 */
export function planShellCleanup(
	shellNames: readonly string[],
	currentName: string,
	versionsInUse: ReadonlySet<string>
): { keep: string[]; drop: string[] } {
	const older = shellNames.filter((name) => name !== currentName).reverse();
	const kept: string[] = [];
	for (const [index, name] of older.entries()) {
		if (kept.length >= OLD_SHELLS_KEPT) break;
		if (index === 0 || versionsInUse.has(name.slice(SHELL_CACHE_PREFIX.length))) kept.push(name);
	}
	return {
		keep: [currentName, ...kept],
		drop: older.filter((name) => !kept.includes(name))
	};
}

/** Only a path on this site: the offline page's "try again" never leads elsewhere. */
export function safeReturnPath(value: string | null): string | null {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
		return null;
	return value;
}
