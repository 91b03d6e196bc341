import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	outreachLogThemes,
	outreachLogs,
	outreachThemes,
	roundStops,
	rounds,
	type Role
} from '$lib/server/db/schema';
import { pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { FieldErrors } from '$lib/server/forms';
import { isCalendarDate } from '$lib/server/schedule/rrule-builder';
import { addMinutes } from '$lib/server/schedule/time';
import { findThemes, listOfferedThemes, type ThemeSummary } from './themes';

/*
 * The outreach log: after a stop of a coffee-bus round, a walk or another gathering, the team
 * writes down how many doors they rang, how many conversations they had, how many people came
 * for coffee, and which themes they heard about the neighbourhood. Counts and themes only:
 * there is no field for a person or a free-text note, on purpose, and anything else a form
 * sends is ignored.
 */

/** Per log (one stop, one walk): more than this is a typing mistake, not a busy morning. */
export const COUNT_LIMITS = { doorsRung: 500, conversations: 300, cameForCoffee: 300 } as const;
export type CountField = keyof typeof COUNT_LIMITS;
export const COUNT_FIELDS = Object.keys(COUNT_LIMITS) as CountField[];

/** Every key the log form posts. None of them can hold a name or a note about someone. */
export const LOG_FIELDS = [
	'source',
	'neighbourhoodId',
	'stop',
	'date',
	...COUNT_FIELDS,
	'themeIds'
] as const;

/** A log is written soon after; a year back is the furthest a forgotten one goes. */
export const MAX_DAYS_BACK = 366;
const MAX_THEMES = 40;

export type LogValues = {
	/** `round:<id>`, `gathering:<id>` or `other`. */
	source: string;
	/** Only read for `other`: a round or a gathering brings its own neighbourhood. */
	neighbourhoodId: string;
	/** `<roundId>:<position>`, or empty for the whole round. */
	stop: string;
	date: string;
	doorsRung: string;
	conversations: string;
	cameForCoffee: string;
	themeIds: string[];
};

export type LogInput = {
	roundId: number | null;
	gatheringId: number | null;
	stopPosition: number | null;
	date: string;
	neighbourhoodId: number;
	doorsRung: number;
	conversations: number;
	cameForCoffee: number;
	themeIds: number[];
};

export type Viewer = { id: number; role: Role };

const ID = /^\d{1,9}$/;
const SOURCE = /^(round|gathering):(\d{1,9})$/;
const STOP = /^(\d{1,9}):(\d{1,3})$/;

export function addDays(date: string, days: number): string {
	return addMinutes(`${date}T00:00`, days * 24 * 60).slice(0, 10);
}

export function emptyLogValues(today: string): LogValues {
	return {
		source: '',
		neighbourhoodId: '',
		stop: '',
		date: today,
		doorsRung: '0',
		conversations: '0',
		cameForCoffee: '0',
		themeIds: []
	};
}

/** What the form sent, as text; keys the log does not know are left behind here. */
export function readLogValues(formData: FormData): LogValues {
	const one = (key: string) => {
		const value = formData.get(key);
		return typeof value === 'string' ? value.trim() : '';
	};
	return {
		source: one('source'),
		neighbourhoodId: one('neighbourhoodId'),
		stop: one('stop'),
		date: one('date'),
		doorsRung: one('doorsRung'),
		conversations: one('conversations'),
		cameForCoffee: one('cameForCoffee'),
		themeIds: formData
			.getAll('themeIds')
			.filter((value): value is string => typeof value === 'string')
			.map((value) => value.trim())
	};
}

/**
 * The form filled in from a link: `?round=<id>&date=YYYY-MM-DD&stop=<n>` from the round's
 * day screen, or `?gathering=<id>&date=`. Whatever does not fit is left out, not refused.
 */
export function prefillLogValues(query: URLSearchParams, today: string): LogValues {
	const values = emptyLogValues(today);
	const round = query.get('round') ?? '';
	const gathering = query.get('gathering') ?? '';
	const stop = query.get('stop') ?? '';
	const neighbourhood = query.get('neighbourhood') ?? '';
	if (ID.test(round)) {
		values.source = `round:${round}`;
		if (/^\d{1,3}$/.test(stop)) values.stop = `${round}:${Number(stop)}`;
	} else if (ID.test(gathering)) {
		values.source = `gathering:${gathering}`;
	} else if (ID.test(neighbourhood)) {
		values.source = 'other';
		values.neighbourhoodId = neighbourhood;
	}
	const date = query.get('date') ?? '';
	if (isCalendarDate(date) && date <= today) values.date = date;
	return values;
}

/** A count typed as a whole number from 0 to its limit; empty means none. */
export function parseCount(raw: string, max: number): number | null {
	const value = raw.trim();
	if (value === '') return 0;
	if (!/^\d{1,6}$/.test(value)) return null;
	const count = Number(value);
	return count <= max ? count : null;
}

type Where = Pick<LogInput, 'roundId' | 'gatheringId' | 'stopPosition' | 'neighbourhoodId'>;

async function checkWhere(
	values: LogValues,
	locale: Locale,
	errors: FieldErrors
): Promise<Where | null> {
	const options = { locale };
	const where: Where = { roundId: null, gatheringId: null, stopPosition: null, neighbourhoodId: 0 };
	const source = SOURCE.exec(values.source);
	if (values.source === 'other') {
		if (values.neighbourhoodId === '') {
			errors.neighbourhoodId = m.outreach_log_error_neighbourhood({}, options);
		} else {
			const [hood] = ID.test(values.neighbourhoodId)
				? await db
						.select({ id: neighbourhoods.id })
						.from(neighbourhoods)
						.where(eq(neighbourhoods.id, Number(values.neighbourhoodId)))
				: [];
			if (hood) where.neighbourhoodId = hood.id;
			else errors.neighbourhoodId = m.error_unknown_item({}, options);
		}
	} else if (source?.[1] === 'round') {
		const [round] = await db
			.select({ id: rounds.id, neighbourhoodId: rounds.neighbourhoodId })
			.from(rounds)
			.where(eq(rounds.id, Number(source[2])));
		if (round) {
			where.roundId = round.id;
			where.neighbourhoodId = round.neighbourhoodId;
		} else errors.source = m.error_unknown_item({}, options);
	} else if (source?.[1] === 'gathering') {
		const [gathering] = await db
			.select({ id: gatherings.id, neighbourhoodId: gatherings.neighbourhoodId })
			.from(gatherings)
			.where(eq(gatherings.id, Number(source[2])));
		if (gathering) {
			where.gatheringId = gathering.id;
			where.neighbourhoodId = gathering.neighbourhoodId;
		} else errors.source = m.error_unknown_item({}, options);
	} else {
		errors.source =
			values.source === ''
				? m.outreach_log_error_source({}, options)
				: m.error_unknown_item({}, options);
	}

	if (values.stop !== '') {
		const stop = STOP.exec(values.stop);
		if (!stop) errors.stop = m.error_unknown_item({}, options);
		else if (source?.[1] !== 'round')
			errors.stop = m.outreach_log_error_stop_without_round({}, options);
		else if (where.roundId !== null && Number(stop[1]) !== where.roundId)
			errors.stop = m.outreach_log_error_stop_other_round({}, options);
		else if (where.roundId !== null) {
			const [found] = await db
				.select({ position: roundStops.position })
				.from(roundStops)
				.where(
					and(eq(roundStops.roundId, where.roundId), eq(roundStops.position, Number(stop[2])))
				);
			if (found) where.stopPosition = found.position;
			else errors.stop = m.error_unknown_item({}, options);
		}
	}
	return Object.keys(errors).length ? null : where;
}

async function checkThemes(
	raw: string[],
	locale: Locale,
	errors: FieldErrors
): Promise<number[] | null> {
	const options = { locale };
	if (raw.length > MAX_THEMES || raw.some((value) => !ID.test(value))) {
		errors.themeIds = m.outreach_log_error_theme_unknown({}, options);
		return null;
	}
	const ids = [...new Set(raw.map(Number))];
	const found = await findThemes(ids);
	if (found.length !== ids.length) {
		errors.themeIds = m.outreach_log_error_theme_unknown({}, options);
		return null;
	}
	const archived = found.find((theme) => theme.archivedAt !== null);
	if (archived) {
		errors.themeIds = m.outreach_log_error_theme_archived(
			{ name: pick(archived.name, locale) },
			options
		);
		return null;
	}
	return ids;
}

/**
 * Checks a log as the form sent it. Every problem gets a message in the reader's language,
 * next to its field; `today` is the Brussels date, so a log is never about tomorrow.
 */
export async function checkLog(
	values: LogValues,
	locale: Locale,
	today: string
): Promise<{ ok: true; input: LogInput } | { ok: false; errors: FieldErrors }> {
	const options = { locale };
	const errors: FieldErrors = {};

	if (!isCalendarDate(values.date)) errors.date = m.error_date({}, options);
	else if (values.date > today) errors.date = m.outreach_log_error_date_future({}, options);
	else if (values.date < addDays(today, -MAX_DAYS_BACK))
		errors.date = m.outreach_log_error_date_old({}, options);

	const counts = {} as Record<CountField, number>;
	for (const field of COUNT_FIELDS) {
		const count = parseCount(values[field], COUNT_LIMITS[field]);
		if (count === null) {
			errors[field] = m.outreach_log_error_count({ max: COUNT_LIMITS[field] }, options);
		} else counts[field] = count;
	}

	const where = await checkWhere(values, locale, errors);
	const themeIds = await checkThemes(values.themeIds, locale, errors);
	if (Object.keys(errors).length || !where || !themeIds) return { ok: false, errors };
	return { ok: true, input: { ...where, date: values.date, ...counts, themeIds } };
}

/** Stores a log and its themes together; returns its id. */
export async function createLog(
	input: LogInput,
	createdBy: number | null,
	options: { isDemo?: boolean } = {}
): Promise<number> {
	const { themeIds, ...log } = input;
	// better-sqlite3 runs a transaction synchronously, hence run()/get() inside.
	return db.transaction((tx) => {
		const row = tx
			.insert(outreachLogs)
			.values({ ...log, createdBy, isDemo: options.isDemo ?? false })
			.returning({ id: outreachLogs.id })
			.get();
		if (themeIds.length) {
			tx.insert(outreachLogThemes)
				.values(themeIds.map((themeId) => ({ logId: row.id, themeId })))
				.run();
		}
		return row.id;
	});
}

export type LogChoices = {
	rounds: Array<{
		value: string;
		name: string;
		neighbourhoodId: number;
		stops: Array<{ value: string; position: number; street: string; arrivalTime: string }>;
	}>;
	walks: Array<{ value: string; name: string; neighbourhoodId: number }>;
	gatherings: Array<{ value: string; name: string; neighbourhoodId: number }>;
	neighbourhoods: Array<{ id: number; name: string }>;
	themes: ThemeSummary[];
};

/** What the log form offers: rounds and gatherings still running, and themes in use. */
export async function listLogChoices(locale: Locale): Promise<LogChoices> {
	const [roundRows, stopRows, gatheringRows, hoodRows, themes] = await Promise.all([
		db.select().from(rounds).where(isNull(rounds.archivedAt)),
		db.select().from(roundStops).orderBy(asc(roundStops.position)),
		db.select().from(gatherings).where(isNull(gatherings.archivedAt)),
		db.select().from(neighbourhoods),
		listOfferedThemes(locale)
	]);
	const hoodName = new Map(hoodRows.map((hood) => [hood.id, pick(hood.name, locale)]));
	const byName = <T extends { name: string; neighbourhoodId: number }>(a: T, b: T) =>
		(hoodName.get(a.neighbourhoodId) ?? '').localeCompare(
			hoodName.get(b.neighbourhoodId) ?? '',
			locale
		) || a.name.localeCompare(b.name, locale);
	const gatheringChoices = gatheringRows.map((row) => ({
		value: `gathering:${row.id}`,
		name: pick(row.title, locale),
		neighbourhoodId: row.neighbourhoodId,
		kind: row.kind
	}));
	return {
		rounds: roundRows
			.map((round) => ({
				value: `round:${round.id}`,
				name: pick(round.name, locale),
				neighbourhoodId: round.neighbourhoodId,
				stops: stopRows
					.filter((stop) => stop.roundId === round.id)
					.map((stop) => ({
						value: `${round.id}:${stop.position}`,
						position: stop.position,
						street: stop.street,
						arrivalTime: stop.arrivalTime
					}))
			}))
			.sort(byName),
		walks: gatheringChoices
			.filter((choice) => choice.kind === 'walk')
			.map(({ kind: _kind, ...choice }) => choice)
			.sort(byName),
		gatherings: gatheringChoices
			.filter((choice) => choice.kind !== 'walk')
			.map(({ kind: _kind, ...choice }) => choice)
			.sort(byName),
		neighbourhoods: hoodRows
			.map((hood) => ({ id: hood.id, name: pick(hood.name, locale) }))
			.sort((a, b) => a.name.localeCompare(b.name, locale)),
		themes
	};
}

export type LogSummary = {
	id: number;
	date: string;
	kind: 'round' | 'gathering' | 'other';
	/** The round or gathering, in the reader's language; empty for other outreach. */
	title: string;
	roundId: number | null;
	stopPosition: number | null;
	stopStreet: string | null;
	/** How many stops the round has now, to offer "log the next stop". */
	stopCount: number;
	neighbourhood: string;
	doorsRung: number;
	conversations: number;
	cameForCoffee: number;
	themes: string[];
	/** Written by the one looking: no other name is ever shown. */
	mine: boolean;
	mayDelete: boolean;
};

function mayDelete(viewer: Viewer, createdBy: number | null) {
	return viewer.role === 'coordinator' || (createdBy !== null && createdBy === viewer.id);
}

async function summarize(
	rows: Array<typeof outreachLogs.$inferSelect>,
	viewer: Viewer,
	locale: Locale
): Promise<LogSummary[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((row) => row.id);
	const roundIds = [...new Set(rows.flatMap((row) => (row.roundId ? [row.roundId] : [])))];
	const gatheringIds = [
		...new Set(rows.flatMap((row) => (row.gatheringId ? [row.gatheringId] : [])))
	];
	const [themeRows, roundRows, stopRows, gatheringRows, hoodRows] = await Promise.all([
		db
			.select({ logId: outreachLogThemes.logId, name: outreachThemes.name })
			.from(outreachLogThemes)
			.innerJoin(outreachThemes, eq(outreachLogThemes.themeId, outreachThemes.id))
			.where(inArray(outreachLogThemes.logId, ids)),
		roundIds.length ? db.select().from(rounds).where(inArray(rounds.id, roundIds)) : [],
		roundIds.length
			? db.select().from(roundStops).where(inArray(roundStops.roundId, roundIds))
			: [],
		gatheringIds.length
			? db.select().from(gatherings).where(inArray(gatherings.id, gatheringIds))
			: [],
		db.select().from(neighbourhoods)
	]);
	return rows.map((row) => {
		const round = roundRows.find((r) => r.id === row.roundId);
		const gathering = gatheringRows.find((g) => g.id === row.gatheringId);
		const stops = stopRows.filter((stop) => stop.roundId === row.roundId);
		return {
			id: row.id,
			date: row.date,
			kind: round ? 'round' : gathering ? 'gathering' : 'other',
			title: round ? pick(round.name, locale) : gathering ? pick(gathering.title, locale) : '',
			roundId: row.roundId,
			stopPosition: row.stopPosition,
			stopStreet: stops.find((stop) => stop.position === row.stopPosition)?.street ?? null,
			stopCount: stops.length,
			neighbourhood: pick(hoodRows.find((hood) => hood.id === row.neighbourhoodId)?.name, locale),
			doorsRung: row.doorsRung,
			conversations: row.conversations,
			cameForCoffee: row.cameForCoffee,
			themes: themeRows
				.filter((theme) => theme.logId === row.id)
				.map((theme) => pick(theme.name, locale))
				.sort((a, b) => a.localeCompare(b, locale)),
			mine: row.createdBy !== null && row.createdBy === viewer.id,
			mayDelete: mayDelete(viewer, row.createdBy)
		};
	});
}

/** The latest logs, newest date first: counts and themes, never who wrote them. */
export async function listRecentLogs(
	viewer: Viewer,
	locale: Locale,
	limit = 20
): Promise<LogSummary[]> {
	const rows = await db
		.select()
		.from(outreachLogs)
		.orderBy(desc(outreachLogs.date), desc(outreachLogs.id))
		.limit(limit);
	return summarize(rows, viewer, locale);
}

export async function findLog(
	id: number,
	viewer: Viewer,
	locale: Locale
): Promise<LogSummary | undefined> {
	const rows = await db.select().from(outreachLogs).where(eq(outreachLogs.id, id));
	return (await summarize(rows, viewer, locale))[0];
}

/** Its author or a coordinator may take a log back; its themes go with it. */
export async function deleteLog(
	id: number,
	viewer: Viewer
): Promise<'deleted' | 'not-found' | 'not-allowed'> {
	const [row] = await db
		.select({ createdBy: outreachLogs.createdBy })
		.from(outreachLogs)
		.where(eq(outreachLogs.id, id));
	if (!row) return 'not-found';
	if (!mayDelete(viewer, row.createdBy)) return 'not-allowed';
	await db.delete(outreachLogs).where(eq(outreachLogs.id, id));
	return 'deleted';
}
