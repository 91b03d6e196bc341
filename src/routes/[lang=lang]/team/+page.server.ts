import { requireRole } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const account = requireRole(event, 'volunteer');
	return { displayName: account.displayName };
};
