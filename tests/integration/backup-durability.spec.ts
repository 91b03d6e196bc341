import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The promise of shared/DESIGN.md: a call the volunteer saw as "sent" is stored durably before
 * the answer is given, and escalation is driven by the database, so it carries on after a
 * restart. Each step runs the app's own code in a separate Node process on one database file;
 * the process that sent the call is killed with SIGKILL the moment it reports "sent".
 */

const PROCESS = resolve('tests/integration/support/backup-process.mjs');
// Tuesday 24 November 2026, 10:30 in Brussels: Amina is on duty.
const SENT_AT = '2026-11-24T09:30:00.000Z';
const SIX_MINUTES_LATER = '2026-11-24T09:36:00.000Z';

type Ids = {
	neighbourhoodId: number;
	volunteerId: number;
	workerId: number;
	coordinatorId: number;
};

let directory = '';
let databasePath = '';
let ids: Ids;

function start(step: string, argument: unknown = {}): ChildProcess {
	return spawn(process.execPath, [PROCESS, step, JSON.stringify(argument)], {
		env: { ...process.env, DATABASE_PATH: databasePath, TZ: 'Europe/Brussels' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

/** Resolves with the first stdout line that starts with `prefix`, as soon as it arrives. */
function lineFrom(child: ChildProcess, prefix: string): Promise<string> {
	return new Promise((resolveLine, reject) => {
		let out = '';
		let err = '';
		child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const line = out.split('\n').find((candidate) => candidate.startsWith(prefix));
			if (line !== undefined && out.includes(`${line}\n`)) resolveLine(line.slice(prefix.length));
		});
		child.on('exit', (code, signal) =>
			reject(new Error(`exited (${code ?? signal}) before "${prefix}": ${out}\n${err}`))
		);
	});
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	}
	return new Promise((resolveExit) =>
		child.on('exit', (code, signal) => resolveExit({ code, signal }))
	);
}

async function run(step: string, argument: unknown, prefix: string) {
	const child = start(step, argument);
	const line = await lineFrom(child, prefix);
	expect((await exited(child)).code).toBe(0);
	return JSON.parse(line);
}

/** Reads the database file as a freshly started server would. */
function readDatabase<T>(read: (sqlite: Database.Database) => T): T {
	const sqlite = new Database(databasePath);
	try {
		return read(sqlite);
	} finally {
		sqlite.close();
	}
}

beforeAll(async () => {
	directory = mkdtempSync(join(tmpdir(), 'kwartier-durability-'));
	databasePath = join(directory, 'kwartier.db');
	ids = await run('prepare', {}, 'READY ');
}, 60_000);

afterAll(() => {
	if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('backup calls survive the server process being killed', () => {
	let callId = 0;

	it('a call reported as sent is in the database after SIGKILL, with its first events', async () => {
		const child = start('send', {
			now: SENT_AT,
			input: {
				volunteerId: ids.volunteerId,
				deviceCallId: 'durability-call-000001',
				neighbourhoodId: ids.neighbourhoodId,
				lat: 50.8467,
				lon: 4.3525,
				urgency: 'come-now',
				helpKind: 'someone-to-come',
				note: 'Het wordt onrustig bij de ingang'
			}
		});
		callId = Number(await lineFrom(child, 'SENT '));
		child.kill('SIGKILL');
		expect(await exited(child)).toEqual({ code: null, signal: 'SIGKILL' });

		const stored = readDatabase((sqlite) => ({
			call: sqlite
				.prepare(
					'select id, status, device_call_id, escalation_level, escalate_at from backup_calls'
				)
				.all(),
			events: sqlite
				.prepare('select type, actor_id, target_id from backup_call_events where call_id = ?')
				.all(callId)
		}));
		expect(stored.call).toEqual([
			{
				id: callId,
				status: 'open',
				device_call_id: 'durability-call-000001',
				escalation_level: 0,
				escalate_at: '2026-11-24T09:35:00.000Z'
			}
		]);
		expect(stored.events).toEqual([
			{ type: 'created', actor_id: ids.volunteerId, target_id: null },
			{ type: 'notified', actor_id: null, target_id: ids.workerId }
		]);
	}, 60_000);

	it('escalation fires after a restart: a new process sends the unanswered call on', async () => {
		expect(callId).toBeGreaterThan(0);
		const steps = await run('escalate', { now: SIX_MINUTES_LATER }, 'ESCALATED ');
		expect(steps).toEqual([
			expect.objectContaining({
				callId,
				kind: 'coordinators',
				fromLevel: 0,
				toLevel: 2,
				targets: [expect.objectContaining({ id: ids.coordinatorId })]
			})
		]);

		const stored = readDatabase((sqlite) => ({
			level: sqlite.prepare('select escalation_level from backup_calls where id = ?').get(callId),
			escalated: sqlite
				.prepare(
					"select target_id from backup_call_events where call_id = ? and type = 'escalated'"
				)
				.all(callId)
		}));
		expect(stored.level).toEqual({ escalation_level: 2 });
		expect(stored.escalated).toEqual([{ target_id: ids.coordinatorId }]);

		// Another restart at the same moment finds nothing left to do: each step happens once.
		expect(await run('escalate', { now: SIX_MINUTES_LATER }, 'ESCALATED ')).toEqual([]);
	}, 60_000);
});
