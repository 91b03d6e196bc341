import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { backupCallEvents, backupCalls, places } from '$lib/server/db/schema';
import {
	acknowledgeCall,
	cancelCall,
	createBackupCall,
	handOverCall,
	markCalling,
	markOnTheWay,
	resolveCall
} from './calls';
import {
	at,
	callInput,
	createScenario,
	eventsOf,
	readCall,
	refusal,
	sendCall,
	type Scenario
} from './spec-support';

let s: Scenario;

beforeAll(async () => {
	s = await createScenario();
});

describe('sending a backup call', () => {
	it('sending the same call twice stores it once', async () => {
		const input = callInput(s);
		const first = await createBackupCall(input, at('2025-03-10T09:30'));
		const again = await createBackupCall(input, at('2025-03-10T09:31'));

		expect(first.created).toBe(true);
		expect(again.created).toBe(false);
		expect(again.call.id).toBe(first.call.id);
		expect(again.notified.map((person) => person.displayName)).toEqual(['Amina', 'Bram']);
		expect(await db.$count(backupCalls, eq(backupCalls.deviceCallId, input.deviceCallId))).toBe(1);
		expect(await eventsOf(first.call.id, 'created')).toHaveLength(1);
		expect(await eventsOf(first.call.id, 'notified')).toHaveLength(2);
	});

	it('two sends of the same call arriving at once store it once', async () => {
		const input = callInput(s);
		const results = await Promise.all([
			createBackupCall(input, at('2025-03-10T09:30')),
			createBackupCall(input, at('2025-03-10T09:30'))
		]);
		expect(results.map((result) => result.created).sort()).toEqual([false, true]);
		expect(new Set(results.map((result) => result.call.id)).size).toBe(1);
		// Both answers tell the volunteer the same thing.
		for (const result of results) {
			expect(result.nobodyOnDuty).toBe(false);
			expect(result.notified.map((person) => person.displayName)).toEqual(['Amina', 'Bram']);
		}
		expect(await eventsOf(results[0].call.id, 'notified')).toHaveLength(2);
	});

	it('a repeated send that arrives while the first is still being stored gets the same answer', async () => {
		// The first send has stored the row but not yet its events.
		const deviceCallId = randomUUID();
		const [row] = await db
			.insert(backupCalls)
			.values({
				deviceCallId,
				volunteerId: s.vera.id,
				neighbourhoodId: s.hood.id,
				roughLat: 50.847,
				roughLon: 4.352,
				urgency: 'come-now',
				helpKind: 'someone-to-come',
				createdAt: at('2025-03-10T09:30').toISOString(),
				escalateAt: at('2025-03-10T09:35').toISOString()
			})
			.returning();
		const firstSendFinishes = new Promise((resolve) => setTimeout(resolve, 60)).then(() =>
			db.insert(backupCallEvents).values([
				{ callId: row.id, type: 'created', actorId: s.vera.id, at: row.createdAt },
				{ callId: row.id, type: 'notified', targetId: s.amina.id, at: row.createdAt }
			])
		);
		const again = await createBackupCall(callInput(s, { deviceCallId }), at('2025-03-10T09:30'));
		await firstSendFinishes;
		expect(again).toMatchObject({ created: false, nobodyOnDuty: false });
		expect(again.notified.map((person) => person.displayName)).toEqual(['Amina']);
	});

	it("refuses a device call id that is already another volunteer's call", async () => {
		const input = callInput(s);
		await createBackupCall(input, at('2025-03-10T09:30'));
		expect(
			await refusal(() =>
				createBackupCall({ ...input, volunteerId: s.wout.id }, at('2025-03-10T09:31'))
			)
		).toEqual({ code: 'device-call-id-taken' });
	});

	it('a call reaches every worker on duty for that neighbourhood', async () => {
		const now = at('2025-03-10T09:30');
		const sent = await sendCall(s, '2025-03-10T09:30');

		// Chloé starts at 10:00 and Omar is on duty next door: neither gets it.
		expect(sent.notified).toEqual([
			{ id: s.amina.id, displayName: 'Amina', role: 'worker', phone: '+32 470 00 00 02' },
			{ id: s.bram.id, displayName: 'Bram', role: 'worker', phone: null }
		]);
		expect(sent.nobodyOnDuty).toBe(false);
		expect(sent.callInstead).toEqual([]);

		// Stored before the answer: the row and its first events are in the database.
		const stored = await readCall(sent.call.id);
		expect(stored).toMatchObject({
			status: 'open',
			escalationLevel: 0,
			createdAt: now.toISOString(),
			escalateAt: at('2025-03-10T09:35').toISOString(),
			ownerId: null
		});
		const events = await eventsOf(sent.call.id);
		expect(events.map((event) => [event.type, event.actorId, event.targetId])).toEqual([
			['created', s.vera.id, null],
			['notified', null, s.amina.id],
			['notified', null, s.bram.id]
		]);
		expect(events.every((event) => event.at === now.toISOString())).toBe(true);
	});

	it('nobody on duty: the volunteer is told so and the call is kept', async () => {
		const sent = await sendCall(s, '2025-03-10T07:00');

		expect(sent.created).toBe(true);
		expect(sent.nobodyOnDuty).toBe(true);
		expect(sent.notified).toEqual([]);
		// Coordinators with a phone number, to call instead; nobody is woken up.
		expect(sent.callInstead.map((person) => [person.displayName, person.phone])).toEqual([
			['Zoë', '+32 2 555 01 01']
		]);
		const stored = await readCall(sent.call.id);
		expect(stored.status).toBe('open');
		expect(stored.escalateAt).toBe(at('2025-03-10T07:05').toISOString());
		expect((await eventsOf(sent.call.id)).map((event) => event.type)).toEqual(['created']);

		// Sent again, the answer is the same.
		const again = await createBackupCall(
			{ ...callInput(s), deviceCallId: sent.call.deviceCallId },
			at('2025-03-10T07:01')
		);
		expect(again).toMatchObject({ created: false, nobodyOnDuty: true });
	});

	it('a call made just before a duty starts is checked again when it starts', async () => {
		const sent = await sendCall(s, '2025-03-10T07:57');
		expect(sent.nobodyOnDuty).toBe(true);
		expect((await readCall(sent.call.id)).escalateAt).toBe(at('2025-03-10T08:00').toISOString());
	});

	it('keeps only a rough point, about 100 m, or only the place', async () => {
		const here = await sendCall(s, '2025-03-10T09:30', { lat: 50.8467123, lon: 4.3524987 });
		expect(here.call).toMatchObject({ placeId: null, roughLat: 50.847, roughLon: 4.352 });

		const [place] = await db
			.insert(places)
			.values({
				slug: `buurtkamer-${randomUUID()}`,
				kind: 'neighbourhood-centre',
				name: { nl: 'De Buurtkamer' },
				whatToExpect: { nl: 'Koffie.' },
				neighbourhoodId: s.hood.id
			})
			.returning();
		const atPlace = await sendCall(s, '2025-03-10T09:30', { placeId: place.id });
		expect(atPlace.call).toMatchObject({ placeId: place.id, roughLat: null, roughLon: null });
	});

	it('checks what is sent', async () => {
		const cases: [Parameters<typeof callInput>[1], string][] = [
			[{ deviceCallId: 'short' }, 'deviceCallId'],
			[{ deviceCallId: 'x'.repeat(65) }, 'deviceCallId'],
			[{ lat: null, lon: null }, 'where'],
			[{ lat: 91 }, 'lat'],
			[{ lon: null }, 'lon'],
			[{ lat: Number.NaN }, 'lat'],
			[{ neighbourhoodId: 99_999 }, 'neighbourhoodId'],
			[{ placeId: 99_999 }, 'placeId'],
			[{ urgency: 'whenever' as never }, 'urgency'],
			[{ helpKind: 'money' as never }, 'helpKind'],
			[{ note: 'x'.repeat(501) }, 'note']
		];
		for (const [changes, field] of cases) {
			expect(
				await refusal(() => createBackupCall(callInput(s, changes), at('2025-03-10T09:30'))),
				field
			).toEqual({ code: 'invalid-input', field });
		}
		const longest = await sendCall(s, '2025-03-10T09:30', { note: `  ${'é'.repeat(500)}  ` });
		expect(longest.call.note).toBe('é'.repeat(500));
		const blank = await sendCall(s, '2025-03-10T09:30', { note: '   ' });
		expect(blank.call.note).toBeNull();
	});
});

describe('answering a backup call', () => {
	it('acknowledging takes the call and is recorded', async () => {
		const { call } = await sendCall(s, '2025-03-10T09:30');
		const { call: taken, events } = await acknowledgeCall(
			call.id,
			s.amina.id,
			at('2025-03-10T09:32')
		);

		expect(taken).toMatchObject({
			status: 'acknowledged',
			ownerId: s.amina.id,
			acknowledgedAt: at('2025-03-10T09:32').toISOString(),
			escalateAt: null
		});
		expect(events.map((event) => [event.type, event.actorId])).toEqual([
			['acknowledged', s.amina.id]
		]);
		expect(
			await refusal(() => acknowledgeCall(call.id, s.bram.id, at('2025-03-10T09:33')))
		).toEqual({ code: 'invalid-transition', currentStatus: 'acknowledged' });
	});

	it('two workers taking the call at once: one has it, the other is told', async () => {
		const { call } = await sendCall(s, '2025-03-10T09:30');
		const results = await Promise.allSettled([
			acknowledgeCall(call.id, s.amina.id, at('2025-03-10T09:31')),
			acknowledgeCall(call.id, s.bram.id, at('2025-03-10T09:31'))
		]);
		expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(await eventsOf(call.id, 'acknowledged')).toHaveLength(1);
	});

	it('"on the way" from an open call takes it; only its owner can say so later', async () => {
		const first = await sendCall(s, '2025-03-10T09:30');
		const { call, events } = await markOnTheWay(first.call.id, s.bram.id, at('2025-03-10T09:31'));
		expect(call).toMatchObject({ status: 'on-the-way', ownerId: s.bram.id });
		expect(events.map((event) => event.type)).toEqual(['acknowledged', 'on-the-way']);
		expect(await refusal(() => markOnTheWay(call.id, s.bram.id, at('2025-03-10T09:32')))).toEqual({
			code: 'invalid-transition',
			currentStatus: 'on-the-way'
		});

		const second = await sendCall(s, '2025-03-10T09:40');
		await acknowledgeCall(second.call.id, s.amina.id, at('2025-03-10T09:41'));
		expect(
			await refusal(() => markOnTheWay(second.call.id, s.bram.id, at('2025-03-10T09:42')))
		).toEqual({ code: 'not-owner' });
		const moved = await markOnTheWay(second.call.id, s.amina.id, at('2025-03-10T09:42'));
		expect(moved.call.status).toBe('on-the-way');
		expect(moved.events.map((event) => event.type)).toEqual(['on-the-way']);
	});

	it('"I\'ll call you" keeps or makes the call acknowledged', async () => {
		const first = await sendCall(s, '2025-03-10T09:30', { urgency: 'call-me' });
		const calling = await markCalling(first.call.id, s.amina.id, at('2025-03-10T09:31'));
		expect(calling.call).toMatchObject({ status: 'acknowledged', ownerId: s.amina.id });
		expect(calling.events.map((event) => event.type)).toEqual(['acknowledged', 'calling']);
		const again = await markCalling(first.call.id, s.amina.id, at('2025-03-10T09:40'));
		expect(again.call.status).toBe('acknowledged');
		expect(again.events.map((event) => event.type)).toEqual(['calling']);

		await markOnTheWay(first.call.id, s.amina.id, at('2025-03-10T09:45'));
		expect(
			await refusal(() => markCalling(first.call.id, s.amina.id, at('2025-03-10T09:46')))
		).toEqual({ code: 'invalid-transition', currentStatus: 'on-the-way' });
	});

	it('resolving needs the call to be taken, by its owner or a coordinator', async () => {
		const { call } = await sendCall(s, '2025-03-10T09:30');
		expect(
			await refusal(() => resolveCall(call.id, s.amina.id, null, at('2025-03-10T09:31')))
		).toEqual({ code: 'invalid-transition', currentStatus: 'open' });
		await acknowledgeCall(call.id, s.amina.id, at('2025-03-10T09:31'));
		expect(
			await refusal(() => resolveCall(call.id, s.bram.id, null, at('2025-03-10T09:40')))
		).toEqual({ code: 'not-owner' });
		expect(
			await refusal(() => resolveCall(call.id, s.amina.id, 'x'.repeat(501), at('2025-03-10T09:40')))
		).toEqual({ code: 'invalid-input', field: 'closingNote' });

		const resolved = await resolveCall(
			call.id,
			s.amina.id,
			'Samen rustig gepraat, het gaat weer.',
			at('2025-03-10T10:15')
		);
		expect(resolved.call).toMatchObject({
			status: 'resolved',
			closingNote: 'Samen rustig gepraat, het gaat weer.',
			closedAt: at('2025-03-10T10:15').toISOString()
		});
		for (const step of [
			() => acknowledgeCall(call.id, s.bram.id, at('2025-03-10T10:16')),
			() => markOnTheWay(call.id, s.amina.id, at('2025-03-10T10:16')),
			() => resolveCall(call.id, s.amina.id, null, at('2025-03-10T10:16')),
			() => cancelCall(call.id, s.vera.id, at('2025-03-10T10:16'))
		]) {
			expect(await refusal(step)).toEqual({
				code: 'invalid-transition',
				currentStatus: 'resolved'
			});
		}

		const other = await sendCall(s, '2025-03-10T11:00');
		await acknowledgeCall(other.call.id, s.bram.id, at('2025-03-10T11:01'));
		const byCoordinator = await resolveCall(other.call.id, s.yves.id, null, at('2025-03-10T12:00'));
		expect(byCoordinator.call.status).toBe('resolved');
	});

	it('only the volunteer who made it can cancel', async () => {
		const { call } = await sendCall(s, '2025-03-10T09:30');
		for (const someoneElse of [s.wout.id, s.amina.id, s.zoe.id]) {
			expect(await refusal(() => cancelCall(call.id, someoneElse, at('2025-03-10T09:31')))).toEqual(
				{ code: 'not-allowed' }
			);
		}
		await acknowledgeCall(call.id, s.amina.id, at('2025-03-10T09:31'));
		const cancelled = await cancelCall(call.id, s.vera.id, at('2025-03-10T09:32'));
		expect(cancelled.call).toMatchObject({
			status: 'cancelled',
			closedAt: at('2025-03-10T09:32').toISOString(),
			escalateAt: null
		});
		expect(cancelled.events.map((event) => [event.type, event.actorId])).toEqual([
			['cancelled', s.vera.id]
		]);
		expect(await refusal(() => cancelCall(call.id, s.vera.id, at('2025-03-10T09:33')))).toEqual({
			code: 'invalid-transition',
			currentStatus: 'cancelled'
		});
	});

	it('hand-over changes the owner and is recorded', async () => {
		const { call } = await sendCall(s, '2025-03-10T10:30');
		expect(
			await refusal(() => handOverCall(call.id, s.amina.id, s.bram.id, at('2025-03-10T10:31')))
		).toEqual({ code: 'invalid-transition', currentStatus: 'open' });
		await markOnTheWay(call.id, s.amina.id, at('2025-03-10T10:31'));
		expect(
			await refusal(() => handOverCall(call.id, s.bram.id, s.chloe.id, at('2025-03-10T10:40')))
		).toEqual({ code: 'not-owner' });
		for (const nobodyToHandTo of [s.vera.id, s.omar.id, s.amina.id, 99_999]) {
			expect(
				await refusal(() =>
					handOverCall(call.id, s.amina.id, nobodyToHandTo, at('2025-03-10T10:40'))
				)
			).toEqual({ code: 'invalid-input', field: 'toWorkerId' });
		}

		const handed = await handOverCall(call.id, s.amina.id, s.bram.id, at('2025-03-10T10:45'));
		expect(handed.call).toMatchObject({ ownerId: s.bram.id, status: 'acknowledged' });
		expect(handed.events.map((event) => [event.type, event.actorId, event.targetId])).toEqual([
			['handed-over', s.amina.id, s.bram.id]
		]);
		expect(
			await refusal(() => resolveCall(call.id, s.amina.id, null, at('2025-03-10T10:50')))
		).toEqual({ code: 'not-owner' });
		await markOnTheWay(call.id, s.bram.id, at('2025-03-10T10:50'));

		// A coordinator can give anyone's call to someone else.
		const byCoordinator = await handOverCall(call.id, s.zoe.id, s.chloe.id, at('2025-03-10T11:00'));
		expect(byCoordinator.call.ownerId).toBe(s.chloe.id);
	});

	it("only the neighbourhood's workers, those it was sent to, and coordinators may act", async () => {
		const { call } = await sendCall(s, '2025-03-10T09:30');
		// Omar works next door and was not sent this call; Vera is a volunteer.
		for (const outsider of [s.omar.id, s.vera.id, 99_999]) {
			expect(
				await refusal(() => acknowledgeCall(call.id, outsider, at('2025-03-10T09:31')))
			).toEqual({ code: 'not-allowed' });
		}
		// Chloé is not on duty yet and works elsewhere, but will be on duty here from 10:00.
		expect(
			await refusal(() => acknowledgeCall(call.id, s.chloe.id, at('2025-03-10T09:31')))
		).toEqual({ code: 'not-allowed' });
		const taken = await acknowledgeCall(call.id, s.chloe.id, at('2025-03-10T10:01'));
		expect(taken.call.ownerId).toBe(s.chloe.id);

		const other = await sendCall(s, '2025-03-10T11:00');
		const byCoordinator = await acknowledgeCall(other.call.id, s.yves.id, at('2025-03-10T11:01'));
		expect(byCoordinator.call.ownerId).toBe(s.yves.id);
	});

	it('a call that does not exist is not found', async () => {
		expect(
			await refusal(() => acknowledgeCall(99_999, s.amina.id, at('2025-03-10T09:31')))
		).toEqual({ code: 'not-found' });
		expect(await refusal(() => cancelCall(99_999, s.vera.id, at('2025-03-10T09:31')))).toEqual({
			code: 'not-found'
		});
	});
});
