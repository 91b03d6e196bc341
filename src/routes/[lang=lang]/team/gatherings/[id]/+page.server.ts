import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import {
	archiveGathering,
	findGathering,
	listPlaceChoices,
	listUpcomingDates,
	missingLanguages,
	unarchiveGathering,
	updateGathering
} from '$lib/server/gatherings/manage';
import { m } from '$lib/paraglide/messages.js';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import { describeRecurrence } from '$lib/server/schedule/recurrence';
import { dateToWallTime } from '$lib/server/schedule/time';
import { pick } from '$lib/i18n';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
	BRUSSELS_BOUNDS,
	dateChangeActions,
	idOf,
	localeOf,
	readForm
} from '../form-helpers.server';
import { GATHERING_FIELDS, gatheringForm, parseGatheringForm } from '../gathering-form.server';

async function existing(event: RequestEvent) {
	requireRole(event, 'worker');
	const locale = localeOf(event);
	const gathering = await findGathering(idOf(event, locale));
	if (!gathering) error(404, m.not_found_title({}, { locale }));
	return { locale, gathering };
}

export const load: PageServerLoad = async (event) => {
	const { locale, gathering } = await existing(event);
	const [placeChoices, neighbourhoods, dates] = await Promise.all([
		listPlaceChoices(locale, gathering.placeId),
		listNeighbourhoods(locale),
		listUpcomingDates({ gatheringId: gathering.id }, dateToWallTime(currentTime()), 10)
	]);
	return {
		gathering: {
			id: gathering.id,
			slug: gathering.slug,
			title: pick(gathering.title, locale),
			visibility: gathering.visibility,
			archived: gathering.archivedAt !== null,
			missingLanguages: missingLanguages(gathering.title, gathering.description),
			rhythm: describeRecurrence(gathering.rrule, gathering.startsAt),
			rrule: gathering.rrule
		},
		placeChoices,
		neighbourhoods,
		bounds: BRUSSELS_BOUNDS,
		initial: gatheringForm(gathering),
		dates,
		saved: event.url.searchParams.has('saved'),
		movedFrom: event.url.searchParams.get('movedFrom')
	};
};

export const actions = {
	save: async (event) => {
		const { locale, gathering } = await existing(event);
		const { formData, values } = await readForm(event, GATHERING_FIELDS);
		const form = { values, languages: formData.getAll('languages').map(String) };
		const parsed = await parseGatheringForm(form, locale, gathering);
		if (!parsed.ok) return fail(400, { ...form, errors: parsed.errors });
		await updateGathering(gathering.id, parsed.input);
		const moved = parsed.movedFrom ? `&movedFrom=${parsed.movedFrom}` : '';
		redirect(303, `/${locale}/team/gatherings/${gathering.id}?saved=1${moved}`);
	},
	archive: async (event) => {
		const { locale, gathering } = await existing(event);
		await archiveGathering(gathering.id);
		redirect(303, `/${locale}/team/gatherings/${gathering.id}`);
	},
	unarchive: async (event) => {
		const { locale, gathering } = await existing(event);
		await unarchiveGathering(gathering.id);
		redirect(303, `/${locale}/team/gatherings/${gathering.id}`);
	},
	...dateChangeActions(async (id) => ((await findGathering(id)) ? { gatheringId: id } : undefined))
} satisfies Actions;
