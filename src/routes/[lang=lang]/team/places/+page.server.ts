import type { Locale } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import {
	listPlacesForTeam,
	listPlacesNeedingTranslation,
	listStalePlaces,
	STALE_AFTER_DAYS
} from '$lib/server/places/manage';
import type { PageServerLoad } from './$types';

const VIEWS = ['all', 'stale', 'translate', 'archived'] as const;
type PlacesView = (typeof VIEWS)[number];

function viewOf(value: string | null): PlacesView {
	return VIEWS.find((view) => view === value) ?? 'all';
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = event.params.lang as Locale;
	const view = viewOf(event.url.searchParams.get('view'));
	const [all, stale, translate, archived] = await Promise.all([
		listPlacesForTeam(locale),
		listStalePlaces(locale),
		listPlacesNeedingTranslation(locale),
		listPlacesForTeam(locale, { archived: true })
	]);
	const lists = { all, stale, translate, archived };
	return {
		view,
		staleAfterDays: STALE_AFTER_DAYS,
		places: lists[view],
		counts: {
			all: all.length,
			stale: stale.length,
			translate: translate.length,
			archived: archived.length
		}
	};
};
