import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { listTeamGatherings } from '$lib/server/gatherings/manage';
import { describeRecurrence } from '$lib/server/schedule/recurrence';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { PageServerLoad } from './$types';
import { localeOf } from './form-helpers.server';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale = localeOf(event);
	const list = await listTeamGatherings(locale, dateToWallTime(currentTime()));
	const gatherings = list.map(({ rrule, startsAt, ...gathering }) => ({
		...gathering,
		rhythm: describeRecurrence(rrule, startsAt)
	}));
	return {
		current: gatherings.filter((gathering) => !gathering.archived),
		archived: gatherings.filter((gathering) => gathering.archived)
	};
};
