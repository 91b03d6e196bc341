import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { pick, pickWithLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { formValues } from '$lib/server/forms';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import {
	archivePlace,
	findPlaceForEditing,
	markPlaceChecked,
	missingTranslations,
	unarchivePlace,
	updatePlace
} from '$lib/server/places/manage';
import { previewOpeningHours } from '$lib/server/places/opening-preview';
import {
	BRUSSELS_BOUNDS,
	LIMITS,
	parsePlaceForm,
	pickPlaceValues,
	valuesFromPlace
} from '$lib/server/places/place-form';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['created', 'saved', 'checked', 'archived', 'unarchived'] as const;
type Notice = (typeof NOTICES)[number];

function placeIdOf(event: Pick<RequestEvent, 'params'>): number {
	const id = event.params.id ?? '';
	if (!/^\d{1,9}$/.test(id)) error(404, m.not_found_title({}, { locale: localeOf(event) }));
	return Number(id);
}

function localeOf(event: Pick<RequestEvent, 'params'>): Locale {
	return event.params.lang as Locale;
}

function backTo(event: RequestEvent, id: number, notice: Notice): never {
	redirect(303, `/${localeOf(event)}/team/places/${id}?notice=${notice}`);
}

function notFound(event: RequestEvent): never {
	error(404, m.not_found_title({}, { locale: localeOf(event) }));
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = localeOf(event);
	const found = await findPlaceForEditing(placeIdOf(event));
	if (!found) notFound(event);
	const { place } = found;
	const notice = NOTICES.find((value) => value === event.url.searchParams.get('notice')) ?? null;
	return {
		place: {
			id: place.id,
			slug: place.slug,
			name: pickWithLocale(place.name, locale),
			neighbourhood: pick(found.neighbourhood.name, locale),
			visibility: place.visibility,
			lastCheckedOn: place.lastCheckedOn,
			lastCheckedBy: place.lastCheckedBy,
			archivedAt: place.archivedAt,
			missingTranslations: missingTranslations(place)
		},
		values: valuesFromPlace(place),
		notice,
		preview: previewOpeningHours(place.openingHours ?? '', locale),
		neighbourhoods: await listNeighbourhoods(locale),
		limits: LIMITS,
		bounds: BRUSSELS_BOUNDS
	};
};

export const actions = {
	save: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const id = placeIdOf(event);
		const formData = await event.request.formData().catch(() => null);
		if (!formData) {
			const found = await findPlaceForEditing(id);
			if (!found) notFound(event);
			return fail(400, {
				values: valuesFromPlace(found.place),
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
		const result = await updatePlace(id, parsed.draft, parsed.version);
		if (result === 'missing') notFound(event);
		if (result === 'changed-meanwhile') {
			const current = await findPlaceForEditing(id);
			// Saving again on purpose keeps this version: the form now carries the newest one.
			return fail(409, {
				values: { ...values, version: current?.place.updatedAt ?? '' },
				errors: { form: m.tp_error_changed_meanwhile({}, { locale }) },
				preview: previewOpeningHours(values.openingHours, locale)
			});
		}
		backTo(event, id, 'saved');
	},

	check: async (event) => {
		const account = requireRole(event, 'worker');
		const id = placeIdOf(event);
		if (!(await markPlaceChecked(id, account.displayName))) notFound(event);
		backTo(event, id, 'checked');
	},

	archive: async (event) => {
		requireRole(event, 'worker');
		const id = placeIdOf(event);
		if (!(await findPlaceForEditing(id))) notFound(event);
		await archivePlace(id);
		backTo(event, id, 'archived');
	},

	unarchive: async (event) => {
		requireRole(event, 'worker');
		const id = placeIdOf(event);
		if (!(await findPlaceForEditing(id))) notFound(event);
		await unarchivePlace(id);
		backTo(event, id, 'unarchived');
	}
} satisfies Actions;
