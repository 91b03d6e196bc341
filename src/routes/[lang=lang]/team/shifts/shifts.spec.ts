import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	shiftSignups,
	type NewGathering
} from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { actions, load } from './+page.server';
import type { PageServerData } from './$types';

// Monday 2 March 2026, 09:00 in Brussels. The window runs to Monday 30 March.
const NOW = '2026-03-02T09:00';

const ids = { soup: 0, coffee: 0, breakfast: 0, noHelp: 0, hidden: 0 };
const people = {} as Record<
	'vera' | 'amira' | 'bram' | 'chris' | 'dina' | 'wim' | 'coordinator' | 'newcomer',
	SignedInAccount
>;

function gatheringRow(values: Partial<NewGathering> & Pick<NewGathering, 'slug' | 'startsAt'>) {
	return {
		kind: 'volunteer-activity',
		title: { nl: values.slug },
		description: { nl: 'Samen de handen uit de mouwen.' },
		neighbourhoodId: 0,
		durationMinutes: 120,
		host: 'Buurtwerk',
		rrule: 'FREQ=WEEKLY',
		...values
	} satisfies NewGathering;
}

async function act(
	action: 'take' | 'drop',
	account: SignedInAccount | null,
	gathering: number | string,
	date: string,
	lang = 'nl'
) {
	const { event } = makeEvent(`/${lang}/team/shifts?/${action}`, {
		account,
		form: { gathering: String(gathering), date }
	});
	return outcome(() => actions[action](event as never));
}

async function visit(account: SignedInAccount | null, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/shifts`, { account });
	return outcome(() => load(event as never) as Promise<PageServerData>);
}

async function shiftDate(account: SignedInAccount, gatheringId: number, date: string) {
	const { returned } = await visit(account);
	return returned?.shifts
		.find((shift) => shift.gatheringId === gatheringId)
		?.dates.find((candidate) => candidate.date === date);
}

async function signupCount(gatheringId: number, date: string) {
	return db.$count(
		shiftSignups,
		and(eq(shiftSignups.gatheringId, gatheringId), eq(shiftSignups.date, date))
	);
}

beforeAll(async () => {
	vi.stubEnv('KWARTIER_NOW', wallTimeToDate(NOW).toISOString());
	const [north, south] = await db
		.insert(neighbourhoods)
		.values([
			{
				slug: 'noord',
				name: { nl: 'Noord', fr: 'Nord' },
				municipality: 'Brussel',
				centreLat: 50.86,
				centreLon: 4.35
			},
			{
				slug: 'zuid',
				name: { nl: 'Zuid', fr: 'Sud' },
				municipality: 'Brussel',
				centreLat: 50.83,
				centreLon: 4.34
			}
		])
		.returning();
	const rows = await db
		.insert(gatherings)
		.values([
			// Tuesdays 3, 10, 17 (cancelled) and 24 (moved to the 25th) March.
			gatheringRow({
				slug: 'soep-op-dinsdag',
				title: { nl: 'Soep op dinsdag', fr: 'Soupe du mardi' },
				startsAt: '2026-02-03T12:00',
				neighbourhoodId: north.id,
				helpersNeeded: 2
			}),
			// Fridays 6, 13, 20 and 27 March; one helper is enough.
			gatheringRow({
				slug: 'koffieochtend',
				startsAt: '2026-02-06T10:00',
				neighbourhoodId: north.id,
				helpersNeeded: 1
			}),
			gatheringRow({
				slug: 'ontbijt-zuid',
				startsAt: '2026-02-05T08:30',
				neighbourhoodId: south.id,
				helpersNeeded: 3
			}),
			gatheringRow({ slug: 'open-kring', startsAt: '2026-02-04T19:00', neighbourhoodId: north.id }),
			gatheringRow({
				slug: 'nog-geheim',
				startsAt: '2026-02-04T14:00',
				neighbourhoodId: north.id,
				helpersNeeded: 2,
				visibility: 'hidden'
			})
		])
		.returning();
	[ids.soup, ids.coffee, ids.breakfast, ids.noHelp, ids.hidden] = rows.map((row) => row.id);
	await db.insert(occurrenceChanges).values([
		{ gatheringId: ids.soup, originalDate: '2026-03-17', status: 'cancelled' },
		{
			gatheringId: ids.soup,
			originalDate: '2026-03-24',
			status: 'moved',
			movedTo: '2026-03-25T12:00'
		}
	]);

	const inNorth = { neighbourhoodIds: [north.id] };
	people.vera = await createTestAccount('volunteer', { ...inNorth, displayName: 'Vera Vrij' });
	people.amira = await createTestAccount('volunteer', { ...inNorth, displayName: 'Amira Helper' });
	people.bram = await createTestAccount('volunteer', { ...inNorth, displayName: 'Bram' });
	people.chris = await createTestAccount('volunteer', { ...inNorth, displayName: 'Chris' });
	people.dina = await createTestAccount('volunteer', { ...inNorth, displayName: 'Dina' });
	people.wim = await createTestAccount('worker', { ...inNorth, displayName: 'Wim Werker' });
	people.coordinator = await createTestAccount('coordinator');
	people.newcomer = await createTestAccount('volunteer');
});

afterAll(() => {
	vi.unstubAllEnvs();
});

describe('volunteer shifts', () => {
	it('a volunteer takes a shift and the count goes up', async () => {
		expect(await shiftDate(people.vera, ids.soup, '2026-03-03')).toMatchObject({
			needed: 2,
			taken: 0,
			mine: false,
			full: false
		});
		const { returned } = await act('take', people.vera, ids.soup, '2026-03-03');
		expect(returned).toMatchObject({ failed: false });
		expect(JSON.stringify(returned)).toContain(
			'Dankjewel! Je helpt bij Soep op dinsdag op dinsdag 3 maart.'
		);
		expect(await shiftDate(people.vera, ids.soup, '2026-03-03')).toMatchObject({
			taken: 1,
			mine: true
		});
		const { returned: page } = await visit(people.vera);
		expect(page?.mine).toEqual([
			expect.objectContaining({ gatheringId: ids.soup, date: '2026-03-03', status: 'scheduled' })
		]);
	});

	it('taking twice does not double', async () => {
		await act('take', people.vera, ids.soup, '2026-03-10');
		const { returned } = await act('take', people.vera, ids.soup, '2026-03-10', 'en');
		expect(returned).toMatchObject({ failed: false, message: 'You already help on this date.' });
		expect(await signupCount(ids.soup, '2026-03-10')).toBe(1);
		expect(await shiftDate(people.vera, ids.soup, '2026-03-10')).toMatchObject({ taken: 1 });
	});

	it('a full shift is refused with a localized message', async () => {
		expect((await act('take', people.amira, ids.coffee, '2026-03-06')).returned).toMatchObject({
			failed: false
		});
		const refused = await act('take', people.bram, ids.coffee, '2026-03-06', 'fr');
		expect(refused.returned).toMatchObject({
			status: 409,
			data: {
				failed: true,
				message:
					'Cette date est déjà complète. Merci de vouloir aider ! Une autre date vous convient peut-être.'
			}
		});
		const inDutch = await act('take', people.bram, ids.coffee, '2026-03-06', 'nl');
		expect(JSON.stringify(inDutch.returned)).toContain('Deze datum is al volzet.');
		expect(await signupCount(ids.coffee, '2026-03-06')).toBe(1);
		expect(await shiftDate(people.bram, ids.coffee, '2026-03-06')).toMatchObject({
			taken: 1,
			full: true,
			mine: false
		});
		// The one who has it may press again without being told it is full.
		expect((await act('take', people.amira, ids.coffee, '2026-03-06')).returned).toMatchObject({
			failed: false
		});
	});

	it('a past or non-existent date is refused with 400', async () => {
		const refused = [
			[ids.soup, '2026-02-24'], // a real Tuesday, but past
			[ids.soup, '2026-03-04'], // a Wednesday: no soup
			[ids.soup, '2026-03-17'], // cancelled
			[ids.soup, '2026-03-31'], // beyond the four weeks
			[ids.soup, '2026-02-30'],
			[ids.soup, 'morgen'],
			['soep', '2026-03-03'],
			[999999, '2026-03-03']
		] as const;
		for (const [gathering, date] of refused) {
			const { returned } = await act('take', people.chris, gathering, date, 'en');
			expect(returned, `${gathering} ${date}`).toMatchObject({ status: 400 });
		}
		expect(
			JSON.stringify((await act('take', people.chris, ids.soup, '2026-02-24')).returned)
		).toContain('Je kunt deze datum niet kiezen');
		expect((await act('drop', people.chris, ids.soup, '2026-02-24')).returned).toMatchObject({
			status: 400
		});
		expect(await db.$count(shiftSignups, eq(shiftSignups.accountId, people.chris.id))).toBe(0);
	});

	it('a moved date keeps its sign-ups under the original date and shows the new time', async () => {
		await act('take', people.dina, ids.soup, '2026-03-24');
		expect(await shiftDate(people.dina, ids.soup, '2026-03-24')).toMatchObject({
			start: '2026-03-25T12:00',
			moved: true,
			mine: true,
			taken: 1
		});
		const { returned } = await visit(people.dina);
		const dates = returned?.shifts.find((shift) => shift.gatheringId === ids.soup)?.dates;
		expect(dates?.map((date) => date.date)).toEqual(['2026-03-03', '2026-03-10', '2026-03-24']);
	});

	it('a volunteer does not see other helpers’ names, only numbers and their own shifts', async () => {
		const { returned } = await visit(people.bram);
		expect(returned?.workerView).toBe(false);
		const json = JSON.stringify(returned);
		for (const name of ['Amira', 'Vera', 'Dina']) expect(json).not.toContain(name);
		for (const shift of returned?.shifts ?? []) {
			for (const date of shift.dates) expect(date).not.toHaveProperty('helpers');
		}
		expect(await shiftDate(people.bram, ids.soup, '2026-03-03')).toMatchObject({ taken: 1 });
	});

	it('a worker sees who helps on each date', async () => {
		const { returned } = await visit(people.wim);
		expect(returned?.workerView).toBe(true);
		const soup = returned?.shifts.find((shift) => shift.gatheringId === ids.soup);
		const coffee = returned?.shifts.find((shift) => shift.gatheringId === ids.coffee);
		expect(soup?.dates.find((date) => date.date === '2026-03-03')).toMatchObject({
			helpers: ['Vera Vrij']
		});
		expect(coffee?.dates.find((date) => date.date === '2026-03-06')).toMatchObject({
			helpers: ['Amira Helper']
		});
		expect(coffee?.dates.find((date) => date.date === '2026-03-13')).toMatchObject({
			helpers: []
		});
	});

	it('dropping a shift frees the place, and dropping again changes nothing', async () => {
		const { returned } = await act('drop', people.amira, ids.coffee, '2026-03-06', 'en');
		expect(returned).toMatchObject({ failed: false });
		expect(JSON.stringify(returned)).toContain('you no longer help on this date');
		expect(await signupCount(ids.coffee, '2026-03-06')).toBe(0);
		const again = await act('drop', people.amira, ids.coffee, '2026-03-06', 'en');
		expect(again.returned).toMatchObject({
			failed: false,
			message: 'You were not helping on this date.'
		});
		expect((await act('take', people.bram, ids.coffee, '2026-03-06')).returned).toMatchObject({
			failed: false
		});
	});

	it('two people taking the last place at once: only one gets it', async () => {
		const results = await Promise.all(
			[people.chris, people.dina, people.vera].map((account) =>
				act('take', account, ids.coffee, '2026-03-13')
			)
		);
		expect(await signupCount(ids.coffee, '2026-03-13')).toBe(1);
		const statuses = results.map((result) =>
			result.returned && 'status' in result.returned ? result.returned.status : 200
		);
		expect(statuses.sort()).toEqual([200, 409, 409]);
	});

	it('a shift cancelled later still shows among my shifts, so I can drop it', async () => {
		await act('take', people.chris, ids.coffee, '2026-03-20');
		await db
			.insert(occurrenceChanges)
			.values({ gatheringId: ids.coffee, originalDate: '2026-03-20', status: 'cancelled' });
		const { returned } = await visit(people.chris);
		expect(returned?.mine).toContainEqual(
			expect.objectContaining({ gatheringId: ids.coffee, date: '2026-03-20', status: 'cancelled' })
		);
		const coffee = returned?.shifts.find((shift) => shift.gatheringId === ids.coffee);
		expect(coffee?.dates.map((date) => date.date)).not.toContain('2026-03-20');
		expect((await act('drop', people.chris, ids.coffee, '2026-03-20')).returned).toMatchObject({
			failed: false
		});
		expect(await signupCount(ids.coffee, '2026-03-20')).toBe(0);
	});

	it('volunteers and workers see their own neighbourhoods; a coordinator sees every one', async () => {
		const listedFor = async (account: SignedInAccount) =>
			(await visit(account)).returned?.shifts.map((shift) => shift.gatheringId) ?? [];
		const vera = await listedFor(people.vera);
		expect(vera).toEqual(expect.arrayContaining([ids.soup, ids.coffee]));
		expect(vera).not.toContain(ids.breakfast);
		expect(vera).not.toContain(ids.noHelp);
		expect(vera).not.toContain(ids.hidden);
		expect(await listedFor(people.wim)).not.toContain(ids.breakfast);

		const all = await listedFor(people.coordinator);
		expect(all).toEqual(expect.arrayContaining([ids.soup, ids.coffee, ids.breakfast]));
		expect(all).not.toContain(ids.hidden);
		expect((await visit(people.coordinator)).returned?.scope).toBe('all');

		expect((await act('take', people.vera, ids.breakfast, '2026-03-05')).returned).toMatchObject({
			status: 400
		});
		expect((await act('take', people.vera, ids.hidden, '2026-03-04')).returned).toMatchObject({
			status: 400
		});
	});

	it('a volunteer without a neighbourhood sees no shifts and is told whom to ask', async () => {
		const { returned } = await visit(people.newcomer);
		expect(returned).toMatchObject({ hasNeighbourhood: false, shifts: [] });
		expect((await act('take', people.newcomer, ids.soup, '2026-03-03')).returned).toMatchObject({
			status: 400
		});
	});

	it('a visitor is sent to sign in, and nothing is signed up', async () => {
		expect((await visit(null, 'fr')).thrown).toMatchObject({
			status: 303,
			location: `/fr/login?next=${encodeURIComponent('/fr/team/shifts')}`
		});
		expect((await act('take', null, ids.soup, '2026-03-03')).thrown?.status).toBe(303);
		expect(await signupCount(ids.soup, '2026-03-03')).toBe(1);
	});
});
