import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createScenario, readCall, sendCall, type Scenario } from '$lib/server/backup/spec-support';
import { makeEvent, outcome } from '../../../../../tests/support/events';
import { actions, load } from './+page.server';
import type { PageServerData } from './$types';

let s: Scenario;

beforeAll(async () => {
	// A Monday morning: Amina and Bram are on duty; Omar works next door.
	vi.stubEnv('KWARTIER_NOW', '2025-03-10T09:30:00+01:00');
	s = await createScenario();
});

afterAll(() => {
	vi.unstubAllEnvs();
});

function asAccount(person: Scenario['amina']): SignedInAccount {
	return { ...person, username: person.displayName.toLowerCase() };
}

type Action = keyof typeof actions;

async function act(
	person: Scenario['amina'],
	action: Action,
	form: Record<string, string>,
	lang = 'nl'
) {
	const { event } = makeEvent(`/${lang}/team/inbox?/${action}`, {
		account: asAccount(person),
		form
	});
	return outcome(() => actions[action](event as never));
}

async function inboxOf(person: Scenario['amina']) {
	const { event } = makeEvent('/nl/team/inbox', { account: asAccount(person) });
	const { returned, thrown } = await outcome(() => load(event as never));
	if (thrown) throw thrown;
	return returned as PageServerData;
}

describe('the worker’s inbox', () => {
	it('shows a new call to the workers on duty, with its timeline, and not to a worker next door', async () => {
		const sent = await sendCall(s, '2025-03-10T09:30', { note: 'Het loopt hoog op' });
		const amina = await inboxOf(s.amina);
		const call = amina.calls.find((item) => item.id === sent.call.id);

		expect(call).toMatchObject({
			status: 'open',
			urgency: 'come-now',
			note: 'Het loopt hoog op',
			point: { lat: 50.847, lon: 4.352 },
			volunteer: { displayName: 'Vera', phone: '+32 470 00 00 01' }
		});
		expect(call?.timeline.map((entry) => entry.type)).toEqual(['created', 'notified', 'notified']);
		// Chloé only comes on duty at 10:00 and works elsewhere.
		expect(call?.colleagues.map((person) => person.displayName)).toEqual(['Bram', 'Yves', 'Zoë']);
		expect((await inboxOf(s.omar)).calls.some((item) => item.id === sent.call.id)).toBe(false);
	});

	it('is for workers: a volunteer gets 403', async () => {
		const { event } = makeEvent('/nl/team/inbox', { account: asAccount(s.vera) });
		expect((await outcome(() => load(event as never))).thrown?.status).toBe(403);
		const refused = await act(s.vera, 'acknowledge', { callId: '1' });
		expect(refused.thrown?.status).toBe(403);
	});

	it('acknowledge, on my way, resolve: each step by the worker who has it', async () => {
		const sent = await sendCall(s, '2025-03-10T09:30');
		const callId = String(sent.call.id);

		expect((await act(s.amina, 'acknowledge', { callId })).returned).toMatchObject({
			callId: sent.call.id,
			done: 'acknowledged'
		});
		expect((await act(s.amina, 'onTheWay', { callId })).returned).toMatchObject({
			done: 'on-the-way'
		});
		expect(
			(await act(s.amina, 'resolve', { callId, closingNote: 'Samen rustig gepraat' })).returned
		).toMatchObject({ done: 'resolved' });
		expect(await readCall(sent.call.id)).toMatchObject({
			status: 'resolved',
			ownerId: s.amina.id,
			closingNote: 'Samen rustig gepraat'
		});
	});

	it('a worker who is not concerned cannot act (403), and a call someone has is theirs (409)', async () => {
		const sent = await sendCall(s, '2025-03-10T09:30');
		const callId = String(sent.call.id);

		const omar = await act(s.omar, 'acknowledge', { callId }, 'en');
		expect(omar.returned).toMatchObject({
			status: 403,
			data: { callId: sent.call.id, done: null, message: 'You cannot act on this call.' }
		});

		await act(s.amina, 'acknowledge', { callId });
		const bram = await act(s.bram, 'acknowledge', { callId });
		expect(bram.returned).toMatchObject({
			status: 409,
			data: { message: 'Deze oproep veranderde intussen. Kijk er opnieuw naar.' }
		});
		const bramResolves = await act(s.bram, 'resolve', { callId });
		expect(bramResolves.returned).toMatchObject({ status: 409 });
		expect(await readCall(sent.call.id)).toMatchObject({ ownerId: s.amina.id });
	});

	it('"I\'ll call you" takes an open call; then the worker hands it over to a colleague', async () => {
		const sent = await sendCall(s, '2025-03-10T09:30', { urgency: 'call-me' });
		const callId = String(sent.call.id);

		expect((await act(s.bram, 'calling', { callId })).returned).toMatchObject({
			done: 'calling'
		});
		const toNobody = await act(s.bram, 'handOver', { callId, toWorkerId: '' }, 'fr');
		expect(toNobody.returned).toMatchObject({
			status: 400,
			data: {
				message: 'Ce collègue ne peut pas prendre cette demande. Choisissez quelqu’un d’autre.'
			}
		});
		expect(
			(await act(s.bram, 'handOver', { callId, toWorkerId: String(s.amina.id) })).returned
		).toMatchObject({ done: 'handed-over' });
		const call = (await inboxOf(s.amina)).calls.find((item) => item.id === sent.call.id);
		expect(call).toMatchObject({ mine: true, status: 'acknowledged' });
	});

	it('refuses a form without a call', async () => {
		const { returned } = await act(s.amina, 'acknowledge', {});
		expect(returned).toMatchObject({ status: 400, data: { callId: null, done: null } });
	});
});
