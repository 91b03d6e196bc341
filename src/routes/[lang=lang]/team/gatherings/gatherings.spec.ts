import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	type Neighbourhood,
	type Place
} from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { findPublicGathering } from '$lib/server/gatherings/public';
import { nextOccurrences } from '$lib/server/schedule/recurrence';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { actions as newActions, load as loadNew } from './new/+page.server';
import { actions, load as loadGathering } from './[id]/+page.server';
import { load as loadList } from './+page.server';

// 2026-03-02 is a Monday; the pages read "now" from the pinned clock.
const NOW = '2026-03-02T08:00:00Z';
let worker: SignedInAccount;
let volunteer: SignedInAccount;
let hood: Neighbourhood;
let otherHood: Neighbourhood;
let place: Place;

const weekly = {
	titleNl: 'Soep op dinsdag',
	titleFr: '',
	titleEn: 'Soup on Tuesday',
	descriptionNl: 'Samen soep eten.',
	descriptionFr: '',
	descriptionEn: 'Eating soup together.',
	kind: 'shared-meal',
	where: 'place',
	placeId: '',
	lat: '',
	lon: '',
	pointName: '',
	neighbourhoodId: '',
	firstDate: '2026-03-03',
	startTime: '12:00',
	duration: '90',
	endTime: '',
	rhythm: 'weekly',
	weekday: '',
	week: '1',
	until: '',
	host: 'Buurthuis De Linde',
	walkIn: 'on',
	cost: 'pay-what-you-can',
	visibility: 'public',
	helpersNeeded: '2'
};

type Form = Record<string, string | string[]>;

async function create(form: Form, account: SignedInAccount | null = worker) {
	const { event } = makeEvent('/nl/team/gatherings/new', {
		form,
		account,
		params: { lang: 'nl' }
	});
	return outcome(() => newActions.save(event as never));
}

async function act(
	name: keyof typeof actions,
	id: number,
	form: Form,
	{ account = worker, lang = 'nl' }: { account?: SignedInAccount | null; lang?: string } = {}
) {
	const { event } = makeEvent(`/${lang}/team/gatherings/${id}`, {
		form,
		account,
		params: { lang, id: String(id) }
	});
	const action = actions[name] as (event: never) => Promise<unknown>;
	return outcome(() => action(event as never));
}

async function createWeekly(overrides: Form = {}) {
	const result = await create({ ...weekly, placeId: String(place.id), ...overrides });
	const location = result.thrown?.location ?? '';
	const id = Number(/\/team\/gatherings\/(\d+)/.exec(location)?.[1]);
	expect(result.thrown?.status).toBe(303);
	const [row] = await db.select().from(gatherings).where(eq(gatherings.id, id));
	return row;
}

beforeAll(async () => {
	process.env.KWARTIER_NOW = NOW;
	[hood, otherHood] = await db
		.insert(neighbourhoods)
		.values([
			{
				slug: 'anneessens',
				name: { nl: 'Anneessens', fr: 'Anneessens' },
				municipality: 'Brussel',
				centreLat: 50.8445,
				centreLon: 4.3452
			},
			{
				slug: 'marollen',
				name: { nl: 'Marollen', fr: 'Marolles' },
				municipality: 'Brussel',
				centreLat: 50.837,
				centreLon: 4.348
			}
		])
		.returning();
	[place] = await db
		.insert(places)
		.values({
			slug: 'de-linde',
			kind: 'neighbourhood-centre',
			name: { nl: 'De Linde', fr: 'Le Tilleul' },
			whatToExpect: { nl: 'Koffie.' },
			address: 'Lindestraat 1',
			lat: 50.8441,
			lon: 4.3449,
			neighbourhoodId: hood.id
		})
		.returning();
	worker = await createTestAccount('worker');
	volunteer = await createTestAccount('volunteer');
});

afterAll(() => {
	delete process.env.KWARTIER_NOW;
});

describe('a worker manages gatherings', () => {
	it('a worker creates a weekly gathering and the public layer lists its next dates', async () => {
		const row = await createWeekly();
		expect(row).toMatchObject({
			slug: 'soep-op-dinsdag',
			rrule: 'FREQ=WEEKLY;BYDAY=TU',
			startsAt: '2026-03-03T12:00',
			durationMinutes: 90,
			neighbourhoodId: hood.id,
			placeId: place.id,
			helpersNeeded: 2,
			walkIn: true,
			title: { nl: 'Soep op dinsdag', en: 'Soup on Tuesday' }
		});
		const shown = await findPublicGathering(row.slug, 'en');
		expect(shown).toBeDefined();
		const next = nextOccurrences(shown!, shown!.changes, '2026-03-02T09:00', 3);
		expect(next.map((occurrence) => occurrence.start)).toEqual([
			'2026-03-03T12:00',
			'2026-03-10T12:00',
			'2026-03-17T12:00'
		]);
	});

	it('a second gathering with the same title gets its own slug', async () => {
		const row = await createWeekly();
		expect(row.slug).toBe('soep-op-dinsdag-2');
	});

	it('a first date that does not fit the rhythm moves to the first one that does, and says so', async () => {
		const result = await create({
			...weekly,
			placeId: String(place.id),
			firstDate: '2026-03-02',
			rhythm: 'monthly',
			weekday: '2',
			week: '-1'
		});
		expect(result.thrown?.status).toBe(303);
		expect(result.thrown?.location).toMatch(/\?saved=1&movedFrom=2026-03-02$/);
		const id = Number(/gatherings\/(\d+)/.exec(result.thrown!.location!)![1]);
		const [row] = await db.select().from(gatherings).where(eq(gatherings.id, id));
		expect(row.rrule).toBe('FREQ=MONTHLY;BYDAY=-1TU');
		expect(row.startsAt).toBe('2026-03-31T12:00');
	});

	it('a meeting point needs a point in Brussels (a comma is fine) and a neighbourhood; an end time sets the length', async () => {
		const bad = await create({ ...weekly, where: 'point', lat: '48.85', lon: '2.35' });
		expect(bad.returned).toMatchObject({ status: 400 });
		const errors = (bad.returned as { data: { errors: Record<string, string> } }).data.errors;
		expect(errors.lat).toMatch(/Brussel/);
		expect(errors.neighbourhoodId).toBeDefined();

		const row = await createWeekly({
			where: 'point',
			placeId: '',
			lat: '50,8466',
			lon: '4.3528',
			pointName: 'Bij de fontein',
			neighbourhoodId: String(otherHood.id),
			duration: '',
			endTime: '13:15'
		});
		expect(row).toMatchObject({
			placeId: null,
			lat: 50.8466,
			lon: 4.3528,
			pointName: 'Bij de fontein',
			neighbourhoodId: otherHood.id,
			durationMinutes: 75
		});
	});

	it('unknown ids, tampered choices and bad dates are refused with 400 and every value kept', async () => {
		const result = await create(
			{
				...weekly,
				placeId: '99999',
				kind: 'party',
				firstDate: '2026-02-30',
				startTime: '25:00',
				languages: ['nl', 'xx']
			},
			worker
		);
		expect(result.returned).toMatchObject({ status: 400 });
		const data = (
			result.returned as {
				data: {
					values: Record<string, string>;
					languages: string[];
					errors: Record<string, string>;
				};
			}
		).data;
		expect(data.values.titleNl).toBe('Soep op dinsdag');
		expect(data.values.placeId).toBe('99999');
		expect(data.values.firstDate).toBe('2026-02-30');
		expect(data.languages).toEqual(['nl', 'xx']);
		expect(Object.keys(data.errors).sort()).toEqual(
			['firstDate', 'kind', 'languages', 'startTime'].sort()
		);

		const unknownPlace = await create({ ...weekly, placeId: '99999' });
		expect(unknownPlace.returned).toMatchObject({ status: 400 });
		expect(
			(unknownPlace.returned as { data: { errors: Record<string, string> } }).data.errors.placeId
		).toBe('Dit bestaat niet (meer). Kies opnieuw.');
	});

	it('an archived place cannot be chosen for a new gathering, but stays for one already there', async () => {
		const [closed] = await db
			.insert(places)
			.values({
				slug: 'oud-buurthuis',
				kind: 'neighbourhood-centre',
				name: { nl: 'Oud buurthuis' },
				whatToExpect: {},
				neighbourhoodId: hood.id
			})
			.returning();
		const row = await createWeekly({
			titleNl: 'Koffie in het oude huis',
			placeId: String(closed.id)
		});
		await db
			.update(places)
			.set({ archivedAt: '2026-03-01T00:00:00Z' })
			.where(eq(places.id, closed.id));

		const refused = await create({ ...weekly, placeId: String(closed.id) });
		expect(refused.returned).toMatchObject({ status: 400 });
		const kept = await act('save', row.id, { ...weekly, placeId: String(closed.id) });
		expect(kept.thrown?.status).toBe(303);
	});

	it('errors come in the language of the page', async () => {
		const { event } = makeEvent('/fr/team/gatherings/new', {
			form: { ...weekly, titleNl: '', titleEn: '', placeId: String(place.id) },
			account: worker,
			params: { lang: 'fr' }
		});
		const result = await outcome(() => newActions.save(event as never));
		expect(
			(result.returned as { data: { errors: Record<string, string> } }).data.errors.titleNl
		).toBe('Écrivez un titre dans au moins une langue.');
	});

	it('cancelling a date shows it cancelled in the public next dates', async () => {
		const row = await createWeekly({ titleNl: 'Breien' });
		const result = await act('cancelDate', row.id, {
			originalDate: '2026-03-10',
			noteNl: 'Paasvakantie',
			noteFr: '',
			noteEn: 'Easter break'
		});
		expect(result.returned).toMatchObject({ dateChange: { action: 'cancel', done: true } });
		const shown = await findPublicGathering(row.slug, 'nl');
		const next = nextOccurrences(shown!, shown!.changes, '2026-03-02T09:00', 3);
		expect(next.map((occurrence) => [occurrence.originalDate, occurrence.status])).toEqual([
			['2026-03-03', 'scheduled'],
			['2026-03-10', 'cancelled'],
			['2026-03-17', 'scheduled']
		]);
		expect(next[1].note).toEqual({ nl: 'Paasvakantie', en: 'Easter break' });
	});

	it('moving a date shows it at its new time, and undo puts it back', async () => {
		const row = await createWeekly({ titleNl: 'Wandelen' });
		const moved = await act('moveDate', row.id, {
			originalDate: '2026-03-17',
			newDate: '2026-03-18',
			newTime: '14:00',
			noteNl: '',
			noteFr: '',
			noteEn: ''
		});
		expect(moved.returned).toMatchObject({ dateChange: { action: 'move', done: true } });
		const shown = await findPublicGathering(row.slug, 'nl');
		const next = nextOccurrences(shown!, shown!.changes, '2026-03-16T00:00', 2);
		expect(next[0]).toMatchObject({
			originalDate: '2026-03-17',
			start: '2026-03-18T14:00',
			end: '2026-03-18T15:30',
			status: 'moved',
			note: null
		});

		const page = await loadGathering(
			makeEvent(`/nl/team/gatherings/${row.id}`, {
				account: worker,
				params: { lang: 'nl', id: String(row.id) }
			}).event as never
		);
		const date = (
			page as { dates: Array<{ originalDate: string; changeId: number | null }> }
		).dates.find((d) => d.originalDate === '2026-03-17');
		expect(date?.changeId).toBeTypeOf('number');
		const undone = await act('undoChange', row.id, {
			changeId: String(date!.changeId),
			originalDate: '2026-03-17'
		});
		expect(undone.returned).toMatchObject({ dateChange: { action: 'undo', done: true } });
		expect(
			await db.select().from(occurrenceChanges).where(eq(occurrenceChanges.gatheringId, row.id))
		).toEqual([]);
	});

	it('cancelling a date that is not in the rhythm is refused with 400', async () => {
		const row = await createWeekly({ titleNl: 'Schaken' });
		for (const originalDate of ['2026-03-11', '2026-02-24', 'next tuesday', '']) {
			const result = await act('cancelDate', row.id, {
				originalDate,
				noteNl: '',
				noteFr: '',
				noteEn: ''
			});
			expect(result.returned).toMatchObject({ status: 400 });
		}
		const undo = await act('undoChange', row.id, { changeId: '123456', originalDate: '' });
		expect(undo.returned).toMatchObject({ status: 400 });
		expect(
			await db.select().from(occurrenceChanges).where(eq(occurrenceChanges.gatheringId, row.id))
		).toEqual([]);
	});

	it('a bad new time for a moved date is refused with 400 and the note kept', async () => {
		const row = await createWeekly({ titleNl: 'Tekenen' });
		const result = await act('moveDate', row.id, {
			originalDate: '2026-03-10',
			newDate: '2026-03-11',
			newTime: '9u',
			noteNl: 'Een dag later',
			noteFr: '',
			noteEn: ''
		});
		expect(result.returned).toMatchObject({
			status: 400,
			data: {
				dateChange: {
					action: 'move',
					originalDate: '2026-03-10',
					values: { noteNl: 'Een dag later', newTime: '9u' },
					errors: { newTime: 'Vul een uur in, bijvoorbeeld 14:30.' }
				}
			}
		});
	});

	it('editing keeps the slug; archiving hides it from the public list and shows it apart', async () => {
		const row = await createWeekly({ titleNl: 'Naaiatelier', titleFr: '', titleEn: '' });
		const saved = await act('save', row.id, {
			...weekly,
			placeId: String(place.id),
			titleNl: 'Naai-atelier',
			titleFr: 'Atelier couture',
			titleEn: 'Sewing workshop',
			descriptionFr: 'Coudre ensemble.',
			helpersNeeded: '0'
		});
		expect(saved.thrown).toMatchObject({ status: 303 });
		const [updated] = await db.select().from(gatherings).where(eq(gatherings.id, row.id));
		expect(updated.slug).toBe('naaiatelier');
		expect(updated.title.fr).toBe('Atelier couture');
		expect(updated.helpersNeeded).toBeNull();

		await act('archive', row.id, {});
		expect(await findPublicGathering(row.slug, 'nl')).toBeUndefined();
		const list = (await loadList(
			makeEvent('/nl/team/gatherings', { account: worker, params: { lang: 'nl' } }).event as never
		)) as {
			current: Array<{ id: number; missingLanguages: string[] }>;
			archived: Array<{ id: number; missingLanguages: string[] }>;
		};
		expect(list.archived.map((g) => g.id)).toEqual([row.id]);
		expect(list.archived[0].missingLanguages).toEqual([]);
		expect(list.current.find((g) => g.id !== row.id)?.missingLanguages).toEqual(['fr']);

		await act('unarchive', row.id, {});
		expect(await findPublicGathering(row.slug, 'nl')).toBeDefined();
	});

	it('a rule the form cannot express is kept as it is', async () => {
		const [row] = await db
			.insert(gatherings)
			.values({
				slug: 'vijfde-zaterdag',
				kind: 'walk',
				title: { nl: 'Vijfde zaterdag' },
				description: {},
				placeId: place.id,
				neighbourhoodId: hood.id,
				startsAt: '2026-05-30T10:00',
				durationMinutes: 60,
				rrule: 'FREQ=MONTHLY;BYDAY=5SA',
				host: 'Wijkteam'
			})
			.returning();
		const page = (await loadGathering(
			makeEvent(`/nl/team/gatherings/${row.id}`, {
				account: worker,
				params: { lang: 'nl', id: String(row.id) }
			}).event as never
		)) as { initial: { values: Record<string, string>; languages: string[] } };
		expect(page.initial.values.rhythm).toBe('keep');
		const saved = await act('save', row.id, {
			...page.initial.values,
			languages: page.initial.languages
		});
		expect(saved.returned).toBeUndefined();
		expect(saved.thrown).toMatchObject({ status: 303 });
		const [kept] = await db.select().from(gatherings).where(eq(gatherings.id, row.id));
		expect(kept.rrule).toBe('FREQ=MONTHLY;BYDAY=5SA');

		const fresh = await create({ ...weekly, placeId: String(place.id), rhythm: 'keep' });
		expect(fresh.returned).toMatchObject({ status: 400 });
	});

	it('an unknown gathering is 404', async () => {
		const missing = await act('cancelDate', 987654, { originalDate: '2026-03-10' });
		expect(missing.thrown?.status).toBe(404);
		const word = await outcome(() =>
			loadGathering(
				makeEvent('/nl/team/gatherings/abc', {
					account: worker,
					params: { lang: 'nl', id: 'abc' }
				}).event as never
			)
		);
		expect(word.thrown?.status).toBe(404);
	});
});

describe('only workers manage gatherings', () => {
	it('a volunteer gets 403 on every page and action', async () => {
		const list = await outcome(() =>
			loadList(
				makeEvent('/nl/team/gatherings', { account: volunteer, params: { lang: 'nl' } })
					.event as never
			)
		);
		expect(list.thrown?.status).toBe(403);
		const page = await outcome(() =>
			loadNew(
				makeEvent('/nl/team/gatherings/new', { account: volunteer, params: { lang: 'nl' } })
					.event as never
			)
		);
		expect(page.thrown?.status).toBe(403);
		const created = await create({ ...weekly, placeId: String(place.id) }, volunteer);
		expect(created.thrown?.status).toBe(403);
		const row = await createWeekly({ titleNl: 'Voor het team' });
		const cancelled = await act(
			'cancelDate',
			row.id,
			{ originalDate: '2026-03-10' },
			{ account: volunteer }
		);
		expect(cancelled.thrown?.status).toBe(403);
	});

	it('a visitor is sent to sign in', async () => {
		const list = await outcome(() =>
			loadList(makeEvent('/fr/team/gatherings', { params: { lang: 'fr' } }).event as never)
		);
		expect(list.thrown).toMatchObject({
			status: 303,
			location: `/fr/login?next=${encodeURIComponent('/fr/team/gatherings')}`
		});
		const created = await create({ ...weekly }, null);
		expect(created.thrown?.status).toBe(303);
		expect(created.thrown?.location).toMatch(/^\/nl\/login\?next=/);
	});
});
