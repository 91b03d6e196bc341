import { describe, expect, it } from 'vitest';
import {
	openingState,
	parseOpeningHours,
	validateOpeningHours,
	weekSchedule
} from './opening-hours';
import { wallTimeToDate } from './time';

const at = (wall: string) => wallTimeToDate(wall);
const HOURS = 'Mo-Fr 09:00-16:00; Sa 10:00-12:00; PH off';

describe('openingState', () => {
	it('open on a normal Tuesday morning', () => {
		expect(openingState(HOURS, at('2026-12-22T10:30'))).toEqual({
			state: 'open',
			nextChange: '2026-12-22T16:00',
			closesAt: '2026-12-22T16:00',
			opensAt: null,
			comment: null
		});
	});

	it('closed on Christmas when PH off', () => {
		const state = openingState(HOURS, at('2026-12-25T10:30'));
		expect(state.state).toBe('closed');
		expect(state.opensAt).toBe('2026-12-26T10:00');
	});

	it('next change after closing is the next opening', () => {
		expect(openingState(HOURS, at('2026-12-22T17:00'))).toMatchObject({
			state: 'closed',
			nextChange: '2026-12-23T09:00',
			opensAt: '2026-12-23T09:00',
			closesAt: null
		});
	});

	it('opens on Monday after a weekend', () => {
		expect(openingState('Mo 10:00-12:00', at('2026-05-09T12:00')).opensAt).toBe('2026-05-11T10:00');
	});

	it('Tu[2] is open only on the second Tuesday', () => {
		const hours = 'Tu[2] 10:00-12:00';
		expect(openingState(hours, at('2026-03-10T10:30')).state).toBe('open');
		expect(openingState(hours, at('2026-03-17T10:30')).state).toBe('closed');
		expect(openingState(hours, at('2026-03-17T10:30')).opensAt).toBe('2026-04-14T10:00');
	});

	it('a comment without a state is unknown, and the comment is given', () => {
		expect(openingState('Mo 10:00-12:00 "by appointment"', at('2026-05-11T11:00'))).toMatchObject({
			state: 'unknown',
			comment: 'by appointment'
		});
	});

	it('no or unreadable hours are unknown', () => {
		for (const hours of [null, 'Mo-Fx nonsense']) {
			expect(openingState(hours, at('2026-05-11T11:00'))).toEqual({
				state: 'unknown',
				nextChange: null,
				closesAt: null,
				opensAt: null,
				comment: null
			});
		}
	});

	it('always open never changes', () => {
		expect(openingState('24/7', at('2026-05-11T11:00'))).toMatchObject({
			state: 'open',
			nextChange: null,
			closesAt: null
		});
	});
});

describe('validateOpeningHours', () => {
	it('invalid expression gives an error, not a throw', () => {
		const result = validateOpeningHours('Mo-Fx 09:00-');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(/\S/);
		expect(parseOpeningHours('Mo-Fx 09:00-')).toBeNull();
	});

	it('a valid expression is ok, with the warnings of a sloppy one', () => {
		expect(validateOpeningHours(HOURS)).toEqual({ ok: true, warnings: [] });
		const sloppy = validateOpeningHours('Mo-Fr 9-17');
		expect(sloppy.ok).toBe(true);
		if (sloppy.ok) expect(sloppy.warnings).toHaveLength(1);
	});
});

describe('weekSchedule', () => {
	it('gives seven days from the day of the given instant, Christmas a closed holiday', () => {
		const week = weekSchedule(HOURS, at('2026-12-21T18:00'));
		expect(week.map((day) => day.date)).toEqual([
			'2026-12-21',
			'2026-12-22',
			'2026-12-23',
			'2026-12-24',
			'2026-12-25',
			'2026-12-26',
			'2026-12-27'
		]);
		expect(week[0]).toEqual({
			date: '2026-12-21',
			intervals: [{ from: '09:00', to: '16:00', unknown: false }],
			holiday: false,
			comment: null
		});
		expect(week[4]).toMatchObject({ intervals: [], holiday: true });
		expect(week[4].comment).toMatch(/Kerstmis/);
		expect(week[5].intervals).toEqual([{ from: '10:00', to: '12:00', unknown: false }]);
		expect(week[6].intervals).toEqual([]);
	});

	it('hours past midnight are split over the two days', () => {
		const [friday, saturday] = weekSchedule('Fr 20:00-02:00', at('2026-05-08T12:00'), 2);
		expect(friday.intervals).toEqual([{ from: '20:00', to: '24:00', unknown: false }]);
		expect(saturday.intervals).toEqual([{ from: '00:00', to: '02:00', unknown: false }]);
	});

	it('the DST night keeps the opening hours on the clock', () => {
		const [sunday] = weekSchedule('Su 10:00-12:00', at('2026-03-29T00:30'), 1);
		expect(sunday.intervals).toEqual([{ from: '10:00', to: '12:00', unknown: false }]);
	});

	it('without hours, holidays are still marked', () => {
		const [christmas] = weekSchedule(null, at('2026-12-25T09:00'), 1);
		expect(christmas).toEqual({ date: '2026-12-25', intervals: [], holiday: true, comment: null });
	});
});
