import { error } from '@sveltejs/kit';
import { findPublicGathering } from '$lib/server/gatherings/public';
import { describeRecurrence, nextOccurrences } from '$lib/server/schedule/recurrence';
import { dateToWallTime, endOfWeek } from '$lib/server/schedule/time';
import { currentTime } from '$lib/server/clock';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { viewerOf } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

// HTML first: works whole without JavaScript and is not hydrated ($lib/islands/html-first).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { params, setHeaders } = event;
	const locale = params.lang as Locale;
	const gathering = await findPublicGathering(params.slug, locale, viewerOf(event));
	if (!gathering) error(404, m.not_found_title({}, { locale }));

	const now = dateToWallTime(currentTime());
	const next = nextOccurrences(gathering, gathering.changes, now, 8);
	const weekEnd = endOfWeek(now);
	const { changes: _changes, ...shown } = gathering;
	setHeaders({ 'Cache-Control': 'public, max-age=60' });
	return {
		now,
		gathering: shown,
		rhythm: describeRecurrence(gathering.rrule, gathering.startsAt),
		next,
		cancelledThisWeek: next.some(
			(occurrence) => occurrence.status === 'cancelled' && occurrence.start < weekEnd
		)
	};
};
