import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import {
	LIMITS,
	type SuggestionErrorCode,
	type SuggestionErrorField,
	type SuggestionErrors
} from './suggestion-schema';

const maxLength: Partial<Record<SuggestionErrorField, number>> = {
	name: LIMITS.nameMax,
	where: LIMITS.whereMax,
	when: LIMITS.whenMax,
	details: LIMITS.detailsMax
};

function errorMessage(code: SuggestionErrorCode, field: SuggestionErrorField, locale: Locale) {
	const options = { locale };
	switch (code) {
		case 'kind':
			return m.suggest_error_kind({}, options);
		case 'change_type':
			return m.suggest_error_change_type({}, options);
		case 'name_required':
			return m.suggest_error_name_required({}, options);
		case 'details_required':
			return m.suggest_error_details_required({}, options);
		case 'details_too_short':
			return m.suggest_error_details_too_short({ min: LIMITS.detailsMin }, options);
		case 'too_long':
			return m.suggest_error_too_long({ max: maxLength[field] ?? LIMITS.detailsMax }, options);
		case 'characters':
			return m.suggest_error_characters({}, options);
		case 'unknown_item':
			return m.suggest_error_unknown_item({}, options);
	}
}

/** The error of each field, in the visitor's language (never the schema library's English). */
export function localizeErrors(
	errors: SuggestionErrors,
	locale: Locale
): Partial<Record<SuggestionErrorField, string>> {
	const messages: Partial<Record<SuggestionErrorField, string>> = {};
	for (const [field, code] of Object.entries(errors) as [
		SuggestionErrorField,
		SuggestionErrorCode
	][]) {
		messages[field] = errorMessage(code, field, locale);
	}
	return messages;
}
