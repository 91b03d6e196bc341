import { weekSchedule } from '$lib/server/schedule/opening-hours';
import { wallTimeToDate } from '$lib/server/schedule/time';

/** Weekdays (1 = Monday … 7 = Sunday) that share the same opening times. */
export type OpeningGroup = {
	weekdays: number[];
	intervals: Array<{ from: string; to: string }>;
};

/**
 * A place's usual week, ready to be said in words ("Monday to Friday, 10:00 to 16:00"): the
 * weekdays grouped by their opening times, closed days left out. A public holiday is not a
 * usual day, so that weekday is read from the week after.
 */
export function summariseOpeningWeek(expr: string | null, monday: string): OpeningGroup[] {
	if (!expr) return [];
	const days = weekSchedule(expr, wallTimeToDate(`${monday}T12:00`), 14);
	const groups: OpeningGroup[] = [];
	for (let weekday = 1; weekday <= 7; weekday++) {
		const usual = [days[weekday - 1], days[weekday + 6]].find((day) => day && !day.holiday);
		const intervals = (usual?.intervals ?? [])
			.filter((interval) => !interval.unknown)
			.map(({ from, to }) => ({ from, to }));
		if (intervals.length === 0) continue;
		const key = JSON.stringify(intervals);
		const same = groups.find((group) => JSON.stringify(group.intervals) === key);
		if (same) same.weekdays.push(weekday);
		else groups.push({ weekdays: [weekday], intervals });
	}
	return groups;
}

/** Open minutes in a usual week: places open the longest are the easiest to find open. */
export function openMinutesPerWeek(groups: OpeningGroup[]): number {
	const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
	return groups.reduce(
		(total, group) =>
			total +
			group.weekdays.length *
				group.intervals.reduce((sum, { from, to }) => sum + minutes(to) - minutes(from), 0),
		0
	);
}
