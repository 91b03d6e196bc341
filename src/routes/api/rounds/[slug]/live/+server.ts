import { error } from '@sveltejs/kit';
import { viewerOf } from '$lib/server/auth/guard';
import { openRoundDayStream } from '$lib/server/outreach/live-stream';
import { findPublicRound } from '$lib/server/rounds/public';
import type { RequestHandler } from './$types';

/**
 * Where the coffee bus is today, as server-sent events, for the round's public page. It shows
 * exactly what the page shows: a round the viewer may not see is "not found", as on the page.
 */
export const GET: RequestHandler = async (event) => {
	const round = await findPublicRound(event.params.slug, 'nl', viewerOf(event));
	if (!round) error(404, 'Not found');
	return openRoundDayStream({
		roundId: round.id,
		viewer: viewerOf(event),
		signal: event.request.signal
	});
};
