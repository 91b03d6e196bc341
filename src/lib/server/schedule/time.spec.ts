import { describe, expect, it } from 'vitest';
import {
	addMinutes,
	dateToWallTime,
	endOfWeek,
	isSameDay,
	isWallTime,
	nowInBrussels,
	startOfWeek,
	wallTimeToDate
} from './time';

describe('Brussels wall time', () => {
	it('a winter wall time is one hour ahead of UTC', () => {
		expect(wallTimeToDate('2026-01-15T10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
	});

	it('a summer wall time is two hours ahead of UTC', () => {
		expect(wallTimeToDate('2026-07-01T10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
	});

	it('reads an instant back as the wall time it was made from', () => {
		for (const wall of [
			'2026-03-29T01:59',
			'2026-03-29T03:00',
			'2026-10-25T01:00',
			'2026-12-31T23:59'
		]) {
			expect(dateToWallTime(wallTimeToDate(wall))).toBe(wall);
		}
	});

	it('the hour skipped in spring comes out one hour later', () => {
		expect(dateToWallTime(wallTimeToDate('2026-03-29T02:30'))).toBe('2026-03-29T03:30');
	});

	it('the hour that happens twice in autumn gives the later one', () => {
		expect(wallTimeToDate('2026-10-25T02:30').toISOString()).toBe('2026-10-25T01:30:00.000Z');
	});

	it('now in Brussels is the wall time of the given instant', () => {
		expect(nowInBrussels(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01T00:30');
	});

	it('adding minutes is clock arithmetic, also across the DST night', () => {
		expect(addMinutes('2026-03-28T23:00', 4 * 60)).toBe('2026-03-29T03:00');
		expect(addMinutes('2026-12-31T23:30', 90)).toBe('2027-01-01T01:00');
		expect(addMinutes('2026-03-01T10:00', -24 * 60)).toBe('2026-02-28T10:00');
	});

	it('a week runs from Monday 00:00 up to the next Monday 00:00', () => {
		expect(startOfWeek('2026-05-10T18:00')).toBe('2026-05-04T00:00');
		expect(startOfWeek('2026-05-04T00:00')).toBe('2026-05-04T00:00');
		expect(endOfWeek('2026-05-10T23:59')).toBe('2026-05-11T00:00');
		expect(endOfWeek('2026-12-30T12:00')).toBe('2027-01-04T00:00');
	});

	it('same day compares the calendar date only', () => {
		expect(isSameDay('2026-05-04T00:00', '2026-05-04T23:59')).toBe(true);
		expect(isSameDay('2026-05-04T23:59', '2026-05-05T00:00')).toBe(false);
	});

	it('only real dates and times are wall times', () => {
		expect(isWallTime('2026-02-28T10:00')).toBe(true);
		expect(isWallTime('2026-02-30T10:00')).toBe(false);
		expect(isWallTime('2026-02-28T24:00')).toBe(false);
		expect(isWallTime('2026-02-28 10:00')).toBe(false);
	});
});
