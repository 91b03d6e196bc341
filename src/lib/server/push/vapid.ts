import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import { db } from '$lib/server/db';
import { appSettings } from '$lib/server/db/schema';

const VAPID_SETTING = 'web-push-vapid-keys';

export type VapidKeys = { publicKey: string; privateKey: string };

let loading: Promise<VapidKeys> | undefined;

function isVapidKeys(value: unknown): value is VapidKeys {
	const keys = value as VapidKeys | null;
	return typeof keys?.publicKey === 'string' && typeof keys?.privateKey === 'string';
}

async function readKeys(): Promise<VapidKeys | undefined> {
	const [row] = await db
		.select({ value: appSettings.value })
		.from(appSettings)
		.where(eq(appSettings.key, VAPID_SETTING));
	if (!row) return undefined;
	const parsed: unknown = JSON.parse(row.value);
	if (!isVapidKeys(parsed)) throw new Error(`The app setting ${VAPID_SETTING} is not a key pair`);
	return parsed;
}

async function readOrCreateKeys(): Promise<VapidKeys> {
	const stored = await readKeys();
	if (stored) return stored;
	const fresh = webpush.generateVAPIDKeys();
	// Two processes starting at once each make a pair; the first one stored wins for both.
	await db
		.insert(appSettings)
		.values({ key: VAPID_SETTING, value: JSON.stringify(fresh) })
		.onConflictDoNothing({ target: appSettings.key });
	const kept = await readKeys();
	if (!kept) throw new Error('The Web Push keys could not be stored');
	return kept;
}

/**
 * The app's Web Push (VAPID) key pair, made once on first use and kept in the database:
 * every subscription a browser made is tied to this public key, so it must never change.
 */
export function getVapidKeys(): Promise<VapidKeys> {
	loading ??= readOrCreateKeys().catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

/**
 * Who runs this server, for push services that need to reach someone (RFC 8292): a mailto:
 * or https: address. VAPID_SUBJECT sets it; otherwise the public https address of the app.
 */
export function vapidSubject(): string {
	const configured = process.env.VAPID_SUBJECT?.trim();
	if (configured) return configured;
	const origin = process.env.ORIGIN?.trim();
	if (origin?.startsWith('https://') && !/^https:\/\/(localhost|127\.|\[::1\])/.test(origin)) {
		return origin;
	}
	return 'mailto:kwartier@example.org';
}
