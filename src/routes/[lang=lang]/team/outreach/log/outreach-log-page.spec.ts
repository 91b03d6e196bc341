import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { outreachLogThemes, outreachLogs, rounds } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { LOG_FIELDS } from '$lib/server/outreach/log';
import { addTheme } from '$lib/server/outreach/themes';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { createTestAccount, makeEvent, outcome } from '../../../../../../tests/support/events';
import { actions, load } from './+page.server';
import type { PageServerData } from './$types';

const PAGE = '/nl/team/outreach/log';
let roundId = 0;
let housing = '';
let loneliness = '';
let author: SignedInAccount;
let colleague: SignedInAccount;

beforeAll(async () => {
	// Tuesday 24 November 2026, 10:30 in Brussels, as in the end-to-end tests.
	vi.stubEnv('KWARTIER_NOW', '2026-11-24T10:30:00+01:00');
	await seedDemoIfEmpty(db);
	const [round] = await db.select().from(rounds).where(eq(rounds.slug, 'koffiebus-kuregem'));
	roundId = round.id;
	for (const [nl, set] of [
		['Wonen', (id: string) => (housing = id)],
		['Eenzaamheid', (id: string) => (loneliness = id)]
	] as const) {
		const result = await addTheme({ nameNl: nl, nameFr: '', nameEn: '' }, 'nl');
		if (!result.ok) throw new Error('theme refused');
		set(String(result.id));
	}
	author = await createTestAccount('worker', { displayName: 'Sara Schrijft' });
	colleague = await createTestAccount('worker', { displayName: 'Karim Kijkt' });
});

afterAll(() => {
	vi.unstubAllEnvs();
});

type Form = Record<string, string | string[]>;

function stopForm(overrides: Form = {}): Form {
	return {
		source: `round:${roundId}`,
		stop: `${roundId}:3`,
		neighbourhoodId: '',
		date: '2026-11-10',
		doorsRung: '24',
		conversations: '9',
		cameForCoffee: '12',
		themeIds: [housing, loneliness],
		...overrides
	};
}

async function post(
	action: keyof typeof actions,
	form: Form,
	account: SignedInAccount = author,
	lang = 'nl'
) {
	const { event } = makeEvent(`/${lang}/team/outreach/log?/${action}`, { account, form });
	const run = actions[action] as (event: unknown) => unknown;
	return outcome(() => run(event));
}

async function loadPage(query = '', account: SignedInAccount = author) {
	const { event } = makeEvent(`${PAGE}${query}`, { account });
	return (await load(event as never)) as PageServerData;
}

async function saved(form: Form) {
	const result = await post('save', form);
	if (!isRedirect(result.thrown)) throw new Error(`expected a redirect: ${JSON.stringify(result)}`);
	const match = /\?saved=(\d+)#saved$/.exec(result.thrown.location);
	if (!match) throw new Error(`unexpected location ${result.thrown.location}`);
	return Number(match[1]);
}

describe('the outreach log page', () => {
	it('fills the form in from the day screen’s link', async () => {
		const data = await loadPage(`?round=${roundId}&date=2026-11-10&stop=3`);
		expect(data.values).toMatchObject({
			source: `round:${roundId}`,
			stop: `${roundId}:3`,
			date: '2026-11-10'
		});
		expect(data.today).toBe('2026-11-24');
		expect(data.choices.rounds.map((round) => round.value)).toContain(`round:${roundId}`);
		expect(data.choices.themes.map((theme) => String(theme.id))).toEqual(
			expect.arrayContaining([housing, loneliness])
		);
	});

	it('keeps everything typed when a count is wrong, with the errors in the reader’s language', async () => {
		const form = stopForm({ doorsRung: '-4', conversations: 'veel', date: '2026-12-01' });
		const result = await post('save', form, author, 'fr');
		expect(isActionFailure(result.returned)).toBe(true);
		const failure = result.returned as unknown as {
			status: number;
			data: { values: Record<string, unknown>; errors: Record<string, string> };
		};
		expect(failure.status).toBe(400);
		expect(failure.data.values).toEqual({
			source: `round:${roundId}`,
			stop: `${roundId}:3`,
			neighbourhoodId: '',
			date: '2026-12-01',
			doorsRung: '-4',
			conversations: 'veel',
			cameForCoffee: '12',
			themeIds: [housing, loneliness]
		});
		expect(failure.data.errors).toEqual({
			date: "Cette date n'est pas encore passée. Notez ce qui a déjà eu lieu.",
			doorsRung: 'Indiquez un nombre entier de 0 à 500.',
			conversations: 'Indiquez un nombre entier de 0 à 300.'
		});
		expect(await db.$count(outreachLogs)).toBe(0);
	});

	it('saves a stop with two themes, then shows it and offers the next stop', async () => {
		const id = await saved(stopForm());
		const [row] = await db.select().from(outreachLogs).where(eq(outreachLogs.id, id));
		expect(row).toMatchObject({ roundId, stopPosition: 3, doorsRung: 24, createdBy: author.id });
		expect(await db.$count(outreachLogThemes, eq(outreachLogThemes.logId, id))).toBe(2);

		const data = await loadPage(`?saved=${id}`);
		expect(data.saved).toMatchObject({ id, stopPosition: 3, stopCount: 5, mine: true });
		expect(data.recent.map((log) => log.id)).toContain(id);
		// A colleague sees the log in the list, but not the note meant for its author.
		expect((await loadPage(`?saved=${id}`, colleague)).saved).toBeNull();
	});

	it('ignores anything else a form sends: a name or a note is never stored', async () => {
		const id = await saved(
			stopForm({
				name: 'Jan Janssens',
				note: 'Jan Janssens woont op nummer 12',
				resident: 'Jan Janssens',
				phone: '0470 12 34 56'
			})
		);
		const [row] = await db.select().from(outreachLogs).where(eq(outreachLogs.id, id));
		expect(JSON.stringify(row)).not.toMatch(/Jan|0470/);
	});

	it('names no one in the list of recent logs', async () => {
		const data = await loadPage('', colleague);
		expect(data.recent.length).toBeGreaterThan(0);
		expect(JSON.stringify(data.recent)).not.toMatch(/Sara Schrijft|Karim Kijkt/);
	});

	it('lets the author delete a log, and refuses a colleague', async () => {
		const id = await saved(stopForm());
		const refused = await post('delete', { id: String(id) }, colleague);
		expect(isActionFailure(refused.returned)).toBe(true);
		expect((refused.returned as unknown as { status: number }).status).toBe(403);
		expect(await db.$count(outreachLogs, eq(outreachLogs.id, id))).toBe(1);

		const done = await post('delete', { id: String(id) });
		expect(done.returned).toMatchObject({ message: 'Het verslag is verwijderd.', failed: false });
		const again = await post('delete', { id: String(id) });
		expect(again.returned).toMatchObject({ message: 'Dit verslag was al verwijderd.' });
		const nonsense = await post('delete', { id: '1; drop table' });
		expect(isActionFailure(nonsense.returned)).toBe(true);
	});

	it('posts only counts, a date, what was done and themes: no field for a person', () => {
		const sources = ['+page.svelte', 'CountStepper.svelte'].map((file) =>
			readFileSync(join(import.meta.dirname, file), 'utf8')
		);
		const names = new Set(
			// The name of every form control (an icon's name is not one).
			sources.flatMap((source) =>
				[...source.matchAll(/<(?!Icon\b)[A-Za-z]+\b[^<]*?\bname="([^"{]+)"/g)].map((m) => m[1])
			)
		);
		const allowed = new Set<string>([...LOG_FIELDS, 'id']);
		expect([...names].filter((name) => !allowed.has(name))).toEqual([]);
		for (const field of ['source', 'stop', 'neighbourhoodId', 'date', 'doorsRung', 'themeIds']) {
			expect(names.has(field) || sources[0].includes(`name="${field}"`), field).toBe(true);
		}
		for (const source of sources) {
			expect(source).not.toMatch(/<textarea|type="text"|type="tel"|type="email"/);
		}
	});
});
