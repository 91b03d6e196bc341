import { redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import '$lib/locale-strategy';
import { isLocale, negotiateLocale } from '$lib/i18n';
import { prepareDatabase } from '$lib/server/startup';
import { compressResponse } from '$lib/server/compression';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';

// Opening hours and recurrences are Brussels wall-clock times.
process.env.TZ ||= 'Europe/Brussels';

export const init: ServerInit = async () => {
	await prepareDatabase();
	(await import('$lib/server/live')).startEscalationRunner();
};

const handleRoot: Handle = ({ event, resolve }) => {
	if (event.url.pathname === '/') {
		const locale = negotiateLocale(event.request.headers.get('accept-language'));
		redirect(307, `/${locale}${event.url.search}`);
	}
	return resolve(event);
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.account = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken(token);
		if (result) {
			event.locals.account = result.account;
			event.locals.session = result.session;
			setSessionCookie(event.cookies, event.url, token, result.session.lastUsedAt);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	const response = await resolve(event);
	// Pages of a signed-in member are never stored by a shared cache or the visitor cache.
	if (event.locals.account && !response.headers.has('location')) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** The embeddable agendas (/nl/embed/...), which partners put in an iframe on their own sites. */
function isEmbedPath(pathname: string) {
	const [, lang, section] = pathname.split('/');
	return isLocale(lang) && section === 'embed';
}

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// Not "no-referrer": with it Chromium sends "Origin: null" on form posts and the origin check fails.
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Permissions-Policy', 'geolocation=(self), camera=(), microphone=()');
	if (event.url.pathname === '/') response.headers.append('Vary', 'Accept-Language');
	// Every page refuses to be framed (svelte.config.js), except the agendas made for that.
	const csp = response.headers.get('Content-Security-Policy');
	if (csp && isEmbedPath(event.url.pathname)) {
		response.headers.set(
			'Content-Security-Policy',
			csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *')
		);
	}
	return response;
};

// Outermost, so it compresses the answer as the other hooks left it.
const handleCompression: Handle = async ({ event, resolve }) =>
	compressResponse(event.request, await resolve(event));

export const handle = sequence(
	handleCompression,
	handleHeaders,
	handleRoot,
	handleSession,
	handleLocale
);
