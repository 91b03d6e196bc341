import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import {
	accounts,
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	outreachLogThemes,
	outreachLogs,
	outreachThemes,
	roundStops,
	rounds
} from '$lib/server/db/schema';
import type { Localized } from '$lib/i18n';
import { currentTime } from '$lib/server/clock';
import { addMonths } from '$lib/server/outreach/coverage';
import { slugify } from '$lib/server/places/slug';
import { toPublicRound } from '$lib/server/rounds/public';
import { listOccurrences } from '$lib/server/schedule/recurrence';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';

/** Themes heard about a neighbourhood, never about a person. */
const DEMO_THEMES: Array<{ key: string; name: Required<Localized>; archived?: boolean }> = [
	{ key: 'loneliness', name: { nl: 'Eenzaamheid', fr: 'Solitude', en: 'Loneliness' } },
	{ key: 'housing', name: { nl: 'Wonen', fr: 'Logement', en: 'Housing' } },
	{
		key: 'green',
		name: { nl: 'Groen in de buurt', fr: 'Espaces verts', en: 'Green space' }
	},
	{ key: 'safety', name: { nl: 'Veiligheid', fr: 'Sécurité', en: 'Safety' } },
	{ key: 'clean', name: { nl: 'Netheid op straat', fr: 'Propreté', en: 'Clean streets' } },
	{
		key: 'mobility',
		name: { nl: 'Verkeer en vervoer', fr: 'Circulation et transports', en: 'Traffic and transport' }
	},
	{
		key: 'meeting',
		name: { nl: 'Plekken om elkaar te ontmoeten', fr: 'Lieux de rencontre', en: 'Meeting places' }
	},
	{ key: 'noise', name: { nl: 'Lawaai', fr: 'Bruit', en: 'Noise' } },
	{
		key: 'play',
		name: {
			nl: 'Speelruimte voor kinderen',
			fr: 'Espaces de jeu pour enfants',
			en: 'Play space for children'
		}
	},
	{
		key: 'money',
		name: { nl: 'Rondkomen', fr: 'Boucler les fins de mois', en: 'Making ends meet' }
	},
	{
		key: 'shops',
		name: { nl: 'Winkels en diensten', fr: 'Commerces et services', en: 'Shops and services' }
	},
	{
		key: 'works',
		name: {
			nl: 'Werken aan het Lemmensplein',
			fr: 'Travaux place Lemmens',
			en: 'Works on Lemmens square'
		},
		archived: true
	}
];

/** What people bring up where: the themes each neighbourhood's logs draw from, likeliest first. */
const THEMES_BY_NEIGHBOURHOOD: Record<string, string[]> = {
	kuregem: ['housing', 'clean', 'play', 'safety', 'money', 'loneliness', 'works'],
	marollen: ['loneliness', 'housing', 'noise', 'meeting', 'shops', 'money'],
	anneessens: ['green', 'meeting', 'mobility', 'loneliness', 'clean', 'noise']
};

/** How far back the demo logs go. */
const DEMO_MONTHS = 6;

/** A small seeded random generator (mulberry32): the same demo every time for the same day. */
function seededRandom(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type DemoLog = {
	roundId: number | null;
	gatheringId: number | null;
	stopPosition: number | null;
	date: string;
	neighbourhoodId: number;
	doorsRung: number;
	conversations: number;
	cameForCoffee: number;
	themeKeys: string[];
};

/**
 * Demo themes and a few months of believable outreach logs up to today: every stop of the two
 * coffee-bus rounds, the monthly walk and some doorbell afternoons in Anneessens, the morning
 * walk in Kuregem. Molenbeek gets none, so the coverage view shows what a gap looks like.
 * Added once, only when there are no themes and no logs yet and the demo rounds exist.
 * Returns true when it added them.
 */
export async function seedDemoOutreachLogIfEmpty(
	db: Db,
	now: Date = currentTime()
): Promise<boolean> {
	const [hasTheme] = await db.select({ id: outreachThemes.id }).from(outreachThemes).limit(1);
	const [hasLog] = await db.select({ id: outreachLogs.id }).from(outreachLogs).limit(1);
	if (hasTheme || hasLog) return false;
	const demoRounds = await db.select().from(rounds).where(eq(rounds.isDemo, true));
	if (demoRounds.length === 0) return false;

	const nowWall = dateToWallTime(now);
	const today = nowWall.slice(0, 10);
	const since = `${addMonths(today, -DEMO_MONTHS).slice(0, 7)}-01`;
	const range = { from: `${since}T00:00`, to: addMinutes(nowWall, 1) };

	const hoods = await db.select().from(neighbourhoods);
	const hoodId = new Map(hoods.map((hood) => [hood.slug, hood.id]));
	const slugOfHood = new Map(hoods.map((hood) => [hood.id, hood.slug]));
	const [worker] = await db
		.select({ id: accounts.id })
		.from(accounts)
		.where(and(eq(accounts.isDemo, true), eq(accounts.username, 'worker')));
	const changes = await db.select().from(occurrenceChanges);
	const random = seededRandom(Number(today.replaceAll('-', '')));
	const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

	const themeKeysFor = (neighbourhoodId: number, date: string) => {
		const pool = (THEMES_BY_NEIGHBOURHOOD[slugOfHood.get(neighbourhoodId) ?? ''] ?? []).filter(
			// The works on the square ended three months ago; the theme is archived since.
			(key) => key !== 'works' || date < addMonths(today, -3)
		);
		const picked = new Set<string>();
		const count = between(0, 3);
		for (let i = 0; i < count && pool.length; i += 1) {
			// Earlier themes in the list come up more often.
			picked.add(pool[Math.floor(random() * random() * pool.length)]);
		}
		return [...picked];
	};

	const logs: DemoLog[] = [];

	for (const round of demoRounds) {
		const hood = hoods.find((row) => row.id === round.neighbourhoodId);
		if (!hood) continue;
		const stops = await db.select().from(roundStops).where(eq(roundStops.roundId, round.id));
		const own = changes.filter((change) => change.roundId === round.id);
		const schedule = toPublicRound(round, hood, stops, own, 'nl');
		for (const occurrence of listOccurrences(schedule, own, range, 500)) {
			if (occurrence.status === 'cancelled' || occurrence.start > nowWall) continue;
			const date = occurrence.start.slice(0, 10);
			for (const stop of stops) {
				const doorsRung = between(6, 28);
				logs.push({
					roundId: round.id,
					gatheringId: null,
					stopPosition: stop.position,
					date,
					neighbourhoodId: round.neighbourhoodId,
					doorsRung,
					conversations: between(2, Math.max(3, Math.round(doorsRung / 2))),
					cameForCoffee: between(3, 16),
					themeKeys: themeKeysFor(round.neighbourhoodId, date)
				});
			}
		}
	}

	const walks = await db.select().from(gatherings).where(eq(gatherings.isDemo, true));
	const walkLogs: Array<{ slug: string; every: number }> = [
		{ slug: 'wandeling-verdwenen-zenne', every: 1 },
		{ slug: 'ochtendwandeling-dauwpark', every: 2 }
	];
	for (const { slug, every } of walkLogs) {
		const walk = walks.find((row) => row.slug === slug);
		if (!walk) continue;
		const own = changes.filter((change) => change.gatheringId === walk.id);
		listOccurrences(walk, own, range, 500)
			.filter((occurrence) => occurrence.status !== 'cancelled' && occurrence.end <= nowWall)
			.filter((_occurrence, index) => index % every === 0)
			.forEach((occurrence) => {
				const date = occurrence.start.slice(0, 10);
				logs.push({
					roundId: null,
					gatheringId: walk.id,
					stopPosition: null,
					date,
					neighbourhoodId: walk.neighbourhoodId,
					doorsRung: 0,
					conversations: between(3, 10),
					cameForCoffee: between(0, 4),
					themeKeys: themeKeysFor(walk.neighbourhoodId, date)
				});
			});
	}

	// Doorbell afternoons in Anneessens, every three weeks or so.
	const anneessens = hoodId.get('anneessens');
	if (anneessens !== undefined) {
		for (let day = range.from.slice(0, 10); day < today;) {
			const doorsRung = between(18, 45);
			logs.push({
				roundId: null,
				gatheringId: null,
				stopPosition: null,
				date: day,
				neighbourhoodId: anneessens,
				doorsRung,
				conversations: between(4, Math.round(doorsRung / 3)),
				cameForCoffee: 0,
				themeKeys: themeKeysFor(anneessens, day)
			});
			day = addMinutes(`${day}T00:00`, between(18, 24) * 24 * 60).slice(0, 10);
		}
	}

	const insertedThemes = await db
		.insert(outreachThemes)
		.values(
			DEMO_THEMES.map((theme) => ({
				slug: slugify(theme.name.nl),
				name: theme.name,
				archivedAt: theme.archived ? now.toISOString().slice(0, 19) + 'Z' : null,
				isDemo: true
			}))
		)
		.returning({ id: outreachThemes.id, slug: outreachThemes.slug });
	const themeId = new Map(
		DEMO_THEMES.map((theme) => [
			theme.key,
			insertedThemes.find((row) => row.slug === slugify(theme.name.nl))!.id
		])
	);

	if (logs.length === 0) return true;
	logs.sort((a, b) => a.date.localeCompare(b.date));
	const inserted = await db
		.insert(outreachLogs)
		.values(
			logs.map(({ themeKeys: _themeKeys, ...log }) => ({
				...log,
				createdBy: worker?.id ?? null,
				isDemo: true
			}))
		)
		.returning({ id: outreachLogs.id });
	const links = inserted.flatMap((row, index) =>
		logs[index].themeKeys.map((key) => ({ logId: row.id, themeId: themeId.get(key)! }))
	);
	if (links.length) await db.insert(outreachLogThemes).values(links);
	return true;
}
