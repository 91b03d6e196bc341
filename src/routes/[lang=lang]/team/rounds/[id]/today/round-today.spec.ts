import { isActionFailure } from '@sveltejs/kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createLiveScenario, type LiveScenario } from '$lib/server/outreach/live-spec-support';
import type { RoundDay } from '$lib/server/outreach/live-status';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { createTestAccount, makeEvent, outcome } from '../../../../../../../tests/support/events';
import { load as loadRoundPage } from '../../../../rounds/[slug]/+page.server';
import { load as loadList } from '../../../outreach/today/+page.server';
import { actions, load } from './+page.server';

let s: LiveScenario;
let worker: SignedInAccount;
let volunteer: SignedInAccount;

function setClock(wall: string) {
	vi.stubEnv('KWARTIER_NOW', wallTimeToDate(wall).toISOString());
}

type Form = Record<string, string | string[]>;
type ActionName = keyof typeof actions;

/** Posts a form to the phone screen as a browser without JavaScript would. */
async function post(
	name: ActionName,
	form: Form,
	options: { lang?: string; account?: SignedInAccount | null; id?: string } = {}
) {
	const lang = options.lang ?? 'nl';
	const id = options.id ?? String(s.roundId);
	const { event } = makeEvent(`/${lang}/team/rounds/${id}/today`, {
		form,
		account: options.account === undefined ? worker : options.account,
		params: { lang, id }
	});
	const run = actions[name] as (event: never) => Promise<unknown>;
	return outcome(() => run(event as never));
}

async function screen(query = '', account: SignedInAccount = worker) {
	const { event } = makeEvent(`/nl/team/rounds/${s.roundId}/today${query}`, {
		account,
		params: { lang: 'nl', id: String(s.roundId) }
	});
	return outcome(() => load(event as never));
}

/** The public round page as a visitor loads it: what a resident sees after a reload. */
async function residentSees() {
	const { event, headers } = makeEvent('/nl/rounds/koffiebus-test', {
		params: { lang: 'nl', slug: 'koffiebus-test' }
	});
	const data = (await loadRoundPage(event as never)) as { live: RoundDay | null };
	return { live: data.live, headers };
}

beforeAll(async () => {
	s = await createLiveScenario();
	worker = await createTestAccount('worker', { neighbourhoodIds: [s.neighbourhoodId] });
	volunteer = await createTestAccount('volunteer', { neighbourhoodIds: [s.neighbourhoodId] });
});

beforeEach(() => setClock('2026-11-24T10:30'));

afterAll(() => {
	vi.unstubAllEnvs();
});

describe('the phone screen of a round today', () => {
	it('shows the round with its planned times before anyone marks anything', async () => {
		const { returned } = await screen();
		expect(returned).toMatchObject({
			round: { id: s.roundId, slug: 'koffiebus-test' },
			day: { date: '2026-11-24', phase: 'under-way', reported: false },
			changedBy: null,
			saved: null
		});
	});

	it('is for neighbourhood workers: a volunteer gets 403, a visitor is sent to sign in', async () => {
		expect((await screen('', volunteer)).thrown?.status).toBe(403);
		const visitor = await post('here', { date: '2026-11-24', stop: '1' }, { account: null });
		expect(visitor.thrown?.status).toBe(303);
		expect(visitor.thrown?.location).toMatch(/^\/nl\/login\?next=/);
	});

	it('answers 404 for a round that does not exist', async () => {
		const { event } = makeEvent('/nl/team/rounds/999999/today', {
			account: worker,
			params: { lang: 'nl', id: '999999' }
		});
		expect((await outcome(() => load(event as never))).thrown?.status).toBe(404);
		expect(
			(await post('here', { date: '2026-11-24', stop: '1' }, { id: '999999' })).thrown?.status
		).toBe(404);
	});
});

describe('marking the day without JavaScript (post, redirect, get)', () => {
	it('"we are at stop 2" and "+15": the resident sees it on the next load', async () => {
		const here = await post('here', { date: '2026-11-24', stop: '2' });
		expect(here.thrown?.status).toBe(303);
		expect(here.thrown?.location).toBe(
			`/nl/team/rounds/${s.roundId}/today?date=2026-11-24&done=here&stop=2`
		);
		const late = await post('late', { date: '2026-11-24', from: '0', add: '15' });
		expect(late.thrown?.location).toBe(
			`/nl/team/rounds/${s.roundId}/today?date=2026-11-24&done=late`
		);

		const { returned } = await screen('?date=2026-11-24&done=here&stop=2');
		expect(returned).toMatchObject({
			day: { currentStop: 2, delayMinutes: 15 },
			changedBy: worker.displayName,
			saved: { done: 'here', stop: 2 }
		});

		const { live, headers } = await residentSees();
		expect(live).toMatchObject({ phase: 'under-way', currentStop: 2, delayMinutes: 15 });
		expect(live?.stops.map((stop) => stop.expectedArrival.slice(11))).toEqual([
			'10:00',
			'11:00',
			'11:45',
			'12:45'
		]);
		// A reload on a round day asks the server again instead of showing a cached stop.
		expect(headers.get('Cache-Control')).toBe('no-cache');
	});

	it('sending the same "+15" twice gives 15 minutes, not 30', async () => {
		await post('late', { date: '2026-11-24', from: '0', add: '15' });
		await post('late', { date: '2026-11-24', from: '0', add: '15' });
		expect((await residentSees()).live?.delayMinutes).toBe(15);
		await post('late', { date: '2026-11-24', from: '15', add: '5' });
		expect((await residentSees()).live?.delayMinutes).toBe(20);
		const onTime = await post('onTime', { date: '2026-11-24' });
		expect(onTime.thrown?.location).toContain('done=on-time');
		expect((await residentSees()).live?.delayMinutes).toBe(0);
	});

	it('"ended early" skips the rest for residents; "we are here" carries on', async () => {
		const ended = await post('endEarly', { date: '2026-11-24' });
		expect(ended.thrown?.location).toContain('done=ended-early');
		const { live } = await residentSees();
		expect(live?.phase).toBe('ended-early');
		expect(live?.stops.map((stop) => stop.state)).toEqual(['done', 'done', 'skipped', 'skipped']);

		const late = await post('late', { date: '2026-11-24', from: '0', add: '5' }, { lang: 'fr' });
		expect(isActionFailure(late.returned)).toBe(true);
		expect(late.returned).toMatchObject({
			status: 400,
			data: { error: expect.stringContaining('Nous sommes ici') }
		});

		await post('here', { date: '2026-11-24', stop: '3' });
		await post('end', { date: '2026-11-24' });
		expect((await residentSees()).live?.phase).toBe('ended');
	});

	it('outside a round day residents keep a minute of caching', async () => {
		setClock('2026-11-25T10:30');
		const { live, headers } = await residentSees();
		expect(live).toBeNull();
		expect(headers.get('Cache-Control')).toBe('public, max-age=60');
	});
});

describe('bad input gets a clear answer in the right language, never a crash', () => {
	it.each([
		['here', { date: '2026-11-24', stop: '9' }, 'nl', 'Die halte hoort niet bij deze ronde'],
		['here', { date: '2026-11-17', stop: '1' }, 'en', 'does not ride today'],
		['here', { date: '2026-11-24', stop: '1; drop table' }, 'fr', 'Cet arrêt'],
		['late', { date: '2026-11-24', from: '0', add: '7' }, 'en', '+5, +15 or +30'],
		['late', { date: '2026-11-24', from: '239', add: '5' }, 'nl', 'hoogstens 240 minuten'],
		['late', { date: '2026-11-24', from: '-1', add: '5' }, 'en', '+5, +15 or +30'],
		['onTime', { date: '<script>' }, 'nl', 'rijdt vandaag niet'],
		['end', {}, 'fr', 'ne roule pas'],
		// The first value of a repeated field counts, as everywhere in the app.
		['endEarly', { date: ['2026-11-17', '2026-11-24'] }, 'en', 'does not ride today']
	] as const)('%s with %j (%s)', async (name, form, lang, expected) => {
		const result = await post(name as ActionName, form as Form, { lang });
		expect(result.thrown).toBeUndefined();
		expect(isActionFailure(result.returned)).toBe(true);
		expect(result.returned).toMatchObject({
			status: 400,
			data: { error: expect.stringContaining(expected) }
		});
	});

	it('a cancelled date cannot be started from the phone', async () => {
		setClock('2026-12-01T10:00');
		const result = await post('here', { date: '2026-12-01', stop: '1' }, { lang: 'en' });
		expect(result.returned).toMatchObject({
			status: 400,
			data: { error: 'This round is cancelled today. You cannot start it.' }
		});
		expect((await screen()).returned).toMatchObject({ day: { phase: 'cancelled' } });
	});
});

describe('the list of today', () => {
	it('has every round that rides today, for workers only', async () => {
		setClock('2026-11-24T08:00');
		const { event } = makeEvent('/nl/team/outreach/today', { account: worker });
		const data = (await loadList(event as never)) as { rounds: Array<{ slug: string }> };
		expect(data.rounds.map((round) => round.slug).sort()).toEqual([
			'koffiebus-test',
			'ledenbus',
			'verborgen-bus'
		]);
		const asVolunteer = makeEvent('/nl/team/outreach/today', { account: volunteer });
		expect((await outcome(() => loadList(asVolunteer.event as never))).thrown?.status).toBe(403);
	});
});
