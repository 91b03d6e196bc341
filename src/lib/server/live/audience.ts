import { inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { backupCallEvents, backupCalls } from '$lib/server/db/schema';

/**
 * Who may hear about each of these calls: the volunteer who made it, whoever has it, and
 * everyone it was sent to or who did something with it. One query for the whole batch, so
 * the cost does not grow with the number of open streams.
 */
export async function listCallAudiences(callIds: number[]): Promise<Map<number, Set<number>>> {
	const audiences = new Map<number, Set<number>>();
	if (callIds.length === 0) return audiences;
	const ids = [...new Set(callIds)];
	const add = (callId: number, accountId: number | null) => {
		if (accountId === null) return;
		const audience = audiences.get(callId) ?? new Set<number>();
		audience.add(accountId);
		audiences.set(callId, audience);
	};
	const calls = await db
		.select({
			id: backupCalls.id,
			volunteerId: backupCalls.volunteerId,
			ownerId: backupCalls.ownerId
		})
		.from(backupCalls)
		.where(inArray(backupCalls.id, ids));
	for (const call of calls) {
		add(call.id, call.volunteerId);
		add(call.id, call.ownerId);
	}
	const events = await db
		.select({
			callId: backupCallEvents.callId,
			actorId: backupCallEvents.actorId,
			targetId: backupCallEvents.targetId
		})
		.from(backupCallEvents)
		.where(inArray(backupCallEvents.callId, ids));
	for (const event of events) {
		add(event.callId, event.actorId);
		add(event.callId, event.targetId);
	}
	return audiences;
}
