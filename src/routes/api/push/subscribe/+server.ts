import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { removeSubscription, saveSubscription } from '$lib/server/push';
import type { RequestHandler } from './$types';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function decodedLength(value: string) {
	return Buffer.from(value, 'base64url').length;
}

// Browsers hand out https endpoints of their push service, never anything else.
const endpoint = z
	.string()
	.max(2048)
	.refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:');

const subscriptionSchema = z.object({
	endpoint,
	keys: z.object({
		// An uncompressed P-256 public key: 65 bytes starting with 0x04.
		p256dh: z
			.string()
			.max(100)
			.regex(BASE64URL)
			.refine((value) => decodedLength(value) === 65 && Buffer.from(value, 'base64url')[0] === 4),
		auth: z
			.string()
			.max(40)
			.regex(BASE64URL)
			.refine((value) => decodedLength(value) === 16)
	})
});

const removalSchema = z.object({ endpoint });

async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		return null;
	}
}

function invalid() {
	return json({ ok: false, error: 'invalid-subscription' }, { status: 400 });
}

/** Keeps this device's push subscription for the signed-in worker or coordinator. */
export const POST: RequestHandler = async (event) => {
	const account = requireRole(event, 'worker');
	const parsed = subscriptionSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return invalid();
	await saveSubscription(account.id, parsed.data);
	return json({ ok: true }, { status: 201 });
};

/** Forgets this device's push subscription; only the account's own. */
export const DELETE: RequestHandler = async (event) => {
	const account = requireRole(event, 'worker');
	const parsed = removalSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return invalid();
	const removed = await removeSubscription(account.id, parsed.data.endpoint);
	return json({ ok: true, removed });
};
