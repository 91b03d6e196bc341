import { and, asc, eq, gt, gte, inArray, ne, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '$lib/server/db';
import {
	accounts,
	backupCallEvents,
	backupCalls,
	places,
	type BackupCall,
	type BackupStatus
} from '$lib/server/db/schema';
import type { Localized } from '$lib/i18n';
import { listDutyNeighbourhoods } from '$lib/server/roster';
import { findTeamMember, mayActOn } from './access';
import type { BackupEventType } from './call-events';
import type { HelpKind, Urgency } from './calls';

export type Person = { id: number; displayName: string };

export type TimelineEntry = {
	id: number;
	type: BackupEventType;
	/** ISO instant. */
	at: string;
	/** Who did it; null when Kwartier did (sending on, escalating, purging the note). */
	actor: Person | null;
	/** Whom it went to (notified, escalated, handed over). */
	target: Person | null;
};

type CallBasics = {
	id: number;
	status: BackupStatus;
	urgency: Urgency;
	helpKind: HelpKind;
	note: string | null;
	neighbourhoodId: number;
	placeId: number | null;
	placeName: Localized | null;
	roughLat: number | null;
	roughLon: number | null;
	createdAt: string;
	acknowledgedAt: string | null;
	closedAt: string | null;
	notePurged: boolean;
};

export type VolunteerCallView = CallBasics & {
	/** The worker who has the call now; their phone, so the volunteer can call them. */
	owner: (Person & { phone: string | null }) | null;
	/** How many people it was sent to so far ("sent to 2 workers on duty"). */
	sentTo: number;
	timeline: TimelineEntry[];
};

export type WorkerCallView = CallBasics & {
	closingNote: string | null;
	escalationLevel: number;
	owner: Person | null;
	volunteer: Person & { phone: string | null };
	timeline: TimelineEntry[];
};

export type InboxItem = CallBasics & {
	escalationLevel: number;
	owner: Person | null;
	/** The volunteer who asked, with their phone for "call me". */
	volunteer: Person & { phone: string | null };
	/** This worker has the call. */
	mine: boolean;
};

const owner = alias(accounts, 'owner');
const volunteer = alias(accounts, 'volunteer');
const actor = alias(accounts, 'actor');
const target = alias(accounts, 'target');

function person(id: number | null, displayName: string | null): Person | null {
	return id === null || displayName === null ? null : { id, displayName };
}

function basics(call: BackupCall, placeName: Localized | null): CallBasics {
	return {
		id: call.id,
		status: call.status,
		urgency: call.urgency,
		helpKind: call.helpKind,
		note: call.note,
		neighbourhoodId: call.neighbourhoodId,
		placeId: call.placeId,
		placeName,
		roughLat: call.roughLat,
		roughLon: call.roughLon,
		createdAt: call.createdAt,
		acknowledgedAt: call.acknowledgedAt,
		closedAt: call.closedAt,
		notePurged: call.notePurgedAt !== null
	};
}

async function findCallRow(callId: number) {
	if (!Number.isInteger(callId)) return undefined;
	const [row] = await db
		.select({
			call: backupCalls,
			placeName: places.name,
			ownerName: owner.displayName,
			ownerPhone: owner.phone,
			volunteerName: volunteer.displayName,
			volunteerPhone: volunteer.phone
		})
		.from(backupCalls)
		.leftJoin(places, eq(places.id, backupCalls.placeId))
		.leftJoin(owner, eq(owner.id, backupCalls.ownerId))
		.innerJoin(volunteer, eq(volunteer.id, backupCalls.volunteerId))
		.where(eq(backupCalls.id, callId));
	return row;
}

/** What happened to a call, oldest first, with the names of who did it and whom it reached. */
export async function listTimeline(callId: number): Promise<TimelineEntry[]> {
	const rows = await db
		.select({
			id: backupCallEvents.id,
			type: backupCallEvents.type,
			at: backupCallEvents.at,
			actorId: backupCallEvents.actorId,
			actorName: actor.displayName,
			targetId: backupCallEvents.targetId,
			targetName: target.displayName
		})
		.from(backupCallEvents)
		.leftJoin(actor, eq(actor.id, backupCallEvents.actorId))
		.leftJoin(target, eq(target.id, backupCallEvents.targetId))
		.where(eq(backupCallEvents.callId, callId))
		.orderBy(asc(backupCallEvents.id));
	return rows.map((row) => ({
		id: row.id,
		type: row.type,
		at: row.at,
		actor: person(row.actorId, row.actorName),
		target: person(row.targetId, row.targetName)
	}));
}

/**
 * A call as the volunteer who made it sees it: "sent to 2 workers on duty", "Amina saw it at
 * 10:42", "Amina is on the way", "resolved". Null for someone else's call.
 */
export async function findCallForVolunteer(
	callId: number,
	volunteerId: number
): Promise<VolunteerCallView | null> {
	const row = await findCallRow(callId);
	if (!row || row.call.volunteerId !== volunteerId) return null;
	const timeline = await listTimeline(callId);
	const reached = timeline
		.filter((entry) => entry.type === 'notified' || entry.type === 'escalated')
		.map((entry) => entry.target?.id);
	const ownerPerson = person(row.call.ownerId, row.ownerName);
	return {
		...basics(row.call, row.placeName),
		owner: ownerPerson && { ...ownerPerson, phone: row.ownerPhone },
		sentTo: new Set(reached).size,
		timeline
	};
}

/** A call as a worker who may act on it sees it; null when they may not. */
export async function findCallForWorker(
	callId: number,
	workerId: number,
	now: Date
): Promise<WorkerCallView | null> {
	const row = await findCallRow(callId);
	if (!row || !(await mayActOn(row.call, workerId, now))) return null;
	return {
		...basics(row.call, row.placeName),
		closingNote: row.call.closingNote,
		escalationLevel: row.call.escalationLevel,
		owner: person(row.call.ownerId, row.ownerName),
		volunteer: {
			id: row.call.volunteerId,
			displayName: row.volunteerName,
			phone: row.volunteerPhone
		},
		timeline: await listTimeline(callId)
	};
}

const URGENCY_ORDER: Record<Urgency, number> = { 'come-now': 0, 'call-me': 1, 'later-today': 2 };
const STATUS_ORDER: Record<BackupStatus, number> = {
	open: 0,
	acknowledged: 1,
	'on-the-way': 1,
	resolved: 2,
	cancelled: 2
};

/**
 * The calls a worker should see: those sent to them or that they have, and open calls in a
 * neighbourhood they are on duty for now. Open ones first (most urgent, then longest waiting),
 * then the ones someone has (newest first), then those closed in the last `recentHours`.
 */
export async function listInboxForWorker(
	workerId: number,
	now: Date,
	{ recentHours = 48 }: { recentHours?: number } = {}
): Promise<InboxItem[]> {
	const member = await findTeamMember(workerId);
	if (!member) return [];
	const dutyNeighbourhoods = await listDutyNeighbourhoods(workerId, now);
	const since = new Date(now.getTime() - recentHours * 60 * 60_000).toISOString();
	const sentToWorker = db
		.select({ callId: backupCallEvents.callId })
		.from(backupCallEvents)
		.where(eq(backupCallEvents.targetId, workerId));

	const rows = await db
		.select({
			call: backupCalls,
			placeName: places.name,
			ownerName: owner.displayName,
			volunteerName: volunteer.displayName,
			volunteerPhone: volunteer.phone
		})
		.from(backupCalls)
		.leftJoin(places, eq(places.id, backupCalls.placeId))
		.leftJoin(owner, eq(owner.id, backupCalls.ownerId))
		.innerJoin(volunteer, eq(volunteer.id, backupCalls.volunteerId))
		.where(
			and(
				or(
					inArray(backupCalls.id, sentToWorker),
					eq(backupCalls.ownerId, workerId),
					dutyNeighbourhoods.length > 0
						? and(
								eq(backupCalls.status, 'open'),
								inArray(backupCalls.neighbourhoodId, dutyNeighbourhoods)
							)
						: undefined
				),
				or(
					notInArray(backupCalls.status, ['resolved', 'cancelled']),
					gte(backupCalls.closedAt, since)
				),
				// A worker's own request for backup is not in their inbox.
				ne(backupCalls.volunteerId, workerId)
			)
		);

	return rows
		.map((row) => ({
			...basics(row.call, row.placeName),
			escalationLevel: row.call.escalationLevel,
			owner: person(row.call.ownerId, row.ownerName),
			volunteer: {
				id: row.call.volunteerId,
				displayName: row.volunteerName,
				phone: row.volunteerPhone
			},
			mine: row.call.ownerId === workerId
		}))
		.sort((a, b) => {
			const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
			if (byStatus !== 0) return byStatus;
			if (a.status === 'open') {
				return (
					URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
					a.createdAt.localeCompare(b.createdAt) ||
					a.id - b.id
				);
			}
			if (STATUS_ORDER[a.status] === 1) {
				return b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
			}
			return (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.id - a.id;
		});
}

export type FeedEvent = {
	id: number;
	callId: number;
	type: BackupEventType;
	at: string;
	actorId: number | null;
	targetId: number | null;
	/** The call as it is now (not as it was at this event), to decide who should hear of it. */
	volunteerId: number;
	neighbourhoodId: number;
	ownerId: number | null;
	status: BackupStatus;
};

/**
 * Events after `lastEventId`, oldest first: what a live stream polls. Streams read this from
 * the database rather than from process memory, so every app server sees every event.
 */
export async function listEventsAfter(lastEventId: number, limit = 100): Promise<FeedEvent[]> {
	const size = Math.min(Math.max(1, Math.floor(limit) || 1), 500);
	return db
		.select({
			id: backupCallEvents.id,
			callId: backupCallEvents.callId,
			type: backupCallEvents.type,
			at: backupCallEvents.at,
			actorId: backupCallEvents.actorId,
			targetId: backupCallEvents.targetId,
			volunteerId: backupCalls.volunteerId,
			neighbourhoodId: backupCalls.neighbourhoodId,
			ownerId: backupCalls.ownerId,
			status: backupCalls.status
		})
		.from(backupCallEvents)
		.innerJoin(backupCalls, eq(backupCalls.id, backupCallEvents.callId))
		.where(gt(backupCallEvents.id, Math.max(0, Math.floor(lastEventId) || 0)))
		.orderBy(asc(backupCallEvents.id))
		.limit(size);
}

/** The newest event id, for a stream that only wants what happens from now on. */
export async function findLatestEventId(): Promise<number> {
	const [row] = await db
		.select({ id: sql<number | null>`max(${backupCallEvents.id})` })
		.from(backupCallEvents);
	return row?.id ?? 0;
}
