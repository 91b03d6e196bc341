import { isWallTime } from '$lib/server/schedule/time';
import { RosterError } from './roster-error';

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** `HH:mm` from 00:00 to 23:59; an end may also be `24:00`, the end of the day. */
export function checkClockTime(value: string, field: string, { end = false } = {}): string {
	if (CLOCK_TIME.test(value) || (end && value === '24:00')) return value;
	throw new RosterError('invalid-time', field);
}

export function checkDate(value: string, field: string): string {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isWallTime(`${value}T00:00`)) return value;
	throw new RosterError('invalid-date', field);
}

export function checkWallTime(value: string, field: string): string {
	if (isWallTime(value)) return value;
	throw new RosterError('invalid-date', field);
}

export function checkWeekday(value: number): number {
	if (Number.isInteger(value) && value >= 1 && value <= 7) return value;
	throw new RosterError('invalid-weekday', 'weekday');
}

/** Start and end of a day's duty hours, checked and in order. */
export function checkHours(start: string, end: string, fields: [string, string]) {
	checkClockTime(start, fields[0]);
	checkClockTime(end, fields[1], { end: true });
	if (end <= start) throw new RosterError('invalid-range', fields[1]);
	return { start, end };
}
