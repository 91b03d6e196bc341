import { json } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { previewOpeningHours } from '$lib/server/places/opening-preview';
import type { RequestHandler } from './$types';

/**
 * What opening hours mean while a worker types them: open now, and the next seven days. An
 * expression that cannot be read is an answer too (`ok: false` with the reason), not a failure.
 */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'worker');
	const locale = event.params.lang as Locale;
	const value = event.url.searchParams.get('value') ?? '';
	return json(previewOpeningHours(value, locale), {
		headers: { 'Cache-Control': 'private, no-store' }
	});
};
