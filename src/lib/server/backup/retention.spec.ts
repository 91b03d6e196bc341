import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeCall, resolveCall } from './calls';
import { countCalls, purgeOldNotes } from './retention';
import { at, createScenario, eventsOf, readCall, sendCall, type Scenario } from './spec-support';

let s: Scenario;

beforeAll(async () => {
	s = await createScenario();
});

async function resolvedCall(sentAt: string, acknowledgedAfter: number, resolvedAt: string) {
	const { call } = await sendCall(s, sentAt);
	const sent = at(sentAt);
	await acknowledgeCall(call.id, s.amina.id, new Date(sent.getTime() + acknowledgedAfter * 60_000));
	await resolveCall(call.id, s.amina.id, 'Samen een kop koffie gedronken.', at(resolvedAt));
	return call;
}

describe('keeping backup calls', () => {
	it('notes are purged after 30 days and counts stay', async () => {
		const old = await resolvedCall('2025-03-10T09:30', 2, '2025-03-10T10:00');
		const recent = await resolvedCall('2025-03-10T10:30', 4, '2025-03-25T10:00');
		const neverClosed = (await sendCall(s, '2025-03-10T11:00')).call;
		const before = await countCalls({ from: at('2025-03-01T00:00'), to: at('2025-04-01T00:00') });

		const now = at('2025-04-10T12:00');
		expect((await purgeOldNotes(now)).sort()).toEqual([old.id, neverClosed.id].sort());

		expect(await readCall(old.id)).toMatchObject({
			note: null,
			closingNote: null,
			notePurgedAt: now.toISOString(),
			status: 'resolved'
		});
		expect(await readCall(neverClosed.id)).toMatchObject({ note: null, status: 'open' });
		expect(await readCall(recent.id)).toMatchObject({
			note: 'Iemand is erg boos in de zaal, ik wil niet alleen zijn',
			closingNote: 'Samen een kop koffie gedronken.',
			notePurgedAt: null
		});
		const purgeEvents = await eventsOf(old.id, 'note-purged');
		expect(purgeEvents.map((event) => [event.actorId, event.at])).toEqual([
			[null, now.toISOString()]
		]);
		// The other events stay.
		expect((await eventsOf(old.id)).map((event) => event.type)).toEqual([
			'created',
			'notified',
			'notified',
			'acknowledged',
			'resolved',
			'note-purged'
		]);

		// A second run finds nothing new; the counts are what they were.
		expect(await purgeOldNotes(now)).toEqual([]);
		expect(await countCalls({ from: at('2025-03-01T00:00'), to: at('2025-04-01T00:00') })).toEqual(
			before
		);

		// Thirty days after it closed, the recent one goes too (summer time by then: 11:00).
		expect(await purgeOldNotes(at('2025-04-24T10:59'))).toEqual([]);
		expect(await purgeOldNotes(at('2025-04-24T11:00'))).toEqual([recent.id]);
	});

	it('counts calls per neighbourhood and Brussels month, with median and p90 minutes to acknowledge', async () => {
		for (const [sentAt, minutes] of [
			['2025-05-05T09:30', 1],
			['2025-05-05T10:30', 2],
			['2025-05-12T09:30', 3],
			['2025-05-12T10:30', 10]
		] as const) {
			await resolvedCall(sentAt, minutes, '2025-05-12T16:00');
		}
		// Not acknowledged: counted, but without a time.
		await sendCall(s, '2025-05-19T09:30');
		// 23:30 on 31 May in Brussels is still May; 00:30 on 1 June is June, though both are 31 May in UTC.
		await sendCall(s, '2025-05-31T23:30');
		await sendCall(s, '2025-06-01T00:30');
		await sendCall(s, '2025-05-19T09:30', { neighbourhoodId: s.nextDoor.id });

		const counts = await countCalls({ from: at('2025-05-01T00:00'), to: at('2025-07-01T00:00') });
		expect(counts).toEqual([
			{
				neighbourhoodId: s.hood.id,
				month: '2025-05',
				calls: 6,
				acknowledged: 4,
				medianMinutesToAcknowledge: 2.5,
				p90MinutesToAcknowledge: 7.9
			},
			{
				neighbourhoodId: s.hood.id,
				month: '2025-06',
				calls: 1,
				acknowledged: 0,
				medianMinutesToAcknowledge: null,
				p90MinutesToAcknowledge: null
			},
			{
				neighbourhoodId: s.nextDoor.id,
				month: '2025-05',
				calls: 1,
				acknowledged: 0,
				medianMinutesToAcknowledge: null,
				p90MinutesToAcknowledge: null
			}
		]);
		// Totals only: nothing in the answer points at a person.
		for (const count of counts) {
			expect(Object.keys(count).sort()).toEqual(
				[
					'acknowledged',
					'calls',
					'medianMinutesToAcknowledge',
					'month',
					'neighbourhoodId',
					'p90MinutesToAcknowledge'
				].sort()
			);
		}
		expect(await countCalls({ from: at('2025-05-01T00:00'), to: at('2025-05-05T00:00') })).toEqual(
			[]
		);
	});
});
