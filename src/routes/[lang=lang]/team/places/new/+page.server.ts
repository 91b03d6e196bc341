import { fail, redirect } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { formValues } from '$lib/server/forms';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import { createPlace, findSuggestionForPlace } from '$lib/server/places/manage';
import { previewOpeningHours } from '$lib/server/places/opening-preview';
import {
	BRUSSELS_BOUNDS,
	emptyPlaceValues,
	LIMITS,
	parsePlaceForm,
	pickPlaceValues,
	valuesFromSuggestion
} from '$lib/server/places/place-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'worker');
	const locale = event.params.lang as Locale;
	// A worker with one neighbourhood mostly adds places there.
	const ownNeighbourhood =
		account.neighbourhoodIds.length === 1 ? account.neighbourhoodIds[0] : undefined;
	const suggestionParam = event.url.searchParams.get('suggestion');
	const suggestion =
		suggestionParam && /^\d{1,9}$/.test(suggestionParam)
			? await findSuggestionForPlace(Number(suggestionParam))
			: undefined;
	return {
		neighbourhoods: await listNeighbourhoods(locale),
		values: suggestion
			? valuesFromSuggestion(suggestion, ownNeighbourhood)
			: emptyPlaceValues(ownNeighbourhood),
		fromSuggestion: suggestion !== undefined,
		suggestionMissing: suggestionParam !== null && suggestion === undefined,
		limits: LIMITS,
		bounds: BRUSSELS_BOUNDS
	};
};

export const actions = {
	default: async (event) => {
		requireRole(event, 'worker');
		const locale = event.params.lang as Locale;
		const formData = await event.request.formData().catch(() => null);
		if (!formData) {
			return fail(400, {
				values: emptyPlaceValues(),
				errors: { form: m.tp_error_reload({}, { locale }) },
				preview: null
			});
		}
		const values = pickPlaceValues(formValues(formData));
		const parsed = await parsePlaceForm(values, locale);
		if (!parsed.ok) {
			return fail(400, {
				values,
				errors: parsed.errors,
				preview: parsed.errors.openingHours
					? null
					: previewOpeningHours(values.openingHours, locale)
			});
		}
		const created = await createPlace(parsed.draft);
		redirect(303, `/${locale}/team/places/${created.id}?notice=created`);
	}
} satisfies Actions;
