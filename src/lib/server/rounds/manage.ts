import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	neighbourhoods,
	occurrenceChanges,
	roundStops,
	rounds,
	type Round,
	type RoundStop,
	type Visibility
} from '$lib/server/db/schema';
import { pick, type Locale, type Localized } from '$lib/i18n';
import { createSlug, missingLanguages } from '$lib/server/gatherings/manage';
import { toPublicRound } from '$lib/server/rounds/public';
import { nextOccurrences } from '$lib/server/schedule/recurrence';

export type StopInput = {
	street: string;
	lat: number;
	lon: number;
	/** `HH:mm` */
	arrivalTime: string;
	stayMinutes: number;
};

export type RoundInput = {
	name: Localized;
	description: Localized;
	neighbourhoodId: number;
	startsAt: string;
	rrule: string | null;
	partners: string[];
	visibility: Visibility;
};

export type TeamRoundSummary = {
	id: number;
	slug: string;
	name: string;
	visibility: Visibility;
	neighbourhood: string;
	startsAt: string;
	rrule: string | null;
	stopCount: number;
	missingLanguages: Locale[];
	nextStart: string | null;
	archived: boolean;
};

export type StopTimeProblem =
	| { index: number; problem: 'before-start'; startTime: string }
	| { index: number; problem: 'not-later' }
	| { index: number; problem: 'still-at-previous'; until: string };

const now = () => new Date().toISOString().slice(0, 19) + 'Z';

function minutesOf(time: string) {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

function timeOf(minutes: number) {
	const hours = Math.floor(minutes / 60) % 24;
	return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Where the order of stops and their times disagree. The bus leaves at the start time and
 * is at one stop at a time, so each arrival comes after the previous stop's stay.
 */
export function checkStopTimes(
	stops: Pick<StopInput, 'arrivalTime' | 'stayMinutes'>[],
	startTime: string
): StopTimeProblem[] {
	const problems: StopTimeProblem[] = [];
	stops.forEach((stop, index) => {
		const arrival = minutesOf(stop.arrivalTime);
		if (index === 0) {
			if (arrival < minutesOf(startTime))
				problems.push({ index, problem: 'before-start', startTime });
			return;
		}
		const previous = stops[index - 1];
		const previousArrival = minutesOf(previous.arrivalTime);
		if (arrival <= previousArrival) problems.push({ index, problem: 'not-later' });
		else if (arrival < previousArrival + previous.stayMinutes)
			problems.push({
				index,
				problem: 'still-at-previous',
				until: timeOf(previousArrival + previous.stayMinutes)
			});
	});
	return problems;
}

export async function listTeamRounds(locale: Locale, nowWall: string): Promise<TeamRoundSummary[]> {
	const rows = await db
		.select({ round: rounds, neighbourhood: neighbourhoods })
		.from(rounds)
		.innerJoin(neighbourhoods, eq(rounds.neighbourhoodId, neighbourhoods.id))
		.orderBy(asc(rounds.slug));
	const ids = rows.map((row) => row.round.id);
	const [stops, changes] =
		ids.length === 0
			? [[], []]
			: await Promise.all([
					db.select().from(roundStops).where(inArray(roundStops.roundId, ids)),
					db.select().from(occurrenceChanges).where(inArray(occurrenceChanges.roundId, ids))
				]);
	return rows
		.map(({ round, neighbourhood }) => {
			const own = stops.filter((stop) => stop.roundId === round.id);
			const ownChanges = changes.filter((change) => change.roundId === round.id);
			const schedule = toPublicRound(round, neighbourhood, own, ownChanges, locale);
			const [next] = nextOccurrences(schedule, ownChanges, nowWall, 5).filter(
				(occurrence) => occurrence.status !== 'cancelled'
			);
			return {
				id: round.id,
				slug: round.slug,
				name: pick(round.name, locale),
				visibility: round.visibility,
				neighbourhood: pick(neighbourhood.name, locale),
				startsAt: round.startsAt,
				rrule: round.rrule,
				stopCount: own.length,
				missingLanguages: missingLanguages(round.name, round.description),
				nextStart: next?.start ?? null,
				archived: round.archivedAt !== null
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}

export async function findRound(
	id: number
): Promise<{ round: Round; stops: RoundStop[] } | undefined> {
	const [round] = await db.select().from(rounds).where(eq(rounds.id, id)).limit(1);
	if (!round) return undefined;
	const stops = await db
		.select()
		.from(roundStops)
		.where(eq(roundStops.roundId, id))
		.orderBy(asc(roundStops.position));
	return { round, stops };
}

type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];

// better-sqlite3 runs a transaction synchronously (an async callback is refused), so the
// statements inside use run()/get() instead of await; a round and its stops change together.
function writeStops(tx: Transaction, roundId: number, stops: StopInput[]) {
	tx.delete(roundStops).where(eq(roundStops.roundId, roundId)).run();
	if (stops.length === 0) return;
	tx.insert(roundStops)
		.values(stops.map((stop, index) => ({ ...stop, roundId, position: index + 1 })))
		.run();
}

export async function createRound(
	input: RoundInput,
	stops: StopInput[]
): Promise<{ id: number; slug: string }> {
	const slug = await createSlug(input.name, rounds, 'round');
	return db.transaction((tx) => {
		const row = tx
			.insert(rounds)
			.values({ ...input, slug })
			.returning({ id: rounds.id, slug: rounds.slug })
			.get();
		writeStops(tx, row.id, stops);
		return row;
	});
}

/** The slug stays as it was: links people shared keep working after a name changes. */
export async function updateRound(id: number, input: RoundInput, stops: StopInput[]) {
	db.transaction((tx) => {
		tx.update(rounds)
			.set({ ...input, updatedAt: now() })
			.where(eq(rounds.id, id))
			.run();
		writeStops(tx, id, stops);
	});
}

/** The stops in this order, numbered from 1; the old list is gone. */
export async function replaceStops(roundId: number, stops: StopInput[]) {
	db.transaction((tx) => {
		writeStops(tx, roundId, stops);
		tx.update(rounds).set({ updatedAt: now() }).where(eq(rounds.id, roundId)).run();
	});
}

export async function archiveRound(id: number) {
	await db.update(rounds).set({ archivedAt: now(), updatedAt: now() }).where(eq(rounds.id, id));
}

export async function unarchiveRound(id: number) {
	await db.update(rounds).set({ archivedAt: null, updatedAt: now() }).where(eq(rounds.id, id));
}
