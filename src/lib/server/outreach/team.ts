import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	accountNeighbourhoods,
	accounts,
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	outreachTeam,
	places,
	roundStops,
	rounds,
	type Neighbourhood,
	type OccurrenceChange,
	type Role,
	type Visibility
} from '$lib/server/db/schema';
import type { Localized } from '$lib/i18n';
import { toPublicRound, type PublicStop } from '$lib/server/rounds/public';
import {
	listOccurrences,
	type Occurrence,
	type RecurringItem
} from '$lib/server/schedule/recurrence';
import { isRealOccurrence } from '$lib/server/schedule/rrule-builder';
import { addMinutes, isWallTime } from '$lib/server/schedule/time';

/*
 * Who goes along on one date of a coffee-bus round, a walk or a drop-in hour. A date is the
 * occurrence's original date, so a team stays with its date when that date is moved.
 */

/** The gatherings that are outreach: a worker goes out into the neighbourhood. */
export const OUTREACH_GATHERING_KINDS = ['walk', 'drop-in-hour'] as const;
export type OutreachGatheringKind = (typeof OUTREACH_GATHERING_KINDS)[number];
export type OutreachKind = 'round' | OutreachGatheringKind;

export type OutreachTarget = { roundId: number } | { gatheringId: number };

/** A round, walk or drop-in hour, with everything needed to expand and show its dates. */
export type OutreachItem = {
	target: OutreachTarget;
	type: 'round' | 'gathering';
	id: number;
	kind: OutreachKind;
	slug: string;
	title: Localized;
	neighbourhood: Pick<Neighbourhood, 'id' | 'slug' | 'name' | 'boundary'>;
	/** A place name, meeting point or first stop; plain strings are the same in every language. */
	where: Localized | null;
	visibility: Visibility;
	/** For a round: starts at the first stop, lasts until the end of the last stop. */
	schedule: RecurringItem;
	changes: OccurrenceChange[];
	stops: PublicStop[];
	partners: string[];
};

export type TeamMember = {
	/** The row of the team list, to remove it again. */
	id: number;
	accountId: number | null;
	name: string;
	/** The account's role, or `partner` for someone from a partner organisation. */
	role: Role | 'partner';
	phone: string | null;
};

export type TeamRefusal =
	| 'not-found'
	| 'not-a-date'
	| 'cancelled'
	| 'unknown-account'
	| 'already-on-team'
	| 'team-full'
	| 'partner-name'
	| 'not-on-team';

export type TeamResult = { ok: true; memberId: number } | { ok: false; reason: TeamRefusal };

export const PARTNER_NAME_MAX = 80;
export const PARTNER_PHONE_MAX = 30;
// Far above any real team; it keeps a runaway script from filling a date.
const TEAM_MAX = 30;

const sameText = (text: string) => ({ nl: text, fr: text, en: text });

export function teamKey(target: OutreachTarget, date: string): string {
	return 'roundId' in target
		? `round-${target.roundId}-${date}`
		: `gathering-${target.gatheringId}-${date}`;
}

export function isOutreachGatheringKind(kind: string): kind is OutreachGatheringKind {
	return (OUTREACH_GATHERING_KINDS as readonly string[]).includes(kind);
}

type ItemFilter = { neighbourhoodId?: number | null; target?: OutreachTarget };

/**
 * The rounds, walks and drop-in hours that are not archived, whatever their visibility:
 * workers plan members-only and hidden ones too.
 */
export async function listOutreachItems(filter: ItemFilter = {}): Promise<OutreachItem[]> {
	const wantRounds = !filter.target || 'roundId' in filter.target;
	const wantGatherings = !filter.target || 'gatheringId' in filter.target;
	const hood = filter.neighbourhoodId ?? null;
	const [roundItems, gatheringItems] = await Promise.all([
		wantRounds ? listRoundItems(hood, filter.target) : [],
		wantGatherings ? listGatheringItems(hood, filter.target) : []
	]);
	return [...roundItems, ...gatheringItems];
}

export async function findOutreachItem(target: OutreachTarget): Promise<OutreachItem | undefined> {
	const [item] = await listOutreachItems({ target });
	return item;
}

async function listRoundItems(
	neighbourhoodId: number | null,
	target?: OutreachTarget
): Promise<OutreachItem[]> {
	const conditions: SQL[] = [isNull(rounds.archivedAt)];
	if (neighbourhoodId !== null) conditions.push(eq(rounds.neighbourhoodId, neighbourhoodId));
	if (target && 'roundId' in target) conditions.push(eq(rounds.id, target.roundId));
	const rows = await db
		.select({ round: rounds, neighbourhood: neighbourhoods })
		.from(rounds)
		.innerJoin(neighbourhoods, eq(rounds.neighbourhoodId, neighbourhoods.id))
		.where(and(...conditions))
		.orderBy(asc(rounds.id));
	const ids = rows.map((row) => row.round.id);
	if (ids.length === 0) return [];
	const [stops, changes] = await Promise.all([
		db.select().from(roundStops).where(inArray(roundStops.roundId, ids)),
		db.select().from(occurrenceChanges).where(inArray(occurrenceChanges.roundId, ids))
	]);
	return rows.map(({ round, neighbourhood }) => {
		const own = changes.filter((change) => change.roundId === round.id);
		// Expanded exactly as the public round page and the team's round page do.
		const shown = toPublicRound(
			round,
			neighbourhood,
			stops.filter((stop) => stop.roundId === round.id),
			own,
			'nl'
		);
		return {
			target: { roundId: round.id },
			type: 'round' as const,
			id: round.id,
			kind: 'round' as const,
			slug: round.slug,
			title: round.name,
			neighbourhood,
			where: shown.stops[0] ? sameText(shown.stops[0].street) : null,
			visibility: round.visibility,
			schedule: {
				startsAt: shown.startsAt,
				rrule: shown.rrule,
				durationMinutes: shown.durationMinutes
			},
			changes: own,
			stops: shown.stops,
			partners: round.partners
		};
	});
}

async function listGatheringItems(
	neighbourhoodId: number | null,
	target?: OutreachTarget
): Promise<OutreachItem[]> {
	const conditions: SQL[] = [
		isNull(gatherings.archivedAt),
		inArray(gatherings.kind, [...OUTREACH_GATHERING_KINDS])
	];
	if (neighbourhoodId !== null) conditions.push(eq(gatherings.neighbourhoodId, neighbourhoodId));
	if (target && 'gatheringId' in target) conditions.push(eq(gatherings.id, target.gatheringId));
	const rows = await db
		.select({ gathering: gatherings, place: places, neighbourhood: neighbourhoods })
		.from(gatherings)
		.innerJoin(neighbourhoods, eq(gatherings.neighbourhoodId, neighbourhoods.id))
		.leftJoin(places, eq(gatherings.placeId, places.id))
		.where(and(...conditions))
		.orderBy(asc(gatherings.id));
	const ids = rows.map((row) => row.gathering.id);
	if (ids.length === 0) return [];
	const changes = await db
		.select()
		.from(occurrenceChanges)
		.where(inArray(occurrenceChanges.gatheringId, ids));
	return rows.map(({ gathering, place, neighbourhood }) => ({
		target: { gatheringId: gathering.id },
		type: 'gathering' as const,
		id: gathering.id,
		kind: gathering.kind as OutreachGatheringKind,
		slug: gathering.slug,
		title: gathering.title,
		neighbourhood,
		where: place ? place.name : gathering.pointName ? sameText(gathering.pointName) : null,
		visibility: gathering.visibility,
		schedule: {
			startsAt: gathering.startsAt,
			rrule: gathering.rrule,
			durationMinutes: gathering.durationMinutes
		},
		changes: changes.filter((change) => change.gatheringId === gathering.id),
		stops: [],
		partners: []
	}));
}

/**
 * The occurrence the rule gives on this original date, with its cancellation or move applied;
 * null when the rule gives no date that day.
 */
export function occurrenceOn(item: OutreachItem, originalDate: string): Occurrence | null {
	if (!isRealOccurrence(item.schedule, originalDate)) return null;
	const dayStart = `${originalDate}T00:00`;
	const original = listOccurrences(item.schedule, [], {
		from: dayStart,
		to: addMinutes(dayStart, 24 * 60)
	}).find((occurrence) => occurrence.originalDate === originalDate);
	if (!original) return null;
	const change = item.changes.find((entry) => entry.originalDate === originalDate);
	if (!change) return original;
	const start =
		change.status === 'moved' && change.movedTo && isWallTime(change.movedTo)
			? change.movedTo
			: original.start;
	return {
		originalDate,
		start,
		end: addMinutes(start, item.schedule.durationMinutes),
		status: change.status,
		note: change.note
	};
}

function targetCondition(target: OutreachTarget): SQL {
	return 'roundId' in target
		? eq(outreachTeam.roundId, target.roundId)
		: eq(outreachTeam.gatheringId, target.gatheringId);
}

const memberColumns = {
	id: outreachTeam.id,
	roundId: outreachTeam.roundId,
	gatheringId: outreachTeam.gatheringId,
	date: outreachTeam.date,
	accountId: outreachTeam.accountId,
	partnerName: outreachTeam.partnerName,
	partnerPhone: outreachTeam.partnerPhone,
	displayName: accounts.displayName,
	role: accounts.role,
	phone: accounts.phone,
	disabledAt: accounts.disabledAt
};

type MemberRow = {
	id: number;
	accountId: number | null;
	partnerName: string | null;
	partnerPhone: string | null;
	displayName: string | null;
	role: Role | null;
	phone: string | null;
	disabledAt: string | null;
};

/** A switched-off account is no longer on any team: the date shows what is really planned. */
function toMember(row: MemberRow): TeamMember | null {
	if (row.accountId !== null) {
		if (row.displayName === null || row.role === null || row.disabledAt !== null) return null;
		return {
			id: row.id,
			accountId: row.accountId,
			name: row.displayName,
			role: row.role,
			phone: row.phone
		};
	}
	if (!row.partnerName) return null;
	return {
		id: row.id,
		accountId: null,
		name: row.partnerName,
		role: 'partner',
		phone: row.partnerPhone
	};
}

/** Accounts first (workers and coordinators, then volunteers), then partners, by name. */
function sortTeam(members: TeamMember[]): TeamMember[] {
	const order = { coordinator: 0, worker: 0, volunteer: 1, partner: 2 };
	return members.sort(
		(a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name) || a.id - b.id
	);
}

export async function listTeam(target: OutreachTarget, date: string): Promise<TeamMember[]> {
	const rows = await db
		.select(memberColumns)
		.from(outreachTeam)
		.leftJoin(accounts, eq(outreachTeam.accountId, accounts.id))
		.where(and(targetCondition(target), eq(outreachTeam.date, date)))
		.orderBy(asc(outreachTeam.id));
	return sortTeam(rows.flatMap((row) => toMember(row) ?? []));
}

/** The teams of many dates at once, by `teamKey`. */
export async function listTeams(
	targets: OutreachTarget[],
	dates: string[]
): Promise<Map<string, TeamMember[]>> {
	const byKey = new Map<string, TeamMember[]>();
	const roundIds = targets.flatMap((target) => ('roundId' in target ? [target.roundId] : []));
	const gatheringIds = targets.flatMap((target) =>
		'gatheringId' in target ? [target.gatheringId] : []
	);
	if (dates.length === 0 || (roundIds.length === 0 && gatheringIds.length === 0)) return byKey;
	const rows = await db
		.select(memberColumns)
		.from(outreachTeam)
		.leftJoin(accounts, eq(outreachTeam.accountId, accounts.id))
		.where(
			and(
				or(
					roundIds.length ? inArray(outreachTeam.roundId, roundIds) : undefined,
					gatheringIds.length ? inArray(outreachTeam.gatheringId, gatheringIds) : undefined
				),
				inArray(outreachTeam.date, [...new Set(dates)])
			)
		)
		.orderBy(asc(outreachTeam.id));
	for (const row of rows) {
		const member = toMember(row);
		if (!member) continue;
		const target: OutreachTarget =
			row.roundId !== null ? { roundId: row.roundId } : { gatheringId: row.gatheringId ?? 0 };
		const key = teamKey(target, row.date);
		byKey.set(key, [...(byKey.get(key) ?? []), member]);
	}
	for (const members of byKey.values()) sortTeam(members);
	return byKey;
}

type DateRef = { target: OutreachTarget; date: string };

/** A date one can still plan for: the item exists and its rule gives that date. */
async function checkDate({
	target,
	date
}: DateRef): Promise<{ ok: true } | { ok: false; reason: TeamRefusal }> {
	const item = await findOutreachItem(target);
	if (!item) return { ok: false, reason: 'not-found' };
	const occurrence = occurrenceOn(item, date);
	if (!occurrence) return { ok: false, reason: 'not-a-date' };
	if (occurrence.status === 'cancelled') return { ok: false, reason: 'cancelled' };
	return { ok: true };
}

type NewMember = {
	accountId: number | null;
	partnerName: string | null;
	partnerPhone: string | null;
	addedBy: number | null;
};

// better-sqlite3 runs a transaction synchronously, so "already on the team?" and the insert
// cannot be split by another request.
function insertMember(ref: DateRef, member: NewMember): TeamResult {
	return db.transaction((tx) => {
		const rows = tx
			.select({ accountId: outreachTeam.accountId, partnerName: outreachTeam.partnerName })
			.from(outreachTeam)
			.where(and(targetCondition(ref.target), eq(outreachTeam.date, ref.date)))
			.all();
		const partner = member.partnerName?.toLocaleLowerCase();
		const taken = rows.some((row) =>
			member.accountId !== null
				? row.accountId === member.accountId
				: row.accountId === null && row.partnerName?.toLocaleLowerCase() === partner
		);
		if (taken) return { ok: false as const, reason: 'already-on-team' as const };
		if (rows.length >= TEAM_MAX) return { ok: false as const, reason: 'team-full' as const };
		const inserted = tx
			.insert(outreachTeam)
			.values({ ...ref.target, date: ref.date, ...member })
			.returning({ id: outreachTeam.id })
			.get();
		return { ok: true as const, memberId: inserted.id };
	});
}

/** A volunteer, worker or coordinator whose account is not switched off. */
export async function addAccountToTeam(
	ref: DateRef & { accountId: number; addedBy: number | null }
): Promise<TeamResult> {
	const checked = await checkDate(ref);
	if (!checked.ok) return checked;
	const [account] = await db
		.select({ id: accounts.id })
		.from(accounts)
		.where(and(eq(accounts.id, ref.accountId), isNull(accounts.disabledAt)))
		.limit(1);
	if (!account) return { ok: false, reason: 'unknown-account' };
	return insertMember(ref, {
		accountId: account.id,
		partnerName: null,
		partnerPhone: null,
		addedBy: ref.addedBy
	});
}

/** Someone from a partner organisation (the CAW, the municipality): a name, maybe a phone. */
export async function addPartnerToTeam(
	ref: DateRef & { name: string; phone: string | null; addedBy: number | null }
): Promise<TeamResult> {
	const name = ref.name.trim();
	if (!name || name.length > PARTNER_NAME_MAX) return { ok: false, reason: 'partner-name' };
	const checked = await checkDate(ref);
	if (!checked.ok) return checked;
	const phone = ref.phone?.trim().slice(0, PARTNER_PHONE_MAX) || null;
	return insertMember(ref, {
		accountId: null,
		partnerName: name,
		partnerPhone: phone,
		addedBy: ref.addedBy
	});
}

/** Off the team of this date; also allowed on a cancelled date. */
export async function removeFromTeam(
	ref: DateRef & { memberId: number }
): Promise<{ ok: true } | { ok: false; reason: 'not-on-team' }> {
	const removed = await db
		.delete(outreachTeam)
		.where(
			and(
				targetCondition(ref.target),
				eq(outreachTeam.date, ref.date),
				eq(outreachTeam.id, ref.memberId)
			)
		)
		.returning({ id: outreachTeam.id });
	return removed.length > 0 ? { ok: true } : { ok: false, reason: 'not-on-team' };
}

/** The row that puts this account on this date's team, if any. */
export async function findOwnMembership(ref: DateRef & { accountId: number }) {
	const [row] = await db
		.select({ id: outreachTeam.id })
		.from(outreachTeam)
		.where(
			and(
				targetCondition(ref.target),
				eq(outreachTeam.date, ref.date),
				eq(outreachTeam.accountId, ref.accountId)
			)
		)
		.limit(1);
	return row?.id ?? null;
}

export type TeamCandidate = {
	id: number;
	name: string;
	role: Role;
	/** Works in the neighbourhood of the date: listed first. */
	local: boolean;
};

/** Everyone who can be put on a team: accounts that are not switched off. */
export async function listTeamCandidates(neighbourhoodId: number): Promise<TeamCandidate[]> {
	const rows = await db
		.select({
			id: accounts.id,
			name: accounts.displayName,
			role: accounts.role
		})
		.from(accounts)
		.where(isNull(accounts.disabledAt));
	const local = new Set(
		(
			await db
				.select({ accountId: accountNeighbourhoods.accountId })
				.from(accountNeighbourhoods)
				.where(eq(accountNeighbourhoods.neighbourhoodId, neighbourhoodId))
		).map((row) => row.accountId)
	);
	return rows
		.map((row) => ({ ...row, local: local.has(row.id) }))
		.sort(
			(a, b) => Number(b.local) - Number(a.local) || a.name.localeCompare(b.name) || a.id - b.id
		);
}
