import { dateToWallTime } from '$lib/server/schedule/time';
import { resolveDuty } from './on-duty';
import {
	clip,
	clockMinutes,
	datesFrom,
	mergeSpans,
	subtractSpans,
	wallFromMinutes,
	wallMinutes,
	type Span
} from './spans';
import { checkHours } from './validation';

export type RosterGap = {
	neighbourhoodId: number;
	/** Brussels wall times `YYYY-MM-DDTHH:mm`, end exclusive. */
	start: string;
	end: string;
	minutes: number;
};

export type GapHours = {
	/** Only time inside these hours of each day counts as a gap; `00:00`–`24:00` for all. */
	dayStart?: string;
	dayEnd?: string;
};

/**
 * Periods in which nobody is on duty for a neighbourhood, from `from` to the end of the
 * `days`-th day. By default only 08:00–22:00 counts: Kwartier does not promise cover at night,
 * so a night without anyone on duty is no gap, but a weekday afternoon or an evening gathering
 * without backup is. Periods that touch are joined.
 */
export async function findRosterGaps(
	neighbourhoodIds: number[],
	from: Date,
	days = 14,
	{ dayStart = '08:00', dayEnd = '22:00' }: GapHours = {}
): Promise<RosterGap[]> {
	checkHours(dayStart, dayEnd, ['dayStart', 'dayEnd']);
	const fromWall = dateToWallTime(from);
	const firstDate = fromWall.slice(0, 10);
	const dates = datesFrom(firstDate, Math.max(0, Math.floor(days)));
	if (dates.length === 0 || neighbourhoodIds.length === 0) return [];
	const range: Span = {
		start: wallMinutes(fromWall),
		end: wallMinutes(`${firstDate}T00:00`) + dates.length * 24 * 60
	};
	const { intervals } = await resolveDuty(fromWall, wallFromMinutes(range.end), {
		neighbourhoodIds
	});
	const windows = dates.flatMap((date) => {
		const midnight = wallMinutes(`${date}T00:00`);
		const window = clip(
			{ start: midnight + clockMinutes(dayStart), end: midnight + clockMinutes(dayEnd) },
			range
		);
		return window ? [window] : [];
	});

	return [...new Set(neighbourhoodIds)].flatMap((neighbourhoodId) => {
		const covered = intervals.filter((interval) => interval.neighbourhoodId === neighbourhoodId);
		return mergeSpans(subtractSpans(windows, covered)).map((gap) => ({
			neighbourhoodId,
			start: wallFromMinutes(gap.start),
			end: wallFromMinutes(gap.end),
			minutes: gap.end - gap.start
		}));
	});
}
