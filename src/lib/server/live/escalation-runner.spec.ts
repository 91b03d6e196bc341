import { beforeAll, describe, expect, it } from 'vitest';
import {
	at,
	createScenario,
	eventsOf,
	sendCall,
	type Scenario
} from '$lib/server/backup/spec-support';
import { createEscalationRunner, startEscalationRunner } from './escalation-runner';

let s: Scenario;

beforeAll(async () => {
	s = await createScenario();
});

describe('the escalation runner', () => {
	it('is not started under Vitest: tests run escalation with their own clock', () => {
		expect(startEscalationRunner()).toBeNull();
	});

	it('runs once at start, from what the database holds, so it catches up after a restart', async () => {
		const sent = await sendCall(s, '2025-03-10T09:30');
		const steps: number[] = [];
		const runner = createEscalationRunner({
			intervalMs: 60_000,
			now: () => at('2025-03-10T09:36'),
			onSteps: (done) => steps.push(...done.map((step) => step.callId))
		});
		try {
			await expect.poll(() => steps.includes(sent.call.id), { timeout: 2000 }).toBe(true);
			// Chloé comes on duty at 10:00, so nobody new is on duty yet: straight to the
			// coordinators.
			expect((await eventsOf(sent.call.id, 'escalated')).length).toBeGreaterThan(0);
			// A second round at the same moment finds nothing more to do.
			expect(await runner.runOnce()).toEqual([]);
		} finally {
			runner.stop();
		}
	});

	it('keeps running after a round fails', async () => {
		const errors: unknown[] = [];
		let calls = 0;
		const runner = createEscalationRunner({
			intervalMs: 10,
			now: () => {
				calls += 1;
				if (calls === 1) throw new Error('clock broke once');
				return at('2025-03-10T09:00');
			},
			onError: (error) => errors.push(error)
		});
		try {
			await expect.poll(() => calls, { timeout: 2000 }).toBeGreaterThan(2);
		} finally {
			runner.stop();
		}
		expect(errors).toHaveLength(1);
	});
});
