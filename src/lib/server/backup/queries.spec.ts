import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { places } from '$lib/server/db/schema';
import { acknowledgeCall, cancelCall, createBackupCall, markOnTheWay, resolveCall } from './calls';
import {
	findCallForVolunteer,
	findCallForWorker,
	findLatestEventId,
	listEventsAfter,
	listInboxForWorker
} from './queries';
import { at, callInput, createScenario, sendCall, type Scenario } from './spec-support';

let s: Scenario;

beforeAll(async () => {
	s = await createScenario();
});

describe('what the volunteer sees', () => {
	it('who the call went to, who answered it and when', async () => {
		const { call } = await sendCall(s, '2025-03-10T10:40');
		await acknowledgeCall(call.id, s.amina.id, at('2025-03-10T10:42'));
		await markOnTheWay(call.id, s.amina.id, at('2025-03-10T10:45'));
		await resolveCall(call.id, s.amina.id, 'Rustig gepraat.', at('2025-03-10T11:30'));

		const view = await findCallForVolunteer(call.id, s.vera.id);
		expect(view).toMatchObject({
			id: call.id,
			status: 'resolved',
			urgency: 'come-now',
			note: 'Iemand is erg boos in de zaal, ik wil niet alleen zijn',
			sentTo: 3,
			owner: { id: s.amina.id, displayName: 'Amina', phone: '+32 470 00 00 02' },
			acknowledgedAt: at('2025-03-10T10:42').toISOString(),
			closedAt: at('2025-03-10T11:30').toISOString(),
			notePurged: false
		});
		expect(view).not.toHaveProperty('closingNote');
		expect(
			view!.timeline.map((entry) => [
				entry.type,
				entry.at,
				entry.actor?.displayName ?? null,
				entry.target?.displayName ?? null
			])
		).toEqual([
			['created', at('2025-03-10T10:40').toISOString(), 'Vera', null],
			['notified', at('2025-03-10T10:40').toISOString(), null, 'Amina'],
			['notified', at('2025-03-10T10:40').toISOString(), null, 'Bram'],
			['notified', at('2025-03-10T10:40').toISOString(), null, 'Chloé'],
			['acknowledged', at('2025-03-10T10:42').toISOString(), 'Amina', null],
			['on-the-way', at('2025-03-10T10:45').toISOString(), 'Amina', null],
			['resolved', at('2025-03-10T11:30').toISOString(), 'Amina', null]
		]);
	});

	it("another volunteer's call is not found", async () => {
		const { call } = await sendCall(s, '2025-03-10T10:40');
		expect(await findCallForVolunteer(call.id, s.wout.id)).toBeNull();
		expect(await findCallForVolunteer(99_999, s.vera.id)).toBeNull();
	});
});

describe('what a worker sees', () => {
	it('a call they may act on, with the volunteer to call back', async () => {
		const [place] = await db
			.insert(places)
			.values({
				slug: `inloophuis-${randomUUID()}`,
				kind: 'drop-in-house',
				name: { nl: 'Inloophuis De Brug', fr: 'Maison d’accueil Le Pont' },
				whatToExpect: { nl: 'Koffie.' },
				neighbourhoodId: s.hood.id
			})
			.returning();
		const { call } = await sendCall(s, '2025-03-10T10:40', {
			placeId: place.id,
			urgency: 'call-me'
		});
		const view = await findCallForWorker(call.id, s.bram.id, at('2025-03-10T10:41'));
		expect(view).toMatchObject({
			placeName: { nl: 'Inloophuis De Brug', fr: 'Maison d’accueil Le Pont' },
			volunteer: { id: s.vera.id, displayName: 'Vera', phone: '+32 470 00 00 01' },
			owner: null,
			escalationLevel: 0
		});
		expect(await findCallForWorker(call.id, s.omar.id, at('2025-03-10T10:41'))).toBeNull();
	});

	it('the inbox: open calls first, then taken ones, then recently closed', async () => {
		// A Tuesday, with nobody on duty: every call is sent to nobody, and Bram sees only
		// what he takes or is handed.
		const send = (time: string, changes: Parameters<typeof callInput>[1] = {}) =>
			createBackupCall(callInput(s, changes), at(`2025-03-11T${time}`)).then((sent) => sent.call);

		const oldResolved = await send('08:00');
		await acknowledgeCall(oldResolved.id, s.bram.id, at('2025-03-11T08:01'));
		await resolveCall(oldResolved.id, s.bram.id, null, at('2025-03-11T08:30'));
		const taken = await send('09:00');
		await acknowledgeCall(taken.id, s.bram.id, at('2025-03-11T09:01'));
		const cancelled = await send('09:10');
		await acknowledgeCall(cancelled.id, s.bram.id, at('2025-03-11T09:11'));
		await cancelCall(cancelled.id, s.vera.id, at('2025-03-11T09:12'));
		const someoneElses = await send('09:20');
		await acknowledgeCall(someoneElses.id, s.amina.id, at('2025-03-11T09:21'));

		// On Monday morning Bram is on duty: open calls of his neighbourhood are in his inbox.
		const mondayLater = await createBackupCall(
			callInput(s, { urgency: 'later-today' }),
			at('2025-03-17T08:30')
		);
		const mondayNow = await createBackupCall(
			callInput(s, { urgency: 'come-now' }),
			at('2025-03-17T08:40')
		);
		const nextDoor = await createBackupCall(
			callInput(s, { neighbourhoodId: s.nextDoor.id }),
			at('2025-03-17T08:45')
		);

		// Calls from the other tests in this file are left out.
		const mine = new Set(
			[
				oldResolved,
				taken,
				cancelled,
				someoneElses,
				mondayLater.call,
				mondayNow.call,
				nextDoor.call
			].map((call) => call.id)
		);
		const inbox = (
			await listInboxForWorker(s.bram.id, at('2025-03-17T09:10'), { recentHours: 24 * 7 })
		).filter((item) => mine.has(item.id));
		expect(inbox.map((item) => [item.id, item.status, item.mine])).toEqual([
			[mondayNow.call.id, 'open', false],
			[mondayLater.call.id, 'open', false],
			[taken.id, 'acknowledged', true],
			[cancelled.id, 'cancelled', true],
			[oldResolved.id, 'resolved', true]
		]);
		expect(inbox.map((item) => item.id)).not.toContain(someoneElses.id);
		expect(inbox.map((item) => item.id)).not.toContain(nextDoor.call.id);
		expect(inbox[0].volunteer).toEqual({
			id: s.vera.id,
			displayName: 'Vera',
			phone: '+32 470 00 00 01'
		});

		// Closed calls leave the inbox after two days by default.
		const later = await listInboxForWorker(s.bram.id, at('2025-03-17T09:10'));
		expect(later.map((item) => item.id)).not.toContain(oldResolved.id);
		expect(later.map((item) => item.id)).toContain(taken.id);

		expect(await listInboxForWorker(s.vera.id, at('2025-03-17T09:10'))).toEqual([]);
	});
});

describe('the event feed for live streams', () => {
	it('lists events after an id, oldest first, with the call and whom they went to', async () => {
		const start = await findLatestEventId();
		const { call } = await sendCall(s, '2025-03-24T09:30');
		await acknowledgeCall(call.id, s.amina.id, at('2025-03-24T09:31'));

		const feed = await listEventsAfter(start);
		expect(feed.map((event) => [event.type, event.actorId, event.targetId])).toEqual([
			['created', s.vera.id, null],
			['notified', null, s.amina.id],
			['notified', null, s.bram.id],
			['acknowledged', s.amina.id, null]
		]);
		expect(feed.every((event) => event.callId === call.id)).toBe(true);
		expect(feed[0]).toMatchObject({
			volunteerId: s.vera.id,
			neighbourhoodId: s.hood.id,
			ownerId: s.amina.id,
			status: 'acknowledged'
		});

		const firstPage = await listEventsAfter(start, 2);
		const secondPage = await listEventsAfter(firstPage.at(-1)!.id, 2);
		expect([...firstPage, ...secondPage].map((event) => event.id)).toEqual(
			feed.map((event) => event.id)
		);
		expect(await listEventsAfter(feed.at(-1)!.id)).toEqual([]);
		expect(await findLatestEventId()).toBe(feed.at(-1)!.id);
	});
});
