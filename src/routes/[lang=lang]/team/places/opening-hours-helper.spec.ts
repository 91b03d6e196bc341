import { describe, expect, it } from 'vitest';
import { validateOpeningHours } from '$lib/server/schedule/opening-hours';
import { readHelperWeek, writeHelperWeek } from '$lib/components/OpeningHoursEditor.svelte';

describe('the opening hours helper', () => {
	it('writes weekdays with the same hours together, and closed on public holidays', () => {
		const week = readHelperWeek('')!;
		for (const day of [0, 1, 2, 3, 4]) week.days[day] = [{ from: '10:00', to: '16:00' }];
		week.days[5] = [{ from: '10:00', to: '13:00' }];
		week.holidaysClosed = true;
		const written = writeHelperWeek(week);
		expect(written).toBe('Mo-Fr 10:00-16:00; Sa 10:00-13:00; PH off');
		expect(validateOpeningHours(written).ok).toBe(true);
	});

	it('writes separate days, two ranges on a day, and midnight as 24:00', () => {
		const week = readHelperWeek('')!;
		week.days[0] = [
			{ from: '09:00', to: '12:00' },
			{ from: '13:00', to: '17:00' }
		];
		week.days[2] = [
			{ from: '09:00', to: '12:00' },
			{ from: '13:00', to: '17:00' }
		];
		week.days[6] = [{ from: '20:00', to: '00:00' }];
		week.days[3] = [{ from: '10:00', to: '' }];
		const written = writeHelperWeek(week);
		expect(written).toBe('Mo,We 09:00-12:00,13:00-17:00; Su 20:00-24:00');
		expect(validateOpeningHours(written).ok).toBe(true);
	});

	it('reads back what it wrote, and simple hours typed by hand', () => {
		const text = 'Mo-Fr 10:00-16:00; Sa 10:00-13:00; PH off';
		expect(writeHelperWeek(readHelperWeek(text)!)).toBe(text);
		const typed = readHelperWeek('Mo-Su 07:00-22:00; We off');
		expect(typed?.days[2]).toEqual([]);
		expect(typed?.days[6]).toEqual([{ from: '07:00', to: '22:00' }]);
		expect(readHelperWeek('Fr-Mo 12:00-14:00')?.days.map((ranges) => ranges.length)).toEqual([
			1, 0, 0, 0, 1, 1, 1
		]);
	});

	it('leaves hours it cannot show to the text field', () => {
		for (const text of [
			'Tu[2] 10:00-12:00',
			'Mo-Fr 10:00-16:00 "by appointment"',
			'24/7',
			'Jan off'
		]) {
			expect(readHelperWeek(text), text).toBeNull();
		}
	});
});
