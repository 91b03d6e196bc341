import { requireRole } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

// Every page and action below checks its own role too: a layout load does not re-run
// between sibling pages.
export const load: LayoutServerLoad = (event) => {
	const account = requireRole(event, 'volunteer');
	return { teamRole: account.role };
};
