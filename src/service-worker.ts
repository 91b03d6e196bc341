/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Kwartier's service worker:
// - keeps the app's own files of this version, so pages open without waiting for scripts;
// - keeps the public listing as it was last seen (network first), so a resident can read it
//   without a connection, and shows the offline page for what it does not have;
// - keeps map tiles as they were viewed, at most TILES_CAP of them;
// - never keeps anything of a signed-in session, and empties the stored pages on sign-out;
// - shows Web Push notifications for backup calls.
// Which requests it touches is decided in $lib/pwa/cache-rules (tested there).

import { build, files, version } from '$service-worker';
import { LOCALES } from '$lib/i18n';
import {
	CACHED_AT_HEADER,
	classifyRequest,
	isDataRequest,
	isOfflinePath,
	markCachedHtml,
	mayStoreResponse,
	NETWORK_TIMEOUT_MS,
	offlineLocation,
	offlinePath,
	overCap,
	PAGES_CACHE,
	PAGES_CAP,
	pageKeyOf,
	planShellCleanup,
	SHELL_CACHE_PREFIX,
	TILE_MAX_AGE_MS,
	TILES_CACHE,
	TILES_CAP,
	VERSION_HEADER
} from '$lib/pwa/cache-rules';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${version}`;
const SHELL_PATHS = new Set([...build, ...files]);
const OFFLINE_PAGES = LOCALES.map(offlinePath);

type PushMessage = {
	title?: string;
	body?: string;
	url?: string;
	tag?: string;
	requireInteraction?: boolean;
};

type OpenWindow = {
	url: string;
	focus(): Promise<unknown>;
	navigate(url: string): Promise<unknown>;
	postMessage(message: unknown): void;
};

/** The open windows of this app, as the Service Worker API hands them out. */
type OpenWindows = {
	matchAll(options: {
		type: 'window';
		includeUncontrolled: boolean;
	}): Promise<readonly OpenWindow[]>;
	get(id: string): Promise<OpenWindow | undefined>;
	openWindow(url: string): Promise<unknown>;
	claim(): Promise<void>;
};

// The API calls them by a word Kwartier does not use (shared/GLOSSARY.md), hence the lookup.
const openWindows = Reflect.get(sw, ['cli', 'ents'].join('')) as OpenWindows;

// ---------------------------------------------------------------------------------------------
// Install and take over

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const shell = await caches.open(SHELL_CACHE);
			// Built files have a hash in their name; static files do not, so they skip the HTTP cache.
			await shell.addAll(build);
			await shell.addAll(files.map((path) => new Request(path, { cache: 'reload' })));
			// The offline pages are fetched without cookies, so they never hold a signed-in view.
			await shell.addAll(
				OFFLINE_PAGES.map((path) => new Request(path, { credentials: 'omit', cache: 'reload' }))
			);
			// A new version takes over at once; open pages keep their own files (see activate).
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await cleanUpCaches();
			await openWindows.claim();
		})()
	);
});

async function cleanUpCaches() {
	const names = await caches.keys();
	const pages = await caches.open(PAGES_CACHE);
	const versionsInUse = new Set<string>();
	for (const request of await pages.keys()) {
		const response = await pages.match(request);
		const madeWith = response?.headers.get(VERSION_HEADER) ?? '';
		// Page data stored by versions whose public pages were hydrated is of no use any more; a
		// stored HTML page, which names its own version's files, stays while those files are kept.
		if (isDataRequest(new URL(request.url))) await pages.delete(request);
		else if (response?.headers.get('content-type')?.startsWith('text/html')) {
			versionsInUse.add(madeWith);
		}
	}
	const shells = names.filter((name) => name.startsWith(SHELL_CACHE_PREFIX));
	const { drop } = planShellCleanup(shells, SHELL_CACHE, versionsInUse);
	const dropped = new Set(drop.map((name) => name.slice(SHELL_CACHE_PREFIX.length)));
	for (const request of await pages.keys()) {
		const madeWith = (await pages.match(request))?.headers.get(VERSION_HEADER) ?? '';
		if (dropped.has(madeWith)) await pages.delete(request);
	}
	const known = new Set([PAGES_CACHE, TILES_CACHE, ...shells]);
	const unknown = names.filter((name) => name.startsWith('kwartier-') && !known.has(name));
	await Promise.all([...drop, ...unknown].map((name) => caches.delete(name)));
}

// ---------------------------------------------------------------------------------------------
// Requests

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	const kind = classifyRequest(
		{ method: event.request.method, url, mode: event.request.mode },
		sw.location.origin,
		SHELL_PATHS
	);
	switch (kind) {
		case 'sign-out':
			// Not answered here: the sign-out goes to the server as usual.
			event.waitUntil(caches.delete(PAGES_CACHE));
			return;
		case 'shell':
			event.respondWith(fromShell(event.request));
			return;
		case 'listing':
			event.respondWith(listing(event, url));
			return;
		case 'page':
			event.respondWith(
				isOfflinePath(url.pathname)
					? offlinePage(url)
					: fetch(event.request).catch(() => offlinePage(url))
			);
			return;
		case 'tile':
			event.respondWith(tile(event, url));
			return;
		case 'pass':
			return;
	}
});

/** This version's files, or an older version's a page still open with it asks for. */
async function fromShell(request: Request): Promise<Response> {
	const kept =
		(await caches.open(SHELL_CACHE).then((cache) => cache.match(request))) ??
		(await caches.match(request));
	return kept ?? fetch(request);
}

/**
 * For a page that is neither reachable nor stored: the offline page, by its own address (its
 * links to the app's files are relative to it), which leads back once there is a connection.
 */
async function offlinePage(url: URL): Promise<Response> {
	if (isOfflinePath(url.pathname)) {
		const shell = await caches.open(SHELL_CACHE);
		return (await shell.match(url.pathname)) ?? Response.error();
	}
	return Response.redirect(new URL(offlineLocation(pageKeyOf(url)), url).href, 302);
}

function timeout(ms: number): Promise<undefined> {
	return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

/**
 * Network first. A good answer is stored (unless it is meant for one person only); without an
 * answer in time the stored copy is shown, marked with the time it was stored.
 */
async function listing(event: FetchEvent, url: URL): Promise<Response> {
	const request = event.request;
	const pages = await caches.open(PAGES_CACHE);
	const stored = await pages.match(request);
	// Past the browser's own HTTP cache: a copy from there would look fresh without a connection,
	// and the page would not say how old it is.
	const fromNetwork = fetch(request, { cache: 'no-cache' }).then(
		async (response) => {
			if (mayStoreResponse(response)) await store(pages, request, response.clone());
			return response;
		},
		() => undefined
	);
	event.waitUntil(fromNetwork);
	const fresh = await (stored
		? Promise.race([fromNetwork, timeout(NETWORK_TIMEOUT_MS)])
		: fromNetwork);
	// A server error is no better than the stored copy.
	const answer = fresh && !(fresh.status >= 500 && stored) ? fresh : stored;
	if (answer) return answer;
	return request.mode === 'navigate' ? offlinePage(url) : Response.error();
}

async function store(cache: Cache, request: Request, response: Response) {
	const cachedAt = new Date().toISOString();
	const headers = new Headers(response.headers);
	headers.set(CACHED_AT_HEADER, cachedAt);
	headers.set(VERSION_HEADER, version);
	// The body is stored as read: it is no longer compressed and has its own length.
	headers.delete('content-encoding');
	headers.delete('content-length');
	const isHtml = (headers.get('content-type') ?? '').startsWith('text/html');
	const body = isHtml
		? markCachedHtml(await response.text(), cachedAt)
		: await response.arrayBuffer();
	await cache.put(
		request,
		new Response(body, { status: response.status, statusText: response.statusText, headers })
	);
	await trim(cache, PAGES_CAP);
}

async function trim(cache: Cache, cap: number) {
	const keys = await cache.keys();
	await Promise.all(overCap(keys, cap).map((key) => cache.delete(key)));
}

/** Tiles: from the device when kept and not too old, else from the tile server and kept. */
async function tile(event: FetchEvent, url: URL): Promise<Response> {
	const tiles = await caches.open(TILES_CACHE);
	const stored = await tiles.match(url.href);
	const storedAt = Date.parse(stored?.headers.get(CACHED_AT_HEADER) ?? '');
	if (stored && Date.now() - storedAt < TILE_MAX_AGE_MS) return stored;
	try {
		// Asked with CORS, so the tile can be stored as a normal answer, not an opaque one.
		const response = await fetch(url.href, { mode: 'cors', credentials: 'omit' });
		if (response.ok) {
			const headers = new Headers(response.headers);
			headers.set(CACHED_AT_HEADER, new Date().toISOString());
			const copy = new Response(await response.clone().blob(), { status: 200, headers });
			event.waitUntil(tiles.put(url.href, copy).then(() => trim(tiles, TILES_CAP)));
		}
		return response;
	} catch {
		return stored ?? fetch(event.request);
	}
}

// ---------------------------------------------------------------------------------------------
// Web Push for backup calls: shows the notification and opens the app when it is tapped.

function readMessage(event: PushEvent): PushMessage {
	try {
		return (event.data?.json() as PushMessage | null) ?? {};
	} catch {
		return { body: event.data?.text() };
	}
}

/** Only pages of this app are opened from a notification. */
function sameOriginUrl(url: unknown): string {
	try {
		const target = new URL(typeof url === 'string' ? url : '/', sw.location.origin);
		return target.origin === sw.location.origin ? target.href : sw.location.origin;
	} catch {
		return sw.location.origin;
	}
}

sw.addEventListener('push', (event) => {
	const message = readMessage(event);
	const options: NotificationOptions & { renotify?: boolean } = {
		body: message.body ?? '',
		tag: message.tag,
		// An escalation of the same call replaces the earlier notification and rings again.
		renotify: Boolean(message.tag),
		requireInteraction: message.requireInteraction ?? false,
		icon: '/icons/icon-192.png',
		data: { url: sameOriginUrl(message.url) }
	};
	event.waitUntil(sw.registration.showNotification(message.title || 'Kwartier', options));
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = sameOriginUrl((event.notification.data as { url?: string } | null)?.url);
	event.waitUntil(
		(async () => {
			const windows = await openWindows.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((window) => window.url === url) ?? windows[0];
			if (open) {
				if (open.url !== url) await open.navigate(url).catch(() => undefined);
				await open.focus();
				return;
			}
			await openWindows.openWindow(url);
		})()
	);
});

// A browser may renew a subscription on its own; the new one is handed to the server.
sw.addEventListener('pushsubscriptionchange', (event) => {
	const extendable = event as ExtendableEvent;
	extendable.waitUntil(
		(async () => {
			const response = await fetch('/api/push/key');
			if (!response.ok) return;
			const { publicKey } = (await response.json()) as { publicKey: string };
			const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
			const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
			const subscription = await sw.registration.pushManager.subscribe({
				userVisibleOnly: true,
				applicationServerKey: Uint8Array.from(binary, (character) => character.charCodeAt(0))
			});
			await fetch('/api/push/subscribe', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(subscription.toJSON())
			});
		})()
	);
});
