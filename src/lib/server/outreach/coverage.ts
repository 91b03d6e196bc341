import { and, gte, inArray, isNull, lt, lte } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	backupCalls,
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	outreachLogThemes,
	outreachLogs,
	outreachThemes,
	places,
	roundStops,
	rounds,
	type Neighbourhood
} from '$lib/server/db/schema';
import { pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { FieldErrors } from '$lib/server/forms';
import { toPublicRound } from '$lib/server/rounds/public';
import { listOccurrences, type OccurrenceChangeInput } from '$lib/server/schedule/recurrence';
import { isCalendarDate } from '$lib/server/schedule/rrule-builder';
import { dateToWallTime, wallTimeToDate } from '$lib/server/schedule/time';
import { addDays } from './log';

/*
 * Coverage: what happened in each neighbourhood over a period, as counts only. Nothing here
 * is per person: not who rang the doors, not who made a backup call.
 *
 * - rounds held: dates of a coffee-bus round in the period that were not cancelled and have
 *   started by now (a date to come has not been held yet);
 * - outreach logs, and their doors rung, conversations and people who came for coffee;
 * - gatherings on offer: dates of public gatherings in the period, not cancelled;
 * - backup calls made in the period (a count, nothing else);
 * - places open and walk-in places: how things stand today, as places keep no history.
 *
 * - days with a visit: days with a round held or a log (a round with a log per stop is one day).
 *
 * A gap is a neighbourhood without a walk-in place, or without a visit (no round held and no
 * log) in the last three months, whatever period is chosen.
 */

export const PERIOD_PRESETS = ['1', '3', '6', '12'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = '3';
export const MAX_PERIOD_MONTHS = 36;
/** The oldest date a custom period may start on. */
const EARLIEST = '2000-01-01';
/** How far back "no visit" looks, whatever period is shown. */
export const GAP_MONTHS = 3;

export type Period = { preset: PeriodPreset | 'custom'; from: string; to: string };
export type PeriodValues = { period: string; from: string; to: string };

export const MEASURES = [
	'visits',
	'roundsHeld',
	'logs',
	'doorsRung',
	'conversations',
	'cameForCoffee',
	'gatheringsOnOffer',
	'placesOpen',
	'walkInPlaces',
	'backupCalls'
] as const;
export type Measure = (typeof MEASURES)[number];

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number) {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day some months later or earlier; the 31st becomes the last day of a short month. */
export function addMonths(date: string, months: number): string {
	const [year, month, day] = date.split('-').map(Number);
	const total = year * 12 + (month - 1) + months;
	const newYear = Math.floor(total / 12);
	const newMonth = total - newYear * 12 + 1;
	return `${newYear}-${pad(newMonth)}-${pad(Math.min(day, daysInMonth(newYear, newMonth)))}`;
}

/** The last `months` months up to and including today: 25 August to 24 November for 3. */
export function lastMonths(months: number, today: string): { from: string; to: string } {
	return { from: addDays(addMonths(today, -months), 1), to: today };
}

/**
 * The period asked for in the address (`?period=3`, or `?period=custom&from=&to=`). A custom
 * period that does not work is shown with its errors, and the default period is used instead.
 */
export function resolvePeriod(
	query: URLSearchParams,
	today: string,
	locale: Locale
): { period: Period; values: PeriodValues; errors: FieldErrors } {
	const asked = (query.get('period') ?? '').trim();
	const from = (query.get('from') ?? '').trim().slice(0, 20);
	const to = (query.get('to') ?? '').trim().slice(0, 20);
	const fallback = { preset: DEFAULT_PRESET, ...lastMonths(Number(DEFAULT_PRESET), today) };

	if (asked === 'custom' || (asked === '' && (from || to))) {
		const options = { locale };
		const errors: FieldErrors = {};
		if (!isCalendarDate(from) || from < EARLIEST) errors.from = m.error_date({}, options);
		if (!isCalendarDate(to) || to < EARLIEST) errors.to = m.error_date({}, options);
		if (!errors.from && !errors.to) {
			if (to < from) errors.to = m.outreach_log_error_period_order({}, options);
			else if (addMonths(from, MAX_PERIOD_MONTHS) < to)
				errors.to = m.outreach_log_error_period_long({ months: MAX_PERIOD_MONTHS }, options);
		}
		if (Object.keys(errors).length) {
			return { period: fallback, values: { period: 'custom', from, to }, errors };
		}
		return {
			period: { preset: 'custom', from, to },
			values: { period: 'custom', from, to },
			errors
		};
	}
	const preset = (PERIOD_PRESETS as readonly string[]).includes(asked)
		? (asked as PeriodPreset)
		: DEFAULT_PRESET;
	const period = { preset, ...lastMonths(Number(preset), today) };
	return { period, values: { period: preset, from: period.from, to: period.to }, errors: {} };
}

export function resolveMeasure(query: URLSearchParams): Measure {
	const asked = query.get('measure') ?? '';
	return (MEASURES as readonly string[]).includes(asked) ? (asked as Measure) : 'visits';
}

export type CoverageFigures = {
	/**
	 * Days the team was out in the neighbourhood: a round held or a log that day. A round date
	 * with a log for each of its stops is one day, not six.
	 */
	visits: number;
	roundsHeld: number;
	logs: number;
	doorsRung: number;
	conversations: number;
	cameForCoffee: number;
	gatheringsOnOffer: number;
	backupCalls: number;
	/** Today: meeting places not archived and not hidden. */
	placesOpen: number;
	/** Today: open places where you just walk in, that residents can find. */
	walkInPlaces: number;
};

export type ThemeCount = { slug: string; name: string; count: number };

export type CoverageRow = CoverageFigures & {
	neighbourhoodId: number;
	slug: string;
	name: string;
	municipality: string;
	boundary: Neighbourhood['boundary'];
	centre: { lat: number; lon: number };
	topThemes: ThemeCount[];
	gaps: { noWalkInPlace: boolean; noVisit: boolean };
};

export type CoverageMonth = CoverageFigures & {
	slug: string;
	name: string;
	municipality: string;
	/** `YYYY-MM` */
	month: string;
	/** The part of the month inside the period, both days included. */
	from: string;
	to: string;
	themes: ThemeCount[];
};

export type Coverage = {
	period: { from: string; to: string };
	gapWindow: { from: string; to: string };
	rows: CoverageRow[];
	months: CoverageMonth[];
	totals: CoverageFigures;
};

type Dated = { neighbourhoodId: number; date: string };
type LoggedVisit = Dated & {
	doorsRung: number;
	conversations: number;
	cameForCoffee: number;
	themeIds: number[];
};

type Happenings = {
	roundsHeld: Dated[];
	gatheringDates: Dated[];
	logs: LoggedVisit[];
	calls: Dated[];
};

/** The Brussels date an archived item stopped, from its ISO instant. */
function archivedDay(archivedAt: string | null): string | null {
	if (!archivedAt) return null;
	const instant = new Date(archivedAt);
	return Number.isNaN(instant.getTime()) ? null : dateToWallTime(instant).slice(0, 10);
}

/** Every date of the item starting inside [from, to], with its status. */
function datesOf(
	item: { startsAt: string; rrule: string | null; durationMinutes: number },
	changes: OccurrenceChangeInput[],
	from: string,
	to: string
) {
	return listOccurrences(
		item,
		changes,
		{ from: `${from}T00:00`, to: `${addDays(to, 1)}T00:00` },
		100_000
	).filter((occurrence) => {
		const day = occurrence.start.slice(0, 10);
		return day >= from && day <= to;
	});
}

async function loadHappenings(from: string, to: string, nowWall: string): Promise<Happenings> {
	const [roundRows, stopRows, gatheringRows, changeRows, hoodRows, logRows, callRows] =
		await Promise.all([
			db.select().from(rounds),
			db.select().from(roundStops),
			db.select().from(gatherings),
			db.select().from(occurrenceChanges),
			db.select().from(neighbourhoods),
			db
				.select()
				.from(outreachLogs)
				.where(and(gte(outreachLogs.date, from), lte(outreachLogs.date, to))),
			db
				.select({ neighbourhoodId: backupCalls.neighbourhoodId, createdAt: backupCalls.createdAt })
				.from(backupCalls)
				.where(
					and(
						gte(backupCalls.createdAt, wallTimeToDate(`${from}T00:00`).toISOString()),
						lt(backupCalls.createdAt, wallTimeToDate(`${addDays(to, 1)}T00:00`).toISOString())
					)
				)
		]);

	const roundsHeld: Dated[] = [];
	for (const round of roundRows) {
		const hood = hoodRows.find((row) => row.id === round.neighbourhoodId);
		if (!hood) continue;
		const changes = changeRows.filter((change) => change.roundId === round.id);
		const stops = stopRows.filter((stop) => stop.roundId === round.id);
		// Expanded exactly as the public round page does: from its first stop.
		const item = toPublicRound(round, hood, stops, changes, 'nl');
		const stopped = archivedDay(round.archivedAt);
		for (const occurrence of datesOf(item, changes, from, to)) {
			const day = occurrence.start.slice(0, 10);
			if (occurrence.status === 'cancelled' || occurrence.start > nowWall) continue;
			if (stopped && day >= stopped) continue;
			roundsHeld.push({ neighbourhoodId: round.neighbourhoodId, date: day });
		}
	}

	const gatheringDates: Dated[] = [];
	for (const gathering of gatheringRows) {
		if (gathering.visibility !== 'public') continue;
		const stopped = archivedDay(gathering.archivedAt);
		const changes = changeRows.filter((change) => change.gatheringId === gathering.id);
		for (const occurrence of datesOf(gathering, changes, from, to)) {
			const day = occurrence.start.slice(0, 10);
			if (occurrence.status === 'cancelled' || (stopped && day >= stopped)) continue;
			gatheringDates.push({ neighbourhoodId: gathering.neighbourhoodId, date: day });
		}
	}

	const logIds = logRows.map((row) => row.id);
	const themeLinks = logIds.length
		? await db.select().from(outreachLogThemes).where(inArray(outreachLogThemes.logId, logIds))
		: [];
	const logs = logRows.map((row) => ({
		neighbourhoodId: row.neighbourhoodId,
		date: row.date,
		doorsRung: row.doorsRung,
		conversations: row.conversations,
		cameForCoffee: row.cameForCoffee,
		themeIds: themeLinks.filter((link) => link.logId === row.id).map((link) => link.themeId)
	}));

	const calls = callRows.flatMap((call) => {
		const instant = new Date(call.createdAt);
		if (Number.isNaN(instant.getTime())) return [];
		return [{ neighbourhoodId: call.neighbourhoodId, date: dateToWallTime(instant).slice(0, 10) }];
	});

	return { roundsHeld, gatheringDates, logs, calls };
}

type PlaceCounts = { placesOpen: number; walkInPlaces: number };

async function countPlaces(): Promise<Map<number, PlaceCounts>> {
	const rows = await db
		.select({
			neighbourhoodId: places.neighbourhoodId,
			walkIn: places.walkIn,
			visibility: places.visibility
		})
		.from(places)
		.where(isNull(places.archivedAt));
	const counts = new Map<number, PlaceCounts>();
	for (const row of rows) {
		if (row.visibility === 'hidden') continue;
		const entry = counts.get(row.neighbourhoodId) ?? { placesOpen: 0, walkInPlaces: 0 };
		entry.placesOpen += 1;
		// A members-only place is not one a resident can walk into.
		if (row.walkIn && (row.visibility === 'public' || row.visibility === 'area'))
			entry.walkInPlaces += 1;
		counts.set(row.neighbourhoodId, entry);
	}
	return counts;
}

const within = (from: string, to: string) => (item: { date: string }) =>
	item.date >= from && item.date <= to;

function figuresOf(
	happenings: Happenings,
	neighbourhoodId: number,
	from: string,
	to: string,
	placeCounts: PlaceCounts | undefined
): CoverageFigures {
	const inRange = within(from, to);
	const mine = <T extends Dated>(list: T[]) =>
		list.filter((item) => item.neighbourhoodId === neighbourhoodId && inRange(item));
	const logs = mine(happenings.logs);
	const held = mine(happenings.roundsHeld);
	const roundsHeld = held.length;
	const sum = (field: 'doorsRung' | 'conversations' | 'cameForCoffee') =>
		logs.reduce((total, log) => total + log[field], 0);
	return {
		visits: new Set([...held, ...logs].map((item) => item.date)).size,
		roundsHeld,
		logs: logs.length,
		doorsRung: sum('doorsRung'),
		conversations: sum('conversations'),
		cameForCoffee: sum('cameForCoffee'),
		gatheringsOnOffer: mine(happenings.gatheringDates).length,
		backupCalls: mine(happenings.calls).length,
		placesOpen: placeCounts?.placesOpen ?? 0,
		walkInPlaces: placeCounts?.walkInPlaces ?? 0
	};
}

function themeCounts(
	logs: LoggedVisit[],
	themes: Map<number, { slug: string; name: string }>,
	locale: Locale
): ThemeCount[] {
	const counts = new Map<number, number>();
	for (const log of logs) {
		for (const id of log.themeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return [...counts]
		.flatMap(([id, count]) => {
			const theme = themes.get(id);
			return theme ? [{ ...theme, count }] : [];
		})
		.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale));
}

/** The months of a period, each clipped to it: `2026-08` from the 25th to the 31st... */
export function monthsOf(
	from: string,
	to: string
): Array<{ month: string; from: string; to: string }> {
	const months = [];
	let first = `${from.slice(0, 7)}-01`;
	while (first <= to) {
		const [year, month] = first.split('-').map(Number);
		const last = `${first.slice(0, 7)}-${pad(daysInMonth(year, month))}`;
		months.push({
			month: first.slice(0, 7),
			from: first < from ? from : first,
			to: last > to ? to : last
		});
		first = addMonths(first, 1);
	}
	return months;
}

const ZERO: CoverageFigures = {
	visits: 0,
	roundsHeld: 0,
	logs: 0,
	doorsRung: 0,
	conversations: 0,
	cameForCoffee: 0,
	gatheringsOnOffer: 0,
	backupCalls: 0,
	placesOpen: 0,
	walkInPlaces: 0
};

/** The figures per neighbourhood for the period, per month too, and the gaps. */
export async function buildCoverage(
	period: { from: string; to: string },
	locale: Locale,
	nowWall: string
): Promise<Coverage> {
	const today = nowWall.slice(0, 10);
	const gapWindow = lastMonths(GAP_MONTHS, today);
	const loadFrom = period.from < gapWindow.from ? period.from : gapWindow.from;
	const loadTo = period.to > gapWindow.to ? period.to : gapWindow.to;

	const [hoodRows, themeRows, happenings, placeCounts] = await Promise.all([
		db.select().from(neighbourhoods),
		db.select().from(outreachThemes),
		loadHappenings(loadFrom, loadTo, nowWall),
		countPlaces()
	]);
	const themes = new Map(
		themeRows.map((row) => [row.id, { slug: row.slug, name: pick(row.name, locale) }])
	);
	const hoods = hoodRows
		.map((row) => ({ row, name: pick(row.name, locale) }))
		.sort((a, b) => a.name.localeCompare(b.name, locale));

	const rows: CoverageRow[] = hoods.map(({ row, name }) => {
		const figures = figuresOf(happenings, row.id, period.from, period.to, placeCounts.get(row.id));
		const recent = figuresOf(happenings, row.id, gapWindow.from, gapWindow.to, undefined);
		const logs = happenings.logs.filter(
			(log) => log.neighbourhoodId === row.id && within(period.from, period.to)(log)
		);
		return {
			...figures,
			neighbourhoodId: row.id,
			slug: row.slug,
			name,
			municipality: row.municipality,
			boundary: row.boundary ?? null,
			centre: { lat: row.centreLat, lon: row.centreLon },
			topThemes: themeCounts(logs, themes, locale).slice(0, 3),
			gaps: { noWalkInPlace: figures.walkInPlaces === 0, noVisit: recent.visits === 0 }
		};
	});

	const months: CoverageMonth[] = hoods.flatMap(({ row, name }) =>
		monthsOf(period.from, period.to).map((month) => ({
			...figuresOf(happenings, row.id, month.from, month.to, placeCounts.get(row.id)),
			slug: row.slug,
			name,
			municipality: row.municipality,
			...month,
			themes: themeCounts(
				happenings.logs.filter(
					(log) => log.neighbourhoodId === row.id && within(month.from, month.to)(log)
				),
				themes,
				locale
			)
		}))
	);

	const totals = rows.reduce<CoverageFigures>(
		(sum, row) =>
			Object.fromEntries(
				Object.keys(ZERO).map((key) => [
					key,
					sum[key as keyof CoverageFigures] + row[key as keyof CoverageFigures]
				])
			) as CoverageFigures,
		{ ...ZERO }
	);

	return { period: { from: period.from, to: period.to }, gapWindow, rows, months, totals };
}

export type Level = 0 | 1 | 2 | 3;
export type LegendStep = { level: Level; min: number; max: number };

/**
 * Three steps between none and the most any neighbourhood has, so a map can be coloured and
 * its legend say in words what each colour stands for.
 */
export function scaleOf(values: number[]): {
	levelOf: (value: number) => Level;
	legend: LegendStep[];
} {
	const max = Math.max(0, ...values);
	const first = Math.ceil(max / 3);
	const second = Math.ceil((2 * max) / 3);
	const levelOf = (value: number): Level =>
		value <= 0 ? 0 : value <= first ? 1 : value <= second ? 2 : 3;
	const legend: LegendStep[] = [{ level: 0, min: 0, max: 0 }];
	if (max > 0) legend.push({ level: 1, min: 1, max: first });
	if (second > first) legend.push({ level: 2, min: first + 1, max: second });
	if (max > second) legend.push({ level: 3, min: second + 1, max });
	return { levelOf, legend };
}

// CSV ------------------------------------------------------------------------------------------

/**
 * The columns of the CSV, in English on purpose so that spreadsheets and scripts can rely on
 * them in every language; the values (names) are in the reader's language.
 */
export const CSV_COLUMNS = [
	'neighbourhood',
	'neighbourhood_name',
	'municipality',
	'month',
	'from',
	'to',
	'days_with_a_visit',
	'rounds_held',
	'outreach_logs',
	'doors_rung',
	'conversations',
	'came_for_coffee',
	'gatherings_on_offer',
	'backup_calls',
	'places_open_now',
	'walk_in_places_now',
	'themes'
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
 */
export function csvCell(value: string | number): string {
	if (typeof value === 'number') return String(value);
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 with a byte order mark (so spreadsheet programs read accents right), CRLF lines. */
export function coverageCsv(months: CoverageMonth[]): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const row of months) {
		lines.push(
			[
				row.slug,
				row.name,
				row.municipality,
				row.month,
				row.from,
				row.to,
				row.visits,
				row.roundsHeld,
				row.logs,
				row.doorsRung,
				row.conversations,
				row.cameForCoffee,
				row.gatheringsOnOffer,
				row.backupCalls,
				row.placesOpen,
				row.walkInPlaces,
				row.themes.map((theme) => `${theme.slug}:${theme.count}`).join(' ')
			]
				.map(csvCell)
				.join(',')
		);
	}
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
