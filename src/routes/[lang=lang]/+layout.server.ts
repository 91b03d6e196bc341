import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	account: locals.account
		? { displayName: locals.account.displayName, role: locals.account.role }
		: null
});
