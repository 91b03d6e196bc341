import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	accounts,
	backupCallEvents,
	BACKUP_EVENT_TYPES,
	type BackupCallEvent
} from '$lib/server/db/schema';

export type BackupEventType = (typeof BACKUP_EVENT_TYPES)[number];

export type NewBackupEvent = {
	callId: number;
	type: BackupEventType;
	actorId?: number | null;
	targetId?: number | null;
	at: string;
};

/** The people a call went to, in the order it reached them. */
export type BackupRecipient = {
	id: number;
	displayName: string;
	role: 'volunteer' | 'worker' | 'coordinator';
	phone: string | null;
};

/** All events of one step go in as one statement, so they are stored together or not at all. */
export async function recordEvents(events: NewBackupEvent[]): Promise<BackupCallEvent[]> {
	if (events.length === 0) return [];
	return db
		.insert(backupCallEvents)
		.values(
			events.map((event) => ({
				callId: event.callId,
				type: event.type,
				actorId: event.actorId ?? null,
				targetId: event.targetId ?? null,
				at: event.at
			}))
		)
		.returning();
}

/** Everyone the call was sent to so far: the workers on duty, the next worker, coordinators. */
export async function listRecipients(callId: number): Promise<BackupRecipient[]> {
	const rows = await db
		.select({
			id: accounts.id,
			displayName: accounts.displayName,
			role: accounts.role,
			phone: accounts.phone
		})
		.from(backupCallEvents)
		.innerJoin(accounts, eq(accounts.id, backupCallEvents.targetId))
		.where(
			and(
				eq(backupCallEvents.callId, callId),
				inArray(backupCallEvents.type, ['notified', 'escalated'])
			)
		)
		.orderBy(asc(backupCallEvents.id));
	const seen = new Map<number, BackupRecipient>();
	for (const person of rows) {
		if (!seen.has(person.id)) seen.set(person.id, person);
	}
	return [...seen.values()];
}
