import { and, eq, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	accounts,
	backupCallEvents,
	backupCalls,
	HELP_KINDS,
	neighbourhoods,
	places,
	URGENCIES,
	type BackupCall,
	type BackupCallEvent,
	type BackupStatus
} from '$lib/server/db/schema';
import {
	findNextDutyStart,
	listCoordinators,
	listOnDuty,
	type DutyPerson
} from '$lib/server/roster';
import { requireMayActOn } from './access';
import { BackupCallError } from './backup-error';
import {
	listRecipients,
	recordEvents,
	type BackupEventType,
	type BackupRecipient
} from './call-events';

export type Urgency = (typeof URGENCIES)[number];
export type HelpKind = (typeof HELP_KINDS)[number];

export const NOTE_MAX_LENGTH = 500;

export type NewBackupCall = {
	volunteerId: number;
	/** Made on the volunteer's device (a UUID), so a repeated send stores the call once. */
	deviceCallId: string;
	neighbourhoodId: number;
	/** Where: a meeting place, or "here" as a point that is rounded to about 100 m. */
	placeId?: number | null;
	lat?: number | null;
	lon?: number | null;
	urgency: Urgency;
	helpKind: HelpKind;
	note?: string | null;
};

export type SentBackupCall = {
	call: BackupCall;
	/** False when this device call id was already stored: a repeated send. */
	created: boolean;
	/** The workers on duty it went to. */
	notified: BackupRecipient[];
	/** Nobody is on duty: tell the volunteer at once. The call waits for the next worker on duty. */
	nobodyOnDuty: boolean;
	/** When nobody is on duty: coordinators with a phone number, to call instead. */
	callInstead: DutyPerson[];
};

export type CallChange = { call: BackupCall; events: BackupCallEvent[] };

const DEVICE_CALL_ID = /^[A-Za-z0-9_-]{16,64}$/;
const FIRST_EVENTS_ATTEMPTS = 20;
const FIRST_EVENTS_PAUSE_MS = 25;

function invalid(field: string): never {
	throw new BackupCallError('invalid-input', { field });
}

function minutesLater(now: Date, minutes: number): Date {
	return new Date(now.getTime() + minutes * 60_000);
}

/** Three decimals of a degree is about 100 m: enough to find someone, not a front door. */
function roughly(degrees: number): number {
	return Math.round(degrees * 1000) / 1000;
}

function checkText(value: string | null | undefined, field: string): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string') invalid(field);
	const trimmed = value.trim();
	if ([...trimmed].length > NOTE_MAX_LENGTH) invalid(field);
	return trimmed.length > 0 ? trimmed : null;
}

async function findByDeviceCallId(deviceCallId: string) {
	const [row] = await db
		.select()
		.from(backupCalls)
		.where(eq(backupCalls.deviceCallId, deviceCallId));
	return row;
}

async function hasFirstEvents(callId: number): Promise<boolean> {
	const [created] = await db
		.select({ id: backupCallEvents.id })
		.from(backupCallEvents)
		.where(and(eq(backupCallEvents.callId, callId), eq(backupCallEvents.type, 'created')))
		.limit(1);
	return created !== undefined;
}

async function answerRepeatedSend(call: BackupCall, volunteerId: number): Promise<SentBackupCall> {
	if (call.volunteerId !== volunteerId) throw new BackupCallError('device-call-id-taken');
	// A send that arrives while the first one is still writing its events waits for them, so
	// both answers say the same. If they never come (that process stopped), escalation sends
	// the call on at its escalateAt.
	for (let attempt = 0; attempt < FIRST_EVENTS_ATTEMPTS; attempt += 1) {
		if (await hasFirstEvents(call.id)) break;
		await new Promise((resolve) => setTimeout(resolve, FIRST_EVENTS_PAUSE_MS));
	}
	const notified = await listRecipients(call.id);
	const nobodyOnDuty = notified.length === 0;
	return {
		call,
		created: false,
		notified,
		nobodyOnDuty,
		callInstead: nobodyOnDuty ? await listReachableCoordinators() : []
	};
}

async function listReachableCoordinators() {
	return (await listCoordinators()).filter((person) => person.phone);
}

async function checkWhere(input: NewBackupCall) {
	const [neighbourhood] = Number.isInteger(input.neighbourhoodId)
		? await db.select().from(neighbourhoods).where(eq(neighbourhoods.id, input.neighbourhoodId))
		: [];
	if (!neighbourhood) invalid('neighbourhoodId');

	if (input.placeId !== null && input.placeId !== undefined) {
		const [place] = Number.isInteger(input.placeId)
			? await db
					.select({ neighbourhoodId: places.neighbourhoodId, archivedAt: places.archivedAt })
					.from(places)
					.where(eq(places.id, input.placeId))
			: [];
		if (!place || place.archivedAt || place.neighbourhoodId !== neighbourhood.id)
			invalid('placeId');
		// A known place says enough; the device's position is not kept as well.
		return { neighbourhood, placeId: input.placeId, roughLat: null, roughLon: null };
	}
	const { lat, lon } = input;
	const hasLat = lat !== null && lat !== undefined;
	const hasLon = lon !== null && lon !== undefined;
	if (!hasLat && !hasLon) invalid('where');
	if (!hasLat || !Number.isFinite(lat) || lat < -90 || lat > 90) invalid('lat');
	if (!hasLon || !Number.isFinite(lon) || lon < -180 || lon > 180) invalid('lon');
	return { neighbourhood, placeId: null, roughLat: roughly(lat), roughLon: roughly(lon) };
}

/**
 * Stores a volunteer's backup call and sends it to every worker on duty for its neighbourhood.
 * The call and its first events are written before this resolves, so "sent" is only shown for
 * a call that is kept. Sending the same device call id again returns the stored call.
 *
 * When nobody is on duty the call is kept, open, and reaches the next worker who comes on duty
 * (see escalation.ts). Coordinators are not woken at once: Kwartier does not promise cover
 * that nobody is rostered for; the volunteer gets their numbers to call instead.
 */
export async function createBackupCall(input: NewBackupCall, now: Date): Promise<SentBackupCall> {
	if (!Number.isInteger(input.volunteerId)) invalid('volunteerId');
	if (typeof input.deviceCallId !== 'string' || !DEVICE_CALL_ID.test(input.deviceCallId)) {
		invalid('deviceCallId');
	}
	const stored = await findByDeviceCallId(input.deviceCallId);
	if (stored) return answerRepeatedSend(stored, input.volunteerId);

	const [volunteer] = await db
		.select({ id: accounts.id, disabledAt: accounts.disabledAt })
		.from(accounts)
		.where(eq(accounts.id, input.volunteerId));
	if (!volunteer || volunteer.disabledAt) throw new BackupCallError('not-allowed');
	if (!(URGENCIES as readonly string[]).includes(input.urgency)) invalid('urgency');
	if (!(HELP_KINDS as readonly string[]).includes(input.helpKind)) invalid('helpKind');
	const note = checkText(input.note, 'note');
	const { neighbourhood, ...where } = await checkWhere(input);

	// Someone on the team may ask colleagues for backup too; it does not go back to them.
	const onDuty = (await listOnDuty(neighbourhood.id, now)).filter(
		(worker) => worker.id !== input.volunteerId
	);
	const nextCheck = minutesLater(now, neighbourhood.escalationMinutes);
	const escalateAt =
		onDuty.length > 0
			? nextCheck
			: ((await findNextDutyStart(neighbourhood.id, now, nextCheck, [input.volunteerId])) ??
				nextCheck);

	const [call] = await db
		.insert(backupCalls)
		.values({
			deviceCallId: input.deviceCallId,
			volunteerId: input.volunteerId,
			neighbourhoodId: neighbourhood.id,
			...where,
			urgency: input.urgency,
			helpKind: input.helpKind,
			note,
			status: 'open',
			escalationLevel: 0,
			escalateAt: escalateAt.toISOString(),
			createdAt: now.toISOString()
		})
		.onConflictDoNothing({ target: backupCalls.deviceCallId })
		.returning();
	if (!call) {
		// The same send arrived twice at once and the other one stored it first.
		const winner = await findByDeviceCallId(input.deviceCallId);
		if (!winner) throw new BackupCallError('device-call-id-taken');
		return answerRepeatedSend(winner, input.volunteerId);
	}

	const at = now.toISOString();
	await recordEvents([
		{ callId: call.id, type: 'created', actorId: input.volunteerId, at },
		...onDuty.map((worker) => ({
			callId: call.id,
			type: 'notified' as const,
			targetId: worker.id,
			at
		}))
	]);
	const nobodyOnDuty = onDuty.length === 0;
	return {
		call,
		created: true,
		notified: onDuty.map(({ id, displayName, role, phone }) => ({ id, displayName, role, phone })),
		nobodyOnDuty,
		callInstead: nobodyOnDuty ? await listReachableCoordinators() : []
	};
}

async function loadCall(callId: number): Promise<BackupCall> {
	const [call] = Number.isInteger(callId)
		? await db.select().from(backupCalls).where(eq(backupCalls.id, callId))
		: [];
	if (!call) throw new BackupCallError('not-found');
	return call;
}

function refuse(call: BackupCall): never {
	throw new BackupCallError('invalid-transition', { currentStatus: call.status });
}

/**
 * Changes the call only if nobody else changed its state or owner since it was read, so two
 * workers pressing "I'll take it" at once end with one owner and one refusal.
 */
async function changeCall(
	call: BackupCall,
	changes: Partial<typeof backupCalls.$inferInsert>,
	events: { type: BackupEventType; actorId: number; targetId?: number }[],
	now: Date
): Promise<CallChange> {
	const [updated] = await db
		.update(backupCalls)
		.set(changes)
		.where(
			and(
				eq(backupCalls.id, call.id),
				eq(backupCalls.status, call.status),
				call.ownerId === null ? isNull(backupCalls.ownerId) : eq(backupCalls.ownerId, call.ownerId)
			)
		)
		.returning();
	if (!updated) refuse(await loadCall(call.id));
	const at = now.toISOString();
	const recorded = await recordEvents(events.map((event) => ({ ...event, callId: call.id, at })));
	return { call: updated, events: recorded };
}

function taking(workerId: number, now: Date, status: BackupStatus) {
	return {
		status,
		ownerId: workerId,
		acknowledgedAt: now.toISOString(),
		escalateAt: null
	} satisfies Partial<typeof backupCalls.$inferInsert>;
}

function requireOwner(call: BackupCall, workerId: number) {
	if (call.ownerId !== workerId) throw new BackupCallError('not-owner');
}

/** "I saw it": the worker takes the call, and it stops escalating. */
export async function acknowledgeCall(
	callId: number,
	workerId: number,
	now: Date
): Promise<CallChange> {
	const call = await loadCall(callId);
	await requireMayActOn(call, workerId, now);
	if (call.status !== 'open') refuse(call);
	return changeCall(
		call,
		taking(workerId, now, 'acknowledged'),
		[{ type: 'acknowledged', actorId: workerId }],
		now
	);
}

/** "I'm on my way". From an open call this also takes it. */
export async function markOnTheWay(
	callId: number,
	workerId: number,
	now: Date
): Promise<CallChange> {
	const call = await loadCall(callId);
	await requireMayActOn(call, workerId, now);
	if (call.status === 'open') {
		return changeCall(
			call,
			taking(workerId, now, 'on-the-way'),
			[
				{ type: 'acknowledged', actorId: workerId },
				{ type: 'on-the-way', actorId: workerId }
			],
			now
		);
	}
	if (call.status !== 'acknowledged') refuse(call);
	requireOwner(call, workerId);
	return changeCall(
		call,
		{ status: 'on-the-way' },
		[{ type: 'on-the-way', actorId: workerId }],
		now
	);
}

/** "I'll call you". From an open call this also takes it; the call stays acknowledged. */
export async function markCalling(
	callId: number,
	workerId: number,
	now: Date
): Promise<CallChange> {
	const call = await loadCall(callId);
	await requireMayActOn(call, workerId, now);
	if (call.status === 'open') {
		return changeCall(
			call,
			taking(workerId, now, 'acknowledged'),
			[
				{ type: 'acknowledged', actorId: workerId },
				{ type: 'calling', actorId: workerId }
			],
			now
		);
	}
	if (call.status !== 'acknowledged') refuse(call);
	requireOwner(call, workerId);
	return changeCall(
		call,
		{ status: 'acknowledged' },
		[{ type: 'calling', actorId: workerId }],
		now
	);
}

/** Closes a call that someone has. Its owner does this, or a coordinator tidying up. */
export async function resolveCall(
	callId: number,
	workerId: number,
	closingNote: string | null | undefined,
	now: Date
): Promise<CallChange> {
	const call = await loadCall(callId);
	const member = await requireMayActOn(call, workerId, now);
	if (call.status !== 'acknowledged' && call.status !== 'on-the-way') refuse(call);
	if (member.role !== 'coordinator') requireOwner(call, workerId);
	return changeCall(
		call,
		{
			status: 'resolved',
			closingNote: checkText(closingNote, 'closingNote'),
			closedAt: now.toISOString(),
			escalateAt: null
		},
		[{ type: 'resolved', actorId: workerId }],
		now
	);
}

/** Only the volunteer who made the call can cancel it, and only until it is resolved. */
export async function cancelCall(
	callId: number,
	volunteerId: number,
	now: Date
): Promise<CallChange> {
	const call = await loadCall(callId);
	if (call.volunteerId !== volunteerId) throw new BackupCallError('not-allowed');
	if (call.status === 'resolved' || call.status === 'cancelled') refuse(call);
	return changeCall(
		call,
		{ status: 'cancelled', closedAt: now.toISOString(), escalateAt: null },
		[{ type: 'cancelled', actorId: volunteerId }],
		now
	);
}

/**
 * Gives a call someone has to another worker, who has it from then on (as acknowledged: the
 * new owner is not on the way yet). Its owner does this, or a coordinator.
 */
export async function handOverCall(
	callId: number,
	fromWorkerId: number,
	toWorkerId: number,
	now: Date
): Promise<CallChange> {
	const call = await loadCall(callId);
	const member = await requireMayActOn(call, fromWorkerId, now);
	if (call.status !== 'acknowledged' && call.status !== 'on-the-way') refuse(call);
	if (member.role !== 'coordinator') requireOwner(call, fromWorkerId);
	if (toWorkerId === call.ownerId) invalid('toWorkerId');
	try {
		await requireMayActOn(call, toWorkerId, now);
	} catch (thrown) {
		if (thrown instanceof BackupCallError) invalid('toWorkerId');
		throw thrown;
	}
	return changeCall(
		call,
		{ status: 'acknowledged', ownerId: toWorkerId },
		[{ type: 'handed-over', actorId: fromWorkerId, targetId: toWorkerId }],
		now
	);
}
