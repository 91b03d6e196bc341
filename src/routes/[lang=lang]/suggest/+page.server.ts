import { fail, redirect } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { createSuggestion } from '$lib/server/suggestions/create-suggestion';
import { localizeErrors } from '$lib/server/suggestions/error-messages';
import { suggestionBucket } from '$lib/server/suggestions/rate-limit';
import {
	isHoneypotFilled,
	LIMITS,
	parseSuggestion,
	readSuggestionForm,
	readTargetRef,
	SUGGESTION_FIELDS,
	type SuggestionErrorField,
	type SuggestionFormValues
} from '$lib/server/suggestions/suggestion-schema';
import { findSuggestionTarget } from '$lib/server/suggestions/suggestion-target';
import type { Actions, PageServerLoad } from './$types';

type FormErrors = Partial<Record<SuggestionErrorField | 'form', string>>;

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

function requestAddress(event: { getClientAddress: () => string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

function emptyValues(): SuggestionFormValues {
	return Object.fromEntries(SUGGESTION_FIELDS.map((field) => [field, ''])) as SuggestionFormValues;
}

function refuse(status: 400 | 429, values: SuggestionFormValues, errors: FormErrors) {
	return fail(status, { values, errors });
}

export const load = (async ({ params, url }) => {
	const locale = localeOf(params.lang);
	const ref = readTargetRef(url.searchParams);
	const target = ref ? await findSuggestionTarget(ref, locale) : undefined;
	return {
		about: target ? { kind: target.kind, slug: target.slug, name: target.name } : null,
		aboutMissing: ref !== null && target === undefined,
		limits: LIMITS
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const locale = localeOf(event.params.lang);
		const address = requestAddress(event);
		const thanks = `/${locale}/suggest/thanks`;
		const formData = await event.request.formData().catch(() => null);
		const values = formData ? readSuggestionForm(formData) : emptyValues();

		if (!suggestionBucket.check(address)) {
			return refuse(429, values, { form: m.suggest_error_rate_limited({}, { locale }) });
		}
		if (!formData) return refuse(400, values, { form: m.suggest_error_form({}, { locale }) });

		// Bots get the same answer as people, so they have no reason to try again differently.
		if (isHoneypotFilled(formData)) {
			suggestionBucket.consume(address);
			redirect(303, thanks);
		}

		const parsed = parseSuggestion(values);
		if (!parsed.success) return refuse(400, values, localizeErrors(parsed.errors, locale));

		const { target: ref, ...draft } = parsed.draft;
		const target = ref ? await findSuggestionTarget(ref, locale) : undefined;
		if (ref && !target) {
			return refuse(400, values, localizeErrors({ about: 'unknown_item' }, locale));
		}

		if (!suggestionBucket.consume(address)) {
			return refuse(429, values, { form: m.suggest_error_rate_limited({}, { locale }) });
		}
		await createSuggestion({ ...draft, target: target ?? null, locale });
		redirect(303, thanks);
	}
} satisfies Actions;
