import type { DutyPattern, DutyShift } from '$lib/server/db/schema';
import { dateToWallTime } from '$lib/server/schedule/time';
import { resolveDuty, type DutyInterval } from './on-duty';
import {
	clip,
	clockFromMinutes,
	datesFrom,
	isoWeekday,
	MINUTES_PER_DAY,
	wallFromMinutes,
	wallMinutes,
	type Span
} from './spans';

export type RosterEntry = {
	accountId: number;
	displayName: string;
	neighbourhoodIds: number[];
	/** `HH:mm` on this day; `end` is `24:00` when the duty runs to midnight. */
	start: string;
	end: string;
};

export type RosterTimeOff = RosterEntry & { shiftId: number };

export type RosterDay = {
	date: string;
	/** 1 = Monday ... 7 = Sunday. */
	weekday: number;
	onDuty: RosterEntry[];
	timeOff: RosterTimeOff[];
};

export type Roster = {
	days: RosterDay[];
	/** The weekly patterns and one-off shifts behind these days, to change or remove them. */
	patterns: (DutyPattern & { displayName: string })[];
	shifts: (DutyShift & { displayName: string })[];
};

/**
 * Who is on duty for each day from the date of `from`, with time off already taken out, for
 * a roster screen. A person on duty for two neighbourhoods at once shows as one entry.
 */
export async function listRoster(
	from: Date,
	days = 7,
	{ neighbourhoodIds }: { neighbourhoodIds?: number[] } = {}
): Promise<Roster> {
	const firstDate = dateToWallTime(from).slice(0, 10);
	const dates = datesFrom(firstDate, Math.max(0, Math.floor(days)));
	if (dates.length === 0) return { days: [], patterns: [], shifts: [] };
	const start = wallMinutes(`${firstDate}T00:00`);
	const end = start + dates.length * MINUTES_PER_DAY;
	const { people, intervals, patterns, shifts } = await resolveDuty(
		`${firstDate}T00:00`,
		wallFromMinutes(end),
		{ neighbourhoodIds }
	);
	const nameOf = (accountId: number) => people.get(accountId)?.displayName ?? '';
	const wanted = (ids: number[]) =>
		!neighbourhoodIds || ids.length === 0 || ids.some((id) => neighbourhoodIds.includes(id));

	return {
		days: dates.map((date) => {
			const day: Span = {
				start: wallMinutes(`${date}T00:00`),
				end: wallMinutes(`${date}T00:00`) + MINUTES_PER_DAY
			};
			const timeOff = shifts
				.filter((shift) => shift.kind === 'off' && wanted(shift.neighbourhoodIds))
				.flatMap((shift) => {
					const span = clip(
						{ start: wallMinutes(shift.startsAt), end: wallMinutes(shift.endsAt) },
						day
					);
					if (!span) return [];
					return [
						{
							shiftId: shift.id,
							accountId: shift.accountId,
							displayName: nameOf(shift.accountId),
							neighbourhoodIds: shift.neighbourhoodIds,
							...clockSpan(span, day)
						}
					];
				});
			return {
				date,
				weekday: isoWeekday(date),
				onDuty: entriesForDay(intervals, day).map((entry) => ({
					...entry,
					displayName: nameOf(entry.accountId)
				})),
				timeOff
			};
		}),
		patterns: patterns.map((pattern) => ({
			...pattern,
			displayName: nameOf(pattern.accountId)
		})),
		shifts: shifts
			.filter((shift) => wanted(shift.neighbourhoodIds))
			.map((shift) => ({ ...shift, displayName: nameOf(shift.accountId) }))
	};
}

function clockSpan(span: Span, day: Span) {
	return {
		start: clockFromMinutes(span.start - day.start),
		end: clockFromMinutes(span.end - day.start)
	};
}

/**
 * One person's duty on one day, cut where the set of neighbourhoods changes: 09–12 for one
 * neighbourhood and 09–17 for another become 09–12 for both and 12–17 for the other.
 */
function entriesForDay(intervals: DutyInterval[], day: Span) {
	const byAccount = new Map<number, DutyInterval[]>();
	for (const interval of intervals) {
		const span = clip(interval, day);
		if (!span) continue;
		const list = byAccount.get(interval.accountId) ?? [];
		list.push({ ...interval, ...span });
		byAccount.set(interval.accountId, list);
	}
	const entries: (Span & { accountId: number; neighbourhoodIds: number[] })[] = [];
	for (const [accountId, list] of byAccount) {
		const cuts = [...new Set(list.flatMap((interval) => [interval.start, interval.end]))].sort(
			(a, b) => a - b
		);
		for (let index = 0; index + 1 < cuts.length; index += 1) {
			const piece = { start: cuts[index], end: cuts[index + 1] };
			const ids = [
				...new Set(
					list
						.filter((interval) => interval.start <= piece.start && piece.end <= interval.end)
						.map((interval) => interval.neighbourhoodId)
				)
			].sort((a, b) => a - b);
			if (ids.length === 0) continue;
			const last = entries.at(-1);
			const sameAsLast =
				last &&
				last.accountId === accountId &&
				last.end === piece.start &&
				last.neighbourhoodIds.join() === ids.join();
			if (sameAsLast) last.end = piece.end;
			else entries.push({ accountId, neighbourhoodIds: ids, ...piece });
		}
	}
	return entries
		.sort((a, b) => a.start - b.start || a.end - b.end || a.accountId - b.accountId)
		.map(({ accountId, neighbourhoodIds, ...span }) => ({
			accountId,
			neighbourhoodIds,
			...clockSpan(span, day)
		}));
}
