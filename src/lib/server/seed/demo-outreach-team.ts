import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import { accounts, outreachTeam } from '$lib/server/db/schema';
import { currentTime } from '$lib/server/clock';
import { listOutreachItems } from '$lib/server/outreach/team';
import { nextOccurrences } from '$lib/server/schedule/recurrence';
import { dateToWallTime } from '$lib/server/schedule/time';

type Member =
	{ account: 'worker' | 'coordinator' | 'volunteer' } | { partner: string; phone: string };

/**
 * Who goes along on the next dates (not cancelled) of each item, by slug: the first list is
 * the first date, and so on. Dates left out are the gaps the planning shows.
 */
const PLAN: Record<string, Member[][]> = {
	'koffiebus-marollen': [
		[
			{ account: 'coordinator' },
			{ account: 'volunteer' },
			{ partner: 'Jonas (CAW Brussel)', phone: '+32 470 00 00 01' }
		],
		[{ account: 'volunteer' }, { partner: 'Jonas (CAW Brussel)', phone: '+32 470 00 00 01' }]
	],
	'koffiebus-kuregem': [
		[{ account: 'worker' }, { partner: 'Lotte (CAW Brussel)', phone: '+32 470 00 00 02' }]
	],
	'wandeling-langs-het-kanaal': [[{ account: 'coordinator' }]],
	// Sara is on backup duty everywhere on weekdays: the planning shows that conflict.
	'ochtendwandeling-dauwpark': [[{ account: 'worker' }]],
	'wandeling-verdwenen-zenne': [[{ account: 'volunteer' }, { account: 'worker' }]],
	'spreekuur-sara-lemmens': [[{ account: 'worker' }], [{ account: 'worker' }]]
};

/**
 * Gives the next dates of the demo coffee-bus rounds, walks and drop-in hours a team (the
 * demo accounts and someone from the CAW) and leaves other dates without one. The dates
 * follow the clock (KWARTIER_NOW in the end-to-end tests), so the demo always has a plan.
 * Added once: only when no date has a team yet and the demo accounts exist. Returns true
 * when it added the teams.
 */
export async function seedDemoOutreachTeamIfEmpty(db: Db): Promise<boolean> {
	const existing = await db.select({ id: outreachTeam.id }).from(outreachTeam).limit(1);
	if (existing.length > 0) return false;
	const demo = await db
		.select({ id: accounts.id, username: accounts.username })
		.from(accounts)
		.where(
			and(
				eq(accounts.isDemo, true),
				inArray(accounts.username, ['worker', 'coordinator', 'volunteer'])
			)
		);
	const accountId = new Map(demo.map((account) => [account.username, account.id]));
	if (!accountId.has('worker')) return false;

	const now = dateToWallTime(currentTime());
	const items = (await listOutreachItems()).filter((item) => item.slug in PLAN);
	const rows: (typeof outreachTeam.$inferInsert)[] = [];
	for (const item of items) {
		const dates = nextOccurrences(item.schedule, item.changes, now, 10)
			.filter((occurrence) => occurrence.status !== 'cancelled')
			.map((occurrence) => occurrence.originalDate);
		PLAN[item.slug].forEach((members, index) => {
			const date = dates[index];
			if (!date) return;
			for (const member of members) {
				const id = 'account' in member ? accountId.get(member.account) : null;
				if (id === undefined) continue;
				rows.push({
					...item.target,
					date,
					accountId: id,
					partnerName: 'partner' in member ? member.partner : null,
					partnerPhone: 'partner' in member ? member.phone : null,
					addedBy: accountId.get('worker') ?? null
				});
			}
		});
	}
	if (rows.length === 0) return false;
	await db.insert(outreachTeam).values(rows);
	return true;
}
