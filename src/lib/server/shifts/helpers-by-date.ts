import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accounts, shiftSignups } from '$lib/server/db/schema';
import { earliestShiftDate, shiftKey } from './open-shifts';

/**
 * Who helps at each date, by display name, keyed by `shiftKey(gatheringId, date)`. Only for
 * neighbourhood workers and coordinators: volunteers see numbers, never each other's names.
 */
export async function listHelpersByDate(
	gatheringIds: number[],
	now: string
): Promise<Map<string, string[]>> {
	const helpers = new Map<string, string[]>();
	if (gatheringIds.length === 0) return helpers;
	const rows = await db
		.select({
			gatheringId: shiftSignups.gatheringId,
			date: shiftSignups.date,
			displayName: accounts.displayName
		})
		.from(shiftSignups)
		.innerJoin(accounts, eq(shiftSignups.accountId, accounts.id))
		.where(
			and(
				inArray(shiftSignups.gatheringId, gatheringIds),
				gte(shiftSignups.date, earliestShiftDate(now))
			)
		)
		.orderBy(asc(shiftSignups.createdAt), asc(shiftSignups.id));
	for (const row of rows) {
		const key = shiftKey(row.gatheringId, row.date);
		helpers.set(key, [...(helpers.get(key) ?? []), row.displayName]);
	}
	return helpers;
}
