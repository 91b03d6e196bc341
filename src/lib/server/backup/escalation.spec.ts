import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/server/db';
import { backupCalls } from '$lib/server/db/schema';
import { acknowledgeCall, cancelCall } from './calls';
import { escalateDueCalls, type EscalationStep } from './escalation';
import { at, createScenario, eventsOf, readCall, sendCall, type Scenario } from './spec-support';

let s: Scenario;

beforeAll(async () => {
	s = await createScenario();
});

afterEach(() => {
	vi.useRealTimers();
});

/** Every test has calls of its own; a run also moves the other tests' open calls on. */
async function escalate(wall: string, callId: number) {
	return (await escalateDueCalls(at(wall))).filter((step) => step.callId === callId);
}

function summary(steps: EscalationStep[]) {
	return steps.map((step) => ({
		kind: step.kind,
		from: step.fromLevel,
		to: step.toLevel,
		targets: step.targets.map((person) => person.displayName),
		escalateAt: step.escalateAt
	}));
}

async function escalatedTo(callId: number) {
	return (await eventsOf(callId, 'escalated')).map((event) => event.targetId);
}

describe('escalation', () => {
	it('an unacknowledged call goes to the next worker after the set minutes, then to the coordinators', async () => {
		// Amina and Bram are on duty at 09:58; Chloé comes on duty at 10:00.
		const { call } = await sendCall(s, '2025-03-10T09:58');

		expect(await escalate('2025-03-10T10:02', call.id)).toEqual([]);
		expect(summary(await escalate('2025-03-10T10:03', call.id))).toEqual([
			{
				kind: 'next-worker',
				from: 0,
				to: 1,
				targets: ['Chloé'],
				escalateAt: at('2025-03-10T10:08').toISOString()
			}
		]);
		expect(await escalate('2025-03-10T10:07', call.id)).toEqual([]);
		expect(summary(await escalate('2025-03-10T10:08', call.id))).toEqual([
			{
				kind: 'coordinators',
				from: 1,
				to: 2,
				targets: ['Yves', 'Zoë'],
				escalateAt: at('2025-03-10T10:13').toISOString()
			}
		]);
		// At level 2 it stays open; with nobody new on duty there is nobody else to send it to.
		expect(summary(await escalate('2025-03-10T10:13', call.id))).toEqual([
			{
				kind: 'still-waiting',
				from: 2,
				to: 2,
				targets: [],
				escalateAt: at('2025-03-10T10:18').toISOString()
			}
		]);

		expect(await escalatedTo(call.id)).toEqual([s.chloe.id, s.yves.id, s.zoe.id]);
		const escalations = await eventsOf(call.id, 'escalated');
		expect(escalations.map((event) => [event.actorId, event.at])).toEqual([
			[null, at('2025-03-10T10:03').toISOString()],
			[null, at('2025-03-10T10:08').toISOString()],
			[null, at('2025-03-10T10:08').toISOString()]
		]);
		expect((await readCall(call.id)).escalationLevel).toBe(2);
	});

	it('with no next worker on duty it goes straight to the coordinators', async () => {
		const { call } = await sendCall(s, '2025-03-17T09:30');
		expect(summary(await escalate('2025-03-17T09:35', call.id))).toMatchObject([
			{ kind: 'coordinators', from: 0, to: 2, targets: ['Yves', 'Zoë'] }
		]);
	});

	it('escalation happens from database state alone', async () => {
		// Nothing is scheduled in memory when a call is made.
		vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
		await sendCall(s, '2025-03-24T09:30');
		expect(vi.getTimerCount()).toBe(0);
		vi.useRealTimers();

		// A call as a process left it that stopped right after storing the row: no events yet.
		const [call] = await db
			.insert(backupCalls)
			.values({
				deviceCallId: randomUUID(),
				volunteerId: s.vera.id,
				neighbourhoodId: s.hood.id,
				roughLat: 50.847,
				roughLon: 4.352,
				urgency: 'call-me',
				helpKind: 'phone-call',
				createdAt: at('2025-03-24T09:30').toISOString(),
				escalateAt: at('2025-03-24T09:35').toISOString()
			})
			.returning();

		// After the restart, the first run sends it to the workers on duty ...
		expect(summary(await escalate('2025-03-24T09:40', call.id))).toMatchObject([
			{ kind: 'first-notice', from: 0, to: 0, targets: ['Amina', 'Bram'] }
		]);
		expect((await eventsOf(call.id, 'notified')).map((event) => event.targetId)).toEqual([
			s.amina.id,
			s.bram.id
		]);
		// ... and later runs carry on, one step each, however long it has been.
		expect(summary(await escalate('2025-03-24T11:00', call.id))).toMatchObject([
			{ kind: 'next-worker', targets: ['Chloé'] }
		]);
		expect(await escalate('2025-03-24T11:00', call.id)).toEqual([]);
		expect(summary(await escalate('2025-03-24T11:05', call.id))).toMatchObject([
			{ kind: 'coordinators', targets: ['Yves', 'Zoë'] }
		]);
	});

	it('two escalation runs at once escalate only once', async () => {
		const calls = await Promise.all(
			['09:56', '09:57', '09:58'].map(
				async (time) => (await sendCall(s, `2025-03-31T${time}`)).call
			)
		);
		const ids = new Set(calls.map((call) => call.id));
		const ours = (steps: EscalationStep[][]) => steps.flat().filter((step) => ids.has(step.callId));

		const first = ours(
			await Promise.all([
				escalateDueCalls(at('2025-03-31T10:05')),
				escalateDueCalls(at('2025-03-31T10:05'))
			])
		);
		expect(first.map((step) => step.callId).sort()).toEqual([...ids].sort());
		const second = ours(
			await Promise.all([
				escalateDueCalls(at('2025-03-31T10:10')),
				escalateDueCalls(at('2025-03-31T10:10')),
				escalateDueCalls(at('2025-03-31T10:10'))
			])
		);
		expect(second.map((step) => step.callId).sort()).toEqual([...ids].sort());
		for (const call of calls) {
			expect(await escalatedTo(call.id)).toEqual([s.chloe.id, s.yves.id, s.zoe.id]);
		}
	});

	it('acknowledging stops escalation', async () => {
		const { call } = await sendCall(s, '2025-04-07T09:58');
		await acknowledgeCall(call.id, s.amina.id, at('2025-04-07T10:01'));
		expect(await escalate('2025-04-07T10:03', call.id)).toEqual([]);
		expect(await escalate('2025-04-07T11:00', call.id)).toEqual([]);
		expect(await escalatedTo(call.id)).toEqual([]);
		expect((await readCall(call.id)).escalateAt).toBeNull();

		const cancelled = await sendCall(s, '2025-04-07T09:58');
		await cancelCall(cancelled.call.id, s.vera.id, at('2025-04-07T09:59'));
		expect(await escalate('2025-04-07T11:00', cancelled.call.id)).toEqual([]);
	});

	it('a call made while nobody is on duty reaches whoever comes on duty, then escalates as usual', async () => {
		const { call } = await sendCall(s, '2025-04-14T07:57');
		expect(await escalate('2025-04-14T07:59', call.id)).toEqual([]);
		expect(summary(await escalate('2025-04-14T08:00', call.id))).toEqual([
			{
				kind: 'first-notice',
				from: 0,
				to: 0,
				targets: ['Amina'],
				escalateAt: at('2025-04-14T08:05').toISOString()
			}
		]);
		// Nobody else is on duty before 09:00, so the coordinators get it next.
		expect(summary(await escalate('2025-04-14T08:05', call.id))).toMatchObject([
			{ kind: 'coordinators', from: 0, to: 2, targets: ['Yves', 'Zoë'] }
		]);
		// It stays open and is checked again the minute Bram's duty starts ...
		expect(summary(await escalate('2025-04-14T08:57', call.id))).toMatchObject([
			{ kind: 'still-waiting', escalateAt: at('2025-04-14T09:00').toISOString() }
		]);
		// ... when it reaches him too.
		expect(summary(await escalate('2025-04-14T09:00', call.id))).toMatchObject([
			{ kind: 'came-on-duty', from: 2, to: 2, targets: ['Bram'] }
		]);
		expect((await eventsOf(call.id, 'notified')).map((event) => event.targetId)).toEqual([
			s.amina.id,
			s.bram.id
		]);
	});

	it('at night nobody is woken: the call waits for the first worker in the morning', async () => {
		// Sunday evening; the roster starts on Monday at 08:00.
		const { call } = await sendCall(s, '2025-04-20T23:00');
		expect(summary(await escalate('2025-04-20T23:05', call.id))).toMatchObject([
			{ kind: 'still-waiting', targets: [], escalateAt: at('2025-04-20T23:10').toISOString() }
		]);
		expect(summary(await escalate('2025-04-21T07:58', call.id))).toMatchObject([
			{ kind: 'still-waiting', escalateAt: at('2025-04-21T08:00').toISOString() }
		]);
		expect(await escalatedTo(call.id)).toEqual([]);
		expect(summary(await escalate('2025-04-21T08:00', call.id))).toMatchObject([
			{ kind: 'first-notice', targets: ['Amina'] }
		]);
	});
});
