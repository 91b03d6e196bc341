import { fail, type RequestEvent } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import type { SignedInAccount } from '$lib/server/auth/session';
import { currentTime } from '$lib/server/clock';
import type { FieldErrors } from '$lib/server/forms';
import {
	addDutyPattern,
	addDutyShift,
	findRosterGaps,
	isRosterError,
	listRoster,
	removeDutyPattern,
	removeDutyShift,
	type RosterDay,
	type RosterGap
} from '$lib/server/roster';
import { dateToWallTime } from '$lib/server/schedule/time';
import {
	ESCALATION_MINUTES,
	findDutyOwner,
	listDutyPeople,
	listNeighbourhoodSettings,
	setEscalationMinutes,
	type NeighbourhoodSetting
} from './roster-data.server';
import {
	parseEscalation,
	parsePattern,
	parseRemoval,
	parseShift,
	readPatternValues,
	readShiftValues,
	rosterErrorMessages,
	type PatternValues,
	type ShiftValues
} from './roster-forms.server';
import type { Actions, PageServerLoad } from './$types';

/** The roster shows two weeks; the lists of changes to remove reach a few months ahead. */
const ROSTER_DAYS = 14;
const CHANGES_DAYS = 120;

export type DayItem = {
	kind: 'duty' | 'off' | 'gap';
	/** Empty for a gap. */
	name: string;
	/** `HH:mm`; the end may be `24:00`. */
	start: string;
	end: string;
};

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

/** A worker plans their own duty; a coordinator anyone's. */
function mayPlanFor(account: SignedInAccount, accountId: number) {
	return accountId === account.id || hasRole(account, 'coordinator');
}

function chooseNeighbourhoods(
	account: SignedInAccount,
	all: NeighbourhoodSetting[],
	asked: string | null
) {
	const hasOwn = account.neighbourhoodIds.length > 0;
	const known =
		asked === 'all' || (asked === 'mine' && hasOwn) || all.some((n) => n.slug === asked);
	const choice = known && asked ? asked : hasOwn ? 'mine' : 'all';
	const shown =
		choice === 'all'
			? all
			: choice === 'mine'
				? all.filter((n) => account.neighbourhoodIds.includes(n.id))
				: all.filter((n) => n.slug === choice);
	return { choice, hasOwn, shown };
}

function dayItems(day: RosterDay, gaps: RosterGap[]): DayItem[] {
	const items: DayItem[] = [
		...day.onDuty.map((entry) => ({
			kind: 'duty' as const,
			name: entry.displayName,
			start: entry.start,
			end: entry.end
		})),
		...day.timeOff.map((entry) => ({
			kind: 'off' as const,
			name: entry.displayName,
			start: entry.start,
			end: entry.end
		})),
		...gaps
			.filter((gap) => gap.start.slice(0, 10) === day.date)
			.map((gap) => ({
				kind: 'gap' as const,
				name: '',
				start: gap.start.slice(11, 16),
				end: gap.end.slice(0, 10) === day.date ? gap.end.slice(11, 16) : '24:00'
			}))
	];
	return items.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

function touches(ids: number[], shown: Set<number>, { emptyMeansAll = false } = {}) {
	return (emptyMeansAll && ids.length === 0) || ids.some((id) => shown.has(id));
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const now = currentTime();
	const isCoordinator = hasRole(account, 'coordinator');
	const all = await listNeighbourhoodSettings(locale);
	const { choice, hasOwn, shown } = chooseNeighbourhoods(
		account,
		all,
		event.url.searchParams.get('neighbourhood')
	);
	const shownIds = new Set(shown.map((n) => n.id));

	const gaps = await findRosterGaps([...shownIds], now, ROSTER_DAYS);
	const sections = [];
	for (const neighbourhood of shown) {
		const roster = await listRoster(now, ROSTER_DAYS, { neighbourhoodIds: [neighbourhood.id] });
		const own = gaps.filter((gap) => gap.neighbourhoodId === neighbourhood.id);
		sections.push({
			...neighbourhood,
			days: roster.days.map((day) => ({
				date: day.date,
				weekday: day.weekday,
				items: dayItems(day, own)
			}))
		});
	}

	// The same hours without anyone in several neighbourhoods read as one line.
	const sameHours = new Map<string, { start: string; end: string; names: string[] }>();
	for (const gap of gaps) {
		const key = `${gap.start}|${gap.end}`;
		const entry = sameHours.get(key) ?? { start: gap.start, end: gap.end, names: [] };
		entry.names.push(shown.find((n) => n.id === gap.neighbourhoodId)?.name ?? '');
		sameHours.set(key, entry);
	}
	const gapList = [...sameHours.values()]
		.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end))
		.map((gap) => ({ ...gap, names: gap.names.sort((a, b) => a.localeCompare(b, locale)) }));

	const changes = await listRoster(now, CHANGES_DAYS);
	const mayRemove = (accountId: number) => mayPlanFor(account, accountId);
	const patterns = changes.patterns
		.filter((pattern) => touches(pattern.neighbourhoodIds, shownIds))
		.sort(
			(a, b) =>
				a.weekday - b.weekday ||
				a.startTime.localeCompare(b.startTime) ||
				a.displayName.localeCompare(b.displayName, locale)
		)
		.map((pattern) => ({
			id: pattern.id,
			displayName: pattern.displayName,
			neighbourhoodIds: pattern.neighbourhoodIds,
			weekday: pattern.weekday,
			startTime: pattern.startTime,
			endTime: pattern.endTime,
			validFrom: pattern.validFrom,
			validUntil: pattern.validUntil,
			mayRemove: mayRemove(pattern.accountId)
		}));
	const shifts = changes.shifts
		.filter((shift) => touches(shift.neighbourhoodIds, shownIds, { emptyMeansAll: true }))
		.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id - b.id)
		.map((shift) => ({
			id: shift.id,
			displayName: shift.displayName,
			neighbourhoodIds: shift.neighbourhoodIds,
			kind: shift.kind,
			startsAt: shift.startsAt,
			endsAt: shift.endsAt,
			mayRemove: mayRemove(shift.accountId)
		}));

	const nowWall = dateToWallTime(now);
	return {
		me: { id: account.id, displayName: account.displayName },
		isCoordinator,
		people: isCoordinator
			? await listDutyPeople()
			: [{ id: account.id, displayName: account.displayName }],
		ownNeighbourhoodIds: account.neighbourhoodIds,
		neighbourhoods: all.map(({ id, slug, name, escalationMinutes }) => ({
			id,
			slug,
			name,
			escalationMinutes
		})),
		filter: { choice, hasOwn },
		today: nowWall.slice(0, 10),
		gaps: gapList,
		sections,
		patterns,
		shifts,
		escalationLimits: ESCALATION_MINUTES
	};
};

type Refusal =
	| { which: 'pattern'; values: PatternValues; errors: FieldErrors }
	| { which: 'shift'; values: ShiftValues; errors: FieldErrors };

async function readForm(event: RequestEvent) {
	return event.request.formData().catch(() => new FormData());
}

function refuse(status: 400 | 403, refusal: Refusal) {
	return fail(status, { ...refusal, message: null as string | null });
}

function notYours(locale: Locale) {
	return m.ro_error_not_yours({}, { locale });
}

async function remove(event: RequestEvent, kind: 'pattern' | 'shift') {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const parsed = parseRemoval(await readForm(event), locale);
	if (!parsed.ok) {
		return fail(400, {
			which: 'remove' as const,
			message: m.error_unknown_item({}, { locale }),
			failed: true
		});
	}
	const owner = await findDutyOwner(kind, parsed.data.id);
	if (owner === undefined) {
		return {
			which: 'remove' as const,
			message: m.ro_already_removed({}, { locale }),
			failed: false
		};
	}
	if (!mayPlanFor(account, owner)) {
		return fail(403, { which: 'remove' as const, message: notYours(locale), failed: true });
	}
	const removed =
		kind === 'pattern'
			? await removeDutyPattern(parsed.data.id)
			: await removeDutyShift(parsed.data.id);
	const message = removed ? m.ro_removed({}, { locale }) : m.ro_already_removed({}, { locale });
	return { which: 'remove' as const, message, failed: false };
}

export const actions = {
	addPattern: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		const values = readPatternValues(await readForm(event));
		const parsed = parsePattern(values, locale);
		if (!parsed.ok) return refuse(400, { which: 'pattern', values, errors: parsed.errors });
		if (!mayPlanFor(account, parsed.data.accountId)) {
			return refuse(403, { which: 'pattern', values, errors: { accountId: notYours(locale) } });
		}
		try {
			await addDutyPattern(parsed.data);
		} catch (thrown) {
			if (!isRosterError(thrown)) throw thrown;
			const errors = rosterErrorMessages(thrown, locale);
			return refuse(400, { which: 'pattern', values, errors });
		}
		return { which: 'pattern' as const, message: m.ro_pattern_saved({}, { locale }) };
	},

	addShift: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		const values = readShiftValues(await readForm(event));
		const parsed = parseShift(values, locale);
		if (!parsed.ok) return refuse(400, { which: 'shift', values, errors: parsed.errors });
		if (!mayPlanFor(account, parsed.data.accountId)) {
			return refuse(403, { which: 'shift', values, errors: { accountId: notYours(locale) } });
		}
		try {
			await addDutyShift({ ...parsed.data, createdBy: account.id });
		} catch (thrown) {
			if (!isRosterError(thrown)) throw thrown;
			const errors = rosterErrorMessages(thrown, locale);
			return refuse(400, { which: 'shift', values, errors });
		}
		const message =
			parsed.data.kind === 'off'
				? m.ro_shift_saved_off({}, { locale })
				: m.ro_shift_saved_extra({}, { locale });
		return { which: 'shift' as const, message };
	},

	removePattern: (event) => remove(event, 'pattern'),

	removeShift: (event) => remove(event, 'shift'),

	setEscalation: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		// Workers see the minutes; only a coordinator changes them. A refusal, not an error
		// page, because the form is on a page every worker uses.
		if (!hasRole(account, 'coordinator')) {
			return fail(403, {
				which: 'escalation' as const,
				neighbourhoodId: null,
				minutes: '',
				errors: { minutes: m.error_forbidden({}, { locale }) } as FieldErrors,
				message: null as string | null
			});
		}
		const formData = await readForm(event);
		const parsed = parseEscalation(formData, locale);
		const typed = String(formData.get('minutes') ?? '');
		const neighbourhoodId = Number(formData.get('neighbourhoodId')) || null;
		if (!parsed.ok) {
			return fail(400, {
				which: 'escalation' as const,
				neighbourhoodId,
				minutes: typed,
				errors: parsed.errors,
				message: null as string | null
			});
		}
		const saved = await setEscalationMinutes(parsed.data.neighbourhoodId, parsed.data.minutes);
		if (!saved) {
			return fail(400, {
				which: 'escalation' as const,
				neighbourhoodId,
				minutes: typed,
				errors: { minutes: m.error_unknown_item({}, { locale }) } as FieldErrors,
				message: null as string | null
			});
		}
		const name =
			(await listNeighbourhoodSettings(locale)).find((n) => n.id === parsed.data.neighbourhoodId)
				?.name ?? '';
		return {
			which: 'escalation' as const,
			neighbourhoodId,
			message: m.ro_escalation_saved(
				{ minutes: parsed.data.minutes, neighbourhood: name },
				{ locale }
			)
		};
	}
} satisfies Actions;
