import { error } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { loadRouteSheet } from '$lib/server/outreach/route-sheet';
import { isCalendarDate } from '$lib/server/schedule/rrule-builder';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
	const { id, date } = event.params;
	const sheet =
		/^\d{1,9}$/.test(id) && isCalendarDate(date)
			? await loadRouteSheet(Number(id), date, locale)
			: undefined;
	if (!sheet) error(404, m.not_found_title({}, { locale }));
	return {
		sheet,
		links: {
			round: `/${locale}/team/rounds/${sheet.round.id}`,
			team: `/${locale}/team/outreach/round/${sheet.round.id}/${sheet.date.originalDate}`
		}
	};
};
