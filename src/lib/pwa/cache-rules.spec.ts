import { describe, expect, it } from 'vitest';
import {
	CACHED_AT_ATTRIBUTE,
	classifyRequest,
	isListingPath,
	isOfflinePath,
	localeOfPath,
	markCachedHtml,
	mayStoreResponse,
	offlineLocation,
	overCap,
	pageKeyOf,
	planShellCleanup,
	safeReturnPath,
	SAVED_COPY_TEMPLATE_ATTRIBUTE
} from './cache-rules';
import { formatSavedAt, titleOfHtml } from './saved-copy';

const ORIGIN = 'https://kwartier.example';
const SHELL = new Set(['/favicon.svg', '/icons/icon-192.png']);

function kindOf(path: string, { method = 'GET', mode = 'navigate' } = {}) {
	return classifyRequest({ method, mode, url: new URL(path, ORIGIN) }, ORIGIN, SHELL);
}

function answer(
	headers: Record<string, string>,
	extra: Partial<{ status: number; type: string; redirected: boolean }> = {}
) {
	return {
		status: 200,
		type: 'basic',
		redirected: false,
		headers: new Headers({ 'content-type': 'text/html', ...headers }),
		...extra
	};
}

describe('which requests the service worker keeps', () => {
	it('keeps the public listing pages, network first', () => {
		for (const path of [
			'/nl',
			'/fr/',
			'/en/map',
			'/nl/map?day=today',
			'/nl/about',
			'/nl/neighbourhoods',
			'/fr/neighbourhoods/marolles',
			'/fr/neighbourhoods/marolles/agenda',
			'/en/places/de-koffiepot',
			'/nl/gatherings/open-kring',
			'/nl/rounds/koffiebus-anneessens',
			'/feeds/places.geojson'
		]) {
			expect(kindOf(path), path).toBe('listing');
		}
		// The markers the map fetches, with the filters of its page.
		expect(kindOf('/fr/map/markers.json', { mode: 'cors' })).toBe('listing');
		expect(kindOf('/nl/map/markers.json?day=today&what=place', { mode: 'cors' })).toBe('listing');
		expect(kindOf('/de/map/markers.json', { mode: 'cors' })).toBe('pass');
		expect(kindOf('/nl/map/markers.jsonx', { mode: 'cors' })).toBe('pass');
		expect(
			mayStoreResponse(
				answer({
					'content-type': 'application/json; charset=utf-8',
					'cache-control': 'public, max-age=60'
				})
			)
		).toBe(true);
		// A member's markers (members-only places among them) are never kept.
		expect(
			mayStoreResponse(
				answer({
					'content-type': 'application/json; charset=utf-8',
					'cache-control': 'private, no-store'
				})
			)
		).toBe(false);
		// The pages are HTML first: the router's data of them (a preload) is never kept.
		expect(
			kindOf('/nl/places/de-koffiepot/__data.json?x-sveltekit-invalidated=01', { mode: 'cors' })
		).toBe('pass');
		expect(kindOf('/nl/__data.json?x-sveltekit-invalidated=11', { mode: 'cors' })).toBe('pass');
	});

	it('never keeps anything of the team area, the API, signing in, invites or forms', () => {
		for (const path of [
			'/nl/team',
			'/nl/team/backup',
			'/fr/team/rounds/3/today',
			'/nl/login',
			'/nl/invite/abc',
			'/nl/suggest',
			'/nl/offline',
			'/healthz',
			'/feeds/calendar.ics'
		]) {
			expect(kindOf(path), path).toBe('page');
			expect(kindOf(path, { mode: 'cors' }), path).toBe('pass');
		}
		expect(kindOf('/nl/team/__data.json?x-sveltekit-invalidated=01', { mode: 'cors' })).toBe(
			'pass'
		);
		expect(kindOf('/api/backup', { mode: 'cors' })).toBe('pass');
		expect(kindOf('/api/stream', { mode: 'cors' })).toBe('pass');
		expect(kindOf('/_app/version.json', { mode: 'cors' })).toBe('pass');
		// A place whose slug looks like a team path is still only the place.
		expect(kindOf('/nl/places/team')).toBe('listing');
		expect(kindOf('/nl/places/x/edit')).toBe('page');
	});

	it('leaves every request that is not a GET alone, and notices a sign-out', () => {
		expect(kindOf('/nl', { method: 'POST' })).toBe('pass');
		expect(kindOf('/nl/suggest', { method: 'POST' })).toBe('pass');
		expect(kindOf('/api/backup', { method: 'POST', mode: 'cors' })).toBe('pass');
		expect(kindOf('/nl/logout', { method: 'POST' })).toBe('sign-out');
		expect(kindOf('/fr/logout', { method: 'POST' })).toBe('sign-out');
		expect(kindOf('/nl/logout', { method: 'GET' })).toBe('page');
	});

	it('serves built files and static files from the device, tiles apart, other sites untouched', () => {
		expect(kindOf('/_app/immutable/entry/start.abc.js', { mode: 'cors' })).toBe('shell');
		expect(kindOf('/favicon.svg', { mode: 'no-cors' })).toBe('shell');
		expect(kindOf('https://tile.openstreetmap.org/15/16800/11010.png', { mode: 'no-cors' })).toBe(
			'tile'
		);
		expect(kindOf('https://example.org/nl', { mode: 'navigate' })).toBe('pass');
	});

	it('knows the listing paths only in the three languages', () => {
		expect(isListingPath('/de/map')).toBe(false);
		expect(isListingPath('/nl/places')).toBe(false);
		expect(isListingPath('/nl/places/a/b')).toBe(false);
	});
});

describe('which answers may be stored', () => {
	it('stores a public page, its data and the feed', () => {
		expect(mayStoreResponse(answer({ 'cache-control': 'public, max-age=60' }))).toBe(true);
		expect(mayStoreResponse(answer({ 'content-type': 'application/json' }))).toBe(true);
		expect(
			mayStoreResponse(answer({ 'content-type': 'application/geo+json; charset=utf-8' }))
		).toBe(true);
		// A live round page must be checked each time, but may be read offline.
		expect(mayStoreResponse(answer({ 'cache-control': 'no-cache' }))).toBe(true);
	});

	it('never stores an answer meant for one signed-in person', () => {
		expect(mayStoreResponse(answer({ 'cache-control': 'private, no-store' }))).toBe(false);
		expect(mayStoreResponse(answer({ 'cache-control': 'no-store' }))).toBe(false);
		expect(mayStoreResponse(answer({ 'cache-control': 'Private' }))).toBe(false);
		expect(mayStoreResponse(answer({ 'cache-control': 'max-age=0, private="set-cookie"' }))).toBe(
			false
		);
	});

	it('never stores redirects, errors, other sites or other kinds of file', () => {
		expect(mayStoreResponse(answer({}, { status: 404 }))).toBe(false);
		expect(mayStoreResponse(answer({}, { status: 500 }))).toBe(false);
		expect(mayStoreResponse(answer({}, { status: 0, type: 'opaqueredirect' }))).toBe(false);
		expect(mayStoreResponse(answer({}, { redirected: true }))).toBe(false);
		expect(mayStoreResponse(answer({}, { type: 'opaque' }))).toBe(false);
		expect(mayStoreResponse(answer({ 'content-type': 'text/calendar' }))).toBe(false);
		expect(mayStoreResponse(answer({ vary: '*' }))).toBe(false);
	});
});

describe('pages, keys and the offline page', () => {
	it('names a stored page by its path and query', () => {
		expect(pageKeyOf(new URL('/fr/map?day=today', ORIGIN))).toBe('/fr/map?day=today');
		expect(pageKeyOf(new URL('/nl', ORIGIN))).toBe('/nl');
	});

	it('sends a page that is neither reachable nor stored to the offline page in its language', () => {
		expect(offlineLocation('/fr/places/x?day=today')).toBe(
			'/fr/offline?from=%2Ffr%2Fplaces%2Fx%3Fday%3Dtoday'
		);
		expect(offlineLocation('/en/team')).toBe('/en/offline?from=%2Fen%2Fteam');
		expect(isOfflinePath('/nl/offline')).toBe(true);
		expect(isOfflinePath('/nl/offline/x')).toBe(false);
		expect(localeOfPath('/en/team')).toBe('en');
		expect(localeOfPath('/feeds/places.geojson')).toBe('nl');
	});

	it('"try again" only leads to a page of this site', () => {
		expect(safeReturnPath('/nl/places/x?day=today')).toBe('/nl/places/x?day=today');
		expect(safeReturnPath('//evil.example/nl')).toBeNull();
		expect(safeReturnPath('https://evil.example')).toBeNull();
		expect(safeReturnPath('/\\evil.example')).toBeNull();
		expect(safeReturnPath(null)).toBeNull();
	});

	it('marks a stored page with the time it was stored', () => {
		const html =
			'<!doctype html>\n<html lang="nl">\n<head><title>Wat is er te doen · Kwartier</title>';
		expect(markCachedHtml(html, '2026-11-24T09:30:00.000Z')).toContain(
			`<html ${CACHED_AT_ATTRIBUTE}="2026-11-24T09:30:00.000Z" lang="nl">`
		);
		expect(titleOfHtml(html)).toBe('Wat is er te doen');
		expect(titleOfHtml('<title>Café &amp; thee · Kwartier</title>')).toBe('Café & thee');
		expect(titleOfHtml('<p>no title</p>')).toBeNull();
	});

	it('shows the saved-copy notice of an HTML-first page only in the stored copy', () => {
		const notice = '<div data-testid="saved-copy"><p>Bewaarde kopie</p></div>';
		const html = `<html lang="nl"><body><main><template ${SAVED_COPY_TEMPLATE_ATTRIBUTE}="">${notice}</template><h1>Wat is er te doen</h1><template id="other"><p>other</p></template></main>`;
		const stored = markCachedHtml(html, '2026-11-24T09:30:00.000Z');
		expect(stored).toContain(`<main>${notice}<h1>`);
		expect(stored).not.toContain(SAVED_COPY_TEMPLATE_ATTRIBUTE);
		// Other templates stay as they are.
		expect(stored).toContain('<template id="other"><p>other</p></template>');
		// A page without the template is only marked.
		const plain = '<html lang="nl"><body><main><h1>Team</h1></main>';
		expect(markCachedHtml(plain, '2026-11-24T09:30:00.000Z')).toBe(
			`<html ${CACHED_AT_ATTRIBUTE}="2026-11-24T09:30:00.000Z" lang="nl"><body><main><h1>Team</h1></main>`
		);
	});

	it('says when a copy was stored in Brussels time, in each language', () => {
		const iso = '2026-11-24T09:30:00.000Z';
		expect(formatSavedAt(iso, 'nl')).toBe('24 november 2026 om 10:30');
		expect(formatSavedAt(iso, 'fr')).toBe('24 novembre 2026 à 10:30');
		expect(formatSavedAt(iso, 'en')).toBe('November 24, 2026 at 10:30');
		expect(formatSavedAt('not a date', 'en')).toBeNull();
	});
});

describe('caps and versions', () => {
	it('drops the oldest entries over the cap', () => {
		expect(overCap(['a', 'b', 'c', 'd'], 3)).toEqual(['a']);
		expect(overCap(['a', 'b'], 3)).toEqual([]);
	});

	it('keeps the current version, the one before, and old ones a stored page still needs', () => {
		const names = ['kwartier-shell-1', 'kwartier-shell-2', 'kwartier-shell-3', 'kwartier-shell-4'];
		expect(planShellCleanup(names, 'kwartier-shell-4', new Set())).toEqual({
			keep: ['kwartier-shell-4', 'kwartier-shell-3'],
			drop: ['kwartier-shell-2', 'kwartier-shell-1']
		});
		expect(planShellCleanup(names, 'kwartier-shell-4', new Set(['1']))).toEqual({
			keep: ['kwartier-shell-4', 'kwartier-shell-3', 'kwartier-shell-1'],
			drop: ['kwartier-shell-2']
		});
		const many = Array.from({ length: 8 }, (_, index) => `kwartier-shell-${index}`);
		const inUse = new Set(['0', '1', '2', '3', '4', '5', '6']);
		expect(planShellCleanup(many, 'kwartier-shell-7', inUse).keep).toEqual([
			'kwartier-shell-7',
			'kwartier-shell-6',
			'kwartier-shell-5',
			'kwartier-shell-4'
		]);
	});
});
