import { describe, expect, it } from 'vitest';
import { validateRrule } from './recurrence';
import {
	buildRrule,
	firstRealStart,
	isRealOccurrence,
	readRrule,
	weekdayOfDate,
	type RhythmChoice
} from './rrule-builder';

function roundTrip(choice: RhythmChoice, startsAt: string) {
	const rrule = buildRrule(choice);
	if (rrule) expect(validateRrule(rrule)).toBe(true);
	return { rrule, back: readRrule(rrule, startsAt) };
}

describe('rrule builder', () => {
	it('a weekly rhythm round-trips', () => {
		const choice: RhythmChoice = { rhythm: 'weekly', weekday: 2, week: null, until: null };
		const { rrule, back } = roundTrip(choice, '2026-01-06T14:00');
		expect(rrule).toBe('FREQ=WEEKLY;BYDAY=TU');
		expect(back).toEqual(choice);
	});

	it('every other week round-trips', () => {
		const choice: RhythmChoice = {
			rhythm: 'every-other-week',
			weekday: 4,
			week: null,
			until: null
		};
		const { rrule, back } = roundTrip(choice, '2026-01-08T10:00');
		expect(rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
		expect(back).toEqual(choice);
	});

	it('the second Tuesday of the month round-trips', () => {
		const choice: RhythmChoice = { rhythm: 'monthly', weekday: 2, week: 2, until: null };
		const { rrule, back } = roundTrip(choice, '2026-03-10T11:00');
		expect(rrule).toBe('FREQ=MONTHLY;BYDAY=2TU');
		expect(back).toEqual(choice);
	});

	it('the last Friday of the month round-trips', () => {
		const choice: RhythmChoice = { rhythm: 'monthly', weekday: 5, week: -1, until: null };
		const { rrule, back } = roundTrip(choice, '2026-01-30T18:30');
		expect(rrule).toBe('FREQ=MONTHLY;BYDAY=-1FR');
		expect(back).toEqual(choice);
	});

	it('an end date round-trips as the end of that day', () => {
		const choice: RhythmChoice = { rhythm: 'weekly', weekday: 3, week: null, until: '2026-06-24' };
		const { rrule, back } = roundTrip(choice, '2026-01-14T14:00');
		expect(rrule).toBe('FREQ=WEEKLY;BYDAY=WE;UNTIL=20260624T235959Z');
		expect(back).toEqual(choice);
	});

	it('a one-off has no rule and forgets an end date', () => {
		const { rrule, back } = roundTrip(
			{ rhythm: 'once', weekday: 1, week: null, until: '2026-06-24' },
			'2026-03-02T09:30'
		);
		expect(rrule).toBeNull();
		expect(back).toEqual({ rhythm: 'once', weekday: 1, week: null, until: null });
	});

	it('a rule the form cannot express is not read as something else', () => {
		expect(readRrule('FREQ=MONTHLY;BYDAY=5SA', '2026-05-30T10:00')).toBeNull();
		expect(readRrule('FREQ=WEEKLY;BYDAY=TU;COUNT=4', '2026-01-06T10:00')).toBeNull();
		expect(readRrule('FREQ=WEEKLY;BYDAY=TU,TH', '2026-01-06T10:00')).toBeNull();
	});

	it('a first date that does not fit the rule moves to the first date that does', () => {
		// 2026-03-02 is a Monday; the second Tuesday of March 2026 is the 10th.
		expect(weekdayOfDate('2026-03-02')).toBe(1);
		expect(
			firstRealStart({
				startsAt: '2026-03-02T11:00',
				rrule: 'FREQ=MONTHLY;BYDAY=2TU',
				durationMinutes: 60
			})
		).toBe('2026-03-10T11:00');
		expect(
			firstRealStart({
				startsAt: '2026-03-10T11:00',
				rrule: 'FREQ=WEEKLY;BYDAY=TU',
				durationMinutes: 60
			})
		).toBe('2026-03-10T11:00');
	});

	it('no first date when the end date comes before any fitting day', () => {
		expect(
			firstRealStart({
				startsAt: '2026-03-11T11:00',
				rrule: 'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260401T235959Z',
				durationMinutes: 60
			})
		).toBeNull();
	});

	it('knows which days are real dates of a series', () => {
		const item = {
			startsAt: '2026-01-06T14:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			durationMinutes: 90
		};
		expect(isRealOccurrence(item, '2026-01-13')).toBe(true);
		expect(isRealOccurrence(item, '2026-01-14')).toBe(false);
		expect(isRealOccurrence(item, '2025-12-30')).toBe(false);
		expect(isRealOccurrence(item, '2026-02-30')).toBe(false);
		expect(isRealOccurrence({ ...item, rrule: null }, '2026-01-06')).toBe(true);
	});
});
