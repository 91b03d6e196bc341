import { redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import '$lib/locale-strategy';
import { negotiateLocale } from '$lib/i18n';
import { prepareDatabase } from '$lib/server/startup';

// Opening hours and recurrences are Brussels wall-clock times.
process.env.TZ ||= 'Europe/Brussels';

export const init: ServerInit = async () => {
	await prepareDatabase();
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

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'no-referrer');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Permissions-Policy', 'geolocation=(self), camera=(), microphone=()');
	if (event.url.pathname === '/') response.headers.append('Vary', 'Accept-Language');
	return response;
};

export const handle = sequence(handleHeaders, handleRoot, handleLocale);
