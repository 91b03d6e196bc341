import { and, inArray, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accountNeighbourhoods, accounts } from '$lib/server/db/schema';
import { listOnDuty } from '$lib/server/roster';

export type Colleague = { id: number; displayName: string };

/**
 * Who a call in each of these neighbourhoods could be handed over to: coordinators, workers
 * of that neighbourhood, and whoever is on duty for it now. The domain checks again.
 */
export async function listColleaguesByNeighbourhood(
	neighbourhoodIds: number[],
	now: Date
): Promise<Map<number, Colleague[]>> {
	const byNeighbourhood = new Map<number, Colleague[]>();
	const ids = [...new Set(neighbourhoodIds)];
	if (ids.length === 0) return byNeighbourhood;
	const team = await db
		.select({ id: accounts.id, displayName: accounts.displayName, role: accounts.role })
		.from(accounts)
		.where(and(inArray(accounts.role, ['worker', 'coordinator']), isNull(accounts.disabledAt)));
	const links = await db
		.select({
			accountId: accountNeighbourhoods.accountId,
			neighbourhoodId: accountNeighbourhoods.neighbourhoodId
		})
		.from(accountNeighbourhoods)
		.where(inArray(accountNeighbourhoods.neighbourhoodId, ids));
	for (const neighbourhoodId of ids) {
		const onDuty = new Set((await listOnDuty(neighbourhoodId, now)).map((person) => person.id));
		const linked = new Set(
			links.filter((link) => link.neighbourhoodId === neighbourhoodId).map((link) => link.accountId)
		);
		byNeighbourhood.set(
			neighbourhoodId,
			team
				.filter(
					(person) =>
						person.role === 'coordinator' || linked.has(person.id) || onDuty.has(person.id)
				)
				.map(({ id, displayName }) => ({ id, displayName }))
				.sort((a, b) => a.displayName.localeCompare(b.displayName))
		);
	}
	return byNeighbourhood;
}
