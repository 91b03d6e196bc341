// What the page-weight, feed, map and Lighthouse benchmarks share: bounded options, the build
// to measure, a generated database, the app on a loopback port, chromium, percentiles.
// Everything stays on 127.0.0.1 and in a temporary directory that is removed afterwards.
import { spawn, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const HOST = '127.0.0.1';
// Tuesday 24 November 2026, 10:30 in Brussels: the day the end-to-end tests run on as well.
export const PINNED_NOW = '2026-11-24T10:30:00+01:00';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Reads the options every script has (`--build`, `--build-dir`, `--help`) plus its own.
 * `own` maps a name to `{ default, min, max, help }` for a bounded whole number, or to
 * `{ type: 'boolean', help }` for a switch.
 */
export function readOptions(usage, own) {
	const spec = {
		build: { type: 'boolean', default: false },
		'build-dir': { type: 'string', default: join(ROOT, 'build') },
		help: { type: 'boolean', default: false }
	};
	for (const [name, option] of Object.entries(own)) {
		spec[name] =
			option.type === 'boolean'
				? { type: 'boolean', default: false }
				: { type: 'string', default: String(option.default) };
	}
	const { values } = parseArgs({ options: spec });
	if (values.help) {
		console.log(usage);
		for (const [name, option] of Object.entries(own)) {
			const bounds = option.type ? '' : ` (${option.min}–${option.max}), default ${option.default}`;
			console.log(`  --${name.padEnd(14)} ${option.help}${bounds}`);
		}
		console.log('  --build          run `vite build` in the project first');
		console.log('  --build-dir DIR  measure the build in DIR (default build/)');
		process.exit(0);
	}
	const options = { build: values.build, buildDir: resolve(values['build-dir']) };
	for (const [name, option] of Object.entries(own)) {
		options[name] = option.type
			? values[name]
			: bounded(name, values[name], option.min, option.max);
	}
	return options;
}

export function bounded(name, value, min, max) {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		console.error(`--${name} must be a whole number from ${min} to ${max}`);
		process.exit(2);
	}
	return number;
}

function newestIn(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide') continue;
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/**
 * The built app to measure: `build/` of the project, or a copy elsewhere (`--build-dir`), so a
 * measurement can run on a fixed build while the project keeps changing. A copy outside the
 * project gets a package.json (the server is ES modules) and a link to the project's
 * node_modules next to it when they are missing.
 */
export function ensureBuild(options) {
	const own = options.buildDir === join(ROOT, 'build');
	if (options.build && !own) {
		console.error('--build builds into the project’s build/; leave out --build-dir with it.');
		process.exit(2);
	}
	const entry = join(options.buildDir, 'index.js');
	if (options.build || (own && !existsSync(entry))) {
		console.log('Building the app (vite build)…');
		const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (built.status !== 0) throw new Error('vite build failed');
	}
	if (!existsSync(entry)) throw new Error(`No built app at ${entry}`);
	if (own && newestIn(join(ROOT, 'src')) > statSync(entry).mtimeMs) {
		console.warn(
			'Note: src/ changed since the last build; pass --build to measure the newest code.'
		);
	}
	const inside = relative(ROOT, options.buildDir);
	if (inside.startsWith('..') || isAbsolute(inside)) {
		const manifest = join(options.buildDir, 'package.json');
		if (!existsSync(manifest)) writeFileSync(manifest, '{ "type": "module" }\n');
		const modules = join(options.buildDir, 'node_modules');
		if (!existsSync(modules)) symlinkSync(join(ROOT, 'node_modules'), modules, 'dir');
	}
	return entry;
}

export function freePort() {
	return new Promise((done, fail) => {
		const probe = net.createServer();
		probe.once('error', fail);
		probe.listen(0, HOST, () => {
			const { port } = probe.address();
			probe.close(() => done(port));
		});
	});
}

/** A temporary directory that `cleanup()` removes; a hard stop ends a run that hangs. */
export function workspace(name, hardStopMinutes = 10) {
	const directory = mkdtempSync(join(os.tmpdir(), `kwartier-bench-${name}-`));
	const cleanups = [];
	const cleanup = async () => {
		for (const step of cleanups.reverse()) await step().catch(() => {});
		cleanups.length = 0;
		rmSync(directory, { recursive: true, force: true });
	};
	const hardStop = setTimeout(
		async () => {
			console.error(`Stopped: the benchmark ran longer than ${hardStopMinutes} minutes.`);
			await cleanup();
			process.exit(1);
		},
		hardStopMinutes * 60 * 1000
	);
	hardStop.unref();
	return {
		directory,
		onCleanup: (step) => cleanups.push(step),
		cleanup: async () => {
			clearTimeout(hardStop);
			await cleanup();
		}
	};
}

/** Starts the built app with its own database, demo data off and the clock pinned. */
export async function startApp(entry, databasePath, extraEnv = {}) {
	const port = await freePort();
	const origin = `http://${HOST}:${port}`;
	let log = '';
	const server = spawn(process.execPath, [entry], {
		cwd: ROOT,
		env: {
			...process.env,
			HOST,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			TZ: 'Europe/Brussels',
			SEED_DEMO: 'false',
			KWARTIER_NOW: PINNED_NOW,
			...extraEnv
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout.on('data', (chunk) => (log += chunk));
	server.stderr.on('data', (chunk) => (log += chunk));
	const stop = async () => {
		if (server.exitCode !== null) return;
		server.kill('SIGTERM');
		await Promise.race([new Promise((done) => server.once('exit', done)), sleep(5000)]);
		if (server.exitCode === null) server.kill('SIGKILL');
	};
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`The server stopped while starting\n${log}`);
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`The server did not answer /healthz within a minute\n${log}`);
		}
		await sleep(200);
	}
	return { origin, pid: server.pid, stop, log: () => log };
}

export async function launchChromium(extraArgs = []) {
	const { chromium } = await import('playwright-core');
	return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Lets only the app itself answer: map tiles and anything else off the loopback are refused. */
export async function loopbackOnly(context, origin) {
	await context.route('**/*', (route) =>
		route.request().url().startsWith(origin) ? route.continue() : route.abort()
	);
}

export function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (value) =>
	Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '–';
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function machine() {
	const load = os.loadavg().map((value) => value.toFixed(2));
	return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${load.join(' ')}`;
}

export function table(rows) {
	const widths = rows[0].map((_, column) =>
		Math.max(...rows.map((row) => String(row[column]).length))
	);
	return rows
		.map((row) =>
			row
				.map((cell, column) =>
					column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column])
				)
				.join('  ')
		)
		.join('\n');
}

// ---------------------------------------------------------------------------------------------
// A generated city. Deterministic: the same options give the same database, row for row.

/** Mulberry32: small, fast and good enough to pick realistic mixes. */
export function randomFrom(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	const chance = (p) => next() < p;
	/** `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often as 'b'. */
	const weighted = (pairs) => {
		const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = next() * total;
		for (const [value, weight] of pairs) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return pairs.at(-1)[0];
	};
	return { next, int, pick, chance, weighted };
}

const HOODS = [
	['Anneessens', 'Anneessens'],
	['Marollen', 'Marolles'],
	['Kuregem', 'Cureghem'],
	['Oud-Molenbeek', 'Vieux-Molenbeek'],
	['Brabantwijk', 'Quartier Brabant'],
	['Noordwijk', 'Quartier Nord'],
	['Matonge', 'Matonge'],
	['Sint-Gillis Voorplein', 'Parvis de Saint-Gilles'],
	['Heyvaert', 'Heyvaert'],
	['Vogelenzang', 'Vogelenzang'],
	['Laken Centrum', 'Laeken Centre'],
	['Haren', 'Haren'],
	['Jette Centrum', 'Jette Centre'],
	['Koekelberg', 'Koekelberg'],
	['Schaarbeek Josaphat', 'Schaerbeek Josaphat'],
	['Helmet', 'Helmet'],
	['Dansaert', 'Dansaert'],
	['Sint-Katelijne', 'Sainte-Catherine'],
	['Zavel', 'Sablon'],
	['Elsene Flagey', 'Ixelles Flagey'],
	['Etterbeek Jourdan', 'Etterbeek Jourdan'],
	['Vorst Centrum', 'Forest Centre'],
	['Anderlecht Peterbos', 'Anderlecht Peterbos'],
	['Sint-Joost', 'Saint-Josse'],
	['Evere Centrum', 'Evere Centre'],
	['Ganshoren', 'Ganshoren'],
	['Ukkel Calevoet', 'Uccle Calevoet'],
	['Oudergem', 'Auderghem'],
	['Watermaal', 'Watermael'],
	['Bosvoorde', 'Boitsfort'],
	['Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre'],
	['Sint-Lambrechts-Woluwe', 'Woluwe-Saint-Lambert'],
	['Neder-Over-Heembeek', 'Neder-Over-Heembeek'],
	['Kanaalwijk', 'Quartier du Canal'],
	['Zuidwijk', 'Quartier Midi'],
	['Dailly', 'Dailly'],
	['Meiser', 'Meiser'],
	['Tivoli', 'Tivoli'],
	['Maritiem', 'Maritime'],
	['Bockstael', 'Bockstael'],
	['Westwijk', 'Quartier Ouest'],
	['Scheut', 'Scheut'],
	['Clemenceau', 'Clemenceau'],
	['Brugmann', 'Brugmann'],
	['Moortebeek', 'Moortebeek'],
	['Kapelleveld', 'Kapelleveld'],
	['Vier Winden', 'Quatre Vents'],
	['Hoogstraat', 'Rue Haute'],
	['Stalingrad', 'Stalingrad'],
	['Ieperlaan', 'Boulevard d’Ypres']
];

const slugOf = (text) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

const PLACE_KINDS = [
	['drop-in-house', 3],
	['neighbourhood-centre', 4],
	['service-centre', 3],
	['meeting-house', 2],
	['cafe', 3],
	['library', 2],
	['park', 1],
	['other', 1]
];
const PLACE_WORDS = {
	'drop-in-house': ['Inloophuis', 'Aanloophuis', 'Open Huis'],
	'neighbourhood-centre': ['Buurthuis', 'Buurtcentrum', 'Wijkhuis'],
	'service-centre': ['Dienstencentrum', 'Lokaal dienstencentrum'],
	'meeting-house': ['Ontmoetingshuis', 'Huis van het Kind'],
	cafe: ['Buurtcafé', 'Sociaal café', 'Koffiehuis'],
	library: ['Bibliotheek', 'Leeshoek'],
	park: ['Buurtpark', 'Speeltuin', 'Moestuin'],
	other: ['Buurtwinkel', 'Repair Café', 'Weggeefwinkel']
};
const NAMES = [
	'De Linde',
	'De Schakel',
	'Het Anker',
	'De Brug',
	'Het Nest',
	'De Kring',
	'De Vonk',
	'Den Teirling',
	'De Horizon',
	"'t Pleintje",
	'De Kaai',
	'De Zon',
	'Rozenhof',
	'Het Kompas',
	'De Wissel',
	'La Clé',
	'Le Pont',
	'Les Tilleuls',
	'La Ruche',
	'Le Phare',
	'Het Zwaluwnest',
	'De Boomgaard',
	'Het Atelier'
];
const STREETS = [
	'Hoogstraat',
	'Blaesstraat',
	'Anneessensplein',
	'Lemonnierlaan',
	'Zuidlaan',
	'Bergensesteenweg',
	'Ninoofsesteenweg',
	'Gentsesteenweg',
	'Brabantstraat',
	'Haachtsesteenweg',
	'Waterloosesteenweg',
	'Vlaamsepoortstraat',
	'Dansaertstraat',
	'Koolmijnenkaai',
	'Kolenmarkt',
	'Stalingradlaan'
];
const LANGUAGES = ['nl', 'fr', 'en', 'ar', 'tr', 'es', 'pl', 'ro', 'pt', 'ber'];
const EXPECT = [
	'Je kunt gewoon binnenlopen voor een koffie en een praatje. Niemand vraagt waarom je er bent.',
	'Er is een leestafel met kranten, een hoek om rustig te zitten en iemand die je graag verder helpt.',
	'Elke week koken buren samen; wie wil, helpt mee, wie liever kijkt, schuift gewoon aan.',
	'Kinderen kunnen spelen terwijl de ouders iets drinken. De koffie is gratis, een koek kost 50 cent.',
	'Je hoeft niets te kopen om te blijven zitten. Er is wifi, een computer en een stopcontact.'
];
const EXPECT_FR = [
	'Vous pouvez entrer sans rendez-vous pour un café et une discussion.',
	'Il y a des journaux, un coin calme et quelqu’un pour vous aider si vous le souhaitez.',
	'Les voisins cuisinent ensemble chaque semaine ; chacun peut aider ou simplement s’asseoir.'
];

// Most places share a handful of rhythms; the rest are written by hand, each a little different.
const COMMON_HOURS = [
	'Mo-Fr 09:00-17:00; PH off',
	'Mo-Fr 10:00-16:00; PH off',
	'Mo-Fr 09:00-12:00,13:00-17:00; PH off',
	'Mo-Fr 08:30-16:30; PH off',
	'Mo-Fr 09:00-16:00; Sa 10:00-13:00; PH off',
	'Tu-Fr 12:00-18:00; Sa 10:00-16:00; PH off',
	'Mo-Su 07:00-22:00',
	'Mo-Sa 07:30-19:00',
	'We-Su 12:00-22:00',
	'Tu,Th 13:30-17:00; Sa 10:00-13:00; PH off',
	'Mo,We,Fr 09:30-12:30; Tu,Th 14:00-19:00; PH off',
	'Mo-Th 11:00-19:00; Fr 11:00-15:00; PH off',
	'Tu[2] 10:00-12:00',
	'Mo-Fr 09:00-16:00; Sa[1] 14:00-18:00; PH off',
	'sunrise-sunset',
	'Mo-Su 08:00-20:00',
	'Tu-Su 10:00-20:00',
	'Mo-Fr 08:00-18:00; Sa 09:00-12:00; Su,PH off',
	'Mo-Fr 10:00-12:00 "op afspraak"; Tu 14:00-17:00',
	'We 14:00-18:00; Sa 10:00-17:00',
	'Mo-Fr 09:00-17:00; Jul,Aug off; PH off',
	'24/7',
	'Mo-Fr 07:00-09:00,16:00-18:00',
	'Th 18:00-21:00'
];
const DAY_SETS = [
	'Mo-Fr',
	'Tu-Fr',
	'Mo-Th',
	'Mo,We,Fr',
	'Tu,Th',
	'Mo-Sa',
	'We-Sa',
	'Mo-We',
	'Th,Fr',
	'Sa,Su'
];

function handWrittenHours(random) {
	const days = random.pick(DAY_SETS);
	const open = random.int(7, 13);
	const openMinute = random.pick(['00', '15', '30', '45']);
	const close = open + random.int(2, 8);
	let expression = `${days} ${String(open).padStart(2, '0')}:${openMinute}-${String(close).padStart(2, '0')}:${random.pick(['00', '30'])}`;
	if (random.chance(0.3)) expression += `; Sa ${random.int(9, 11)}:00-${random.int(12, 16)}:00`;
	if (random.chance(0.6)) expression += '; PH off';
	return expression;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const GATHERING_KINDS = [
	['open-circle', 3],
	['volunteer-activity', 2],
	['shared-meal', 3],
	['open-house', 2],
	['walk', 2],
	['workshop', 2],
	['drop-in-hour', 2]
];
const GATHERING_WORDS = {
	'open-circle': ['Open kring', 'Praatcafé', 'Babbelmoment'],
	'volunteer-activity': ['Samen tuinieren', 'Repair café', 'Buurtopruim'],
	'shared-meal': ['Samen eten', 'Ontbijt op donderdag', 'Soep op zaterdag'],
	'open-house': ['Open huis', 'Open deur', 'Koffieochtend'],
	walk: ['Buurtwandeling', 'Wandelen langs de kanaal', 'Stapmoment'],
	workshop: ['Naaiatelier', 'Schilderen', 'Fietsherstel'],
	'drop-in-hour': ['Spreekuur zonder afspraak', 'Vraag het aan de buurtwerker']
};

function pad(number) {
	return String(number).padStart(2, '0');
}

/** A date `days` days after 2024-01-01, as `YYYY-MM-DD`, and its weekday (0 = Monday). */
function dayAfter2024(days) {
	const date = new Date(Date.UTC(2024, 0, 1) + days * 86_400_000);
	return {
		date: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
		weekday: (date.getUTCDay() + 6) % 7
	};
}
const DAYS_TO_2026_11_20 = 1054;
const DAYS_TO_2026_11_25 = 1059;

/**
 * Creates and migrates a database at `path` (the project's own drizzle/ migrations) and fills
 * it with a city: neighbourhoods, places, gatherings and coffee-bus rounds with a realistic mix
 * of visibilities, opening hours, rhythms, cancellations and archived items.
 * With `allPublic` every place is public and visible on the map (for the map benchmark).
 */
export function generateCity(path, options) {
	const {
		neighbourhoods: hoodCount = 40,
		places: placeCount,
		gatherings: gatheringCount,
		rounds: roundCount = Math.min(40, hoodCount),
		seed = 20261124,
		allPublic = false
	} = options;
	const random = randomFrom(seed);
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	migrate(drizzle(sqlite), { migrationsFolder: join(ROOT, 'drizzle') });

	const stamp = '2026-11-01T09:00:00Z';
	const city = { neighbourhoods: [], places: [], gatherings: [], rounds: [] };
	sqlite.transaction(() => {
		const hood = sqlite.prepare(
			`insert into neighbourhoods (slug, name, municipality, centre_lat, centre_lon) values (?, ?, ?, ?, ?)`
		);
		for (let index = 0; index < hoodCount; index++) {
			const [nl, fr] = HOODS[index % HOODS.length];
			const suffix = index < HOODS.length ? '' : ` ${Math.floor(index / HOODS.length) + 1}`;
			const lat = 50.8 + random.next() * 0.1;
			const lon = 4.28 + random.next() * 0.16;
			const name = { nl: nl + suffix, fr: fr + suffix };
			if (random.chance(0.3)) name.en = nl + suffix;
			const id = Number(
				hood.run(slugOf(nl + suffix), JSON.stringify(name), 'Brussel', lat, lon).lastInsertRowid
			);
			city.neighbourhoods.push({ id, slug: slugOf(nl + suffix), lat, lon });
		}

		const place = sqlite.prepare(
			`insert into places (slug, kind, name, what_to_expect, greeter, how_to_get_there, address, lat, lon,
			   neighbourhood_id, visibility, opening_hours, walk_in, cost, coffee, may_sit_without_buying,
			   wheelchair, quiet_space, children_welcome, languages, phone, email, website,
			   last_checked_on, last_checked_by, archived_at, created_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		for (let index = 0; index < placeCount; index++) {
			const kind = random.weighted(PLACE_KINDS);
			const where = random.pick(city.neighbourhoods);
			const title = `${random.pick(PLACE_WORDS[kind])} ${random.pick(NAMES)}`;
			const slug = `${slugOf(title)}-${index + 1}`;
			const name = { nl: `${title} ${index + 1}` };
			if (random.chance(0.6)) name.fr = `${title} ${index + 1}`;
			if (random.chance(0.25)) name.en = `${title} ${index + 1}`;
			const expect = {
				nl: random.pick(EXPECT) + (random.chance(0.5) ? ` ${random.pick(EXPECT)}` : '')
			};
			if (random.chance(0.5)) expect.fr = random.pick(EXPECT_FR);
			const visibility = allPublic
				? 'public'
				: random.weighted([
						['public', 78],
						['area', 12],
						['members', 6],
						['hidden', 4]
					]);
			const hours = random.chance(0.08)
				? null
				: random.chance(0.7)
					? random.pick(COMMON_HOURS)
					: handWrittenHours(random);
			const languages = LANGUAGES.filter((code, position) =>
				random.chance(position < 2 ? 0.8 : 0.12)
			);
			const lat = where.lat + (random.next() - 0.5) * 0.02;
			const lon = where.lon + (random.next() - 0.5) * 0.03;
			const archived = !allPublic && random.chance(0.02) ? '2026-06-01T10:00:00Z' : null;
			const id = Number(
				place.run(
					slug,
					kind,
					JSON.stringify(name),
					JSON.stringify(expect),
					random.chance(0.5)
						? JSON.stringify({
								nl: `${random.pick(['Fatma', 'Jan', 'Inès', 'Koen', 'Mariam'])} en vrijwilligers`
							})
						: null,
					random.chance(0.4)
						? JSON.stringify({ nl: 'Tram 51, halte Lemonnier; de ingang is aan de zijkant.' })
						: null,
					`${random.pick(STREETS)} ${random.int(1, 250)}, 1000 Brussel`,
					lat,
					lon,
					where.id,
					visibility,
					hours,
					random.chance(0.7) ? 1 : 0,
					random.weighted([
						['free', 5],
						['pay-what-you-can', 3],
						['paid', 1]
					]),
					random.chance(0.6) ? 1 : 0,
					random.chance(0.85) ? 1 : 0,
					random.chance(0.5) ? 1 : 0,
					random.chance(0.3) ? 1 : 0,
					random.chance(0.4) ? 1 : 0,
					JSON.stringify(languages),
					random.chance(0.6)
						? `02 ${random.int(200, 599)} ${random.int(10, 99)} ${random.int(10, 99)}`
						: null,
					random.chance(0.4) ? `info${index}@example.org` : null,
					random.chance(0.3) ? `https://example.org/${slug}` : null,
					random.chance(0.7) ? `2026-${pad(random.int(1, 10))}-${pad(random.int(1, 28))}` : null,
					random.chance(0.7) ? 'Buurtwerk' : null,
					archived,
					stamp
				).lastInsertRowid
			);
			city.places.push({ id, slug, visibility, archived: Boolean(archived), neighbourhood: where });
		}

		const gathering = sqlite.prepare(
			`insert into gatherings (slug, kind, title, description, place_id, lat, lon, point_name,
			   neighbourhood_id, starts_at, duration_minutes, rrule, host, walk_in, cost, languages,
			   visibility, helpers_needed, archived_at, created_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const change = sqlite.prepare(
			`insert into occurrence_changes (gathering_id, original_date, status, moved_to, note) values (?, ?, ?, ?, ?)`
		);
		for (let index = 0; index < gatheringCount; index++) {
			const kind = random.weighted(GATHERING_KINDS);
			const title = random.pick(GATHERING_WORDS[kind]);
			const slug = `${slugOf(title)}-${index + 1}`;
			const atPlace =
				city.places.length > 0 && random.chance(0.6) ? random.pick(city.places) : null;
			const where = atPlace ? atPlace.neighbourhood : random.pick(city.neighbourhoods);
			const rhythm = random.weighted([
				['weekly', 40],
				['fortnightly', 8],
				['monthly', 25],
				['once', 27]
			]);
			const time = `${pad(random.int(8, 19))}:${random.pick(['00', '30'])}`;
			const start =
				rhythm === 'once'
					? dayAfter2024(DAYS_TO_2026_11_20 - 60 + random.int(0, 180))
					: dayAfter2024(random.int(0, DAYS_TO_2026_11_20));
			const day = WEEKDAYS[start.weekday];
			let rrule = null;
			if (rhythm === 'weekly') rrule = `FREQ=WEEKLY;BYDAY=${day}`;
			if (rhythm === 'fortnightly') rrule = `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
			if (rhythm === 'monthly') {
				const nth = Math.min(4, Math.floor((Number(start.date.slice(8)) - 1) / 7) + 1);
				rrule = `FREQ=MONTHLY;BYDAY=${random.chance(0.15) ? -1 : nth}${day}`;
			}
			// Some series ended already, some run a set number of times.
			if (rrule && random.chance(0.06)) rrule += `;UNTIL=${2025 + random.int(0, 1)}0630T235959Z`;
			else if (rrule && random.chance(0.04)) rrule += `;COUNT=${random.int(6, 30)}`;
			const visibility = random.weighted([
				['public', 80],
				['area', 8],
				['members', 8],
				['hidden', 4]
			]);
			const archived = random.chance(0.02) ? '2026-06-01T10:00:00Z' : null;
			const description = { nl: `${title}. ${random.pick(EXPECT)}` };
			if (random.chance(0.5)) description.fr = random.pick(EXPECT_FR);
			const lat = where.lat + (random.next() - 0.5) * 0.02;
			const lon = where.lon + (random.next() - 0.5) * 0.03;
			const id = Number(
				gathering.run(
					slug,
					kind,
					JSON.stringify(random.chance(0.5) ? { nl: title, fr: title } : { nl: title }),
					JSON.stringify(description),
					atPlace ? atPlace.id : null,
					atPlace ? null : lat,
					atPlace ? null : lon,
					atPlace ? null : `Aan de ${random.pick(['fontein', 'kerk', 'bib', 'speeltuin'])}`,
					where.id,
					`${start.date}T${time}`,
					random.pick([60, 90, 120, 150, 180]),
					rrule,
					random.pick([
						'Buurtwerk',
						'CAW Brussel',
						'Vrijwilligers van de buurt',
						'Lokaal dienstencentrum'
					]),
					random.chance(0.8) ? 1 : 0,
					random.weighted([
						['free', 6],
						['pay-what-you-can', 3],
						['paid', 1]
					]),
					JSON.stringify(
						LANGUAGES.filter((code, position) => random.chance(position < 2 ? 0.7 : 0.08))
					),
					visibility,
					random.chance(0.2) ? random.int(1, 6) : null,
					archived,
					stamp
				).lastInsertRowid
			);
			city.gatherings.push({ id, slug, visibility, atPlace, archived: Boolean(archived) });
			// A cancelled or moved date next week, as workers do when someone is ill.
			if (rrule?.startsWith('FREQ=WEEKLY') && random.chance(0.06)) {
				const next =
					DAYS_TO_2026_11_25 + ((start.weekday - dayAfter2024(DAYS_TO_2026_11_25).weekday + 7) % 7);
				const original = dayAfter2024(next).date;
				const moved = random.chance(0.3);
				change.run(
					id,
					original,
					moved ? 'moved' : 'cancelled',
					moved ? `${dayAfter2024(next + 1).date}T${time}` : null,
					JSON.stringify({ nl: moved ? 'Een dag later' : 'Gesloten wegens ziekte' })
				);
			}
		}

		const round = sqlite.prepare(
			`insert into rounds (slug, name, description, neighbourhood_id, starts_at, rrule, partners, visibility, created_at)
			 values (?, ?, ?, ?, ?, ?, ?, 'public', ?)`
		);
		const stop = sqlite.prepare(
			`insert into round_stops (round_id, position, street, lat, lon, arrival_time, stay_minutes) values (?, ?, ?, ?, ?, ?, ?)`
		);
		for (let index = 0; index < roundCount; index++) {
			const where = city.neighbourhoods[index % city.neighbourhoods.length];
			const slug = `koffiebus-${where.slug}`;
			const weekday = index % 5;
			const id = Number(
				round.run(
					slug,
					JSON.stringify({ nl: `Koffiebus ${where.slug}`, fr: `Bus-café ${where.slug}` }),
					JSON.stringify({ nl: 'We schenken koffie en thee en vragen hoe het is in de buurt.' }),
					where.id,
					`2026-01-${pad(5 + weekday)}T10:00`,
					`FREQ=MONTHLY;BYDAY=${(index % 4) + 1}${WEEKDAYS[weekday]}`,
					JSON.stringify(['CAW Brussel', 'Gemeente']),
					stamp
				).lastInsertRowid
			);
			for (let position = 1; position <= 4; position++) {
				stop.run(
					id,
					position,
					`${random.pick(STREETS)} ${random.int(1, 200)}`,
					where.lat + (random.next() - 0.5) * 0.01,
					where.lon + (random.next() - 0.5) * 0.01,
					`${pad(9 + position)}:00`,
					45
				);
			}
			city.rounds.push({ id, slug });
		}
	})();
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
	return city;
}

/** The first public, listed place and gathering, a round and a neighbourhood: pages to load. */
export function samplePages(city) {
	const place = city.places.find((row) => row.visibility === 'public' && !row.archived);
	const gathering = city.gatherings.find(
		(row) =>
			row.visibility === 'public' &&
			!row.archived &&
			(!row.atPlace || (row.atPlace.visibility === 'public' && !row.atPlace.archived))
	);
	return {
		place: place?.slug,
		gathering: gathering?.slug,
		round: city.rounds[0]?.slug,
		neighbourhood: city.neighbourhoods[0]?.slug
	};
}
