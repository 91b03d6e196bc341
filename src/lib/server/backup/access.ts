import { and, eq, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	accountNeighbourhoods,
	accounts,
	backupCallEvents,
	type BackupCall
} from '$lib/server/db/schema';
import { listOnDuty } from '$lib/server/roster';
import { BackupCallError } from './backup-error';

export type TeamMember = { id: number; displayName: string; role: 'worker' | 'coordinator' };

/** A worker or coordinator whose account is not disabled; undefined for anyone else. */
export async function findTeamMember(accountId: number): Promise<TeamMember | undefined> {
	const [row] = await db
		.select({
			id: accounts.id,
			displayName: accounts.displayName,
			role: accounts.role,
			disabledAt: accounts.disabledAt
		})
		.from(accounts)
		.where(eq(accounts.id, accountId));
	if (!row || row.disabledAt || row.role === 'volunteer') return undefined;
	return { id: row.id, displayName: row.displayName, role: row.role };
}

/**
 * Who may act on a call: any coordinator, and a worker who works in the call's neighbourhood,
 * is on duty for it now, has it, or was sent it (an escalation may reach someone from
 * elsewhere). Anyone else gets `not-allowed`.
 */
export async function mayActOn(call: BackupCall, accountId: number, now: Date) {
	const member = await findTeamMember(accountId);
	if (!member) return undefined;
	if (member.role === 'coordinator' || call.ownerId === accountId) return member;
	const [inNeighbourhood] = await db
		.select({ accountId: accountNeighbourhoods.accountId })
		.from(accountNeighbourhoods)
		.where(
			and(
				eq(accountNeighbourhoods.accountId, accountId),
				eq(accountNeighbourhoods.neighbourhoodId, call.neighbourhoodId)
			)
		)
		.limit(1);
	if (inNeighbourhood) return member;
	const [reached] = await db
		.select({ id: backupCallEvents.id })
		.from(backupCallEvents)
		.where(
			and(
				eq(backupCallEvents.callId, call.id),
				or(eq(backupCallEvents.targetId, accountId), eq(backupCallEvents.actorId, accountId))
			)
		)
		.limit(1);
	if (reached) return member;
	const onDuty = await listOnDuty(call.neighbourhoodId, now);
	return onDuty.some((worker) => worker.id === accountId) ? member : undefined;
}

export async function requireMayActOn(
	call: BackupCall,
	accountId: number,
	now: Date
): Promise<TeamMember> {
	const member = await mayActOn(call, accountId, now);
	if (!member) throw new BackupCallError('not-allowed');
	return member;
}
