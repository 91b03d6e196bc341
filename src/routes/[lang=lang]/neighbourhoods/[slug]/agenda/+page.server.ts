import { error } from '@sveltejs/kit';
import { collectPoster } from '$lib/server/agenda/poster';
import { readAgendaQuery } from '$lib/server/agenda/period';
import { makeQrDataUrl } from '$lib/server/agenda/qr';
import { findNeighbourhoodBySlug } from '$lib/server/neighbourhoods/overview';
import { currentTime } from '$lib/server/clock';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

// No viewerOf here on purpose: a poster hangs on a wall, so it is made as for a visitor.
// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const locale = params.lang as Locale;
	const neighbourhood = await findNeighbourhoodBySlug(params.slug);
	if (!neighbourhood) error(404, m.not_found_title({}, { locale }));

	const now = dateToWallTime(currentTime());
	const query = readAgendaQuery(url.searchParams, locale, now);
	const locales: Locale[] = query.also ? [locale, query.also] : [locale];
	const pageUrl = new URL(`/${locale}/neighbourhoods/${neighbourhood.slug}`, url.origin).href;
	const [poster, qr] = await Promise.all([
		collectPoster(neighbourhood, query.period, locales, now),
		makeQrDataUrl(pageUrl)
	]);
	setHeaders({ 'Cache-Control': 'public, max-age=300' });
	return {
		now,
		poster,
		also: query.also,
		corrected: query.corrected,
		pageUrl,
		qr
	};
};
