import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { findCallForVolunteer } from '$lib/server/backup';
import type { RequestHandler } from './$types';

/** What happened to one of this account's own backup calls. */
export const GET: RequestHandler = async (event) => {
	if (!event.locals.account) error(401, 'Not signed in');
	const account = requireRole(event, 'volunteer');
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : null;
	const call = id === null ? null : await findCallForVolunteer(id, account.id);
	if (!call) error(404, 'Not found');
	return json(
		{
			id: call.id,
			status: call.status,
			sentTo: call.sentTo,
			owner: call.owner,
			createdAt: call.createdAt,
			acknowledgedAt: call.acknowledgedAt,
			closedAt: call.closedAt,
			timeline: call.timeline
		},
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};
