import { and, eq, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { shiftSignups } from '$lib/server/db/schema';
import type { Localized } from '$lib/i18n';
import { checkShiftDate, type ShiftScope } from './shift-dates';

export type ShiftRequest = {
	accountId: number;
	gatheringId: number;
	/** The occurrence's original date, `YYYY-MM-DD`. */
	date: string;
	/** Brussels wall time, `YYYY-MM-DDTHH:mm`. */
	now: string;
};

export type ShiftRefusal = 'unknown-gathering' | 'not-a-date' | 'full';

/** What a helper needs to hear back: which activity, and when (Brussels wall time). */
export type ShiftTaken = { title: Localized; start: string };

export type TakeResult =
	({ ok: true; outcome: 'taken' | 'already' } & ShiftTaken) | { ok: false; reason: ShiftRefusal };

export type DropResult =
	{ ok: true; outcome: 'dropped' | 'not-signed-up' } | { ok: false; reason: ShiftRefusal };

async function isSignedUp({ accountId, gatheringId, date }: ShiftRequest) {
	const [row] = await db
		.select({ id: shiftSignups.id })
		.from(shiftSignups)
		.where(
			and(
				eq(shiftSignups.gatheringId, gatheringId),
				eq(shiftSignups.date, date),
				eq(shiftSignups.accountId, accountId)
			)
		)
		.limit(1);
	return row !== undefined;
}

/**
 * Signs the account up for one date. Taking a shift twice keeps one sign-up; a full date
 * is refused. The count and the insert are one statement, so two people cannot both take
 * the last place.
 */
export async function takeShift(
	request: ShiftRequest & { scope: ShiftScope }
): Promise<TakeResult> {
	const { accountId, gatheringId, date, now, scope } = request;
	const check = await checkShiftDate(scope, gatheringId, date, now);
	if (!check.ok) return check;
	const needed = check.row.gathering.helpersNeeded ?? 0;
	const result = await db.run(sql`
		insert or ignore into shift_signups (gathering_id, date, account_id)
		select ${gatheringId}, ${date}, ${accountId}
		where (
			select count(*) from shift_signups where gathering_id = ${gatheringId} and date = ${date}
		) < ${needed}`);
	const taken = { title: check.row.gathering.title, start: check.occurrence.start };
	if (result.changes > 0) return { ok: true, outcome: 'taken', ...taken };
	return (await isSignedUp(request))
		? { ok: true, outcome: 'already', ...taken }
		: { ok: false, reason: 'full' };
}

/** Takes the account off one date. Dropping a shift one does not have changes nothing. */
export async function dropShift(request: ShiftRequest): Promise<DropResult> {
	const { accountId, gatheringId, date, now } = request;
	const check = await checkShiftDate({ kind: 'all' }, gatheringId, date, now, {
		forDropping: true
	});
	if (!check.ok) return check;
	const deleted = await db
		.delete(shiftSignups)
		.where(
			and(
				eq(shiftSignups.gatheringId, gatheringId),
				eq(shiftSignups.date, date),
				eq(shiftSignups.accountId, accountId)
			)
		)
		.returning({ id: shiftSignups.id });
	return { ok: true, outcome: deleted.length > 0 ? 'dropped' : 'not-signed-up' };
}
