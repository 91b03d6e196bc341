/**
 * Wall-clock time in Brussels, as `YYYY-MM-DDTHH:mm` strings. Strings of this shape sort and
 * compare correctly as plain text, which is why the app passes them around instead of Dates.
 */

export const TIME_ZONE = 'Europe/Brussels';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const brusselsParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

export function isWallTime(value: string): boolean {
	const match = WALL_TIME.exec(value);
	if (!match) return false;
	const [, year, month, day, hour, minute] = match.map(Number);
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60;
}

/** The wall time read as if it were UTC: handy for calendar arithmetic without time zones. */
export function wallTimeToFloating(wall: string): Date {
	const match = WALL_TIME.exec(wall);
	if (!match) throw new Error(`Not a wall time (YYYY-MM-DDTHH:mm): ${wall}`);
	const [, year, month, day, hour, minute] = match.map(Number);
	return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

export function floatingToWallTime(floating: Date): string {
	return floating.toISOString().slice(0, 16);
}

export function dateToWallTime(d: Date): string {
	const parts: Record<string, string> = {};
	for (const part of brusselsParts.formatToParts(d)) parts[part.type] = part.value;
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export function nowInBrussels(now: Date = new Date()): string {
	return dateToWallTime(now);
}

function offsetMinutesAt(instant: number): number {
	const wall = wallTimeToFloating(dateToWallTime(new Date(instant))).getTime();
	return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The real instant of a Brussels wall time. A time that does not exist (the hour skipped in
 * spring) comes out one hour later; a time that happens twice (autumn) gives the later one.
 */
export function wallTimeToDate(wall: string): Date {
	const floating = wallTimeToFloating(wall).getTime();
	// The offset depends on the instant we are looking for, so guess once and correct once.
	const guess = floating - offsetMinutesAt(floating) * 60_000;
	return new Date(floating - offsetMinutesAt(guess) * 60_000);
}

/** Clock arithmetic: two hours after 10:00 is 12:00, also on the night the clocks change. */
export function addMinutes(wall: string, minutes: number): string {
	return floatingToWallTime(new Date(wallTimeToFloating(wall).getTime() + minutes * 60_000));
}

/** Monday 00:00 of the week the wall time falls in. */
export function startOfWeek(wall: string): string {
	const floating = wallTimeToFloating(`${wall.slice(0, 10)}T00:00`);
	const daysSinceMonday = (floating.getUTCDay() + 6) % 7;
	return addMinutes(floatingToWallTime(floating), -daysSinceMonday * 24 * 60);
}

/** The end of the week, exclusive: the next Monday 00:00 (so `start < endOfWeek(now)` works). */
export function endOfWeek(wall: string): string {
	return addMinutes(startOfWeek(wall), 7 * 24 * 60);
}

export function isSameDay(a: string, b: string): boolean {
	return a.slice(0, 10) === b.slice(0, 10);
}
