import { pick, pickWithLocale, type Locale } from '$lib/i18n';
import type { Visibility } from '$lib/server/db/schema';
import type { Text } from '$lib/server/places/public';
import { resolveDuty } from '$lib/server/roster/on-duty';
import { wallMinutes } from '$lib/server/roster/spans';
import { listOccurrences, type Occurrence } from '$lib/server/schedule/recurrence';
import { addMinutes, startOfWeek } from '$lib/server/schedule/time';
import { listOutreachItems, listTeams, teamKey, type OutreachKind, type TeamMember } from './team';

/*
 * The workers' planning calendar: every date of a coffee-bus round, walk or drop-in hour in
 * the coming weeks, who goes along, which dates nobody goes to yet, and who cannot be there
 * because of the duty roster.
 */

export const CALENDAR_SHOWS = ['all', 'gaps', 'conflicts', 'mine'] as const;
export type CalendarShow = (typeof CALENDAR_SHOWS)[number];

export type Conflict =
	/** Time off on the roster, in every neighbourhood or in this one. */
	| { kind: 'time-off'; accountId: number; name: string }
	/** On backup duty for another neighbourhood: a call there would take them away. */
	| { kind: 'duty-elsewhere'; accountId: number; name: string; neighbourhoods: string[] }
	/** On the team of another date at the same time. */
	| { kind: 'double-booked'; accountId: number; name: string; other: string };

export type CalendarEntry = {
	/** `round-3-2026-12-02`: also the anchor of the entry on the page. */
	key: string;
	type: 'round' | 'gathering';
	id: number;
	kind: OutreachKind;
	slug: string;
	title: Text;
	where: Text | null;
	neighbourhood: { id: number; slug: string; name: string };
	visibility: Visibility;
	/** The date the rhythm gives; the team belongs to it. */
	originalDate: string;
	start: string;
	end: string;
	status: Occurrence['status'];
	note: Text | null;
	team: TeamMember[];
	/** Not cancelled, not over, and nobody on the team yet. */
	gap: boolean;
	past: boolean;
	conflicts: Conflict[];
	/** The person looking is on the team. */
	mine: boolean;
};

export type CalendarDay = { date: string; entries: CalendarEntry[] };
export type CalendarWeek = { monday: string; days: CalendarDay[] };

export type OutreachCalendar = {
	from: string;
	/** The first day after the calendar, `YYYY-MM-DD`. */
	until: string;
	weeks: CalendarWeek[];
	/** Over every date shown before the `show` choice narrows the list. */
	counts: { dates: number; gaps: number; conflicts: number; mine: number };
};

export type CalendarQuery = {
	/** `YYYY-MM-DD` */
	from: string;
	days: number;
	neighbourhoodId?: number | null;
	show?: CalendarShow;
	/** The account looking, to mark its own dates. */
	viewerId?: number | null;
	/** Brussels wall time `YYYY-MM-DDTHH:mm`. */
	now: string;
	locale: Locale;
};

const MAX_DAYS = 62;

/** What conflict finding needs to know about one date. */
export type ConflictInput = {
	key: string;
	neighbourhoodId: number;
	title: string;
	start: string;
	end: string;
	status: Occurrence['status'];
	team: TeamMember[];
};

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }) {
	return a.start < b.end && b.start < a.end;
}

/**
 * For each date, the people on its team who are not free then according to the duty roster
 * (time off, backup duty for another neighbourhood) or who are on another team at the same
 * time. Cancelled dates have no conflicts; partners are not on the roster.
 */
export async function findConflicts(
	entries: ConflictInput[],
	neighbourhoodName: (id: number) => string
): Promise<Map<string, Conflict[]>> {
	const result = new Map<string, Conflict[]>();
	const active = entries.filter(
		(entry) => entry.status !== 'cancelled' && entry.team.some((m) => m.accountId !== null)
	);
	if (active.length === 0) return result;
	const from = active.map((entry) => entry.start).sort()[0];
	const to = active
		.map((entry) => entry.end)
		.sort()
		.at(-1) as string;
	const { intervals, shifts } = await resolveDuty(from, to);
	const spanOf = (entry: { start: string; end: string }) => ({
		start: wallMinutes(entry.start),
		end: wallMinutes(entry.end)
	});

	for (const entry of active) {
		const span = spanOf(entry);
		const conflicts: Conflict[] = [];
		for (const member of entry.team) {
			if (member.accountId === null) continue;
			const accountId = member.accountId;
			const off = shifts.some(
				(shift) =>
					shift.kind === 'off' &&
					shift.accountId === accountId &&
					(shift.neighbourhoodIds.length === 0 ||
						shift.neighbourhoodIds.includes(entry.neighbourhoodId)) &&
					overlaps(span, spanOf({ start: shift.startsAt, end: shift.endsAt }))
			);
			if (off) conflicts.push({ kind: 'time-off', accountId, name: member.name });
			const elsewhere = [
				...new Set(
					intervals
						.filter(
							(interval) =>
								interval.accountId === accountId &&
								interval.neighbourhoodId !== entry.neighbourhoodId &&
								overlaps(span, interval)
						)
						.map((interval) => interval.neighbourhoodId)
				)
			];
			if (elsewhere.length > 0) {
				conflicts.push({
					kind: 'duty-elsewhere',
					accountId,
					name: member.name,
					neighbourhoods: elsewhere.map(neighbourhoodName).sort((a, b) => a.localeCompare(b))
				});
			}
			for (const other of active) {
				if (other.key === entry.key) continue;
				if (!other.team.some((m) => m.accountId === accountId)) continue;
				if (!overlaps(span, spanOf(other))) continue;
				conflicts.push({ kind: 'double-booked', accountId, name: member.name, other: other.title });
			}
		}
		if (conflicts.length > 0) result.set(entry.key, conflicts);
	}
	return result;
}

function keep(entry: CalendarEntry, show: CalendarShow): boolean {
	if (show === 'gaps') return entry.gap;
	if (show === 'conflicts') return entry.conflicts.length > 0;
	if (show === 'mine') return entry.mine;
	return true;
}

/**
 * Every date of every round, walk and drop-in hour from `from` for `days` days, cancelled and
 * moved ones included and marked, grouped by week (from Monday) and day. A moved date shows
 * on the day it moved to.
 */
export async function buildOutreachCalendar(query: CalendarQuery): Promise<OutreachCalendar> {
	const { locale } = query;
	const days = Math.min(Math.max(1, Math.floor(query.days)), MAX_DAYS);
	const rangeFrom = `${query.from}T00:00`;
	const rangeTo = addMinutes(rangeFrom, days * 24 * 60);
	const until = rangeTo.slice(0, 10);

	// All neighbourhoods: someone on a team elsewhere at the same time is a conflict here too.
	const items = await listOutreachItems();
	const found = items.flatMap((item) =>
		listOccurrences(item.schedule, item.changes, { from: rangeFrom, to: rangeTo }, 500).map(
			(occurrence) => ({ item, occurrence })
		)
	);
	const teams = await listTeams(
		items.map((item) => item.target),
		found.map(({ occurrence }) => occurrence.originalDate)
	);
	const names = new Map(items.map((item) => [item.neighbourhood.id, item.neighbourhood.name]));
	const entries: CalendarEntry[] = found.map(({ item, occurrence }) => {
		const key = teamKey(item.target, occurrence.originalDate);
		const team = (teams.get(key) ?? []).map((member) => ({ ...member, phone: null }));
		const past = occurrence.end <= query.now;
		return {
			key,
			type: item.type,
			id: item.id,
			kind: item.kind,
			slug: item.slug,
			title: pickWithLocale(item.title, locale),
			where: item.where ? pickWithLocale(item.where, locale) : null,
			neighbourhood: {
				id: item.neighbourhood.id,
				slug: item.neighbourhood.slug,
				name: pick(item.neighbourhood.name, locale)
			},
			visibility: item.visibility,
			originalDate: occurrence.originalDate,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status,
			note:
				occurrence.note && pick(occurrence.note, locale)
					? pickWithLocale(occurrence.note, locale)
					: null,
			team,
			gap: occurrence.status !== 'cancelled' && !past && team.length === 0,
			past,
			conflicts: [],
			mine: query.viewerId != null && team.some((member) => member.accountId === query.viewerId)
		};
	});

	const conflicts = await findConflicts(
		entries.map((entry) => ({
			key: entry.key,
			neighbourhoodId: entry.neighbourhood.id,
			title: entry.title.text,
			start: entry.start,
			end: entry.end,
			status: entry.status,
			team: entry.team
		})),
		(id) => pick(names.get(id), locale)
	);
	for (const entry of entries) entry.conflicts = conflicts.get(entry.key) ?? [];

	const shown = entries
		.filter(
			(entry) => query.neighbourhoodId == null || entry.neighbourhood.id === query.neighbourhoodId
		)
		.sort(
			(a, b) =>
				a.start.localeCompare(b.start) ||
				a.title.text.localeCompare(b.title.text, locale) ||
				a.key.localeCompare(b.key)
		);
	const counts = {
		dates: shown.filter((entry) => entry.status !== 'cancelled').length,
		gaps: shown.filter((entry) => entry.gap).length,
		conflicts: shown.filter((entry) => entry.conflicts.length > 0).length,
		mine: shown.filter((entry) => entry.mine && entry.status !== 'cancelled').length
	};
	const listed = shown.filter((entry) => keep(entry, query.show ?? 'all'));

	const weeks: CalendarWeek[] = [];
	for (
		let monday = startOfWeek(rangeFrom);
		monday < rangeTo;
		monday = addMinutes(monday, 7 * 24 * 60)
	) {
		const weekEnd = addMinutes(monday, 7 * 24 * 60);
		const inWeek = listed.filter((entry) => entry.start >= monday && entry.start < weekEnd);
		const byDay = new Map<string, CalendarEntry[]>();
		for (const entry of inWeek) {
			const date = entry.start.slice(0, 10);
			byDay.set(date, [...(byDay.get(date) ?? []), entry]);
		}
		weeks.push({
			monday: monday.slice(0, 10),
			days: [...byDay].map(([date, dayEntries]) => ({ date, entries: dayEntries }))
		});
	}
	return { from: query.from, until, weeks, counts };
}
