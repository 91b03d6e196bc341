import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import { accounts, dutyPatterns, dutyShifts, neighbourhoods } from '$lib/server/db/schema';

const VALID_FROM = '2026-01-01';
const WEEKDAYS = [1, 2, 3, 4, 5];
/** Where Noor covers the evenings: the two neighbourhoods with evening gatherings. */
const EVENING_NEIGHBOURHOODS = ['anneessens', 'marollen'];
/** Weekday evenings with Noor on duty after Sara goes home: Tuesday and Thursday. */
const EVENINGS = [2, 4];

/**
 * A believable duty roster for the demo, with gaps left in on purpose: Sara (the demo worker)
 * is on duty on weekdays from 09:00 to 17:00 everywhere, Noor (the coordinator) on Tuesday and
 * Thursday evenings in two neighbourhoods. Nobody covers the weekends or the other evenings,
 * and on Thursday 26 November 2026 Sara has a team meeting at lunchtime that Noor covers in
 * only two neighbourhoods. Added once, only when the demo accounts exist and there is no
 * roster yet. Returns true when it added it.
 */
export async function seedDemoRosterIfEmpty(db: Db): Promise<boolean> {
	const hasPattern = await db.select({ id: dutyPatterns.id }).from(dutyPatterns).limit(1);
	const hasShift = await db.select({ id: dutyShifts.id }).from(dutyShifts).limit(1);
	if (hasPattern.length > 0 || hasShift.length > 0) return false;

	const demo = await db
		.select({ id: accounts.id, username: accounts.username })
		.from(accounts)
		.where(and(eq(accounts.isDemo, true), inArray(accounts.username, ['worker', 'coordinator'])));
	const worker = demo.find((account) => account.username === 'worker');
	const coordinator = demo.find((account) => account.username === 'coordinator');
	if (!worker) return false;

	const hoods = await db
		.select({ id: neighbourhoods.id, slug: neighbourhoods.slug })
		.from(neighbourhoods);
	const allIds = hoods.map((hood) => hood.id).sort((a, b) => a - b);
	if (allIds.length === 0) return false;
	const eveningIds = hoods
		.filter((hood) => EVENING_NEIGHBOURHOODS.includes(hood.slug))
		.map((hood) => hood.id)
		.sort((a, b) => a - b);

	await db.insert(dutyPatterns).values(
		WEEKDAYS.map((weekday) => ({
			accountId: worker.id,
			neighbourhoodIds: allIds,
			weekday,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: VALID_FROM
		}))
	);
	if (coordinator && eveningIds.length > 0) {
		await db.insert(dutyPatterns).values(
			EVENINGS.map((weekday) => ({
				accountId: coordinator.id,
				neighbourhoodIds: eveningIds,
				weekday,
				startTime: '17:00',
				endTime: '21:00',
				validFrom: VALID_FROM
			}))
		);
		await db.insert(dutyShifts).values([
			{
				accountId: worker.id,
				neighbourhoodIds: [],
				startsAt: '2026-11-26T12:00',
				endsAt: '2026-11-26T14:00',
				kind: 'off',
				createdBy: worker.id
			},
			{
				accountId: coordinator.id,
				neighbourhoodIds: eveningIds,
				startsAt: '2026-11-26T12:00',
				endsAt: '2026-11-26T14:00',
				kind: 'extra',
				createdBy: coordinator.id
			}
		]);
	}
	return true;
}
