import { describe, expect, it } from 'vitest';
import { rruleFromSchedule, translateRrule } from './recurrence';

describe("a gathering's RRULE as HSDS schedule fields", () => {
	it('writes the rhythms of the forms as fields, and reads them back to the same rule', () => {
		const rules = [
			'FREQ=WEEKLY;BYDAY=TH',
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
			'FREQ=MONTHLY;BYDAY=-1FR',
			'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630T235959Z',
			'FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=6;WKST=MO'
		];
		for (const rule of rules) {
			const fields = translateRrule(rule);
			expect(fields, rule).not.toBeNull();
			expect(rruleFromSchedule(fields ?? {}), rule).toBe(rule);
		}
		expect(translateRrule('FREQ=MONTHLY;BYDAY=1SA;UNTIL=20270630T235959Z')).toEqual({
			freq: 'MONTHLY',
			byday: '1SA',
			until: '2027-06-30'
		});
	});

	it('leaves as text what HSDS cannot hold', () => {
		for (const rule of [
			'FREQ=DAILY',
			'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24',
			'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
			'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T120000Z',
			'FREQ=WEEKLY;BYDAY=2TU',
			'FREQ=WEEKLY;INTERVAL=banana'
		]) {
			expect(translateRrule(rule), rule).toBeNull();
		}
	});

	it('names the field another publisher filled in a way that makes no rule', () => {
		expect(rruleFromSchedule({})).toBeNull();
		expect(rruleFromSchedule({ freq: 'weekly', byday: 'mo, we', until: '2027-01-31' })).toBe(
			'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270131T235959Z'
		);
		expect(rruleFromSchedule({ freq: 'FORTNIGHTLY' })).toEqual({
			problem: { field: 'freq', value: 'FORTNIGHTLY' }
		});
		expect(rruleFromSchedule({ freq: 'WEEKLY', byday: 'Tuesdays' })).toEqual({
			problem: { field: 'byday', value: 'Tuesdays' }
		});
		expect(rruleFromSchedule({ freq: 'WEEKLY', interval: 1.5 })).toEqual({
			problem: { field: 'interval', value: '1.5' }
		});
	});
});
