/**
 * The Kwartier taxonomy: the facts HSDS 3.0 has no field for, sent as attributes of a service
 * (`taxonomy_term_id` and `value`). Each code is the import column the value goes back into.
 * The terms themselves are listed at /feeds/hsds/taxonomy_terms.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import { KWARTIER_TAXONOMY, nameBasedId } from './ids';
import { languageName } from './language-names';
import type { HsdsTaxonomyTerm } from './types';

const NAMES: Record<string, (locale: Locale) => string> = {
	record: (locale) => m.hsds_term_record({}, { locale }),
	kind: (locale) => m.hsds_term_kind({}, { locale }),
	neighbourhood: (locale) => m.hsds_term_neighbourhood({}, { locale }),
	visibility: (locale) => m.hsds_term_visibility({}, { locale }),
	walk_in: (locale) => m.filter_walk_in({}, { locale }),
	coffee: (locale) => m.place_coffee({}, { locale }),
	may_sit_without_buying: (locale) => m.place_may_sit({}, { locale }),
	wheelchair: (locale) => m.filter_wheelchair({}, { locale }),
	quiet_space: (locale) => m.filter_quiet({}, { locale }),
	children_welcome: (locale) => m.filter_children({}, { locale }),
	cost: (locale) => m.hsds_term_cost({}, { locale }),
	opening_hours: (locale) => m.place_hours({}, { locale }),
	rrule: (locale) => m.hsds_term_rrule({}, { locale }),
	place_id: (locale) => m.hsds_term_place({}, { locale }),
	page: (locale) => m.hsds_term_page({}, { locale }),
	slug: (locale) => m.hsds_term_slug({}, { locale })
};

const TEXT_CODES = ['nl', 'fr', 'en'].flatMap((language) => [
	`name_${language}`,
	`description_${language}`
]);

/** Every term code, in the order the terms are listed. */
export const TERM_CODES = [...Object.keys(NAMES), ...TEXT_CODES];

/** A term's id: the same in every export and language. */
export function termId(code: string): string {
	return nameBasedId(`taxonomy_term:kwartier:${code}`);
}

function termName(code: string, locale: Locale): string {
	const text = /^(name|description)_(nl|fr|en)$/.exec(code);
	if (!text) return NAMES[code]?.(locale) ?? code;
	const language = languageName(text[2], locale);
	return text[1] === 'name'
		? m.hsds_term_name({ language }, { locale })
		: m.hsds_term_description_in({ language }, { locale });
}

export function kwartierTerm(code: string, locale: Locale): HsdsTaxonomyTerm {
	return {
		id: termId(code),
		code,
		name: termName(code, locale),
		description: m.hsds_term_description({ code }, { locale }),
		taxonomy: KWARTIER_TAXONOMY,
		language: locale
	};
}

export function listKwartierTerms(locale: Locale): HsdsTaxonomyTerm[] {
	return TERM_CODES.map((code) => kwartierTerm(code, locale));
}
