import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accounts, neighbourhoods, type Role } from '$lib/server/db/schema';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount } from '../../../../tests/support/events';

/** Shared by the roster and backup-call specs; never imported by the app. */

let neighbourhoodCount = 0;

export async function createNeighbourhood(escalationMinutes = 5) {
	neighbourhoodCount += 1;
	const [row] = await db
		.insert(neighbourhoods)
		.values({
			slug: `buurt-${neighbourhoodCount}-${Math.random().toString(36).slice(2, 6)}`,
			name: { nl: `Buurt ${neighbourhoodCount}` },
			municipality: 'Brussel',
			centreLat: 50.85,
			centreLon: 4.35,
			escalationMinutes
		})
		.returning();
	return row;
}

export async function createPerson(
	role: Role,
	displayName: string,
	options: { neighbourhoodIds?: number[]; phone?: string } = {}
) {
	const account = await createTestAccount(role, {
		displayName,
		neighbourhoodIds: options.neighbourhoodIds
	});
	if (options.phone) {
		await db.update(accounts).set({ phone: options.phone }).where(eq(accounts.id, account.id));
	}
	return { ...account, phone: options.phone ?? null };
}

/** A moment given as Brussels wall time, `YYYY-MM-DDTHH:mm`. */
export function at(wall: string): Date {
	return wallTimeToDate(wall);
}

export function minutesAfter(moment: Date, minutes: number): Date {
	return new Date(moment.getTime() + minutes * 60_000);
}
