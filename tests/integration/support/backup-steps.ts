import { migrateDatabase } from '$lib/server/db';
import { db } from '$lib/server/db';
import { neighbourhoods } from '$lib/server/db/schema';
import { createBackupCall, escalateDueCalls, type NewBackupCall } from '$lib/server/backup';
import { addDutyPattern } from '$lib/server/roster';
import { createTestAccount } from '../../support/events';

/**
 * The app's own backup-call code, run in a child process of the durability test against the
 * database file in DATABASE_PATH. backup-process.mjs loads this file and calls one step.
 */

/** One neighbourhood, a volunteer, Amina on duty on Tuesdays 09–17, and a coordinator. */
export async function prepare() {
	migrateDatabase();
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'durability',
			name: { nl: 'Duurzaam' },
			municipality: 'Brussel',
			centreLat: 50.85,
			centreLon: 4.35,
			escalationMinutes: 5
		})
		.returning();
	const volunteer = await createTestAccount('volunteer', {
		displayName: 'Vera',
		neighbourhoodIds: [hood.id]
	});
	const worker = await createTestAccount('worker', {
		displayName: 'Amina',
		neighbourhoodIds: [hood.id]
	});
	const coordinator = await createTestAccount('coordinator', { displayName: 'Zoë' });
	await addDutyPattern({
		accountId: worker.id,
		neighbourhoodIds: [hood.id],
		weekday: 2,
		startTime: '09:00',
		endTime: '17:00',
		validFrom: '2026-01-01'
	});
	return {
		neighbourhoodId: hood.id,
		volunteerId: volunteer.id,
		workerId: worker.id,
		coordinatorId: coordinator.id
	};
}

export async function send(input: NewBackupCall, now: string) {
	return createBackupCall(input, new Date(now));
}

export async function escalate(now: string) {
	return escalateDueCalls(new Date(now));
}
