import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';

const placeKinds = {
	'drop-in-house': m.kind_place_drop_in_house,
	'neighbourhood-centre': m.kind_place_neighbourhood_centre,
	'service-centre': m.kind_place_service_centre,
	'meeting-house': m.kind_place_meeting_house,
	cafe: m.kind_place_cafe,
	library: m.kind_place_library,
	park: m.kind_place_park,
	other: m.kind_place_other
} as const;

const gatheringKinds = {
	'open-circle': m.kind_gathering_open_circle,
	'volunteer-activity': m.kind_gathering_volunteer_activity,
	'shared-meal': m.kind_gathering_shared_meal,
	'open-house': m.kind_gathering_open_house,
	walk: m.kind_gathering_walk,
	workshop: m.kind_gathering_workshop,
	'drop-in-hour': m.kind_gathering_drop_in_hour
} as const;

const languages: Record<string, () => string> = {
	nl: m.language_nl,
	fr: m.language_fr,
	en: m.language_en,
	ar: m.language_ar,
	tr: m.language_tr,
	es: m.language_es,
	pl: m.language_pl,
	ro: m.language_ro,
	pt: m.language_pt,
	ber: m.language_ber,
	it: m.language_it,
	bg: m.language_bg,
	so: m.language_so
};

const costs = {
	free: m.cost_free,
	'pay-what-you-can': m.cost_pay_what_you_can,
	paid: m.cost_paid
} as const;

export type PlaceKindName = keyof typeof placeKinds;
export type GatheringKindName = keyof typeof gatheringKinds;

/** In the page's language, or in `locale` (on the server, which answers in several). */
export function placeKindLabel(kind: PlaceKindName, locale?: Locale) {
	return placeKinds[kind]({}, locale && { locale });
}

export function gatheringKindLabel(kind: GatheringKindName | 'round', locale?: Locale) {
	const options = locale && { locale };
	return kind === 'round' ? m.kind_round({}, options) : gatheringKinds[kind]({}, options);
}

export function languageLabel(code: string) {
	return languages[code]?.() ?? code;
}

export function costLabel(cost: keyof typeof costs) {
	return costs[cost]();
}

export const placeKindNames = Object.keys(placeKinds) as PlaceKindName[];
export const gatheringKindNames = Object.keys(gatheringKinds) as GatheringKindName[];
export const languageCodes = Object.keys(languages);
