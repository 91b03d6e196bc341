import {
	describeRecurrence,
	listOccurrences,
	nextOccurrences,
	type RecurringItem
} from './recurrence';
import { addMinutes, isWallTime, wallTimeToFloating } from './time';

/**
 * The rhythms a worker can choose in a form, and the RRULE each one stands for. Anything
 * else a stored rule may say (a COUNT, a fifth weekday, several days) is kept as it is.
 */
export const RHYTHMS = ['once', 'weekly', 'every-other-week', 'monthly'] as const;
export type Rhythm = (typeof RHYTHMS)[number];

/** Which week of the month: the first to the fourth, or the last (-1). */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];

export type RhythmChoice = {
	rhythm: Rhythm;
	/** 1 = Monday … 7 = Sunday. */
	weekday: number;
	/** Only for `monthly`. */
	week: WeekOfMonth | null;
	/** The last date the series may fall on, `YYYY-MM-DD`. */
	until: string | null;
};

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export function isCalendarDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && isWallTime(`${value}T00:00`);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOfDate(date: string): number {
	return ((wallTimeToFloating(`${date.slice(0, 10)}T00:00`).getUTCDay() + 6) % 7) + 1;
}

/**
 * The stored rule for a choice, or null for a one-off. UNTIL is the end of that day in
 * Brussels wall time, the way recurrence.ts and the calendar feed read it.
 */
export function buildRrule(choice: RhythmChoice): string | null {
	if (choice.rhythm === 'once') return null;
	const day = DAY_CODES[choice.weekday - 1];
	if (!day) throw new Error(`Not a weekday: ${choice.weekday}`);
	const parts =
		choice.rhythm === 'weekly'
			? ['FREQ=WEEKLY', `BYDAY=${day}`]
			: choice.rhythm === 'every-other-week'
				? ['FREQ=WEEKLY', 'INTERVAL=2', `BYDAY=${day}`]
				: ['FREQ=MONTHLY', `BYDAY=${choice.week ?? 1}${day}`];
	if (choice.until) {
		if (!isCalendarDate(choice.until)) throw new Error(`Not a date: ${choice.until}`);
		parts.push(`UNTIL=${choice.until.replaceAll('-', '')}T235959Z`);
	}
	return parts.join(';');
}

/** The form choice a stored rule stands for, or null when the form cannot express it. */
export function readRrule(rrule: string | null, startsAt: string): RhythmChoice | null {
	const described = describeRecurrence(rrule, startsAt);
	if (described.count !== null) return null;
	const base = { weekday: described.weekday, until: described.until };
	switch (described.frequency) {
		case 'once':
			return { ...base, rhythm: 'once', week: null, until: null };
		case 'weekly':
			return { ...base, rhythm: 'weekly', week: null };
		case 'every-other-week':
			return { ...base, rhythm: 'every-other-week', week: null };
		case 'monthly-last':
			return { ...base, rhythm: 'monthly', week: -1 };
		case 'monthly-nth':
			return described.nth !== null && described.nth >= 1 && described.nth <= 4
				? { ...base, rhythm: 'monthly', week: described.nth as WeekOfMonth }
				: null;
		default:
			return null;
	}
}

/**
 * The start of the first real date of a series, on or after `startsAt`: a rule for Tuesdays
 * that was given a Monday as first date starts the next day. Null when no date fits at all
 * (an end date before the first fitting day).
 */
export function firstRealStart(item: RecurringItem): string | null {
	if (!item.rrule) return item.startsAt;
	// The range starts just before the first date, so a long gathering still counts.
	const [first] = nextOccurrences({ ...item, durationMinutes: 1 }, [], item.startsAt, 1);
	return first?.start ?? null;
}

/** Whether the rule gives a date on this day, before any cancellation or move. */
export function isRealOccurrence(item: RecurringItem, originalDate: string): boolean {
	if (!isCalendarDate(originalDate)) return false;
	const from = `${originalDate}T00:00`;
	const to = addMinutes(from, 24 * 60);
	return listOccurrences(item, [], { from, to }).some(
		(occurrence) => occurrence.originalDate === originalDate
	);
}

export type ScheduleChoice = {
	firstDate: string;
	/** `HH:mm` */
	startTime: string;
	/** `keep` leaves a stored rule the form cannot express as it is. */
	rhythm: Rhythm | 'keep';
	/** Null: the weekday of the first date. */
	weekday: number | null;
	week: WeekOfMonth;
	until: string | null;
};

export type ResolvedSchedule =
	| { ok: true; startsAt: string; rrule: string | null; movedFrom: string | null }
	| {
			ok: false;
			field: 'rhythm' | 'until';
			problem: 'keep-unavailable' | 'until-before-first' | 'no-dates';
	  };

/**
 * The first start and the rule for what a worker chose. A first date that does not fit the
 * rhythm moves to the first one that does (`movedFrom` says so), because RFC 5545 counts
 * DTSTART as a date even when the rule skips it, and the calendar feed must agree with the site.
 */
export function resolveSchedule(
	choice: ScheduleChoice,
	durationMinutes: number,
	keptRrule: string | null = null
): ResolvedSchedule {
	const startsAt = `${choice.firstDate}T${choice.startTime}`;
	let rrule: string | null;
	if (choice.rhythm === 'keep') {
		if (!keptRrule) return { ok: false, field: 'rhythm', problem: 'keep-unavailable' };
		rrule = keptRrule;
	} else {
		const until = choice.rhythm === 'once' ? null : choice.until;
		if (until && until < choice.firstDate)
			return { ok: false, field: 'until', problem: 'until-before-first' };
		rrule = buildRrule({
			rhythm: choice.rhythm,
			weekday: choice.weekday ?? weekdayOfDate(choice.firstDate),
			week: choice.rhythm === 'monthly' ? choice.week : null,
			until
		});
	}
	const first = firstRealStart({ startsAt, rrule, durationMinutes });
	if (!first) return { ok: false, field: 'until', problem: 'no-dates' };
	return {
		ok: true,
		startsAt: first,
		rrule,
		movedFrom: first === startsAt ? null : choice.firstDate
	};
}
