import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { openEventStream } from '$lib/server/live';
import type { RequestHandler } from './$types';

/** Live changes to the backup calls this account may see, as server-sent events. */
export const GET: RequestHandler = (event) => {
	// An EventSource cannot follow a sign-in redirect; it gets a plain refusal instead.
	if (!event.locals.account) error(401, 'Not signed in');
	const account = requireRole(event, 'volunteer');
	return openEventStream({ accountId: account.id, signal: event.request.signal });
};
