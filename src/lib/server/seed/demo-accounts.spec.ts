import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accountNeighbourhoods, accounts, neighbourhoods } from '$lib/server/db/schema';
import { checkCredentials } from '$lib/server/auth/login';
import { seedDemoIfEmpty } from './index';
import { DEMO_PASSWORD, seedDemoAccountsIfEmpty } from './demo-accounts';

describe('demo accounts', () => {
	it('are only added next to the demo data', async () => {
		expect(await seedDemoAccountsIfEmpty(db)).toBe(false);
		expect(await db.$count(accounts)).toBe(0);
	});

	it('give one account per role, all with the documented password', async () => {
		expect(await seedDemoIfEmpty(db)).toBe(true);
		expect(await seedDemoAccountsIfEmpty(db)).toBe(true);

		const rows = await db.select().from(accounts);
		expect(rows.map((row) => [row.username, row.displayName, row.role, row.isDemo])).toEqual([
			['coordinator', 'Noor', 'coordinator', true],
			['worker', 'Sara', 'worker', true],
			['volunteer', 'Yasmina', 'volunteer', true]
		]);
		for (const row of rows) {
			expect(await checkCredentials(row.username, DEMO_PASSWORD)).toEqual({
				status: 'ok',
				accountId: row.id
			});
		}
	});

	it('make Sara the worker of every demo neighbourhood', async () => {
		const [sara] = await db.select().from(accounts).where(eq(accounts.username, 'worker'));
		const links = await db
			.select()
			.from(accountNeighbourhoods)
			.where(eq(accountNeighbourhoods.accountId, sara.id));
		expect(links).toHaveLength(await db.$count(neighbourhoods));
	});

	it('are added once: never again when there is any account', async () => {
		expect(await seedDemoAccountsIfEmpty(db)).toBe(false);
		expect(await db.$count(accounts)).toBe(3);
	});
});
