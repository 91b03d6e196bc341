import { eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	accounts,
	dutyPatterns,
	dutyShifts,
	neighbourhoods,
	type DutyPattern,
	type DutyShift
} from '$lib/server/db/schema';
import { DUTY_ROLES } from './on-duty';
import { RosterError } from './roster-error';
import { checkDate, checkHours, checkWallTime, checkWeekday } from './validation';

export type NewDutyPattern = {
	accountId: number;
	neighbourhoodIds: number[];
	/** 1 = Monday ... 7 = Sunday. */
	weekday: number;
	/** `HH:mm`; the end may be `24:00`. */
	startTime: string;
	endTime: string;
	/** `YYYY-MM-DD`, inclusive; no `validUntil` means until further notice. */
	validFrom: string;
	validUntil?: string | null;
};

export type NewDutyShift = {
	accountId: number;
	/** For time off, an empty list means time off from every neighbourhood. */
	neighbourhoodIds: number[];
	/** Brussels wall times `YYYY-MM-DDTHH:mm`. */
	startsAt: string;
	endsAt: string;
	kind: 'extra' | 'off';
	createdBy?: number | null;
};

async function checkOnTheTeam(accountId: number) {
	const [account] = await db
		.select({ role: accounts.role, disabledAt: accounts.disabledAt })
		.from(accounts)
		.where(eq(accounts.id, accountId));
	if (!account) throw new RosterError('unknown-account', 'accountId');
	const onTheTeam = (DUTY_ROLES as readonly string[]).includes(account.role);
	if (!onTheTeam || account.disabledAt) throw new RosterError('not-on-the-team', 'accountId');
}

async function checkNeighbourhoods(ids: number[], { required }: { required: boolean }) {
	const unique = [...new Set(ids)].sort((a, b) => a - b);
	if (unique.length === 0) {
		if (required) throw new RosterError('no-neighbourhoods', 'neighbourhoodIds');
		return unique;
	}
	if (!unique.every((id) => Number.isInteger(id))) {
		throw new RosterError('unknown-neighbourhood', 'neighbourhoodIds');
	}
	const found = await db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(inArray(neighbourhoods.id, unique));
	if (found.length !== unique.length) {
		throw new RosterError('unknown-neighbourhood', 'neighbourhoodIds');
	}
	return unique;
}

/** A weekly duty: this worker is on duty for these neighbourhoods on this weekday. */
export async function addDutyPattern(input: NewDutyPattern): Promise<DutyPattern> {
	const weekday = checkWeekday(input.weekday);
	const { start, end } = checkHours(input.startTime, input.endTime, ['startTime', 'endTime']);
	const validFrom = checkDate(input.validFrom, 'validFrom');
	const validUntil = input.validUntil ? checkDate(input.validUntil, 'validUntil') : null;
	if (validUntil !== null && validUntil < validFrom) {
		throw new RosterError('invalid-range', 'validUntil');
	}
	const neighbourhoodIds = await checkNeighbourhoods(input.neighbourhoodIds, { required: true });
	await checkOnTheTeam(input.accountId);
	const [row] = await db
		.insert(dutyPatterns)
		.values({
			accountId: input.accountId,
			neighbourhoodIds,
			weekday,
			startTime: start,
			endTime: end,
			validFrom,
			validUntil
		})
		.returning();
	return row;
}

/** False when there was no such pattern (already removed). */
export async function removeDutyPattern(id: number): Promise<boolean> {
	const removed = await db
		.delete(dutyPatterns)
		.where(eq(dutyPatterns.id, id))
		.returning({ id: dutyPatterns.id });
	return removed.length > 0;
}

/** An extra duty shift, or time off that cancels the weekly pattern for that period. */
export async function addDutyShift(input: NewDutyShift): Promise<DutyShift> {
	if (input.kind !== 'extra' && input.kind !== 'off') throw new RosterError('invalid-kind', 'kind');
	const startsAt = checkWallTime(input.startsAt, 'startsAt');
	const endsAt = checkWallTime(input.endsAt, 'endsAt');
	if (endsAt <= startsAt) throw new RosterError('invalid-range', 'endsAt');
	const neighbourhoodIds = await checkNeighbourhoods(input.neighbourhoodIds, {
		required: input.kind === 'extra'
	});
	await checkOnTheTeam(input.accountId);
	const [row] = await db
		.insert(dutyShifts)
		.values({
			accountId: input.accountId,
			neighbourhoodIds,
			startsAt,
			endsAt,
			kind: input.kind,
			createdBy: input.createdBy ?? null
		})
		.returning();
	return row;
}

/** False when there was no such shift (already removed). */
export async function removeDutyShift(id: number): Promise<boolean> {
	const removed = await db
		.delete(dutyShifts)
		.where(eq(dutyShifts.id, id))
		.returning({ id: dutyShifts.id });
	return removed.length > 0;
}
