import { listNeighbourhoodsWithCounts } from '$lib/server/neighbourhoods/overview';
import { viewerOf } from '$lib/server/auth/guard';
import type { Locale } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const locale = event.params.lang as Locale;
	const neighbourhoods = await listNeighbourhoodsWithCounts(locale, viewerOf(event));
	event.setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return { neighbourhoods };
};
