import { error } from '@sveltejs/kit';
import { collectPlaceEmbed, readEmbedOptions } from '$lib/server/embed/agenda';
import { currentTime } from '$lib/server/clock';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

// No viewerOf here on purpose: an embed sits on someone else's website, so it is made as for a visitor.
export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const locale = params.lang as Locale;
	const now = dateToWallTime(currentTime());
	const embed = await collectPlaceEmbed(
		params.slug,
		locale,
		now,
		readEmbedOptions(url.searchParams)
	);
	if (!embed) error(404, m.embed_not_found_title({}, { locale }));
	setHeaders({ 'Cache-Control': 'public, max-age=300' });
	return { embed };
};
