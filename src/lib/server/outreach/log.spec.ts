import { beforeAll, describe, expect, it } from 'vitest';
import { eq, getTableColumns } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	outreachLogThemes,
	outreachLogs,
	rounds
} from '$lib/server/db/schema';
import { seedDemoIfEmpty } from '$lib/server/seed';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createTestAccount } from '../../../../tests/support/events';
import {
	checkLog,
	COUNT_LIMITS,
	createLog,
	deleteLog,
	emptyLogValues,
	findLog,
	listLogChoices,
	listRecentLogs,
	LOG_FIELDS,
	prefillLogValues,
	type LogValues
} from './log';
import { addTheme, archiveTheme } from './themes';

const TODAY = '2026-11-24';
const ids = { kuregemRound: 0, marollenRound: 0, walk: 0, kuregem: 0, marollen: 0, anneessens: 0 };
const themes = { housing: '', loneliness: '', works: '' };
let author: SignedInAccount;
let otherWorker: SignedInAccount;
let coordinator: SignedInAccount;

async function themeId(nl: string) {
	const result = await addTheme({ nameNl: nl, nameFr: '', nameEn: '' }, 'nl');
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return String(result.id);
}

beforeAll(async () => {
	await seedDemoIfEmpty(db);
	const hoods = await db.select().from(neighbourhoods);
	const hood = (slug: string) => hoods.find((row) => row.slug === slug)!.id;
	ids.kuregem = hood('kuregem');
	ids.marollen = hood('marollen');
	ids.anneessens = hood('anneessens');
	const roundRows = await db.select().from(rounds);
	ids.kuregemRound = roundRows.find((row) => row.slug === 'koffiebus-kuregem')!.id;
	ids.marollenRound = roundRows.find((row) => row.slug === 'koffiebus-marollen')!.id;
	const [walk] = await db
		.select()
		.from(gatherings)
		.where(eq(gatherings.slug, 'wandeling-verdwenen-zenne'));
	ids.walk = walk.id;
	themes.housing = await themeId('Wonen');
	themes.loneliness = await themeId('Eenzaamheid');
	themes.works = await themeId('Werken aan het plein');
	await archiveTheme(Number(themes.works));
	author = await createTestAccount('worker');
	otherWorker = await createTestAccount('worker');
	coordinator = await createTestAccount('coordinator');
});

/** A log for stop 3 of the Kuregem coffee bus, with two themes, as the form would send it. */
function stopLog(overrides: Partial<LogValues> = {}): LogValues {
	return {
		...emptyLogValues(TODAY),
		source: `round:${ids.kuregemRound}`,
		stop: `${ids.kuregemRound}:3`,
		date: '2026-11-10',
		doorsRung: '24',
		conversations: '9',
		cameForCoffee: '12',
		themeIds: [themes.housing, themes.loneliness],
		...overrides
	};
}

async function errorsOf(values: LogValues, locale: 'nl' | 'fr' | 'en' = 'en') {
	const result = await checkLog(values, locale, TODAY);
	if (result.ok) throw new Error('expected the log to be refused');
	return result.errors;
}

describe('checking a log', () => {
	it('accepts a stop of a round with two themes, and takes the round’s neighbourhood', async () => {
		// The neighbourhood field is only read for "other outreach".
		const result = await checkLog(stopLog({ neighbourhoodId: String(ids.marollen) }), 'en', TODAY);
		expect(result).toEqual({
			ok: true,
			input: {
				roundId: ids.kuregemRound,
				gatheringId: null,
				stopPosition: 3,
				date: '2026-11-10',
				neighbourhoodId: ids.kuregem,
				doorsRung: 24,
				conversations: 9,
				cameForCoffee: 12,
				themeIds: [Number(themes.housing), Number(themes.loneliness)]
			}
		});
	});

	it('accepts the whole round, a walk, and other outreach with a neighbourhood', async () => {
		const whole = await checkLog(stopLog({ stop: '' }), 'en', TODAY);
		expect(whole.ok && whole.input.stopPosition).toBeNull();
		const walk = await checkLog(
			stopLog({ source: `gathering:${ids.walk}`, stop: '', themeIds: [] }),
			'en',
			TODAY
		);
		expect(walk.ok && walk.input).toMatchObject({
			gatheringId: ids.walk,
			roundId: null,
			neighbourhoodId: ids.anneessens
		});
		const other = await checkLog(
			stopLog({ source: 'other', stop: '', neighbourhoodId: String(ids.marollen) }),
			'en',
			TODAY
		);
		expect(other.ok && other.input).toMatchObject({
			roundId: null,
			gatheringId: null,
			neighbourhoodId: ids.marollen
		});
	});

	it('reads an empty count as none', async () => {
		const result = await checkLog(stopLog({ cameForCoffee: '' }), 'en', TODAY);
		expect(result.ok && result.input.cameForCoffee).toBe(0);
	});

	it.each([
		['negative', '-3'],
		['huge', '100000000'],
		['over the limit', String(COUNT_LIMITS.doorsRung + 1)],
		['not a number', 'twelve'],
		['a fraction', '2.5'],
		['a power of ten', '1e2'],
		['an infinity', 'Infinity']
	])('refuses a %s count with a message that gives the range', async (_label, typed) => {
		const errors = await errorsOf(stopLog({ doorsRung: typed }));
		expect(errors).toEqual({
			doorsRung: `Enter a whole number from 0 to ${COUNT_LIMITS.doorsRung}.`
		});
	});

	it('accepts the limit itself', async () => {
		const result = await checkLog(
			stopLog({ conversations: String(COUNT_LIMITS.conversations) }),
			'en',
			TODAY
		);
		expect(result.ok).toBe(true);
	});

	it('says what is wrong in the reader’s language, every field at once', async () => {
		const errors = await errorsOf(
			stopLog({ source: '', stop: '', date: '2026-02-30', conversations: '-1' }),
			'nl'
		);
		expect(errors).toEqual({
			source: 'Kies wat je deed: een ronde, een activiteit of andere outreach.',
			date: 'Vul een datum in, bijvoorbeeld 2026-12-24.',
			conversations: 'Vul een heel getal in van 0 tot 300.'
		});
	});

	it('refuses a date still to come and one more than a year back', async () => {
		expect((await errorsOf(stopLog({ date: '2026-11-25' }))).date).toMatch(/still to come/);
		expect((await errorsOf(stopLog({ date: '2025-11-01' }))).date).toMatch(/last 12 months/);
		const today = await checkLog(stopLog({ date: TODAY }), 'en', TODAY);
		expect(today.ok).toBe(true);
	});

	it('needs a neighbourhood for other outreach, and one that exists', async () => {
		expect((await errorsOf(stopLog({ source: 'other', stop: '' }))).neighbourhoodId).toBe(
			'Choose the neighbourhood.'
		);
		expect(
			(await errorsOf(stopLog({ source: 'other', stop: '', neighbourhoodId: '999999' })))
				.neighbourhoodId
		).toMatch(/does not exist/);
	});

	it('refuses a round or gathering that does not exist, or a made-up choice', async () => {
		expect((await errorsOf(stopLog({ source: 'round:999999', stop: '' }))).source).toMatch(
			/does not exist/
		);
		expect((await errorsOf(stopLog({ source: 'gathering:999999' }))).source).toMatch(
			/does not exist/
		);
		expect((await errorsOf(stopLog({ source: "round:1' OR 1=1" }))).source).toMatch(
			/does not exist/
		);
	});

	it('refuses a stop without a round, of another round, or that the round does not have', async () => {
		expect((await errorsOf(stopLog({ source: `gathering:${ids.walk}` }))).stop).toMatch(
			/only goes with a coffee-bus round/
		);
		expect((await errorsOf(stopLog({ stop: `${ids.marollenRound}:2` }))).stop).toMatch(
			/belongs to another round/
		);
		expect((await errorsOf(stopLog({ stop: `${ids.kuregemRound}:9` }))).stop).toMatch(
			/does not exist/
		);
		expect((await errorsOf(stopLog({ stop: '3' }))).stop).toMatch(/does not exist/);
	});

	it('refuses an unknown theme, a made-up id, and an archived theme for a new log', async () => {
		expect((await errorsOf(stopLog({ themeIds: ['999999'] }))).themeIds).toMatch(/not on the list/);
		expect((await errorsOf(stopLog({ themeIds: ['housing'] }))).themeIds).toMatch(
			/not on the list/
		);
		expect((await errorsOf(stopLog({ themeIds: [themes.works] }), 'fr')).themeIds).toBe(
			"Le thème « Werken aan het plein » n'est plus utilisé. Choisissez-en un autre."
		);
	});

	it('counts a theme ticked twice once', async () => {
		const result = await checkLog(
			stopLog({ themeIds: [themes.housing, themes.housing] }),
			'en',
			TODAY
		);
		expect(result.ok && result.input.themeIds).toEqual([Number(themes.housing)]);
	});
});

describe('the log form', () => {
	it('has no field for a person or a note: counts, a date, a place in the schedule, themes', () => {
		expect([...LOG_FIELDS].sort()).toEqual(
			[
				'cameForCoffee',
				'conversations',
				'date',
				'doorsRung',
				'neighbourhoodId',
				'source',
				'stop',
				'themeIds'
			].sort()
		);
		const person =
			/name|person|who|note|comment|remark|text|phone|mail|age|gender|resident|visitor/i;
		expect(LOG_FIELDS.filter((field) => person.test(field))).toEqual([]);
	});

	it('stores nothing but counts and themes: the table has no column for a person or a note', () => {
		const columns = Object.keys(getTableColumns(outreachLogs));
		expect(columns.filter((column) => /name|person|note|text|phone|mail/i.test(column))).toEqual(
			[]
		);
	});

	it('is filled in from the link of the round’s day screen', () => {
		const values = prefillLogValues(
			new URLSearchParams(`round=${ids.kuregemRound}&date=2026-11-10&stop=3`),
			TODAY
		);
		expect(values).toMatchObject({
			source: `round:${ids.kuregemRound}`,
			stop: `${ids.kuregemRound}:3`,
			date: '2026-11-10',
			doorsRung: '0'
		});
		expect(prefillLogValues(new URLSearchParams(`gathering=${ids.walk}`), TODAY)).toMatchObject({
			source: `gathering:${ids.walk}`,
			stop: '',
			date: TODAY
		});
	});

	it('leaves out what does not fit in a link instead of refusing it', () => {
		const values = prefillLogValues(
			new URLSearchParams('round=abc&date=2027-01-01&stop=<b>&neighbourhood=x'),
			TODAY
		);
		expect(values).toEqual(emptyLogValues(TODAY));
	});

	it('offers the rounds with their stops, walks apart, and only the themes in use', async () => {
		const choices = await listLogChoices('fr');
		const round = choices.rounds.find((r) => r.value === `round:${ids.kuregemRound}`);
		expect(round?.name).toBe('Bus-café Cureghem');
		expect(round?.stops.map((stop) => stop.value)).toEqual(
			[1, 2, 3, 4, 5].map((n) => `${ids.kuregemRound}:${n}`)
		);
		expect(choices.walks.map((walk) => walk.value)).toContain(`gathering:${ids.walk}`);
		expect(choices.gatherings.map((g) => g.value)).not.toContain(`gathering:${ids.walk}`);
		expect(choices.themes.map((theme) => String(theme.id))).toEqual(
			expect.arrayContaining([themes.housing, themes.loneliness])
		);
		expect(choices.themes.map((theme) => String(theme.id))).not.toContain(themes.works);
	});
});

describe('stored logs', () => {
	it('keeps the log and its themes, and lists it without anyone’s name', async () => {
		const checked = await checkLog(stopLog(), 'en', TODAY);
		if (!checked.ok) throw new Error('expected a valid log');
		const id = await createLog(checked.input, author.id);
		const links = await db.select().from(outreachLogThemes).where(eq(outreachLogThemes.logId, id));
		expect(links.map((link) => String(link.themeId)).sort()).toEqual(
			[themes.housing, themes.loneliness].sort()
		);

		const mine = await findLog(id, author, 'en');
		expect(mine).toMatchObject({
			kind: 'round',
			title: 'Kuregem coffee bus',
			stopPosition: 3,
			stopStreet: 'Lemmensplein / Place Lemmens',
			stopCount: 5,
			neighbourhood: 'Kuregem / Cureghem',
			doorsRung: 24,
			themes: ['Eenzaamheid', 'Wonen'],
			mine: true,
			mayDelete: true
		});
		const seenByOther = (await listRecentLogs(otherWorker, 'en')).find((log) => log.id === id);
		expect(seenByOther).toMatchObject({ mine: false, mayDelete: false });
		expect(JSON.stringify(seenByOther)).not.toContain(author.displayName);
	});

	it('may be deleted by its author or a coordinator, not by another worker', async () => {
		const checked = await checkLog(stopLog(), 'en', TODAY);
		if (!checked.ok) throw new Error('expected a valid log');
		const first = await createLog(checked.input, author.id);
		const second = await createLog(checked.input, author.id);
		expect(await deleteLog(first, otherWorker)).toBe('not-allowed');
		expect(await deleteLog(first, author)).toBe('deleted');
		expect(await deleteLog(first, author)).toBe('not-found');
		expect(await deleteLog(second, coordinator)).toBe('deleted');
		expect(await db.$count(outreachLogThemes, eq(outreachLogThemes.logId, second))).toBe(0);
	});

	it('lists the latest date first', async () => {
		const checked = await checkLog(stopLog({ date: '2026-06-09', stop: '' }), 'en', TODAY);
		if (!checked.ok) throw new Error('expected a valid log');
		const old = await createLog(checked.input, author.id);
		const dates = (await listRecentLogs(author, 'en')).map((log) => log.date);
		expect(dates).toEqual([...dates].sort().reverse());
		expect((await listRecentLogs(author, 'en', 100)).at(-1)?.id).toBe(old);
	});
});
