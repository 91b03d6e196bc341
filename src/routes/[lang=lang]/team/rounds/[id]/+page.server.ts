import { error, fail, redirect } from '@sveltejs/kit';
import { pick } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { listUpcomingDates, missingLanguages } from '$lib/server/gatherings/manage';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import { archiveRound, findRound, unarchiveRound, updateRound } from '$lib/server/rounds/manage';
import { describeRecurrence } from '$lib/server/schedule/recurrence';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { dateChangeActions, idOf, localeOf, readForm } from '../../gatherings/form-helpers.server';
import {
	parseRoundForm,
	readStops,
	ROUND_FIELDS,
	roundForm,
	stopEditActions
} from '../round-form.server';

async function existing(event: RequestEvent) {
	requireRole(event, 'worker');
	const locale = localeOf(event);
	const found = await findRound(idOf(event, locale));
	if (!found) error(404, m.not_found_title({}, { locale }));
	return { locale, ...found };
}

export const load: PageServerLoad = async (event) => {
	const { locale, round, stops } = await existing(event);
	const [neighbourhoods, dates] = await Promise.all([
		listNeighbourhoods(locale),
		listUpcomingDates({ roundId: round.id }, dateToWallTime(currentTime()), 10)
	]);
	return {
		round: {
			id: round.id,
			slug: round.slug,
			name: pick(round.name, locale),
			visibility: round.visibility,
			archived: round.archivedAt !== null,
			missingLanguages: missingLanguages(round.name, round.description),
			rhythm: describeRecurrence(round.rrule, round.startsAt),
			rrule: round.rrule,
			centre: neighbourhoods.find((hood) => hood.id === round.neighbourhoodId)?.centre ?? null
		},
		savedStops: stops.map((stop) => ({
			position: stop.position,
			street: stop.street,
			lat: stop.lat,
			lon: stop.lon,
			arrivalTime: stop.arrivalTime,
			stayMinutes: stop.stayMinutes
		})),
		neighbourhoods,
		initial: roundForm(round, stops),
		dates,
		saved: event.url.searchParams.has('saved'),
		movedFrom: event.url.searchParams.get('movedFrom')
	};
};

export const actions = {
	save: async (event) => {
		const { locale, round } = await existing(event);
		const { values, sent } = await readForm(event, ROUND_FIELDS);
		const form = { values, stops: readStops(sent) };
		const parsed = await parseRoundForm(form, locale, round.rrule);
		if (!parsed.ok) {
			return fail(400, { values, stops: parsed.typed, errors: parsed.errors, stopsEdited: false });
		}
		await updateRound(round.id, parsed.input, parsed.stops);
		const moved = parsed.movedFrom ? `&movedFrom=${parsed.movedFrom}` : '';
		redirect(303, `/${locale}/team/rounds/${round.id}?saved=1${moved}`);
	},
	archive: async (event) => {
		const { locale, round } = await existing(event);
		await archiveRound(round.id);
		redirect(303, `/${locale}/team/rounds/${round.id}`);
	},
	unarchive: async (event) => {
		const { locale, round } = await existing(event);
		await unarchiveRound(round.id);
		redirect(303, `/${locale}/team/rounds/${round.id}`);
	},
	...stopEditActions(),
	...dateChangeActions(async (id) => ((await findRound(id)) ? { roundId: id } : undefined))
} satisfies Actions;
