import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { pushSubscriptions } from '$lib/server/db/schema';

/** What a browser's PushSubscription.toJSON() holds, minus what Kwartier does not keep. */
export type DeviceSubscription = {
	endpoint: string;
	keys: { p256dh: string; auth: string };
};

export type StoredSubscription = typeof pushSubscriptions.$inferSelect;

/**
 * Keeps a device's subscription for this account. The endpoint belongs to one browser; when
 * someone else signs in on that browser and subscribes, it is theirs from then on.
 */
export async function saveSubscription(accountId: number, subscription: DeviceSubscription) {
	const [row] = await db
		.insert(pushSubscriptions)
		.values({
			accountId,
			endpoint: subscription.endpoint,
			p256dh: subscription.keys.p256dh,
			auth: subscription.keys.auth
		})
		.onConflictDoUpdate({
			target: pushSubscriptions.endpoint,
			set: { accountId, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth }
		})
		.returning();
	return row;
}

/** Only the account's own subscription is removed; false when there was none. */
export async function removeSubscription(accountId: number, endpoint: string): Promise<boolean> {
	const removed = await db
		.delete(pushSubscriptions)
		.where(
			and(eq(pushSubscriptions.accountId, accountId), eq(pushSubscriptions.endpoint, endpoint))
		)
		.returning({ id: pushSubscriptions.id });
	return removed.length > 0;
}

export async function removeSubscriptionById(id: number) {
	await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

export async function listSubscriptionsFor(accountIds: number[]): Promise<StoredSubscription[]> {
	const ids = [...new Set(accountIds)].filter((id) => Number.isInteger(id));
	if (ids.length === 0) return [];
	return db
		.select()
		.from(pushSubscriptions)
		.where(inArray(pushSubscriptions.accountId, ids))
		.orderBy(asc(pushSubscriptions.id));
}
