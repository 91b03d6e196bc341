import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import {
	accountNeighbourhoods,
	accounts,
	neighbourhoods,
	places,
	type Role
} from '$lib/server/db/schema';
import { hashPassword } from '$lib/server/auth/password';

/** Every demo account has this password; README.md says so. Never use demo data for real. */
export const DEMO_PASSWORD = 'kwartier-demo';

type DemoAccount = {
	username: string;
	displayName: string;
	role: Role;
	languages: string[];
	/** A made-up number, so the demo shows the call buttons and the route sheet's phone list. */
	phone: string;
	/** Slugs of demo neighbourhoods; null means all of them. */
	neighbourhoods: string[] | null;
};

export const demoAccounts: DemoAccount[] = [
	{
		username: 'coordinator',
		displayName: 'Noor',
		phone: '+32 470 00 00 11',
		role: 'coordinator',
		languages: ['nl', 'fr', 'en'],
		neighbourhoods: null
	},
	{
		username: 'worker',
		displayName: 'Sara',
		phone: '+32 470 00 00 12',
		role: 'worker',
		languages: ['nl', 'fr', 'ar'],
		neighbourhoods: null
	},
	{
		username: 'volunteer',
		displayName: 'Yasmina',
		phone: '+32 470 00 00 13',
		role: 'volunteer',
		languages: ['fr', 'ar', 'nl'],
		neighbourhoods: ['anneessens', 'marollen']
	}
];

/**
 * Adds one demo account per role, once: only when the database holds no account at all and
 * its places are the demo data. Returns true when it added them.
 */
export async function seedDemoAccountsIfEmpty(db: Db): Promise<boolean> {
	const existing = await db.select({ id: accounts.id }).from(accounts).limit(1);
	if (existing.length > 0) return false;
	const demoPlace = await db
		.select({ id: places.id })
		.from(places)
		.where(eq(places.isDemo, true))
		.limit(1);
	if (demoPlace.length === 0) return false;

	const hoods = await db
		.select({ id: neighbourhoods.id, slug: neighbourhoods.slug })
		.from(neighbourhoods);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	for (const demo of demoAccounts) {
		const [row] = await db
			.insert(accounts)
			.values({
				username: demo.username,
				displayName: demo.displayName,
				role: demo.role,
				passwordHash,
				languages: demo.languages,
				phone: demo.phone,
				isDemo: true
			})
			.returning({ id: accounts.id });
		const ids = hoods
			.filter((hood) => demo.neighbourhoods === null || demo.neighbourhoods.includes(hood.slug))
			.map((hood) => hood.id);
		if (ids.length > 0) {
			await db
				.insert(accountNeighbourhoods)
				.values(ids.map((neighbourhoodId) => ({ accountId: row.id, neighbourhoodId })));
		}
	}
	return true;
}
