import { IMPORT_COLUMNS } from '$lib/server/import/columns';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import type { Locale } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const locale = params.lang as Locale;
	const neighbourhoods = await listNeighbourhoods(locale);
	setHeaders({ 'Cache-Control': 'public, max-age=300' });
	return {
		// Partners copy these addresses into other programs, so they are shown whole.
		origin: url.origin,
		neighbourhoods: neighbourhoods.map(({ slug, name }) => ({ slug, name })),
		columns: [...IMPORT_COLUMNS]
	};
};
