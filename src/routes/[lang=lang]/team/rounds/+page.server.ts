import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { listTeamRounds } from '$lib/server/rounds/manage';
import { describeRecurrence } from '$lib/server/schedule/recurrence';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { PageServerLoad } from './$types';
import { localeOf } from '../gatherings/form-helpers.server';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = localeOf(event);
	const list = await listTeamRounds(locale, dateToWallTime(currentTime()));
	const rounds = list.map(({ rrule, startsAt, ...round }) => ({
		...round,
		rhythm: describeRecurrence(rrule, startsAt)
	}));
	return {
		current: rounds.filter((round) => !round.archived),
		archived: rounds.filter((round) => round.archived)
	};
};
