import { escalateDueCalls, type EscalationStep } from '$lib/server/backup';
import { currentTime } from '$lib/server/clock';
import { notifyBackupRecipients } from '$lib/server/push';

export type EscalationRunnerOptions = {
	intervalMs?: number;
	now?: () => Date;
	/** What to do with the steps taken; by default, Web Push to the people they reached. */
	onSteps?: (steps: EscalationStep[]) => void;
	onError?: (error: unknown) => void;
};

export type EscalationRunner = {
	/** Runs one round now (the timer does this every interval). */
	runOnce: () => Promise<EscalationStep[]>;
	stop: () => void;
};

/**
 * Every open call whose `escalateAt` has passed moves one step on. Everything it needs is in
 * the database, so after a restart the first round (run at once) catches up. The steps write
 * events, which the live streams pick up like any other change; the people they reach also
 * get a Web Push notification.
 */
export function createEscalationRunner(options: EscalationRunnerOptions = {}): EscalationRunner {
	const intervalMs = options.intervalMs ?? 15_000;
	const now = options.now ?? currentTime;
	const onSteps =
		options.onSteps ?? ((steps: EscalationStep[]) => void notifyBackupRecipients(steps));
	const onError = options.onError ?? ((error) => console.error('Backup-call escalation:', error));
	let running: Promise<EscalationStep[]> | null = null;

	const runOnce = () => {
		running ??= Promise.resolve()
			.then(() => escalateDueCalls(now()))
			.then((steps) => {
				if (steps.length > 0) onSteps(steps);
				return steps;
			})
			.catch((error: unknown) => {
				onError(error);
				return [];
			})
			.finally(() => {
				running = null;
			});
		return running;
	};

	void runOnce();
	const timer = setInterval(() => void runOnce(), intervalMs);
	timer.unref?.();
	return { runOnce, stop: () => clearInterval(timer) };
}

const globalKey = Symbol.for('kwartier.live.escalationRunner');
type WithRunner = typeof globalThis & { [globalKey]?: EscalationRunner };

/**
 * Starts the one escalation runner of this process (a second call does nothing). Not under
 * Vitest: tests run escalation themselves, with a clock they control.
 */
export function startEscalationRunner(): EscalationRunner | null {
	if (process.env.VITEST) return null;
	const store = globalThis as WithRunner;
	store[globalKey] ??= createEscalationRunner();
	return store[globalKey];
}
