import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { formValues, validateForm } from '$lib/server/forms';
import {
	acceptSuggestion,
	countSuggestionsByStatus,
	declineSuggestion,
	editorPathFor,
	itemEditorPath,
	itemRefOf,
	listSuggestions,
	reopenSuggestion,
	REVIEW_STATUSES,
	type ReviewStatus
} from '$lib/server/suggestions/review';
import type { Actions, PageServerLoad } from './$types';

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

const statusSchema = z.enum(REVIEW_STATUSES).catch('new');
const reviewSchema = z.object({
	id: z.coerce
		.number()
		.int()
		.positive()
		.max(2 ** 31)
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const status: ReviewStatus = statusSchema.parse(event.url.searchParams.get('status'));
	const [suggestions, counts] = await Promise.all([
		listSuggestions(status, locale),
		countSuggestionsByStatus()
	]);
	return {
		status,
		counts,
		suggestions: suggestions.map((suggestion) => ({
			...suggestion,
			item: suggestion.item && {
				...suggestion.item,
				editorPath: itemEditorPath(suggestion.item, locale)
			},
			editorPath: editorPathFor(suggestion, locale)
		}))
	};
};

/** The checked id of the suggestion a button is about, or a failure to return as is. */
async function readSuggestionId(event: RequestEvent, locale: Locale) {
	const formData = await event.request.formData().catch(() => null);
	const parsed = formData ? validateForm(reviewSchema, formValues(formData), locale) : null;
	if (!parsed?.ok)
		return {
			failure: fail(400, { id: null, message: m.rv_error_form({}, { locale }), failed: true })
		};
	return { id: parsed.data.id };
}

export const actions = {
	accept: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		const read = await readSuggestionId(event, locale);
		if (read.failure) return read.failure;
		const { id } = read;
		const result = await acceptSuggestion(id, account.id);
		if (result.outcome === 'not-found')
			return fail(404, { id, message: m.rv_error_not_found({}, { locale }), failed: true });
		if (result.outcome === 'handled-otherwise')
			return fail(409, { id, message: m.rv_error_already_declined({}, { locale }), failed: true });
		const { suggestion } = result;
		const editor = editorPathFor(
			{ id: suggestion.id, type: suggestion.type, item: itemRefOf(suggestion) },
			locale
		);
		if (editor) redirect(303, editor);
		return { id, message: m.rv_done_accepted_no_item({}, { locale }), failed: false };
	},

	decline: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		const read = await readSuggestionId(event, locale);
		if (read.failure) return read.failure;
		const { id } = read;
		const result = await declineSuggestion(id, account.id);
		if (result.outcome === 'not-found')
			return fail(404, { id, message: m.rv_error_not_found({}, { locale }), failed: true });
		if (result.outcome === 'handled-otherwise')
			return fail(409, { id, message: m.rv_error_already_accepted({}, { locale }), failed: true });
		return { id, message: m.rv_done_declined({}, { locale }), failed: false };
	},

	reopen: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		const read = await readSuggestionId(event, locale);
		if (read.failure) return read.failure;
		const { id } = read;
		const result = await reopenSuggestion(id);
		if (result.outcome === 'not-found')
			return fail(404, { id, message: m.rv_error_not_found({}, { locale }), failed: true });
		return { id, message: m.rv_done_reopened({}, { locale }), failed: false };
	}
} satisfies Actions;
