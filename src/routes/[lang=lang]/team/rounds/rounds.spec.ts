import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { neighbourhoods, roundStops, rounds, type Neighbourhood } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { findPublicRound } from '$lib/server/rounds/public';
import { nextOccurrences } from '$lib/server/schedule/recurrence';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { actions as newActions, load as loadNew } from './new/+page.server';
import { actions, load as loadRound } from './[id]/+page.server';
import { load as loadList } from './+page.server';

// 2026-03-02 is a Monday; the second Tuesday of March 2026 is the 10th.
const NOW = '2026-03-02T08:00:00Z';
let worker: SignedInAccount;
let volunteer: SignedInAccount;
let hood: Neighbourhood;

type Form = Record<string, string | string[]>;

const stops = [
	{
		street: 'Anneessensplein',
		lat: '50.8445',
		lon: '4.3452',
		arrivalTime: '10:00',
		stayMinutes: '45'
	},
	{
		street: 'Stalingradlaan',
		lat: '50.8420',
		lon: '4.3430',
		arrivalTime: '11:00',
		stayMinutes: '45'
	},
	{ street: 'Vossenplein', lat: '50.8377', lon: '4.3460', arrivalTime: '12:00', stayMinutes: '30' }
];

function stopFields(list: Array<Record<string, string>>): Form {
	const form: Form = {};
	list.forEach((stop, index) => {
		for (const [field, value] of Object.entries(stop)) form[`stops.${index}.${field}`] = value;
	});
	return form;
}

function roundForm(overrides: Form = {}, list = stops): Form {
	return {
		nameNl: 'Koffiebus Zuid',
		nameFr: 'Bus-café Sud',
		nameEn: '',
		descriptionNl: 'Koffie en een babbel op straat.',
		descriptionFr: '',
		descriptionEn: '',
		neighbourhoodId: String(hood.id),
		firstDate: '2026-03-10',
		startTime: '09:30',
		rhythm: 'monthly',
		weekday: '',
		week: '2',
		until: '',
		partners: 'CAW Brussel, OCMW\nDe gemeente',
		visibility: 'public',
		...stopFields(list),
		...overrides
	};
}

async function create(form: Form, account: SignedInAccount | null = worker) {
	const { event } = makeEvent('/nl/team/rounds/new', { form, account, params: { lang: 'nl' } });
	return outcome(() => newActions.save(event as never));
}

async function newPageAction(name: keyof typeof newActions, form: Form) {
	const { event } = makeEvent('/nl/team/rounds/new', {
		form,
		account: worker,
		params: { lang: 'nl' }
	});
	const action = newActions[name] as (event: never) => Promise<unknown>;
	return outcome(() => action(event as never));
}

async function act(
	name: keyof typeof actions,
	id: number,
	form: Form,
	account: SignedInAccount | null = worker
) {
	const { event } = makeEvent(`/nl/team/rounds/${id}`, {
		form,
		account,
		params: { lang: 'nl', id: String(id) }
	});
	const action = actions[name] as (event: never) => Promise<unknown>;
	return outcome(() => action(event as never));
}

async function createRound(overrides: Form = {}, list = stops) {
	const result = await create(roundForm(overrides, list));
	expect(result.returned).toBeUndefined();
	expect(result.thrown?.status).toBe(303);
	const id = Number(/\/team\/rounds\/(\d+)/.exec(result.thrown!.location!)![1]);
	const [row] = await db.select().from(rounds).where(eq(rounds.id, id));
	return row;
}

async function savedStreets(roundId: number) {
	const rows = await db
		.select()
		.from(roundStops)
		.where(eq(roundStops.roundId, roundId))
		.orderBy(asc(roundStops.position));
	return rows.map((stop) => [stop.position, stop.street]);
}

type Failure = {
	status: number;
	data: {
		values: Record<string, string>;
		stops: Array<Record<string, string>>;
		errors: Record<string, string>;
	};
};

beforeAll(async () => {
	process.env.KWARTIER_NOW = NOW;
	[hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'anneessens',
			name: { nl: 'Anneessens', fr: 'Anneessens' },
			municipality: 'Brussel',
			centreLat: 50.8445,
			centreLon: 4.3452
		})
		.returning();
	worker = await createTestAccount('worker');
	volunteer = await createTestAccount('volunteer');
});

afterAll(() => {
	delete process.env.KWARTIER_NOW;
});

describe('a worker manages coffee-bus rounds', () => {
	it('a new round with its stops shows on the public round page', async () => {
		const row = await createRound();
		expect(row).toMatchObject({
			slug: 'koffiebus-zuid',
			rrule: 'FREQ=MONTHLY;BYDAY=2TU',
			startsAt: '2026-03-10T09:30',
			partners: ['CAW Brussel', 'OCMW', 'De gemeente'],
			name: { nl: 'Koffiebus Zuid', fr: 'Bus-café Sud' }
		});
		const shown = await findPublicRound(row.slug, 'fr');
		expect(shown?.stops.map((stop) => [stop.position, stop.street, stop.arrivalTime])).toEqual([
			[1, 'Anneessensplein', '10:00'],
			[2, 'Stalingradlaan', '11:00'],
			[3, 'Vossenplein', '12:00']
		]);
		const visits = nextOccurrences(shown!, shown!.changes, '2026-03-02T09:00', 2);
		expect(visits.map((visit) => visit.start)).toEqual(['2026-03-10T10:00', '2026-04-14T10:00']);
	});

	it("a round's stops with decreasing times are refused with 400 and the typed stops kept", async () => {
		const typed = [
			stops[0],
			{ ...stops[1], arrivalTime: '09:45' },
			{ ...stops[2], street: 'Vossenplein (markt)' }
		];
		const result = await create(roundForm({}, typed));
		const failure = result.returned as Failure;
		expect(failure.status).toBe(400);
		expect(failure.data.stops).toEqual(typed);
		expect(failure.data.values.partners).toMatch(/^CAW Brussel, OCMW\r?\nDe gemeente$/);
		expect(failure.data.errors).toEqual({
			'stops.1.arrivalTime':
				'Halte 2 moet na halte 1 komen. Kies een later aankomstuur, of verander de volgorde.'
		});
	});

	it('a stop cannot start while the bus is still at the one before, nor before it leaves', async () => {
		const typed = [
			{ ...stops[0], arrivalTime: '09:00' },
			{ ...stops[1], arrivalTime: '09:30' }
		];
		const { event } = makeEvent('/en/team/rounds/new', {
			form: roundForm({}, typed),
			account: worker,
			params: { lang: 'en' }
		});
		const result = await outcome(() => newActions.save(event as never));
		expect((result.returned as Failure).data.errors).toEqual({
			'stops.0.arrivalTime': 'The first stop cannot be before the bus leaves (09:30).',
			'stops.1.arrivalTime': 'The bus is still at stop 1 until 09:45. Choose a later arrival time.'
		});
	});

	it('bad points, unknown neighbourhoods and tampered choices are refused with 400', async () => {
		const result = await create(
			roundForm({ neighbourhoodId: '424242', visibility: 'area' }, [
				{ ...stops[0], lat: '51.5', lon: 'west' },
				stops[1]
			])
		);
		const failure = result.returned as Failure;
		expect(failure.status).toBe(400);
		expect(Object.keys(failure.data.errors).sort()).toEqual(['stops.0.lon', 'visibility']);

		const second = await create(
			roundForm({ neighbourhoodId: '424242' }, [{ ...stops[0], lat: '51.5' }, stops[1]])
		);
		expect((second.returned as Failure).data.errors).toMatchObject({
			neighbourhoodId: 'Dit bestaat niet (meer). Kies opnieuw.',
			'stops.0.lat': expect.stringContaining('Brussel')
		});

		const none = await create(roundForm({}, []));
		expect((none.returned as Failure).data.errors.stops).toBe('Voeg minstens één halte toe.');
	});

	it('a stop left empty is dropped, and a missing point is named with the other mistakes', async () => {
		const empty = { street: '', lat: '', lon: '', arrivalTime: '', stayMinutes: '30' };
		const typed = [stops[0], empty, { ...stops[1], lat: '', lon: '', arrivalTime: '11h' }];
		const result = await create(roundForm({}, typed));
		const failure = result.returned as Failure;
		expect(failure.status).toBe(400);
		expect(failure.data.stops).toEqual([typed[0], typed[2]]);
		expect(Object.keys(failure.data.errors).sort()).toEqual(['stops.1.arrivalTime', 'stops.1.lat']);
	});

	it('stop buttons add, remove and reorder stops without saving, and nothing typed is lost', async () => {
		const form = roundForm({ nameEn: 'Coffee bus South' });
		const moved = (await newPageAction('moveStop', { ...form, stopMove: '2:up' })).returned as {
			values: Record<string, string>;
			stops: Array<Record<string, string>>;
			stopsEdited: boolean;
		};
		expect(moved.stopsEdited).toBe(true);
		expect(moved.values.nameEn).toBe('Coffee bus South');
		expect(moved.stops.map((stop) => stop.street)).toEqual([
			'Anneessensplein',
			'Vossenplein',
			'Stalingradlaan'
		]);

		const removed = (await newPageAction('removeStop', { ...form, stopRemove: '0' })).returned as {
			stops: Array<Record<string, string>>;
		};
		expect(removed.stops.map((stop) => stop.street)).toEqual(['Stalingradlaan', 'Vossenplein']);

		const added = (await newPageAction('addStop', form)).returned as {
			stops: Array<Record<string, string>>;
		};
		expect(added.stops).toHaveLength(4);
		expect(added.stops[3]).toEqual({
			street: '',
			lat: '',
			lon: '',
			arrivalTime: '',
			stayMinutes: '30'
		});

		for (const tampered of [{ stopMove: '0:up' }, { stopMove: '9:down' }, { stopMove: 'x' }]) {
			const result = await newPageAction('moveStop', { ...form, ...tampered });
			expect(result.returned).toMatchObject({ status: 400 });
		}
		expect(await db.$count(rounds)).toBe(1);
	});

	it('reordering stops and saving keeps the new order', async () => {
		const row = await createRound({ nameNl: 'Koffiebus Noord' }, [
			{ ...stops[0], arrivalTime: '10:00' },
			{ ...stops[1], arrivalTime: '11:00' },
			{ ...stops[2], arrivalTime: '12:00' }
		]);
		const page = (await loadRound(
			makeEvent(`/nl/team/rounds/${row.id}`, {
				account: worker,
				params: { lang: 'nl', id: String(row.id) }
			}).event as never
		)) as { initial: { values: Record<string, string>; stops: Array<Record<string, string>> } };
		const form = { ...page.initial.values, ...stopFields(page.initial.stops) };
		const moved = (await act('moveStop', row.id, { ...form, stopMove: '0:down' })).returned as {
			values: Record<string, string>;
			stops: Array<Record<string, string>>;
		};
		// The times follow the streets; the worker fixes them before saving.
		const reordered = moved.stops.map((stop, index) => ({
			...stop,
			arrivalTime: ['10:00', '11:00', '12:00'][index]
		}));
		const saved = await act('save', row.id, { ...moved.values, ...stopFields(reordered) });
		expect(saved.returned).toBeUndefined();
		expect(saved.thrown?.status).toBe(303);
		expect(await savedStreets(row.id)).toEqual([
			[1, 'Stalingradlaan'],
			[2, 'Anneessensplein'],
			[3, 'Vossenplein']
		]);
		const [after] = await db.select().from(rounds).where(eq(rounds.id, row.id));
		expect(after.slug).toBe(row.slug);
	});

	it('cancelling and moving one round date; a date outside the rhythm is 400', async () => {
		const row = await createRound({ nameNl: 'Koffiebus Oost' });
		const cancelled = await act('cancelDate', row.id, {
			originalDate: '2026-04-14',
			noteNl: 'De bus is in herstelling.',
			noteFr: '',
			noteEn: ''
		});
		expect(cancelled.returned).toMatchObject({ dateChange: { action: 'cancel', done: true } });
		const moved = await act('moveDate', row.id, {
			originalDate: '2026-05-12',
			newDate: '2026-05-13',
			newTime: '10:30',
			noteNl: '',
			noteFr: '',
			noteEn: ''
		});
		expect(moved.returned).toMatchObject({ dateChange: { action: 'move', done: true } });

		const shown = await findPublicRound(row.slug, 'nl');
		const visits = nextOccurrences(shown!, shown!.changes, '2026-03-02T09:00', 3);
		expect(visits.map((visit) => [visit.originalDate, visit.start, visit.status])).toEqual([
			['2026-03-10', '2026-03-10T10:00', 'scheduled'],
			['2026-04-14', '2026-04-14T10:00', 'cancelled'],
			['2026-05-12', '2026-05-13T10:30', 'moved']
		]);

		const wrong = await act('cancelDate', row.id, {
			originalDate: '2026-04-15',
			noteNl: '',
			noteFr: '',
			noteEn: ''
		});
		expect(wrong.returned).toMatchObject({
			status: 400,
			data: { dateChange: { errors: { form: expect.stringContaining('ritme') } } }
		});
	});

	it('the list shows every round, the archived ones apart', async () => {
		const row = await createRound({ nameNl: 'Koffiebus West', nameFr: '' });
		await act('archive', row.id, {});
		expect(await findPublicRound(row.slug, 'nl')).toBeUndefined();
		const list = (await loadList(
			makeEvent('/nl/team/rounds', { account: worker, params: { lang: 'nl' } }).event as never
		)) as {
			current: Array<{ id: number; stopCount: number; missingLanguages: string[] }>;
			archived: Array<{ id: number; missingLanguages: string[] }>;
		};
		expect(list.archived.map((round) => round.id)).toEqual([row.id]);
		expect(list.archived[0].missingLanguages).toEqual(['fr', 'en']);
		expect(list.current.every((round) => round.stopCount === 3)).toBe(true);
	});
});

describe('only workers manage rounds', () => {
	it('a volunteer gets 403', async () => {
		const list = await outcome(() =>
			loadList(
				makeEvent('/nl/team/rounds', { account: volunteer, params: { lang: 'nl' } }).event as never
			)
		);
		expect(list.thrown?.status).toBe(403);
		const page = await outcome(() =>
			loadNew(
				makeEvent('/nl/team/rounds/new', { account: volunteer, params: { lang: 'nl' } })
					.event as never
			)
		);
		expect(page.thrown?.status).toBe(403);
		expect((await create(roundForm(), volunteer)).thrown?.status).toBe(403);
		const row = await createRound({ nameNl: 'Koffiebus Team' });
		expect((await act('save', row.id, roundForm(), volunteer)).thrown?.status).toBe(403);
		expect((await act('moveStop', row.id, roundForm(), volunteer)).thrown?.status).toBe(403);
	});

	it('a visitor is sent to sign in', async () => {
		const list = await outcome(() =>
			loadList(makeEvent('/en/team/rounds', { params: { lang: 'en' } }).event as never)
		);
		expect(list.thrown).toMatchObject({
			status: 303,
			location: `/en/login?next=${encodeURIComponent('/en/team/rounds')}`
		});
		const created = await create(roundForm(), null);
		expect(created.thrown?.status).toBe(303);
	});
});
