/**
 * A gathering's RRULE to the iCalendar-like fields of an HSDS 3.0 schedule and back. HSDS
 * knows only WEEKLY and MONTHLY, with INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL (a date) and
 * WKST; a rule that needs more is not translated and travels as text.
 */
import { validateRrule } from '$lib/server/schedule/recurrence';
import type { HsdsSchedule } from './types';

export type RuleFields = Pick<
	HsdsSchedule,
	'freq' | 'interval' | 'byday' | 'bymonthday' | 'count' | 'until' | 'wkst'
>;

const WEEKDAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const NTH_WEEKDAYS = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU))*$/;
const PLAIN_WEEKDAYS = /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/;
const MONTH_DAYS = /^-?([1-9]|[12]\d|3[01])(,-?([1-9]|[12]\d|3[01]))*$/;
// The form writes UNTIL as the end of the last day; only that form is the date HSDS can hold.
const END_OF_DAY = /^(\d{4})(\d{2})(\d{2})T235959Z$/;

/** The schedule fields for a rule, or null when HSDS cannot say the same thing. */
export function translateRrule(rrule: string): RuleFields | null {
	const text = rrule.trim().replace(/^RRULE:/i, '');
	if (!validateRrule(text)) return null;
	const fields: RuleFields = {};
	for (const part of text.split(';')) {
		const [name, value] = part.split('=') as [string, string];
		switch (name) {
			case 'FREQ':
				if (value !== 'WEEKLY' && value !== 'MONTHLY') return null;
				fields.freq = value;
				break;
			case 'INTERVAL':
				fields.interval = Number(value);
				break;
			case 'COUNT':
				fields.count = Number(value);
				break;
			case 'UNTIL': {
				const until = END_OF_DAY.exec(value);
				if (!until) return null;
				fields.until = `${until[1]}-${until[2]}-${until[3]}`;
				break;
			}
			case 'BYDAY':
				fields.byday = value;
				break;
			case 'BYMONTHDAY':
				fields.bymonthday = value;
				break;
			case 'WKST':
				fields.wkst = value as RuleFields['wkst'];
				break;
			default:
				return null;
		}
	}
	// "The 2nd Tuesday" only means something within a month.
	if (fields.freq === 'WEEKLY' && (fields.bymonthday || !PLAIN_WEEKDAYS.test(fields.byday ?? 'MO')))
		return null;
	return fields;
}

export type ScheduleRuleLike = {
	freq?: unknown;
	interval?: unknown;
	byday?: unknown;
	bymonthday?: unknown;
	count?: unknown;
	until?: unknown;
	wkst?: unknown;
};

function positiveInteger(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
}

export type ScheduleFieldProblem = { problem: { field: string; value: string } };

const unreadable = (field: string, value: unknown): ScheduleFieldProblem => ({
	problem: { field, value: String(value) }
});

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The RRULE (without DTSTART) a schedule's fields describe; null when it has no frequency, or
 * the field that keeps it from being a rule the app can read.
 */
export function rruleFromSchedule(
	schedule: ScheduleRuleLike
): string | null | ScheduleFieldProblem {
	if (!given(schedule.freq)) return null;
	const freq = String(schedule.freq).trim().toUpperCase();
	if (!['WEEKLY', 'MONTHLY', 'DAILY', 'YEARLY'].includes(freq))
		return unreadable('freq', schedule.freq);
	const parts = [`FREQ=${freq}`];
	if (given(schedule.interval)) {
		const interval = positiveInteger(schedule.interval);
		if (!interval) return unreadable('interval', schedule.interval);
		parts.push(`INTERVAL=${interval}`);
	}
	if (typeof schedule.byday === 'string' && schedule.byday.trim()) {
		const byday = schedule.byday.replace(/\s+/g, '').toUpperCase();
		if (!NTH_WEEKDAYS.test(byday)) return unreadable('byday', schedule.byday);
		parts.push(`BYDAY=${byday}`);
	}
	if (given(schedule.bymonthday)) {
		const days = String(schedule.bymonthday).replace(/\s+/g, '');
		if (!MONTH_DAYS.test(days)) return unreadable('bymonthday', schedule.bymonthday);
		parts.push(`BYMONTHDAY=${days}`);
	}
	if (given(schedule.count)) {
		const count = positiveInteger(schedule.count);
		if (!count) return unreadable('count', schedule.count);
		parts.push(`COUNT=${count}`);
	}
	if (given(schedule.until)) {
		const date = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(String(schedule.until).trim());
		if (!date) return unreadable('until', schedule.until);
		parts.push(`UNTIL=${date[1]}${date[2]}${date[3]}T235959Z`);
	}
	if (typeof schedule.wkst === 'string' && WEEKDAY.test(schedule.wkst.trim().toUpperCase())) {
		parts.push(`WKST=${schedule.wkst.trim().toUpperCase()}`);
	}
	const rule = parts.join(';');
	return validateRrule(rule) ? rule : unreadable('freq', rule);
}
