import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	listOccurrences,
	type OccurrenceChangeInput,
	type RecurringItem
} from '$lib/server/schedule/recurrence';
import { addMinutes } from '$lib/server/schedule/time';
import { occurrencesIn, shiftStart } from './occurrence-span';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A wall time `days` days (and some minutes) after 1 January 2023. */
const wallTime = (days: number, minutes: number) =>
	addMinutes('2023-01-01T00:00', days * 24 * 60 + minutes);

const rule = fc.oneof(
	{ arbitrary: fc.constant(null), weight: 1 },
	{
		weight: 5,
		arbitrary: fc
			.record({
				freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY'),
				interval: fc.integer({ min: 1, max: 4 }),
				days: fc.subarray(DAYS, { minLength: 0, maxLength: 3 }),
				nth: fc.constantFrom(null, 1, 2, 3, 4, -1),
				monthDay: fc.constantFrom(null, 1, 15, 28, 31),
				until: fc.option(fc.integer({ min: 300, max: 1800 }), { nil: null }),
				// Mostly without COUNT: those are the rules that start their walk later.
				count: fc.oneof(
					{ arbitrary: fc.constant(null), weight: 4 },
					{ arbitrary: fc.integer({ min: 1, max: 60 }), weight: 1 }
				),
				setPosition: fc.boolean()
			})
			.map((r) => {
				const parts = [`FREQ=${r.freq}`];
				if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
				if (r.days.length) {
					const nth = r.freq === 'MONTHLY' && r.nth !== null && r.days.length === 1 ? r.nth : '';
					parts.push(`BYDAY=${r.days.map((day) => `${nth}${day}`).join(',')}`);
					if (r.setPosition && r.freq === 'MONTHLY' && !nth) parts.push('BYSETPOS=2');
				}
				if (r.monthDay !== null && r.freq === 'MONTHLY' && !r.days.length)
					parts.push(`BYMONTHDAY=${r.monthDay}`);
				if (r.count !== null) parts.push(`COUNT=${r.count}`);
				else if (r.until !== null)
					parts.push(`UNTIL=${wallTime(r.until, 0).replace(/[-:]/g, '')}00Z`);
				return parts.join(';');
			})
	}
);

const scenario = fc
	.record({
		startDay: fc.integer({ min: 0, max: 1500 }),
		startMinute: fc.integer({ min: 0, max: 95 }).map((quarter) => quarter * 15),
		durationMinutes: fc.integer({ min: 15, max: 3000 }),
		rrule: rule,
		// "Now": somewhere from before the first date to long after it.
		nowDay: fc.integer({ min: 0, max: 1600 }),
		nowMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
		window: fc.constantFrom('today', 'week', 'soon'),
		changes: fc.array(
			fc.record({
				day: fc.integer({ min: 0, max: 1620 }),
				moved: fc.boolean(),
				toDay: fc.integer({ min: 0, max: 1620 }),
				toMinute: fc.integer({ min: 0, max: 95 }).map((quarter) => quarter * 15)
			}),
			{ maxLength: 3 }
		)
	})
	.map((s) => {
		const item: RecurringItem = {
			startsAt: wallTime(s.startDay, s.startMinute),
			durationMinutes: s.durationMinutes,
			rrule: s.rrule
		};
		const now = wallTime(s.nowDay, s.nowMinute);
		const today = `${now.slice(0, 10)}T00:00`;
		const weekday = (new Date(`${now.slice(0, 10)}T12:00Z`).getUTCDay() + 6) % 7;
		const to =
			s.window === 'today'
				? addMinutes(today, 24 * 60)
				: s.window === 'week'
					? addMinutes(today, (7 - weekday) * 24 * 60)
					: addMinutes(now, 14 * 24 * 60);
		const changes: OccurrenceChangeInput[] = s.changes.map((change) => ({
			originalDate: wallTime(change.day, 0).slice(0, 10),
			status: change.moved ? 'moved' : 'cancelled',
			movedTo: change.moved ? wallTime(change.toDay, change.toMinute) : null,
			note: null
		}));
		return { item, changes, window: { from: now, to } };
	});

describe('occurrences of a listing window', () => {
	it('are the same as the recurrence gives for that window, for any rule, date and change', () => {
		let shifted = 0;
		fc.assert(
			fc.property(scenario, ({ item, changes, window }) => {
				if (shiftStart(item, addMinutes(window.from, -7 * 24 * 60)) !== item) shifted++;
				expect(occurrencesIn(item, changes, window)).toEqual(
					listOccurrences(item, changes, window)
				);
			}),
			{ numRuns: 1500 }
		);
		// Most runs must have taken the short walk, or this would prove little.
		expect(shifted).toBeGreaterThan(400);
	});

	it('stay right for a weekly circle running since years, every other week', () => {
		const item = {
			startsAt: '2019-03-05T14:00',
			durationMinutes: 120,
			rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'
		};
		const window = { from: '2026-11-24T10:30', to: '2026-12-08T10:30' };
		const found = occurrencesIn(item, [], window);
		expect(found.map((occurrence) => occurrence.start)).toEqual(
			listOccurrences(item, [], window).map((occurrence) => occurrence.start)
		);
		expect(found.length).toBeGreaterThan(0);
	});
});

describe('shiftStart', () => {
	it('moves a weekly rule forward in whole steps of its rhythm, keeping weekday and time', () => {
		const shifted = shiftStart(
			{
				startsAt: '2024-01-02T18:30',
				durationMinutes: 90,
				rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'
			},
			'2026-11-20T00:00'
		);
		expect(shifted.startsAt).toBe('2026-11-17T18:30');
		expect(new Date(`${shifted.startsAt.slice(0, 10)}T12:00Z`).getUTCDay()).toBe(2);
	});

	it('leaves a rule that counts its dates where it is', () => {
		const item = {
			startsAt: '2024-01-02T18:30',
			durationMinutes: 90,
			rrule: 'FREQ=WEEKLY;COUNT=300;BYDAY=TU'
		};
		expect(shiftStart(item, '2026-11-20T00:00')).toBe(item);
	});

	it('moves a monthly rule on the nth weekday to the first of a month in step', () => {
		const shifted = shiftStart(
			{
				startsAt: '2024-02-13T10:00',
				durationMinutes: 60,
				rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU'
			},
			`2026-11-20T00:00`
		);
		// Every third month from February: ... August, November; one month of margin → August.
		expect(shifted.startsAt).toBe(`2026-${pad(8)}-01T10:00`);
	});
});
