import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	places,
	rounds,
	suggestions,
	type Suggestion
} from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { actions, load } from './+page.server';
import Page from './+page.svelte';
import type { PageServerData } from './$types';

type Action = keyof typeof actions;

let worker: SignedInAccount;
let otherWorker: SignedInAccount;
let volunteer: SignedInAccount;
const ids = { place: 0, gathering: 0, round: 0 };
let minute = 0;

/** A suggestion as a resident leaves it, a minute after the one before. */
async function suggest(values: Partial<typeof suggestions.$inferInsert> = {}) {
	minute += 1;
	const [row] = await db
		.insert(suggestions)
		.values({
			type: 'new-place',
			name: 'Buurtkamer Zuid',
			details: 'Een huiskamer waar je gewoon binnen kunt lopen voor koffie.',
			locale: 'nl',
			createdAt: `2026-03-01T09:${String(minute).padStart(2, '0')}:00Z`,
			...values
		})
		.returning();
	return row;
}

async function find(id: number): Promise<Suggestion> {
	const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
	return row;
}

async function act(
	action: Action,
	id: number | string,
	{ account = worker, lang = 'nl' }: { account?: SignedInAccount | null; lang?: string } = {}
) {
	const { event } = makeEvent(`/${lang}/team/suggestions?/${action}`, {
		account,
		form: { id: String(id) }
	});
	return outcome(() => actions[action](event as never));
}

async function visit(query = '', account: SignedInAccount | null = worker, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/suggestions${query}`, { account });
	return outcome(() => load(event as never) as Promise<PageServerData>);
}

async function listed(status: string) {
	const { returned } = await visit(`?status=${status}`);
	return returned?.suggestions.map((suggestion) => suggestion.id) ?? [];
}

beforeAll(async () => {
	worker = await createTestAccount('worker', { displayName: 'Wout Werker' });
	otherWorker = await createTestAccount('coordinator');
	volunteer = await createTestAccount('volunteer');
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'kuregem',
			name: { nl: 'Kuregem', fr: 'Cureghem' },
			municipality: 'Anderlecht',
			centreLat: 50.835,
			centreLon: 4.315
		})
		.returning();
	const [place] = await db
		.insert(places)
		.values({
			slug: 'het-buurthuis',
			kind: 'neighbourhood-centre',
			name: { nl: 'Het Buurthuis', fr: 'La Maison de quartier' },
			whatToExpect: { nl: 'Koffie.' },
			neighbourhoodId: hood.id
		})
		.returning();
	const [gathering] = await db
		.insert(gatherings)
		.values({
			slug: 'soep-op-vrijdag',
			kind: 'shared-meal',
			title: { nl: 'Soep op vrijdag' },
			description: { nl: 'Samen soep eten.' },
			neighbourhoodId: hood.id,
			startsAt: '2026-03-06T12:00',
			durationMinutes: 60,
			host: 'Buurtwerk Kuregem'
		})
		.returning();
	const [round] = await db
		.insert(rounds)
		.values({
			slug: 'koffiebus-kuregem',
			name: { nl: 'Koffiebus Kuregem' },
			description: { nl: 'Koffie op straat.' },
			neighbourhoodId: hood.id,
			startsAt: '2026-03-10T14:00'
		})
		.returning();
	Object.assign(ids, { place: place.id, gathering: gathering.id, round: round.id });
});

describe('review queue of suggestions', () => {
	it('accepting a new-place suggestion marks it and redirects to the prefilled editor', async () => {
		const suggestion = await suggest();
		const { thrown } = await act('accept', suggestion.id, { lang: 'fr' });
		expect(thrown).toMatchObject({
			status: 303,
			location: `/fr/team/places/new?suggestion=${suggestion.id}`
		});
		const row = await find(suggestion.id);
		expect(row.status).toBe('accepted');
		expect(row.reviewedBy).toBe(worker.id);
		expect(row.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		expect(await listed('new')).not.toContain(suggestion.id);
		expect(await listed('accepted')).toContain(suggestion.id);
	});

	it('accepting a new-gathering suggestion leads to the new gathering editor', async () => {
		const suggestion = await suggest({ type: 'new-gathering', name: 'Wandeling op zondag' });
		const { thrown } = await act('accept', suggestion.id);
		expect(thrown).toMatchObject({
			status: 303,
			location: `/nl/team/gatherings/new?suggestion=${suggestion.id}`
		});
	});

	it('accepting a change leads to the editor of the place, gathering or round it is about', async () => {
		const cases = [
			[{ placeId: ids.place }, `/en/team/places/${ids.place}`],
			[{ gatheringId: ids.gathering }, `/en/team/gatherings/${ids.gathering}`],
			[{ roundId: ids.round }, `/en/team/rounds/${ids.round}`]
		] as const;
		for (const [target, location] of cases) {
			const suggestion = await suggest({
				type: 'change',
				changeType: 'moved',
				name: null,
				...target
			});
			const { thrown } = await act('accept', suggestion.id, { lang: 'en' });
			expect(thrown).toMatchObject({ status: 303, location });
			expect((await find(suggestion.id)).status).toBe('accepted');
		}
	});

	it('accepting a change that names no item marks it and says where to go next', async () => {
		const suggestion = await suggest({ type: 'change', changeType: 'closed', name: 'De oude bib' });
		const { returned } = await act('accept', suggestion.id, { lang: 'en' });
		expect(returned).toMatchObject({ id: suggestion.id, failed: false });
		expect(JSON.stringify(returned)).toContain('find it in the lists');
		expect((await find(suggestion.id)).status).toBe('accepted');
	});

	it('declining hides it from the new list and shows it under declined', async () => {
		const suggestion = await suggest({ name: 'Niet voor ons' });
		const before = (await visit()).returned?.counts;
		expect(await listed('new')).toContain(suggestion.id);

		const { returned } = await act('decline', suggestion.id);
		expect(returned).toMatchObject({ id: suggestion.id, failed: false });
		const row = await find(suggestion.id);
		expect(row).toMatchObject({ status: 'declined', reviewedBy: worker.id });

		expect(await listed('new')).not.toContain(suggestion.id);
		expect(await listed('declined')).toContain(suggestion.id);
		const after = (await visit()).returned?.counts;
		expect(after?.new).toBe((before?.new ?? 0) - 1);
		expect(after?.declined).toBe((before?.declined ?? 0) + 1);
	});

	it('reopening puts a suggestion back in the queue and forgets who looked at it', async () => {
		const suggestion = await suggest();
		await act('decline', suggestion.id);
		const { returned } = await act('reopen', suggestion.id);
		expect(returned).toMatchObject({ failed: false });
		expect(await find(suggestion.id)).toMatchObject({
			status: 'new',
			reviewedBy: null,
			reviewedAt: null
		});
		expect(await listed('new')).toContain(suggestion.id);
	});

	it('shows new suggestions oldest first', async () => {
		const newest = await suggest({ createdAt: '2026-03-02T08:00:00Z' });
		const oldest = await suggest({ createdAt: '2026-02-01T08:00:00Z' });
		const order = await listed('new');
		expect(order[0]).toBe(oldest.id);
		expect(order.indexOf(oldest.id)).toBeLessThan(order.indexOf(newest.id));
	});

	it('a second worker cannot decline what the first accepted, and is told why', async () => {
		const suggestion = await suggest();
		await act('accept', suggestion.id);
		const { returned } = await act('decline', suggestion.id, { account: otherWorker, lang: 'fr' });
		expect(returned).toMatchObject({ status: 409 });
		expect(JSON.stringify(returned)).toContain('Quelqu');
		expect(await find(suggestion.id)).toMatchObject({ status: 'accepted', reviewedBy: worker.id });
	});

	it('declining twice changes nothing the second time', async () => {
		const suggestion = await suggest();
		await act('decline', suggestion.id);
		const first = await find(suggestion.id);
		const { returned } = await act('decline', suggestion.id, { account: otherWorker });
		expect(returned).toMatchObject({ failed: false });
		expect(await find(suggestion.id)).toEqual(first);
	});

	it('a missing or broken id gives 404 or 400, never an error', async () => {
		expect((await act('accept', 999999)).returned).toMatchObject({ status: 404 });
		expect((await act('decline', 'abc')).returned).toMatchObject({ status: 400 });
		expect((await act('reopen', '-1')).returned).toMatchObject({ status: 400 });
	});

	it('a volunteer gets 403 on the review queue and a visitor 303 to login', async () => {
		const suggestion = await suggest();
		expect((await visit('', volunteer)).thrown?.status).toBe(403);
		expect((await act('accept', suggestion.id, { account: volunteer })).thrown?.status).toBe(403);
		expect((await act('decline', suggestion.id, { account: volunteer })).thrown?.status).toBe(403);

		const visitor = await visit('?status=declined', null, 'fr');
		expect(visitor.thrown).toMatchObject({
			status: 303,
			location: `/fr/login?next=${encodeURIComponent('/fr/team/suggestions?status=declined')}`
		});
		expect((await act('reopen', suggestion.id, { account: null })).thrown?.status).toBe(303);
		expect((await find(suggestion.id)).status).toBe('new');
	});

	it('shows the resident words as they are, the item they are about, and nothing about a person', async () => {
		const details = 'Gesloten sinds maart.\n<script>alert(1)</script> <b>echt</b>';
		const suggestion = await suggest({
			type: 'change',
			changeType: 'closed',
			name: null,
			placeId: ids.place,
			details,
			locale: 'fr'
		});
		const { returned } = await visit('', worker, 'fr');
		const shown = returned?.suggestions.find((item) => item.id === suggestion.id);
		expect(shown).toMatchObject({
			type: 'change',
			changeType: 'closed',
			details,
			locale: 'fr',
			item: {
				kind: 'place',
				slug: 'het-buurthuis',
				name: { text: 'La Maison de quartier', locale: 'fr' },
				hasPage: true,
				editorPath: `/fr/team/places/${ids.place}`
			}
		});
		expect(Object.keys(shown ?? {})).not.toContain('reviewedBy');
		expect(JSON.stringify(returned)).not.toContain('Wout');
	});

	it('renders the resident words as plain text, never as HTML', async () => {
		const details = 'Kijk hier:\n<img src=x onerror="alert(1)"><script>alert(2)</script>';
		const suggestion = await suggest({ details });
		const { returned } = await visit();
		const data = { ...returned, locale: 'nl', teamRole: 'worker', account: null };
		const { body } = render(Page, { props: { data, form: null } as never });
		expect(body).toContain(`id="suggestion-${suggestion.id}"`);
		expect(body).not.toContain('<img src=x');
		expect(body).not.toContain('<script>alert(2)');
		expect(body).toContain('&lt;script>alert(2)&lt;/script>');
	});
});
