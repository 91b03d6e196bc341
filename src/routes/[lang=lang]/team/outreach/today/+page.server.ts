import { requireRole } from '$lib/server/auth/guard';
import { listTeamRoundsToday } from '$lib/server/outreach/live-status';
import type { PageServerLoad } from './$types';
import { localeOf } from '../../gatherings/form-helpers.server';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const rounds = await listTeamRoundsToday(localeOf(event));
	return { rounds };
};
