import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { dutyPatterns, dutyShifts, neighbourhoods } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { addDutyPattern, addDutyShift, listOnDuty } from '$lib/server/roster';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { actions, load } from './+page.server';
import type { PageServerData } from './$types';

// Tuesday 24 November 2026, 10:30 in Brussels.
const NOW = '2026-11-24T10:30';

type ActionName = keyof typeof actions;
type Form = Record<string, string | string[]>;

const hoods = { north: 0, south: 0 };
const people = {} as Record<'sara' | 'omar' | 'noor' | 'vera', SignedInAccount>;

async function visit(account: SignedInAccount | null, lang = 'en', search = '') {
	const { event } = makeEvent(`/${lang}/team/roster${search}`, { account });
	return outcome(() => load(event as never) as Promise<PageServerData>);
}

async function act(name: ActionName, account: SignedInAccount, form: Form, lang = 'en') {
	const { event } = makeEvent(`/${lang}/team/roster?/${name}`, { account, form });
	const action = actions[name] as (event: never) => Promise<unknown>;
	const { returned, thrown } = await outcome(() => action(event as never));
	if (thrown) throw new Error(`${name} threw ${thrown.status}`);
	// A refusal comes back as fail(status, data); a success as the data itself.
	const failure = returned as { status?: number; data?: Record<string, unknown> };
	return failure && typeof failure.status === 'number' && failure.data
		? { status: failure.status, data: failure.data as Record<string, any> }
		: { status: 200, data: returned as Record<string, any> };
}

function weekly(account: SignedInAccount, changes: Form = {}): Form {
	return {
		accountId: String(account.id),
		neighbourhoodIds: [String(hoods.north)],
		weekday: '3',
		startTime: '09:00',
		endTime: '13:00',
		validFrom: '2026-11-01',
		validUntil: '',
		...changes
	};
}

function oneOff(account: SignedInAccount, changes: Form = {}): Form {
	return {
		accountId: String(account.id),
		neighbourhoodIds: [String(hoods.north)],
		kind: 'extra',
		startsAt: '2026-11-28T10:00',
		endsAt: '2026-11-28T14:00',
		...changes
	};
}

async function patternsOf(accountId: number) {
	return db.select().from(dutyPatterns).where(eq(dutyPatterns.accountId, accountId));
}

async function onDutyNames(neighbourhoodId: number, wall: string) {
	return (await listOnDuty(neighbourhoodId, wallTimeToDate(wall))).map((p) => p.displayName);
}

beforeAll(async () => {
	vi.stubEnv('KWARTIER_NOW', wallTimeToDate(NOW).toISOString());
	const [north, south] = await db
		.insert(neighbourhoods)
		.values([
			{
				slug: 'noord',
				name: { nl: 'Noord', fr: 'Nord', en: 'North' },
				municipality: 'Brussel',
				centreLat: 50.86,
				centreLon: 4.35
			},
			{
				slug: 'zuid',
				name: { nl: 'Zuid', fr: 'Sud', en: 'South' },
				municipality: 'Brussel',
				centreLat: 50.83,
				centreLon: 4.34
			}
		])
		.returning();
	hoods.north = north.id;
	hoods.south = south.id;
	people.sara = await createTestAccount('worker', {
		displayName: 'Sara',
		neighbourhoodIds: [north.id]
	});
	people.omar = await createTestAccount('worker', {
		displayName: 'Omar',
		neighbourhoodIds: [south.id]
	});
	people.noor = await createTestAccount('coordinator', { displayName: 'Noor' });
	people.vera = await createTestAccount('volunteer', { neighbourhoodIds: [north.id] });
	// Sara on weekdays 09–17 in the North; nobody in the South yet.
	for (const weekday of [1, 2, 3, 4, 5]) {
		await addDutyPattern({
			accountId: people.sara.id,
			neighbourhoodIds: [north.id],
			weekday,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2026-01-01'
		});
	}
});

describe('the duty roster page', () => {
	it('is for workers and coordinators, not for volunteers or visitors', async () => {
		expect((await visit(people.vera)).thrown?.status).toBe(403);
		expect((await visit(null)).thrown?.location).toMatch(/^\/en\/login\?next=/);
		expect((await visit(people.noor)).returned).toBeDefined();
	});

	it('shows a worker the coming two weeks of their own neighbourhoods, gaps and all', async () => {
		const { returned } = await visit(people.sara);
		const page = returned!;
		expect(page.filter).toEqual({ choice: 'mine', hasOwn: true });
		expect(page.sections.map((section) => section.name)).toEqual(['North']);
		const north = page.sections[0];
		expect(north.days).toHaveLength(14);
		expect(north.days[0]).toMatchObject({ date: '2026-11-24', weekday: 2 });
		expect(north.days[0].items).toEqual([
			{ kind: 'duty', name: 'Sara', start: '09:00', end: '17:00' },
			{ kind: 'gap', name: '', start: '17:00', end: '22:00' }
		]);
		// Saturday: nobody, the whole day counts as a gap.
		expect(north.days[4].items).toEqual([{ kind: 'gap', name: '', start: '08:00', end: '22:00' }]);
		expect(page.gaps[0]).toEqual({
			start: '2026-11-24T17:00',
			end: '2026-11-24T22:00',
			names: ['North']
		});
		expect(page.gaps).toHaveLength(
			// Weekday mornings 08–09 and evenings 17–22, and the two weekends.
			9 * 2 + 1 + 4
		);
		expect(north.escalationMinutes).toBe(5);
		// A worker plans only their own duty, so the form offers only them.
		expect(page.people).toEqual([{ id: people.sara.id, displayName: 'Sara' }]);
	});

	it('shows every neighbourhood, or one, when asked', async () => {
		const all = (await visit(people.sara, 'nl', '?neighbourhood=all')).returned!;
		expect(all.sections.map((section) => section.name)).toEqual(['Noord', 'Zuid']);
		// Hours without anyone in several neighbourhoods come as one line.
		expect(all.gaps.slice(0, 2)).toEqual([
			{ start: '2026-11-24T10:30', end: '2026-11-24T22:00', names: ['Zuid'] },
			{ start: '2026-11-24T17:00', end: '2026-11-24T22:00', names: ['Noord'] }
		]);
		expect(all.gaps).toContainEqual({
			start: '2026-11-28T08:00',
			end: '2026-11-28T22:00',
			names: ['Noord', 'Zuid']
		});
		const south = (await visit(people.sara, 'fr', '?neighbourhood=zuid')).returned!;
		expect(south.sections.map((section) => section.name)).toEqual(['Sud']);
		expect(south.gaps[0]).toEqual({
			start: '2026-11-24T10:30',
			end: '2026-11-24T22:00',
			names: ['Sud']
		});
		// The coordinator sees everyone in the person list.
		const coordinator = (await visit(people.noor)).returned!;
		expect(coordinator.people.map((person) => person.displayName)).toEqual([
			'Noor',
			'Omar',
			'Sara'
		]);
	});
});

describe('weekly duty', () => {
	it('a worker adds their own, and it counts at once', async () => {
		const result = await act(
			'addPattern',
			people.omar,
			weekly(people.omar, { neighbourhoodIds: [String(hoods.south)], weekday: '3' })
		);
		expect(result).toEqual({
			status: 200,
			data: { which: 'pattern', message: 'The weekly duty is added.' }
		});
		expect(await onDutyNames(hoods.south, '2026-11-25T10:00')).toEqual(['Omar']);
	});

	it('a worker cannot plan a colleague, and what they typed comes back', async () => {
		const form = weekly(people.sara, { weekday: '6' });
		const result = await act('addPattern', people.omar, form);
		expect(result.status).toBe(403);
		expect(result.data.errors).toEqual({
			accountId: "You can only change your own duty. Ask a coordinator to change someone else's."
		});
		expect(result.data.values).toEqual({ ...form, validUntil: '' });
		expect((await patternsOf(people.sara.id)).filter((row) => row.weekday === 6)).toEqual([]);
	});

	it('a coordinator plans anyone, until midnight with 00:00', async () => {
		const result = await act(
			'addPattern',
			people.noor,
			weekly(people.sara, { weekday: '6', startTime: '18:00', endTime: '00:00' })
		);
		expect(result.status).toBe(200);
		const saturday = (await patternsOf(people.sara.id)).find((row) => row.weekday === 6)!;
		expect([saturday.startTime, saturday.endTime]).toEqual(['18:00', '24:00']);
		expect(await onDutyNames(hoods.north, '2026-11-28T23:30')).toEqual(['Sara']);
	});

	it('says what is wrong next to each field, in the language of the page', async () => {
		const typed = weekly(people.sara, {
			weekday: '',
			startTime: '9 uur',
			validFrom: '1 december',
			neighbourhoodIds: []
		});
		const nl = await act('addPattern', people.sara, typed, 'nl');
		expect(nl.status).toBe(400);
		expect(nl.data.errors).toEqual({
			weekday: 'Kies een dag van de week.',
			startTime: expect.stringContaining('14:30'),
			validFrom: expect.stringContaining('2026-12-24')
		});
		expect(nl.data.values).toEqual({ ...typed, neighbourhoodIds: [] });
		// Hours in the wrong order show together with the other mistakes.
		const together = await act(
			'addPattern',
			people.sara,
			weekly(people.sara, { weekday: '', startTime: '18:00', endTime: '12:00' })
		);
		expect(together.data.errors).toEqual({
			weekday: 'Choose a day of the week.',
			endTime: 'The end must be after the start.'
		});

		// The domain's own checks come back as messages too.
		const fr = await act(
			'addPattern',
			people.sara,
			weekly(people.sara, { neighbourhoodIds: [] }),
			'fr'
		);
		expect(fr.data.errors).toEqual({ neighbourhoodIds: 'Choisissez au moins un quartier.' });
		const en = await act(
			'addPattern',
			people.sara,
			weekly(people.sara, { startTime: '15:00', endTime: '11:00' })
		);
		expect(en.data.errors).toEqual({ endTime: 'The end must be after the start.' });
		const until = await act(
			'addPattern',
			people.sara,
			weekly(people.sara, { validFrom: '2026-12-01', validUntil: '2026-11-01' })
		);
		expect(until.data.errors).toEqual({
			validUntil: 'The last day cannot be before the first day.'
		});
		const unknown = await act(
			'addPattern',
			people.noor,
			weekly(people.noor, { neighbourhoodIds: ['999999'] })
		);
		expect(unknown.data.errors).toEqual({
			neighbourhoodIds: 'This neighbourhood does not exist (any more). Please choose again.'
		});
		const volunteer = await act('addPattern', people.noor, weekly(people.vera));
		expect(volunteer.data.errors).toEqual({
			accountId: 'Only neighbourhood workers and coordinators can be on duty.'
		});
	});

	it('a worker removes their own, not a colleague’s', async () => {
		const [omars] = await patternsOf(people.omar.id);
		const refused = await act('removePattern', people.sara, { id: String(omars.id) });
		expect(refused.status).toBe(403);
		expect(await patternsOf(people.omar.id)).toHaveLength(1);

		const removed = await act('removePattern', people.omar, { id: String(omars.id) }, 'nl');
		expect(removed.data).toEqual({ which: 'remove', message: 'Verwijderd.', failed: false });
		const again = await act('removePattern', people.omar, { id: String(omars.id) });
		expect(again.data.message).toBe('This was already removed.');
		expect(await onDutyNames(hoods.south, '2026-11-25T10:00')).toEqual([]);
	});
});

describe('one-off changes', () => {
	it('time off without neighbourhoods is time off everywhere, and shows on the roster', async () => {
		const result = await act(
			'addShift',
			people.sara,
			oneOff(people.sara, {
				kind: 'off',
				neighbourhoodIds: [],
				startsAt: '2026-11-26T12:00',
				endsAt: '2026-11-26T14:00'
			})
		);
		expect(result.data).toEqual({ which: 'shift', message: 'The time off is added.' });
		expect(await onDutyNames(hoods.north, '2026-11-26T13:00')).toEqual([]);
		const [shift] = await db.select().from(dutyShifts).where(eq(dutyShifts.kind, 'off'));
		expect(shift.createdBy).toBe(people.sara.id);

		const page = (await visit(people.sara)).returned!;
		const thursday = page.sections[0].days.find((day) => day.date === '2026-11-26')!;
		expect(thursday.items).toEqual([
			{ kind: 'gap', name: '', start: '08:00', end: '09:00' },
			{ kind: 'duty', name: 'Sara', start: '09:00', end: '12:00' },
			{ kind: 'off', name: 'Sara', start: '12:00', end: '14:00' },
			{ kind: 'gap', name: '', start: '12:00', end: '14:00' },
			{ kind: 'duty', name: 'Sara', start: '14:00', end: '17:00' },
			{ kind: 'gap', name: '', start: '17:00', end: '22:00' }
		]);
		expect(page.shifts).toEqual([
			expect.objectContaining({ kind: 'off', displayName: 'Sara', mayRemove: true })
		]);
	});

	it('extra duty needs a neighbourhood and an end after the start', async () => {
		const none = await act('addShift', people.sara, oneOff(people.sara, { neighbourhoodIds: [] }));
		expect(none.data.errors).toEqual({ neighbourhoodIds: 'Choose at least one neighbourhood.' });
		const backwards = await act(
			'addShift',
			people.sara,
			oneOff(people.sara, { endsAt: '2026-11-28T09:00' }),
			'fr'
		);
		expect(backwards.data.errors).toEqual({ endsAt: 'La fin doit être après le début.' });
		const typo = await act(
			'addShift',
			people.sara,
			oneOff(people.sara, { kind: 'holiday', startsAt: 'zaterdag' })
		);
		expect(typo.data.errors).toEqual({
			kind: 'Choose extra duty or time off.',
			startsAt: 'Enter a date and a time, for example 24 Dec 2026 14:30.'
		});
		expect(typo.data.values.startsAt).toBe('zaterdag');
	});

	it('a coordinator covers a gap for a colleague; the colleague may not remove Noor’s', async () => {
		const result = await act('addShift', people.noor, oneOff(people.noor));
		expect(result.status).toBe(200);
		expect(await onDutyNames(hoods.north, '2026-11-28T11:00')).toEqual(['Noor']);
		const [extra] = await db.select().from(dutyShifts).where(eq(dutyShifts.kind, 'extra'));
		const page = (await visit(people.sara)).returned!;
		expect(page.shifts.find((shift) => shift.id === extra.id)?.mayRemove).toBe(false);
		expect((await act('removeShift', people.sara, { id: String(extra.id) })).status).toBe(403);
		const worker = await act('addShift', people.sara, oneOff(people.omar));
		expect(worker.status).toBe(403);
		expect((await act('removeShift', people.noor, { id: String(extra.id) })).status).toBe(200);
		expect(await onDutyNames(hoods.north, '2026-11-28T11:00')).toEqual([]);
	});
});

describe('escalation minutes', () => {
	it('only a coordinator changes them, from 1 to 60', async () => {
		const worker = await act('setEscalation', people.sara, {
			neighbourhoodId: String(hoods.north),
			minutes: '1'
		});
		expect(worker.status).toBe(403);

		const wrong = await act('setEscalation', people.noor, {
			neighbourhoodId: String(hoods.north),
			minutes: '0'
		});
		expect(wrong.status).toBe(400);
		expect(wrong.data.errors).toEqual({ minutes: 'Choose a number from 1 to 60.' });
		expect(wrong.data.minutes).toBe('0');

		const saved = await act(
			'setEscalation',
			people.noor,
			{ neighbourhoodId: String(hoods.north), minutes: '3' },
			'nl'
		);
		expect(saved.data.message).toBe('Bewaard: 3 minuten voor Noord.');
		const [north] = await db
			.select()
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, hoods.north));
		expect(north.escalationMinutes).toBe(3);
		expect((await visit(people.sara)).returned!.sections[0].escalationMinutes).toBe(3);
	});
});
