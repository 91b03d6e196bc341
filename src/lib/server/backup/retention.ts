import { and, gte, isNull, lt, lte, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { backupCalls } from '$lib/server/db/schema';
import { dateToWallTime } from '$lib/server/schedule/time';
import { recordEvents } from './call-events';

export const NOTE_RETENTION_DAYS = 30;

/**
 * Forgets what was written about the situation: the note and closing note of every call closed
 * more than `days` ago, and of any call still open after that long. The call, its times and
 * its events stay, so the counts do. Returns the ids of the calls purged now.
 */
export async function purgeOldNotes(now: Date, days = NOTE_RETENTION_DAYS): Promise<number[]> {
	const cutoff = new Date(now.getTime() - days * 24 * 60 * 60_000).toISOString();
	const purged = await db
		.update(backupCalls)
		.set({ note: null, closingNote: null, notePurgedAt: now.toISOString() })
		.where(
			and(
				isNull(backupCalls.notePurgedAt),
				or(
					lte(backupCalls.closedAt, cutoff),
					and(isNull(backupCalls.closedAt), lte(backupCalls.createdAt, cutoff))
				)
			)
		)
		.returning({ id: backupCalls.id });
	await recordEvents(
		purged.map(({ id }) => ({ callId: id, type: 'note-purged', at: now.toISOString() }))
	);
	return purged.map(({ id }) => id);
}

export type CallCount = {
	neighbourhoodId: number;
	/** `YYYY-MM`, the month in Brussels the call was made. */
	month: string;
	calls: number;
	acknowledged: number;
	/** Minutes from sending to the first acknowledgement; null when none was acknowledged. */
	medianMinutesToAcknowledge: number | null;
	p90MinutesToAcknowledge: number | null;
};

/** Linear between the two nearest values (as spreadsheets do); the median of 1,2,3,4 is 2.5. */
function percentile(sorted: number[], fraction: number): number | null {
	if (sorted.length === 0) return null;
	const position = (sorted.length - 1) * fraction;
	const below = Math.floor(position);
	const above = Math.min(below + 1, sorted.length - 1);
	const value = sorted[below] + (sorted[above] - sorted[below]) * (position - below);
	return Math.round(value * 10) / 10;
}

/**
 * How many backup calls each neighbourhood had per month, made from `from` up to (not
 * including) `to`, and how fast they were answered. Only totals: nothing per volunteer, worker
 * or anyone the calls were about.
 */
export async function countCalls({ from, to }: { from: Date; to: Date }): Promise<CallCount[]> {
	const rows = await db
		.select({
			neighbourhoodId: backupCalls.neighbourhoodId,
			createdAt: backupCalls.createdAt,
			acknowledgedAt: backupCalls.acknowledgedAt
		})
		.from(backupCalls)
		.where(
			and(
				gte(backupCalls.createdAt, from.toISOString()),
				lt(backupCalls.createdAt, to.toISOString())
			)
		);
	const groups = new Map<
		string,
		{ neighbourhoodId: number; month: string; calls: number; waits: number[] }
	>();
	for (const row of rows) {
		const month = dateToWallTime(new Date(row.createdAt)).slice(0, 7);
		const key = `${row.neighbourhoodId}:${month}`;
		const group = groups.get(key) ?? {
			neighbourhoodId: row.neighbourhoodId,
			month,
			calls: 0,
			waits: []
		};
		group.calls += 1;
		if (row.acknowledgedAt) {
			group.waits.push(
				(new Date(row.acknowledgedAt).getTime() - new Date(row.createdAt).getTime()) / 60_000
			);
		}
		groups.set(key, group);
	}
	return [...groups.values()]
		.sort((a, b) => a.neighbourhoodId - b.neighbourhoodId || a.month.localeCompare(b.month))
		.map(({ neighbourhoodId, month, calls, waits }) => {
			const sorted = waits.sort((a, b) => a - b);
			return {
				neighbourhoodId,
				month,
				calls,
				acknowledged: sorted.length,
				medianMinutesToAcknowledge: percentile(sorted, 0.5),
				p90MinutesToAcknowledge: percentile(sorted, 0.9)
			};
		});
}
