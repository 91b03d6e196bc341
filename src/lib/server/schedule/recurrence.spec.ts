import { describe, expect, it } from 'vitest';
import { describeRecurrence, listOccurrences, nextOccurrences, validateRrule } from './recurrence';
import { wallTimeToDate } from './time';

const starts = (occurrences: Array<{ start: string }>) => occurrences.map((o) => o.start);

describe('listOccurrences', () => {
	it('every other Tuesday skips the weeks in between', () => {
		const item = {
			startsAt: '2026-01-06T14:00',
			rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
			durationMinutes: 90
		};
		const list = listOccurrences(item, [], { from: '2026-01-01T00:00', to: '2026-02-15T00:00' });
		expect(starts(list)).toEqual(['2026-01-06T14:00', '2026-01-20T14:00', '2026-02-03T14:00']);
		expect(list[0]).toEqual({
			originalDate: '2026-01-06',
			start: '2026-01-06T14:00',
			end: '2026-01-06T15:30',
			status: 'scheduled',
			note: null
		});
	});

	it('a cancelled date is listed as cancelled, not dropped', () => {
		const item = {
			startsAt: '2026-01-06T14:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			durationMinutes: 60
		};
		const note = { nl: 'Zomerpauze', en: 'Summer break' };
		const list = listOccurrences(
			item,
			[{ originalDate: '2026-01-13', status: 'cancelled', movedTo: null, note }],
			{ from: '2026-01-12T00:00', to: '2026-01-21T00:00' }
		);
		expect(list.map((o) => [o.start, o.status])).toEqual([
			['2026-01-13T14:00', 'cancelled'],
			['2026-01-20T14:00', 'scheduled']
		]);
		expect(list[0].note).toEqual(note);
	});

	it('moved date appears at its new time', () => {
		const item = {
			startsAt: '2026-01-06T14:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			durationMinutes: 60
		};
		const changes = [
			{
				originalDate: '2026-01-13',
				status: 'moved' as const,
				movedTo: '2026-01-15T10:00',
				note: null
			}
		];
		const list = listOccurrences(item, changes, {
			from: '2026-01-12T00:00',
			to: '2026-01-19T00:00'
		});
		expect(list).toEqual([
			{
				originalDate: '2026-01-13',
				start: '2026-01-15T10:00',
				end: '2026-01-15T11:00',
				status: 'moved',
				note: null
			}
		]);
	});

	it('a date moved into the range from outside it is listed', () => {
		const item = {
			startsAt: '2026-01-06T14:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			durationMinutes: 60
		};
		const changes = [
			{
				originalDate: '2026-01-20',
				status: 'moved' as const,
				movedTo: '2026-01-17T10:00',
				note: null
			}
		];
		const list = listOccurrences(item, changes, {
			from: '2026-01-16T00:00',
			to: '2026-01-18T00:00'
		});
		expect(list.map((o) => [o.originalDate, o.start, o.status])).toEqual([
			['2026-01-20', '2026-01-17T10:00', 'moved']
		]);
	});

	it('a date moved out of the range is not listed in it', () => {
		const item = {
			startsAt: '2026-01-06T14:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			durationMinutes: 60
		};
		const changes = [
			{
				originalDate: '2026-01-13',
				status: 'moved' as const,
				movedTo: '2026-01-22T10:00',
				note: null
			}
		];
		expect(
			listOccurrences(item, changes, { from: '2026-01-12T00:00', to: '2026-01-19T00:00' })
		).toEqual([]);
	});

	it('second Tuesday of the month', () => {
		const item = {
			startsAt: '2026-01-13T19:00',
			rrule: 'FREQ=MONTHLY;BYDAY=2TU',
			durationMinutes: 120
		};
		const list = listOccurrences(item, [], { from: '2026-01-01T00:00', to: '2026-05-01T00:00' });
		expect(starts(list)).toEqual([
			'2026-01-13T19:00',
			'2026-02-10T19:00',
			'2026-03-10T19:00',
			'2026-04-14T19:00'
		]);
	});

	it('last Friday of the month', () => {
		const item = {
			startsAt: '2026-01-30T18:00',
			rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
			durationMinutes: 120
		};
		const list = listOccurrences(item, [], { from: '2026-01-01T00:00', to: '2026-06-01T00:00' });
		expect(starts(list)).toEqual([
			'2026-01-30T18:00',
			'2026-02-27T18:00',
			'2026-03-27T18:00',
			'2026-04-24T18:00',
			'2026-05-29T18:00'
		]);
	});

	it('UNTIL ends the series', () => {
		const item = {
			startsAt: '2027-05-04T10:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T235959Z',
			durationMinutes: 60
		};
		const list = listOccurrences(item, [], { from: '2027-06-01T00:00', to: '2027-08-01T00:00' });
		expect(starts(list)).toEqual([
			'2027-06-01T10:00',
			'2027-06-08T10:00',
			'2027-06-15T10:00',
			'2027-06-22T10:00',
			'2027-06-29T10:00'
		]);
	});

	it('DST change keeps 10:00 at 10:00 wall time', () => {
		const item = {
			startsAt: '2026-03-15T10:00',
			rrule: 'FREQ=WEEKLY;BYDAY=SU',
			durationMinutes: 60
		};
		const list = listOccurrences(item, [], { from: '2026-03-21T00:00', to: '2026-04-06T00:00' });
		expect(starts(list)).toEqual(['2026-03-22T10:00', '2026-03-29T10:00', '2026-04-05T10:00']);
		// The clock shows 10:00 both times; the real instant moved by the hour the clocks did.
		expect(wallTimeToDate(list[0].start).toISOString()).toBe('2026-03-22T09:00:00.000Z');
		expect(wallTimeToDate(list[1].start).toISOString()).toBe('2026-03-29T08:00:00.000Z');
	});

	it('an occurrence still running at the start of the range is included', () => {
		const item = { startsAt: '2026-01-06T14:00', rrule: null, durationMinutes: 120 };
		expect(
			starts(listOccurrences(item, [], { from: '2026-01-06T15:00', to: '2026-01-07T00:00' }))
		).toEqual(['2026-01-06T14:00']);
		expect(listOccurrences(item, [], { from: '2026-01-06T16:00', to: '2026-01-07T00:00' })).toEqual(
			[]
		);
	});

	it('a one-off is listed once', () => {
		const item = { startsAt: '2026-05-09T10:00', rrule: null, durationMinutes: 60 };
		expect(
			starts(listOccurrences(item, [], { from: '2026-05-01T00:00', to: '2026-06-01T00:00' }))
		).toEqual(['2026-05-09T10:00']);
	});

	it('the limit keeps the earliest occurrences', () => {
		const item = { startsAt: '2026-01-01T09:00', rrule: 'FREQ=DAILY', durationMinutes: 30 };
		const list = listOccurrences(item, [], { from: '2026-01-01T00:00', to: '2027-01-01T00:00' }, 3);
		expect(starts(list)).toEqual(['2026-01-01T09:00', '2026-01-02T09:00', '2026-01-03T09:00']);
	});
});

describe('nextOccurrences', () => {
	it('starts with the occurrence still going on and includes cancelled ones', () => {
		const item = {
			startsAt: '2026-01-06T14:00',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			durationMinutes: 120
		};
		const changes = [
			{ originalDate: '2026-01-20', status: 'cancelled' as const, movedTo: null, note: null }
		];
		const list = nextOccurrences(item, changes, '2026-01-13T15:00', 3);
		expect(list.map((o) => [o.start, o.status])).toEqual([
			['2026-01-13T14:00', 'scheduled'],
			['2026-01-20T14:00', 'cancelled'],
			['2026-01-27T14:00', 'scheduled']
		]);
	});

	it('a past one-off has no next occurrence', () => {
		const item = { startsAt: '2025-05-09T10:00', rrule: null, durationMinutes: 60 };
		expect(nextOccurrences(item, [], '2026-01-01T00:00', 5)).toEqual([]);
	});

	it('looks ahead about a year at most', () => {
		const item = { startsAt: '2026-01-01T10:00', rrule: 'FREQ=YEARLY', durationMinutes: 60 };
		expect(starts(nextOccurrences(item, [], '2026-01-02T00:00', 5))).toEqual(['2027-01-01T10:00']);
	});
});

describe('validateRrule', () => {
	it('accepts the rhythms the app uses', () => {
		for (const rule of [
			'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
			'FREQ=MONTHLY;BYDAY=2TU',
			'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630T235959Z',
			'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
			'FREQ=DAILY;COUNT=5'
		]) {
			expect(validateRrule(rule), rule).toBe(true);
		}
	});

	it('refuses what it cannot expand safely', () => {
		for (const rule of [
			'',
			'BYDAY=TU',
			'FREQ=WEEKLY;INTERVAL=abc',
			'FREQ=WEEKLY;BYDAY=XX',
			'FREQ=HOURLY',
			'FREQ=DAILY;BYHOUR=10,14',
			'FREQ=WEEKLY;UNTIL=2027',
			'FREQ=WEEKLY;FOO=BAR',
			'FREQ=WEEKLY;COUNT=3;UNTIL=20270101'
		]) {
			expect(validateRrule(rule), rule).toBe(false);
		}
	});
});

describe('describeRecurrence', () => {
	it('a one-off is once, on the weekday of its date', () => {
		expect(describeRecurrence(null, '2026-05-09T10:00')).toEqual({
			frequency: 'once',
			weekday: 6,
			nth: null,
			interval: 1,
			until: null,
			count: null
		});
	});

	it('every other Tuesday', () => {
		expect(describeRecurrence('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-01-06T14:00')).toMatchObject(
			{
				frequency: 'every-other-week',
				weekday: 2,
				interval: 2
			}
		);
	});

	it('weekly without BYDAY takes the weekday of the first date', () => {
		expect(describeRecurrence('FREQ=WEEKLY', '2026-01-08T14:00')).toMatchObject({
			frequency: 'weekly',
			weekday: 4
		});
	});

	it('the second Tuesday of the month, written either way', () => {
		for (const rule of ['FREQ=MONTHLY;BYDAY=2TU', 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2']) {
			expect(describeRecurrence(rule, '2026-01-13T19:00'), rule).toMatchObject({
				frequency: 'monthly-nth',
				weekday: 2,
				nth: 2
			});
		}
	});

	it('the last Friday of the month, until a date', () => {
		expect(
			describeRecurrence('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630T235959Z', '2026-01-30T18:00')
		).toEqual({
			frequency: 'monthly-last',
			weekday: 5,
			nth: -1,
			interval: 1,
			until: '2027-06-30',
			count: null
		});
	});

	it('anything else is other', () => {
		expect(describeRecurrence('FREQ=WEEKLY;BYDAY=TU,TH', '2026-01-06T14:00').frequency).toBe(
			'other'
		);
		expect(describeRecurrence('FREQ=MONTHLY;BYMONTHDAY=15', '2026-01-15T14:00').frequency).toBe(
			'other'
		);
		expect(describeRecurrence('FREQ=DAILY', '2026-01-15T14:00').frequency).toBe('other');
		expect(describeRecurrence('nonsense', '2026-01-15T14:00').frequency).toBe('other');
	});
});
