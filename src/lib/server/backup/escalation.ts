import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { backupCalls, neighbourhoods, type BackupCall } from '$lib/server/db/schema';
import { findNextDutyStart, listCoordinators, listOnDuty } from '$lib/server/roster';
import { listRecipients, recordEvents, type BackupRecipient } from './call-events';

export type EscalationKind =
	/** Nobody was on duty when the call was made; now someone is, and it goes to them. */
	| 'first-notice'
	/** Level 0 → 1: nobody answered, so the next worker on duty not yet reached gets it. */
	| 'next-worker'
	/** → level 2: the coordinators get it. */
	| 'coordinators'
	/** At level 2: a worker who came on duty since gets it too. */
	| 'came-on-duty'
	/** Nobody new to send it to; it is checked again at `escalateAt`. */
	| 'still-waiting';

export type EscalationStep = {
	callId: number;
	neighbourhoodId: number;
	volunteerId: number;
	kind: EscalationKind;
	fromLevel: number;
	toLevel: number;
	/** Whom to notify (Web Push, live stream); empty when there is nobody new. */
	targets: BackupRecipient[];
	/** The next check, ISO instant. */
	escalateAt: string;
};

type Plan = Pick<EscalationStep, 'kind' | 'toLevel' | 'targets'> & { next: Date };

const BATCH = 200;

function minutesLater(now: Date, minutes: number): Date {
	return new Date(now.getTime() + Math.max(1, minutes) * 60_000);
}

function asRecipient({ id, displayName, role, phone }: BackupRecipient): BackupRecipient {
	return { id, displayName, role, phone };
}

async function planStep(call: BackupCall, minutes: number, now: Date): Promise<Plan> {
	const reached = await listRecipients(call.id);
	const skip = new Set([call.volunteerId, ...reached.map((person) => person.id)]);
	const fresh = (await listOnDuty(call.neighbourhoodId, now)).filter(
		(worker) => !skip.has(worker.id)
	);
	const nextCheck = minutesLater(now, minutes);
	const waitFor = async (level: number): Promise<Plan> => ({
		kind: 'still-waiting',
		toLevel: level,
		targets: [],
		// Check again when the next person's duty starts, or after the usual minutes.
		next: (await findNextDutyStart(call.neighbourhoodId, now, nextCheck, [...skip])) ?? nextCheck
	});
	const toCoordinators = async (): Promise<Plan> => ({
		kind: 'coordinators',
		toLevel: 2,
		targets: (await listCoordinators()).filter((person) => !skip.has(person.id)),
		next: nextCheck
	});

	if (call.escalationLevel === 0 && reached.length === 0) {
		if (fresh.length === 0) return waitFor(0);
		return { kind: 'first-notice', toLevel: 0, targets: fresh, next: nextCheck };
	}
	if (call.escalationLevel === 0) {
		if (fresh.length === 0) return toCoordinators();
		return { kind: 'next-worker', toLevel: 1, targets: [fresh[0]], next: nextCheck };
	}
	if (call.escalationLevel === 1) return toCoordinators();
	if (fresh.length === 0) return waitFor(2);
	return { kind: 'came-on-duty', toLevel: 2, targets: fresh, next: nextCheck };
}

/**
 * Moves every open call whose `escalateAt` has passed one step on, from what the database
 * holds alone, so it carries on after a restart and needs no timers in memory:
 *
 * - level 0, nobody reached yet (nobody was on duty): the workers now on duty get it; else
 *   it waits, checked again when the next duty starts;
 * - level 0 → 1: the next worker on duty who has not had it yet; if there is none, straight
 *   on to the coordinators;
 * - 1 → 2: every coordinator not reached yet;
 * - level 2 stays open and is checked every few minutes: a worker who comes on duty later
 *   gets it as well, until someone acknowledges it. Coordinators are not reminded again.
 *
 * Each step claims the call with a conditional update on the `escalateAt` it read, so when two
 * processes run this at once only one of them takes each step. Returns the steps taken, so
 * the caller can send the notifications.
 */
export async function escalateDueCalls(now: Date): Promise<EscalationStep[]> {
	const due = await db
		.select()
		.from(backupCalls)
		.where(
			and(
				eq(backupCalls.status, 'open'),
				isNotNull(backupCalls.escalateAt),
				lte(backupCalls.escalateAt, now.toISOString())
			)
		)
		.orderBy(asc(backupCalls.escalateAt), asc(backupCalls.id))
		.limit(BATCH);
	if (due.length === 0) return [];

	const minutesFor = new Map(
		(
			await db
				.select({ id: neighbourhoods.id, minutes: neighbourhoods.escalationMinutes })
				.from(neighbourhoods)
				.where(inArray(neighbourhoods.id, [...new Set(due.map((call) => call.neighbourhoodId))]))
		).map((row) => [row.id, row.minutes])
	);

	const steps: EscalationStep[] = [];
	for (const call of due) {
		const plan = await planStep(call, minutesFor.get(call.neighbourhoodId) ?? 5, now);
		const escalateAt = plan.next.toISOString();
		const [claimed] = await db
			.update(backupCalls)
			.set({ escalationLevel: plan.toLevel, escalateAt })
			.where(
				and(
					eq(backupCalls.id, call.id),
					eq(backupCalls.status, 'open'),
					eq(backupCalls.escalationLevel, call.escalationLevel),
					eq(backupCalls.escalateAt, call.escalateAt!)
				)
			)
			.returning({ id: backupCalls.id });
		// Acknowledged, cancelled or taken by another run in the meantime.
		if (!claimed) continue;

		const type =
			plan.kind === 'next-worker' || plan.kind === 'coordinators' ? 'escalated' : 'notified';
		await recordEvents(
			plan.targets.map((person) => ({
				callId: call.id,
				type,
				targetId: person.id,
				at: now.toISOString()
			}))
		);
		steps.push({
			callId: call.id,
			neighbourhoodId: call.neighbourhoodId,
			volunteerId: call.volunteerId,
			kind: plan.kind,
			fromLevel: call.escalationLevel,
			toLevel: plan.toLevel,
			targets: plan.targets.map(asRecipient),
			escalateAt
		});
	}
	return steps;
}
