import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import { createRound } from '$lib/server/rounds/manage';
import type { Actions, PageServerLoad } from './$types';
import { localeOf, readForm } from '../../gatherings/form-helpers.server';
import {
	emptyRoundForm,
	parseRoundForm,
	readStops,
	ROUND_FIELDS,
	stopEditActions
} from '../round-form.server';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = localeOf(event);
	return { neighbourhoods: await listNeighbourhoods(locale), initial: emptyRoundForm() };
};

export const actions = {
	save: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const { values, sent } = await readForm(event, ROUND_FIELDS);
		const form = { values, stops: readStops(sent) };
		const parsed = await parseRoundForm(form, locale);
		if (!parsed.ok) {
			return fail(400, { values, stops: parsed.typed, errors: parsed.errors, stopsEdited: false });
		}
		const { id } = await createRound(parsed.input, parsed.stops);
		const moved = parsed.movedFrom ? `&movedFrom=${parsed.movedFrom}` : '';
		redirect(303, `/${locale}/team/rounds/${id}?saved=1${moved}`);
	},
	...stopEditActions()
} satisfies Actions;
