import { db, migrateDatabase } from '$lib/server/db';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { seedDemoAccountsIfEmpty } from '$lib/server/seed/demo-accounts';
import { seedDemoRosterIfEmpty } from '$lib/server/seed/demo-roster';
import { seedDemoOutreachTeamIfEmpty } from '$lib/server/seed/demo-outreach-team';
import { seedDemoOutreachLogIfEmpty } from '$lib/server/seed/demo-outreach-log';
import { deleteExpiredSessions } from '$lib/server/auth/session';

/** Creates, migrates and (unless SEED_DEMO=false) fills the database on first start. */
export async function prepareDatabase() {
	migrateDatabase();
	// Expired sessions are otherwise only removed when someone presents one.
	await deleteExpiredSessions();
	if (process.env.SEED_DEMO !== 'false') {
		await seedDemoIfEmpty(db);
		await seedDemoAccountsIfEmpty(db);
		await seedDemoRosterIfEmpty(db);
		await seedDemoOutreachTeamIfEmpty(db);
		await seedDemoOutreachLogIfEmpty(db);
	}
}
