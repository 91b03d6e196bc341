import webpush from 'web-push';
import { getVapidKeys, vapidSubject } from './vapid';
import {
	listSubscriptionsFor,
	removeSubscriptionById,
	type StoredSubscription
} from './subscriptions';

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

export type PushOptions = {
	/** How long the push service keeps the message for a device that is offline. */
	ttlSeconds?: number;
	urgency?: PushUrgency;
	/** A newer message with the same topic replaces one the device has not fetched yet. */
	topic?: string;
	timeoutMs?: number;
};

export type PushReport = {
	/** Accepted by the push service. */
	sent: number;
	/** Gone (404/410): the subscription was removed. */
	removed: number;
	/** Refused for another reason or not reachable; the subscription is kept. */
	failed: number;
};

const DEFAULT_TTL_SECONDS = 60 * 60;
const DEFAULT_TIMEOUT_MS = 10_000;

async function deliver(
	subscription: StoredSubscription,
	body: string,
	options: PushOptions
): Promise<keyof PushReport> {
	const { publicKey, privateKey } = await getVapidKeys();
	// web-push encrypts (RFC 8291) and signs (RFC 8292); the request itself goes out with
	// fetch, which speaks both https and the plain http of a push service on loopback in tests.
	const details = webpush.generateRequestDetails(
		{
			endpoint: subscription.endpoint,
			keys: { p256dh: subscription.p256dh, auth: subscription.auth }
		},
		body,
		{
			vapidDetails: { subject: vapidSubject(), publicKey, privateKey },
			TTL: options.ttlSeconds ?? DEFAULT_TTL_SECONDS,
			urgency: options.urgency ?? 'normal',
			contentEncoding: 'aes128gcm',
			...(options.topic ? { topic: options.topic } : {})
		}
	);
	const headers = new Headers();
	for (const [name, value] of Object.entries(details.headers)) {
		if (name.toLowerCase() !== 'content-length') headers.set(name, String(value));
	}
	const response = await fetch(details.endpoint, {
		method: details.method,
		headers,
		body: details.body ? new Uint8Array(details.body) : null,
		signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
	});
	await response.body?.cancel();
	if (response.status === 404 || response.status === 410) {
		await removeSubscriptionById(subscription.id);
		return 'removed';
	}
	return response.ok ? 'sent' : 'failed';
}

/**
 * Sends one JSON payload to every device these accounts subscribed, at once. A device the push
 * service no longer knows (404 or 410) is forgotten. Never throws for a single device.
 */
export async function sendPushToAccounts(
	accountIds: number[],
	payload: unknown,
	options: PushOptions = {}
): Promise<PushReport> {
	const report: PushReport = { sent: 0, removed: 0, failed: 0 };
	const subscriptions = await listSubscriptionsFor(accountIds);
	if (subscriptions.length === 0) return report;
	const body = JSON.stringify(payload);
	const outcomes = await Promise.allSettled(
		subscriptions.map((subscription) => deliver(subscription, body, options))
	);
	for (const outcome of outcomes) {
		report[outcome.status === 'fulfilled' ? outcome.value : 'failed'] += 1;
	}
	return report;
}
