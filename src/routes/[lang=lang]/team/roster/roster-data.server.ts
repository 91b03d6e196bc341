import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { pick, type Locale } from '$lib/i18n';
import { db } from '$lib/server/db';
import { accounts, dutyPatterns, dutyShifts, neighbourhoods } from '$lib/server/db/schema';
import { DUTY_ROLES } from '$lib/server/roster';

export const ESCALATION_MINUTES = { min: 1, max: 60 } as const;

export type NeighbourhoodSetting = {
	id: number;
	slug: string;
	name: string;
	escalationMinutes: number;
};

/** Every neighbourhood with its name in this language and its escalation minutes, by name. */
export async function listNeighbourhoodSettings(locale: Locale): Promise<NeighbourhoodSetting[]> {
	const rows = await db
		.select({
			id: neighbourhoods.id,
			slug: neighbourhoods.slug,
			name: neighbourhoods.name,
			escalationMinutes: neighbourhoods.escalationMinutes
		})
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
	return rows
		.map((row) => ({ ...row, name: pick(row.name, locale) }))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** Workers and coordinators whose account is not switched off: who can be put on duty. */
export async function listDutyPeople(): Promise<{ id: number; displayName: string }[]> {
	return db
		.select({ id: accounts.id, displayName: accounts.displayName })
		.from(accounts)
		.where(and(inArray(accounts.role, [...DUTY_ROLES]), isNull(accounts.disabledAt)))
		.orderBy(asc(accounts.displayName), asc(accounts.id));
}

/** Whose weekly duty or one-off change this is; undefined when it does not exist (any more). */
export async function findDutyOwner(
	kind: 'pattern' | 'shift',
	id: number
): Promise<number | undefined> {
	const table = kind === 'pattern' ? dutyPatterns : dutyShifts;
	const [row] = await db
		.select({ accountId: table.accountId })
		.from(table)
		.where(eq(table.id, id))
		.limit(1);
	return row?.accountId;
}

/** False when there is no such neighbourhood. */
export async function setEscalationMinutes(
	neighbourhoodId: number,
	minutes: number
): Promise<boolean> {
	const updated = await db
		.update(neighbourhoods)
		.set({ escalationMinutes: minutes })
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.returning({ id: neighbourhoods.id });
	return updated.length > 0;
}
