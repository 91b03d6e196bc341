#!/usr/bin/env node
// How long a backup call takes from the volunteer's send to the open live streams of the
// workers on duty. Starts the built app on a loopback port with its own temporary database,
// signs in N workers (all on duty) straight in the database, opens one live stream
// (GET /api/stream, server-sent events) per worker, lets one volunteer send calls through
// POST /api/backup, and prints p50/p95/max of send → first event about that call on each
// stream. Everything stays on 127.0.0.1, the counts are bounded, and it stops by itself.
//
//   npm run bench:backup -- [--streams 500] [--calls 50] [--interval 200] [--build]
//
// Not a test: it prints figures (bench/README.md keeps the latest ones).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const HOST = '127.0.0.1';
// Tuesday 24 November 2026, 10:30 in Brussels; every worker is on duty all Tuesday.
const PINNED_NOW = '2026-11-24T10:30:00+01:00';
const TUESDAY = 2;
const LIMITS = { streams: 5000, calls: 1000, interval: [20, 10_000] };
const HARD_STOP_MS = 10 * 60 * 1000;
const OPEN_BATCH = 50;

const { values: options } = parseArgs({
	options: {
		streams: { type: 'string', default: '500' },
		calls: { type: 'string', default: '50' },
		interval: { type: 'string', default: '200' },
		// Seconds to wait for the last deliveries after the last call was sent.
		wait: { type: 'string', default: '15' },
		build: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (options.help) {
	console.log(
		'Usage: node bench/backup-latency.mjs [--streams 500] [--calls 50] [--interval 200] [--wait 15] [--build]'
	);
	process.exit(0);
}

function bounded(name, value, min, max) {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		console.error(`--${name} must be a whole number from ${min} to ${max}`);
		process.exit(2);
	}
	return number;
}

const STREAMS = bounded('streams', options.streams, 1, LIMITS.streams);
const CALLS = bounded('calls', options.calls, 1, LIMITS.calls);
const INTERVAL_MS = bounded('interval', options.interval, ...LIMITS.interval);
const WAIT_MS = bounded('wait', options.wait, 1, 120) * 1000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function newestIn(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide') continue;
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
	}
	return newest;
}

function ensureBuild() {
	const entry = join(ROOT, 'build', 'index.js');
	if (options.build || !existsSync(entry)) {
		console.log('Building the app (vite build)…');
		const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (built.status !== 0) throw new Error('vite build failed');
	} else if (newestIn(join(ROOT, 'src')) > statSync(entry).mtimeMs) {
		console.warn(
			'Note: src/ changed since the last build; pass --build to measure the newest code.'
		);
	}
	return entry;
}

function freePort() {
	return new Promise((done, fail) => {
		const probe = net.createServer();
		probe.once('error', fail);
		probe.listen(0, HOST, () => {
			const { port } = probe.address();
			probe.close(() => done(port));
		});
	});
}

async function waitForHealth(origin, server) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error('The server stopped while starting');
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await sleep(200);
	}
	throw new Error('The server did not answer /healthz within a minute');
}

/** Sessions are made the way the app makes them: `id.secret`, only a hash of the secret kept. */
function newSession(insert, accountId, nowSeconds) {
	const id = randomBytes(15).toString('hex');
	const secret = randomBytes(15).toString('hex');
	const hash = createHash('sha256').update(secret).digest();
	insert.run(id, hash, accountId, nowSeconds, nowSeconds);
	return `${id}.${secret}`;
}

/** One neighbourhood, one volunteer, STREAMS workers on duty all Tuesday, each signed in. */
function prepareDatabase(path) {
	const sqlite = new Database(path);
	sqlite.pragma('busy_timeout = 5000');
	const nowSeconds = Math.floor(Date.now() / 1000);
	const prepared = sqlite.transaction(() => {
		const hood = sqlite
			.prepare(
				`insert into neighbourhoods (slug, name, municipality, centre_lat, centre_lon)
				 values ('bench', '{"nl":"Bench"}', 'Brussel', 50.85, 4.35)`
			)
			.run().lastInsertRowid;
		const account = sqlite.prepare(
			`insert into accounts (username, display_name, role, password_hash) values (?, ?, ?, 'bench')`
		);
		const link = sqlite.prepare(
			'insert into account_neighbourhoods (account_id, neighbourhood_id) values (?, ?)'
		);
		const pattern = sqlite.prepare(
			`insert into duty_patterns (account_id, neighbourhood_ids, weekday, start_time, end_time, valid_from)
			 values (?, ?, ?, '00:00', '24:00', '2026-01-01')`
		);
		const session = sqlite.prepare(
			'insert into sessions (id, secret_hash, account_id, created_at, last_used_at) values (?, ?, ?, ?, ?)'
		);
		const volunteerId = account.run('bench-volunteer', 'Vera', 'volunteer').lastInsertRowid;
		link.run(volunteerId, hood);
		const workers = [];
		for (let index = 0; index < STREAMS; index += 1) {
			const workerId = account.run(
				`bench-worker-${index}`,
				`Worker ${index}`,
				'worker'
			).lastInsertRowid;
			link.run(workerId, hood);
			pattern.run(workerId, JSON.stringify([Number(hood)]), TUESDAY);
			workers.push(newSession(session, workerId, nowSeconds));
		}
		return {
			neighbourhoodId: Number(hood),
			volunteer: newSession(session, volunteerId, nowSeconds),
			workers
		};
	})();
	sqlite.close();
	return prepared;
}

/**
 * One worker's live stream. `firstSeen` keeps, per call id, when the first event about that
 * call arrived on this stream.
 */
function openStream(origin, token, agent) {
	return new Promise((ready, fail) => {
		const stream = { firstSeen: new Map(), frames: 0, request: null, closed: false };
		const request = http.get(
			`${origin}/api/stream`,
			{ agent, headers: { cookie: `kwartier_session=${token}`, accept: 'text/event-stream' } },
			(response) => {
				if (response.statusCode !== 200) {
					fail(new Error(`GET /api/stream answered ${response.statusCode}`));
					response.resume();
					return;
				}
				response.setEncoding('utf8');
				let buffer = '';
				response.on('data', (chunk) => {
					const now = performance.now();
					buffer += chunk;
					let end;
					while ((end = buffer.indexOf('\n\n')) !== -1) {
						const frame = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						if (frame.includes('event: ready')) ready(stream);
						if (!frame.includes('event: backup')) continue;
						stream.frames += 1;
						const match = /"callId":(\d+)/.exec(frame);
						if (match && !stream.firstSeen.has(Number(match[1]))) {
							stream.firstSeen.set(Number(match[1]), now);
						}
					}
				});
				response.on('close', () => (stream.closed = true));
			}
		);
		request.on('error', (error) => {
			if (!stream.closed) fail(error);
		});
		stream.request = request;
	});
}

function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');

async function main() {
	const entry = ensureBuild();
	const directory = mkdtempSync(join(os.tmpdir(), 'kwartier-bench-'));
	const port = await freePort();
	const origin = `http://${HOST}:${port}`;
	let server;
	const streams = [];
	const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

	const stop = async () => {
		for (const stream of streams) stream.request?.destroy();
		agent.destroy();
		if (server && server.exitCode === null) {
			server.kill('SIGTERM');
			await Promise.race([new Promise((done) => server.once('exit', done)), sleep(5000)]);
			if (server.exitCode === null) server.kill('SIGKILL');
		}
		rmSync(directory, { recursive: true, force: true });
	};
	const hardStop = setTimeout(async () => {
		console.error('Stopped: the benchmark ran longer than ten minutes.');
		await stop();
		process.exit(1);
	}, HARD_STOP_MS);
	hardStop.unref();

	try {
		const databasePath = join(directory, 'bench.db');
		let serverLog = '';
		server = spawn(process.execPath, [entry], {
			cwd: ROOT,
			env: {
				...process.env,
				HOST,
				PORT: String(port),
				ORIGIN: origin,
				DATABASE_PATH: databasePath,
				TZ: 'Europe/Brussels',
				SEED_DEMO: 'false',
				KWARTIER_NOW: PINNED_NOW
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server.stdout.on('data', (chunk) => (serverLog += chunk));
		server.stderr.on('data', (chunk) => (serverLog += chunk));
		await waitForHealth(origin, server).catch((error) => {
			throw new Error(`${error.message}\n${serverLog}`);
		});
		const people = prepareDatabase(databasePath);

		const opening = performance.now();
		for (let index = 0; index < people.workers.length; index += OPEN_BATCH) {
			const batch = people.workers.slice(index, index + OPEN_BATCH);
			streams.push(...(await Promise.all(batch.map((token) => openStream(origin, token, agent)))));
		}
		console.log(
			`${streams.length} live streams open in ${((performance.now() - opening) / 1000).toFixed(1)} s`
		);

		const sentAt = new Map();
		const answerTimes = [];
		const failures = [];
		const sends = [];
		for (let index = 0; index < CALLS; index += 1) {
			const started = performance.now();
			sends.push(
				fetch(`${origin}/api/backup`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						origin,
						cookie: `kwartier_session=${people.volunteer}`
					},
					body: JSON.stringify({
						deviceCallId: randomUUID(),
						where: 'here',
						neighbourhoodId: people.neighbourhoodId,
						lat: 50.8467,
						lon: 4.3525,
						urgency: 'come-now',
						helpKind: 'someone-to-come',
						note: 'Benchmark'
					})
				})
					.then(async (response) => {
						const answer = await response.json();
						if (response.status !== 201)
							throw new Error(`${response.status} ${JSON.stringify(answer)}`);
						answerTimes.push(performance.now() - started);
						sentAt.set(answer.id, started);
					})
					.catch((error) => failures.push(error.message))
			);
			if (index < CALLS - 1) await sleep(INTERVAL_MS);
		}
		await Promise.all(sends);

		const expected = sentAt.size * streams.length;
		const deliveredCount = () =>
			streams.reduce(
				(sum, stream) => sum + [...sentAt.keys()].filter((id) => stream.firstSeen.has(id)).length,
				0
			);
		const waitUntil = performance.now() + WAIT_MS;
		while (deliveredCount() < expected && performance.now() < waitUntil) await sleep(100);

		const latencies = [];
		for (const stream of streams) {
			for (const [callId, started] of sentAt) {
				const seen = stream.firstSeen.get(callId);
				if (seen !== undefined) latencies.push(seen - started);
			}
		}
		latencies.sort((a, b) => a - b);
		answerTimes.sort((a, b) => a - b);
		const frames = streams.reduce((sum, stream) => sum + stream.frames, 0);

		console.log('');
		console.log(
			`machine           ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`
		);
		console.log(
			`streams           ${streams.length} workers on duty, each with an open live stream`
		);
		console.log(
			`calls             ${sentAt.size} sent (one every ${INTERVAL_MS} ms), ${failures.length} refused`
		);
		console.log(`deliveries        ${latencies.length} of ${expected} (call × stream)`);
		console.log(`events received   ${frames} in total on all streams`);
		console.log(
			`send → stream     p50 ${ms(percentile(latencies, 50))}   p95 ${ms(percentile(latencies, 95))}   max ${ms(latencies.at(-1))}`
		);
		console.log(
			`send → answer     p50 ${ms(percentile(answerTimes, 50))}   p95 ${ms(percentile(answerTimes, 95))}   max ${ms(answerTimes.at(-1))}`
		);
		if (failures.length) console.log(`first refusal     ${failures[0]}`);
		const p95 = percentile(latencies, 95);
		console.log(
			latencies.length === expected && p95 < 1000
				? 'goal              met: every call reached every stream, p95 under 1 s'
				: 'goal              NOT met: p95 under 1 s with every call on every stream'
		);
	} finally {
		clearTimeout(hardStop);
		await stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
