#!/usr/bin/env node
// How much JavaScript and CSS each public page makes a phone download. Starts the built app on
// a loopback port with a generated database, opens each page in chromium with an empty cache
// (and no service worker, so only what the page itself asks for is counted), collects every
// JS and CSS response and gzips each one with Node's zlib at level 9. The HTML is counted
// apart: it holds the page's data and SvelteKit's small inline start-up script.
//
//   npm run bench:page-weight -- [--places 300] [--gatherings 600] [--build] [--build-dir DIR]
//
// Not a test: it prints figures (bench/README.md keeps the latest ones).
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
	ensureBuild,
	generateCity,
	kb,
	launchChromium,
	loopbackOnly,
	machine,
	readOptions,
	samplePages,
	startApp,
	table,
	workspace
} from './support.mjs';

const GZIP_LEVEL = 9;
// Goals from issue 6: the map at most 90 KB of gzipped JS with Leaflet, the others under 40 KB.
const MAP_GOAL = 90 * 1024;
const PAGE_GOAL = 40 * 1024;

const options = readOptions('Usage: node bench/page-weight.mjs [options]', {
	places: { default: 300, min: 1, max: 20_000, help: 'places in the generated city' },
	gatherings: { default: 600, min: 1, max: 40_000, help: 'gatherings in the generated city' },
	files: { type: 'boolean', help: 'list every file of every page' }
});

const gz = (buffer) => gzipSync(buffer, { level: GZIP_LEVEL }).length;

function kindOf(response) {
	const type = (response.headers()['content-type'] ?? '').split(';')[0].trim();
	const resource = response.request().resourceType();
	if (resource === 'script' || /javascript/.test(type)) return 'js';
	if (resource === 'stylesheet' || type === 'text/css') return 'css';
	if (resource === 'document') return 'html';
	return 'other';
}

async function weigh(browser, origin, path, isMap) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await loopbackOnly(context, origin);
	const page = await context.newPage();
	const responses = [];
	page.on('response', (response) => responses.push(response));
	await page.goto(origin + path, { waitUntil: 'networkidle' });
	// The map loads Leaflet after the page came alive; wait until the map says it is ready.
	if (isMap) await page.waitForSelector('.map[data-ready="true"]', { timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	const weights = { js: 0, jsRaw: 0, css: 0, cssRaw: 0, html: 0, htmlRaw: 0, files: [] };
	for (const response of responses) {
		const kind = kindOf(response);
		if (kind === 'other' || response.status() !== 200) continue;
		const body = await response.body().catch(() => null);
		if (!body) continue;
		const gzipped = gz(body);
		weights[kind] += gzipped;
		weights[`${kind}Raw`] += body.length;
		weights.files.push({
			kind,
			url: response.url().slice(origin.length),
			raw: body.length,
			gzipped
		});
	}
	await context.close();
	return weights;
}

async function main() {
	const entry = ensureBuild(options);
	const space = workspace('page-weight');
	try {
		const databasePath = join(space.directory, 'bench.db');
		const city = generateCity(databasePath, {
			places: options.places,
			gatherings: options.gatherings
		});
		const sample = samplePages(city);
		const app = await startApp(entry, databasePath);
		space.onCleanup(app.stop);
		const browser = await launchChromium();
		space.onCleanup(() => browser.close());

		const pages = [
			['home (list)', '/nl', PAGE_GOAL],
			['list, this week', '/nl?day=week', PAGE_GOAL],
			['map', '/nl/map', MAP_GOAL],
			['place', `/nl/places/${sample.place}`, PAGE_GOAL],
			['gathering', `/nl/gatherings/${sample.gathering}`, PAGE_GOAL],
			['round', `/nl/rounds/${sample.round}`, PAGE_GOAL],
			['neighbourhood', `/nl/neighbourhoods/${sample.neighbourhood}`, PAGE_GOAL]
		];
		const rows = [
			['page', 'JS gzip', 'JS raw', 'CSS gzip', 'HTML gzip', 'HTML raw', 'JS goal', 'met']
		];
		const details = [];
		for (const [name, path, goal] of pages) {
			const weights = await weigh(browser, app.origin, path, path === '/nl/map');
			rows.push([
				name,
				kb(weights.js),
				kb(weights.jsRaw),
				kb(weights.css),
				kb(weights.html),
				kb(weights.htmlRaw),
				`${goal === MAP_GOAL ? '≤' : '<'} ${goal / 1024} KB`,
				(goal === MAP_GOAL ? weights.js <= goal : weights.js < goal)
					? 'yes'
					: `no (+${kb(weights.js - goal)})`
			]);
			details.push([name, path, weights.files]);
		}

		console.log('');
		console.log(`machine   ${machine()}`);
		console.log(
			`city      ${options.places} places, ${options.gatherings} gatherings, ${city.neighbourhoods.length} neighbourhoods`
		);
		console.log(
			`counted   every JS and CSS response of a fresh page load (empty cache, no service worker),`
		);
		console.log(`          each gzipped on its own with zlib level ${GZIP_LEVEL}; tiles refused`);
		console.log('');
		console.log(table(rows));
		if (options.files) {
			for (const [name, path, files] of details) {
				console.log(`\n${name} (${path})`);
				console.log(
					table([
						['file', 'kind', 'raw', 'gzip'],
						...files
							.sort((a, b) => b.gzipped - a.gzipped)
							.map((file) => [file.url.slice(0, 70), file.kind, kb(file.raw), kb(file.gzipped)])
					])
				);
			}
		}
	} finally {
		await space.cleanup();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
