#!/usr/bin/env node
// How the places feed and the resident's list hold up in a big city. Generates a database with
// 10,000 places and 20,000 gatherings (a fixed seed, so every run has the same city), starts
// the built app on it on a loopback port, and loads each URL with autocannon for a few
// seconds. Then, in the same run, the feed's read done directly: one prepared better-sqlite3
// statement and the same GeoJSON built and serialised, timed the same way, as a ratio.
// Finally it checks that the list pages stay paginated (place cards counted in the HTML).
//
//   npm run bench:feed -- [--places 10000] [--gatherings 20000] [--duration 10] [--connections 1]
//
// Not a test: it prints figures (bench/README.md keeps the latest ones).
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import {
	ensureBuild,
	generateCity,
	kb,
	machine,
	ms,
	percentile,
	readOptions,
	startApp,
	table,
	workspace
} from './support.mjs';

// Goals from issue 6.
const FEED_P95_GOAL_MS = 20;
const FEED_RATIO_GOAL = 3;
const PLACES_PER_PAGE = 20;

const options = readOptions('Usage: node bench/feed.mjs [options]', {
	places: { default: 10_000, min: 100, max: 50_000, help: 'places in the generated city' },
	gatherings: { default: 20_000, min: 0, max: 100_000, help: 'gatherings in the generated city' },
	neighbourhoods: { default: 40, min: 1, max: 200, help: 'neighbourhoods' },
	duration: { default: 10, min: 1, max: 120, help: 'seconds of load per URL' },
	connections: { default: 1, min: 1, max: 100, help: 'concurrent connections' },
	raw: { default: 200, min: 10, max: 5000, help: 'direct reads of the feed to time' },
	compressed: { type: 'boolean', help: 'ask for br/gzip (Accept-Encoding) like a browser' }
});

function load(url, headers) {
	return new Promise((done, fail) => {
		const latencies = [];
		let bytes = 0;
		const statuses = new Map();
		const instance = autocannon(
			{
				url,
				headers,
				connections: options.connections,
				duration: options.duration,
				timeout: 30
			},
			(error, result) => {
				if (error) return fail(error);
				latencies.sort((a, b) => a - b);
				done({ result, latencies, bytes, statuses });
			}
		);
		instance.on('response', (client, statusCode, resBytes, responseTime) => {
			latencies.push(responseTime);
			bytes += resBytes;
			statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
		});
	});
}

const LOCALES = ['nl', 'fr', 'en'];

function pickWithLocale(text, locale) {
	for (const candidate of [locale, ...LOCALES.filter((l) => l !== locale)]) {
		const value = text?.[candidate]?.trim();
		if (value) return { text: value, locale: candidate };
	}
	return { text: '', locale };
}

/**
 * The feed built straight from SQLite: the same rows the app reads (visible to a visitor, not
 * archived), the same features, names and order, serialised. This is the floor the app's own
 * answer is compared with.
 */
function rawFeed(statement, locale, origin) {
	const collator = new Intl.Collator(locale);
	const rows = statement.all();
	const features = rows.map((row) => {
		const names = JSON.parse(row.name);
		const name = pickWithLocale(names, locale);
		const own = {};
		for (const candidate of LOCALES) {
			const picked = pickWithLocale(names, candidate);
			if (picked.locale === candidate) own[candidate] = picked.text;
		}
		const exact = row.visibility === 'public' && row.lat !== null && row.lon !== null;
		return {
			sortName: name.text,
			feature: {
				type: 'Feature',
				id: `place-${row.id}`,
				geometry: exact ? { type: 'Point', coordinates: [row.lon, row.lat] } : null,
				properties: {
					id: row.id,
					slug: row.slug,
					kind: row.kind,
					name: name.text,
					names: own,
					url: `${origin}/${locale}/places/${encodeURIComponent(row.slug)}`,
					neighbourhood: {
						id: row.hood_id,
						slug: row.hood_slug,
						name: pickWithLocale(JSON.parse(row.hood_name), locale).text
					},
					location: exact ? 'exact' : 'neighbourhood',
					address: exact ? row.address : null,
					openingHours: row.opening_hours,
					walkIn: row.walk_in === 1,
					cost: row.cost,
					wheelchair: row.wheelchair === 1,
					quietSpace: row.quiet_space === 1,
					childrenWelcome: row.children_welcome === 1,
					languages: JSON.parse(row.languages),
					lastCheckedOn: row.last_checked_on
				}
			}
		};
	});
	features.sort((a, b) => collator.compare(a.sortName, b.sortName));
	return JSON.stringify({
		type: 'FeatureCollection',
		features: features.map((entry) => entry.feature)
	});
}

function timeRawFeed(databasePath, origin) {
	const sqlite = new Database(databasePath, { readonly: true });
	const statement = sqlite.prepare(
		`select p.id, p.slug, p.kind, p.name, p.address, p.lat, p.lon, p.visibility, p.opening_hours,
		        p.walk_in, p.cost, p.wheelchair, p.quiet_space, p.children_welcome, p.languages,
		        p.last_checked_on, n.id as hood_id, n.slug as hood_slug, n.name as hood_name
		   from places p join neighbourhoods n on n.id = p.neighbourhood_id
		  where p.visibility in ('public', 'area') and p.archived_at is null
		  order by p.slug`
	);
	const times = [];
	let body = '';
	for (let run = 0; run < options.raw; run++) {
		const started = performance.now();
		body = rawFeed(statement, 'nl', origin);
		times.push(performance.now() - started);
	}
	sqlite.close();
	return { times: times.sort((a, b) => a - b), body };
}

/** The place cards and upcoming items a list page sends, counted in its HTML. */
function countCards(html) {
	const section = (name) => {
		const start = html.search(new RegExp(`<ul class="${name}[ "]`));
		if (start === -1) return 0;
		const end = html.indexOf('</ul>', start);
		return (html.slice(start, end).match(/<li[ >]/g) ?? []).length;
	};
	const upcoming = [...html.matchAll(/<ul class="upcoming[ "][\s\S]*?<\/ul>/g)].reduce(
		(sum, [list]) => sum + (list.match(/<li[ >]/g) ?? []).length,
		0
	);
	return { places: section('places'), upcoming };
}

async function main() {
	const entry = ensureBuild(options);
	const space = workspace('feed', 30);
	try {
		const databasePath = join(space.directory, 'bench.db');
		const generating = performance.now();
		const city = generateCity(databasePath, {
			places: options.places,
			gatherings: options.gatherings,
			neighbourhoods: options.neighbourhoods
		});
		console.log(
			`City generated in ${((performance.now() - generating) / 1000).toFixed(1)} s: ` +
				`${options.places} places, ${options.gatherings} gatherings, ${city.neighbourhoods.length} neighbourhoods, ${city.rounds.length} rounds`
		);
		const app = await startApp(entry, databasePath);
		space.onCleanup(app.stop);
		const hood = city.neighbourhoods[0].slug;
		const headers = options.compressed ? { 'accept-encoding': 'br, gzip' } : {};
		const targets = [
			['places feed', '/feeds/places.geojson'],
			['home (list)', '/nl'],
			['filtered list', `/nl?neighbourhood=${hood}&walkin=1`],
			['list, page 5', '/nl?page=5'],
			['list, this week', '/nl?day=week']
		];

		// The first answer of each URL: nothing warmed up yet (what a visitor gets after a change).
		const first = new Map();
		for (const [name, path] of targets) {
			const started = performance.now();
			const response = await fetch(app.origin + path, { headers });
			const body = Buffer.from(await response.arrayBuffer());
			first.set(name, {
				time: performance.now() - started,
				status: response.status,
				bytes: body.length,
				encoding: response.headers.get('content-encoding') ?? 'none',
				body
			});
		}

		const rows = [
			['url', 'first', 'req/s', 'p50', 'p95', 'p99', 'max', 'body', 'on the wire', 'errors']
		];
		const runs = new Map();
		for (const [name, path] of targets) {
			process.stdout.write(`Loading ${path} for ${options.duration} s… `);
			const run = await load(app.origin + path, headers);
			runs.set(name, run);
			const { result, latencies, statuses } = run;
			const bad = result.errors + result.timeouts + result.non2xx;
			console.log(`${latencies.length} answers`);
			rows.push([
				name,
				ms(first.get(name).time),
				(latencies.length / options.duration).toFixed(1),
				ms(percentile(latencies, 50)),
				ms(percentile(latencies, 95)),
				ms(percentile(latencies, 99)),
				ms(latencies.at(-1)),
				kb(first.get(name).bytes),
				`${kb(run.bytes / Math.max(1, latencies.length))} ${first.get(name).encoding === 'none' ? '' : `(${first.get(name).encoding})`}`.trim(),
				bad ? `${bad} (${[...statuses].map(([code, count]) => `${code}×${count}`).join(' ')})` : '0'
			]);
		}

		process.stdout.write(`Timing the same feed read directly, ${options.raw} times… `);
		const raw = timeRawFeed(databasePath, app.origin);
		console.log('done');
		const feedRun = runs.get('places feed');
		const serverP95 = percentile(feedRun.latencies, 95);
		const rawP95 = percentile(raw.times, 95);
		const served = first.get('places feed');
		// fetch() undoes any compression, so this compares what the feed says.
		const same = isDeepStrictEqual(JSON.parse(served.body.toString()), JSON.parse(raw.body))
			? 'yes'
			: 'NO: the direct read differs from the app’s answer';

		console.log('');
		console.log(`machine         ${machine()}`);
		console.log(
			`load            autocannon, ${options.connections} connection(s), ${options.duration} s per URL, from the same machine` +
				(options.compressed ? ', Accept-Encoding: br, gzip' : ', no Accept-Encoding')
		);
		console.log('');
		console.log(table(rows));
		console.log('');
		console.log(
			`feed, direct    prepared statement + same GeoJSON + JSON.stringify: p50 ${ms(percentile(raw.times, 50))}   p95 ${ms(rawP95)}   (${raw.body.length.toLocaleString('en')} bytes, same features as the app: ${same})`
		);
		const ratio = serverP95 / rawP95;
		console.log(`feed ratio      server p95 / direct p95 = ${ratio.toFixed(2)}`);
		console.log(
			serverP95 < FEED_P95_GOAL_MS && ratio <= FEED_RATIO_GOAL
				? `goal            met: feed p95 under ${FEED_P95_GOAL_MS} ms and within ${FEED_RATIO_GOAL}× the direct read`
				: `goal            NOT met: feed p95 ${ms(serverP95)} (goal < ${FEED_P95_GOAL_MS} ms), ratio ${ratio.toFixed(2)} (goal ≤ ${FEED_RATIO_GOAL})`
		);

		console.log('');
		console.log('Do the list pages stay paginated? (HTML of each, counted; not a test)');
		const pageRows = [['url', 'place cards', 'upcoming items', 'HTML bytes', 'paginated']];
		for (const [name, path] of targets.slice(1)) {
			const response = await fetch(app.origin + path);
			const html = await response.text();
			const cards = countCards(html);
			pageRows.push([
				`${name} (${path})`,
				cards.places,
				cards.upcoming,
				html.length.toLocaleString('en'),
				cards.places <= PLACES_PER_PAGE && html.length < 1_000_000 ? 'yes' : 'NO'
			]);
		}
		console.log(table(pageRows));
	} finally {
		await space.cleanup();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
