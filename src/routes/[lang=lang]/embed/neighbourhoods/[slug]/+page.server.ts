import { error } from '@sveltejs/kit';
import { collectNeighbourhoodEmbed, readEmbedOptions } from '$lib/server/embed/agenda';
import { findNeighbourhoodBySlug } from '$lib/server/neighbourhoods/overview';
import { currentTime } from '$lib/server/clock';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

// No viewerOf here on purpose: an embed sits on someone else's website, so it is made as for a visitor.
export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const locale = params.lang as Locale;
	const neighbourhood = await findNeighbourhoodBySlug(params.slug);
	if (!neighbourhood) error(404, m.embed_not_found_title({}, { locale }));

	const now = dateToWallTime(currentTime());
	const embed = await collectNeighbourhoodEmbed(
		neighbourhood,
		locale,
		now,
		readEmbedOptions(url.searchParams)
	);
	setHeaders({ 'Cache-Control': 'public, max-age=300' });
	return { embed };
};
