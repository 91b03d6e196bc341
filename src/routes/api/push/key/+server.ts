import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getVapidKeys } from '$lib/server/push';
import type { RequestHandler } from './$types';

/** The public key a browser needs to subscribe to Web Push for this app. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'worker');
	const { publicKey } = await getVapidKeys();
	return json({ publicKey });
};
