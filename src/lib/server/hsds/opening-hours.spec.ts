import { describe, expect, it } from 'vitest';
import { demoPlaces } from '$lib/server/seed/demo-data';
import { weekSchedule } from '$lib/server/schedule/opening-hours';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { openingHoursFromSchedules, translateOpeningHours, type HoursRow } from './opening-hours';

const rowsOf = (expression: string) => {
	const translated = translateOpeningHours(expression);
	if (!translated.ok) throw new Error(`not translated: ${expression}`);
	return translated.rows;
};

const asSchedules = (rows: HoursRow[]) =>
	rows.map((row) => ({
		freq: row.freq,
		byday: row.byday,
		opens_at: row.opens,
		closes_at: row.closes
	}));

/** The open hours of five weeks (so every nth weekday comes by), leaving out public holidays. */
function fiveWeeks(expression: string) {
	return weekSchedule(expression, wallTimeToDate('2026-03-02T12:00'), 35)
		.filter((day) => !day.holiday)
		.map(
			(day) => `${day.date} ${day.intervals.map((span) => `${span.from}-${span.to}`).join(',')}`
		);
}

describe('OpenStreetMap opening hours as HSDS schedule rows', () => {
	it('groups the days that share their hours, one row per time span', () => {
		expect(translateOpeningHours('Mo-Fr 09:00-12:00,13:00-17:00; PH off')).toEqual({
			ok: true,
			closedOnPublicHolidays: true,
			rows: [
				{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '12:00' },
				{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens: '13:00', closes: '17:00' }
			]
		});
		expect(rowsOf('Tu,Th 14:00-19:00; We 10:00-18:00; Sa 10:00-14:00')).toEqual([
			{ freq: 'WEEKLY', byday: 'TU,TH', opens: '14:00', closes: '19:00' },
			{ freq: 'WEEKLY', byday: 'WE', opens: '10:00', closes: '18:00' },
			{ freq: 'WEEKLY', byday: 'SA', opens: '10:00', closes: '14:00' }
		]);
	});

	it('writes the nth weekday of the month as a monthly row', () => {
		expect(rowsOf('Mo-Fr 09:00-16:00; Sa[1] 14:00-18:00; PH off')).toEqual([
			{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '16:00' },
			{ freq: 'MONTHLY', byday: '1SA', opens: '14:00', closes: '18:00' }
		]);
		expect(rowsOf('Tu[2,-1] 10:00-12:00')).toEqual([
			{ freq: 'MONTHLY', byday: '2TU,-1TU', opens: '10:00', closes: '12:00' }
		]);
	});

	it('lets a later rule replace what an earlier one said about a day, as OSM does', () => {
		expect(rowsOf('Mo-Fr 09:00-17:00; We 09:00-12:00')).toEqual([
			{ freq: 'WEEKLY', byday: 'MO,TU,TH,FR', opens: '09:00', closes: '17:00' },
			{ freq: 'WEEKLY', byday: 'WE', opens: '09:00', closes: '12:00' }
		]);
		expect(rowsOf('Mo-Fr 10:00-16:00; We off')).toEqual([
			{ freq: 'WEEKLY', byday: 'MO,TU,TH,FR', opens: '10:00', closes: '16:00' }
		]);
	});

	it('reads every day, round the clock and a range across the weekend', () => {
		expect(rowsOf('24/7')).toEqual([
			{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens: '00:00', closes: '24:00' }
		]);
		expect(rowsOf('10:00-18:00')).toEqual([
			{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens: '10:00', closes: '18:00' }
		]);
		expect(rowsOf('Fr-Mo 10:00-12:00')).toEqual([
			{ freq: 'WEEKLY', byday: 'MO,FR,SA,SU', opens: '10:00', closes: '12:00' }
		]);
	});

	it('does not translate what schedule rows cannot say', () => {
		for (const expression of [
			'sunrise-sunset',
			'Mo-Fr 10:00-12:00 "by appointment"',
			'Jan-Mar Mo 10:00-12:00',
			'Sa 10:00-12:00; Sa[1] 14:00-18:00',
			'Mo 10:00+',
			'PH 10:00-12:00',
			'Mo-Fr 08:00-12:00, We 14:00-18:00',
			'Mo-Fr 10:00-12:00 || "on request"',
			'nonsense'
		]) {
			expect(translateOpeningHours(expression), expression).toEqual({ ok: false });
		}
	});

	it('gives back hours that open on the same days and times, for every demo place', () => {
		let translated = 0;
		for (const { openingHours } of demoPlaces) {
			if (!openingHours) continue;
			const result = translateOpeningHours(openingHours);
			if (!result.ok) continue;
			translated++;
			const back = openingHoursFromSchedules(asSchedules(result.rows));
			expect(back, openingHours).not.toBeNull();
			expect(fiveWeeks(back as string), openingHours).toEqual(fiveWeeks(openingHours));
		}
		expect(translated).toBeGreaterThan(20);
	});
});

describe('opening hours from the schedules of another publisher', () => {
	it('adds up rows on the same day and reads times with seconds or a zone', () => {
		expect(
			openingHoursFromSchedules([
				{ freq: 'WEEKLY', byday: 'mo, tu', opens_at: '09:00:00', closes_at: '12:00:00' },
				{ freq: 'WEEKLY', byday: 'MO,TU', opens_at: '13:00+01:00', closes_at: '17:00+01:00' },
				{ byday: 'WE,TH,FR', opens_at: '9:00', closes_at: '12:00' }
			])
		).toBe('Mo,Tu 09:00-12:00,13:00-17:00; We-Fr 09:00-12:00');
	});

	it('keeps the weekly hours on a day that also has an nth-weekday row', () => {
		expect(
			openingHoursFromSchedules([
				{ freq: 'WEEKLY', byday: 'SA', opens_at: '10:00', closes_at: '12:00' },
				{ freq: 'MONTHLY', byday: '1SA', opens_at: '14:00', closes_at: '18:00' }
			])
		).toBe('Sa 10:00-12:00; Sa[1] 10:00-12:00,14:00-18:00');
	});

	it('leaves out rows it cannot read, and gives nothing when none are left', () => {
		expect(
			openingHoursFromSchedules([
				{ freq: 'WEEKLY', interval: 2, byday: 'MO', opens_at: '10:00', closes_at: '12:00' },
				{ freq: 'WEEKLY', byday: 'MO', opens_at: '10:00' },
				{ freq: 'WEEKLY', byday: 'XX', opens_at: '10:00', closes_at: '12:00' }
			])
		).toBeNull();
	});
});
