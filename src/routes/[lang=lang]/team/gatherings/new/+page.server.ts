import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { createGathering, listPlaceChoices } from '$lib/server/gatherings/manage';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import type { Actions, PageServerLoad } from './$types';
import { BRUSSELS_BOUNDS, localeOf, readForm } from '../form-helpers.server';
import { emptyGatheringForm, GATHERING_FIELDS, parseGatheringForm } from '../gathering-form.server';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = localeOf(event);
	const [placeChoices, neighbourhoods] = await Promise.all([
		listPlaceChoices(locale),
		listNeighbourhoods(locale)
	]);
	return { placeChoices, neighbourhoods, bounds: BRUSSELS_BOUNDS, initial: emptyGatheringForm() };
};

export const actions = {
	save: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const { formData, values } = await readForm(event, GATHERING_FIELDS);
		const form = { values, languages: formData.getAll('languages').map(String) };
		const parsed = await parseGatheringForm(form, locale);
		if (!parsed.ok) return fail(400, { ...form, errors: parsed.errors });
		const { id } = await createGathering(parsed.input);
		const moved = parsed.movedFrom ? `&movedFrom=${parsed.movedFrom}` : '';
		redirect(303, `/${locale}/team/gatherings/${id}?saved=1${moved}`);
	}
} satisfies Actions;
