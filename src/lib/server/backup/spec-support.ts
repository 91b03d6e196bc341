import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { backupCallEvents, backupCalls } from '$lib/server/db/schema';
import { addDutyPattern } from '$lib/server/roster';
import { at, createNeighbourhood, createPerson } from '$lib/server/roster/spec-support';
import { BackupCallError } from './backup-error';
import { createBackupCall, type NewBackupCall } from './calls';

/** Shared by the backup-call specs; never imported by the app. */

export { at, minutesAfter } from '$lib/server/roster/spec-support';

/**
 * One neighbourhood on Mondays: Amina on duty 08–17, Bram 09–17, Chloé 10–18 (she works
 * elsewhere but covers this neighbourhood), and Omar next door. Two coordinators, one with a
 * phone number. Escalation after 5 minutes.
 */
export async function createScenario() {
	const hood = await createNeighbourhood(5);
	const nextDoor = await createNeighbourhood(5);
	const vera = await createPerson('volunteer', 'Vera', {
		neighbourhoodIds: [hood.id],
		phone: '+32 470 00 00 01'
	});
	const wout = await createPerson('volunteer', 'Wout', { neighbourhoodIds: [hood.id] });
	const amina = await createPerson('worker', 'Amina', {
		neighbourhoodIds: [hood.id],
		phone: '+32 470 00 00 02'
	});
	const bram = await createPerson('worker', 'Bram', { neighbourhoodIds: [hood.id] });
	const chloe = await createPerson('worker', 'Chloé', { neighbourhoodIds: [nextDoor.id] });
	const omar = await createPerson('worker', 'Omar', { neighbourhoodIds: [nextDoor.id] });
	const zoe = await createPerson('coordinator', 'Zoë', { phone: '+32 2 555 01 01' });
	const yves = await createPerson('coordinator', 'Yves');
	const monday = { weekday: 1, validFrom: '2025-01-01' };
	await addDutyPattern({
		...monday,
		accountId: amina.id,
		neighbourhoodIds: [hood.id],
		startTime: '08:00',
		endTime: '17:00'
	});
	await addDutyPattern({
		...monday,
		accountId: bram.id,
		neighbourhoodIds: [hood.id],
		startTime: '09:00',
		endTime: '17:00'
	});
	await addDutyPattern({
		...monday,
		accountId: chloe.id,
		neighbourhoodIds: [hood.id],
		startTime: '10:00',
		endTime: '18:00'
	});
	await addDutyPattern({
		...monday,
		accountId: omar.id,
		neighbourhoodIds: [nextDoor.id],
		startTime: '08:00',
		endTime: '17:00'
	});
	return { hood, nextDoor, vera, wout, amina, bram, chloe, omar, zoe, yves };
}

export type Scenario = Awaited<ReturnType<typeof createScenario>>;

export function callInput(scenario: Scenario, changes: Partial<NewBackupCall> = {}): NewBackupCall {
	return {
		volunteerId: scenario.vera.id,
		deviceCallId: randomUUID(),
		neighbourhoodId: scenario.hood.id,
		lat: 50.8467123,
		lon: 4.3524987,
		urgency: 'come-now',
		helpKind: 'someone-to-come',
		note: 'Iemand is erg boos in de zaal, ik wil niet alleen zijn',
		...changes
	};
}

export async function sendCall(
	scenario: Scenario,
	wall: string,
	changes: Partial<NewBackupCall> = {}
) {
	return createBackupCall(callInput(scenario, changes), at(wall));
}

export async function eventsOf(
	callId: number,
	type?: (typeof backupCallEvents.$inferSelect)['type']
) {
	return db
		.select()
		.from(backupCallEvents)
		.where(
			and(eq(backupCallEvents.callId, callId), type ? eq(backupCallEvents.type, type) : undefined)
		)
		.orderBy(asc(backupCallEvents.id));
}

export async function readCall(callId: number) {
	const [row] = await db.select().from(backupCalls).where(eq(backupCalls.id, callId));
	return row;
}

/** The code and details of the BackupCallError a step throws. */
export async function refusal(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (thrown) {
		if (thrown instanceof BackupCallError) return { code: thrown.code, ...thrown.details };
		throw thrown;
	}
	throw new Error('expected a BackupCallError');
}
