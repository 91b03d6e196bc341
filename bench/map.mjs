#!/usr/bin/env node
// How long the map takes to show 5,000 places, clustered, in chromium. Generates a city in
// which every place is public (so each one is a marker), starts the built app on a loopback
// port, and opens /nl/map several times, each in a fresh browser context (empty cache, no
// service worker). A MutationObserver injected before the page's own scripts notes when the
// first cluster or marker appears; the map itself says when it is ready (`data-ready`), and
// two animation frames after that it is idle. Map tiles cannot load here: they are refused.
//
//   npm run bench:map -- [--markers 5000] [--runs 5] [--build] [--build-dir DIR]
//
// Not a test: it prints figures (bench/README.md keeps the latest ones).
import { join } from 'node:path';
import {
	ensureBuild,
	generateCity,
	launchChromium,
	loopbackOnly,
	machine,
	ms,
	readOptions,
	startApp,
	table,
	workspace
} from './support.mjs';

const GOAL_MS = 300;

const options = readOptions('Usage: node bench/map.mjs [options]', {
	markers: { default: 5000, min: 1, max: 20_000, help: 'public places, one marker each' },
	runs: { default: 5, min: 1, max: 20, help: 'page loads to time (the first one warms up)' },
	desktop: { type: 'boolean', help: 'a 1280×800 window instead of a 390×844 phone' }
});

// Runs in the page before any of its scripts; times are ms since navigation start.
function observeMap() {
	const marks = {};
	window.__mapMarks = marks;
	const check = () => {
		if (marks.firstMarker === undefined && document.querySelector('.marker-cluster, .kw-marker'))
			marks.firstMarker = performance.now();
		const map = document.querySelector('.map');
		if (map && map.dataset.ready === 'true' && marks.ready === undefined) {
			marks.ready = performance.now();
			marks.clusters = document.querySelectorAll('.marker-cluster').length;
			marks.singles = document.querySelectorAll('.kw-marker').length;
			requestAnimationFrame(() =>
				requestAnimationFrame(() => {
					marks.idle = performance.now();
				})
			);
		}
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		attributes: true,
		attributeFilter: ['data-ready']
	});
}

async function timeOnce(browser, origin) {
	const context = await browser.newContext({
		serviceWorkers: 'block',
		viewport: options.desktop ? { width: 1280, height: 800 } : { width: 390, height: 844 }
	});
	await loopbackOnly(context, origin);
	await context.addInitScript(observeMap);
	const page = await context.newPage();
	await page.goto(`${origin}/nl/map`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
	await page.waitForFunction(() => window.__mapMarks?.idle !== undefined, null, {
		timeout: 120_000,
		polling: 50
	});
	const figures = await page.evaluate(() => {
		const [navigation] = performance.getEntriesByType('navigation');
		const scripts = performance
			.getEntriesByType('resource')
			.filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'));
		return {
			...window.__mapMarks,
			firstByte: navigation.responseStart,
			htmlDone: navigation.responseEnd,
			htmlBytes: navigation.decodedBodySize,
			domContentLoaded: navigation.domContentLoadedEventEnd,
			lastScript: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
			markers: Number(document.querySelector('.map')?.dataset.markers ?? 0)
		};
	});
	await context.close();
	return figures;
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
};

async function main() {
	const entry = ensureBuild(options);
	const space = workspace('map');
	try {
		const databasePath = join(space.directory, 'bench.db');
		generateCity(databasePath, {
			places: options.markers,
			gatherings: 0,
			rounds: 0,
			allPublic: true
		});
		const app = await startApp(entry, databasePath);
		space.onCleanup(app.stop);
		const browser = await launchChromium();
		space.onCleanup(() => browser.close());

		const runs = [];
		for (let run = 0; run < options.runs; run++) runs.push(await timeOnce(browser, app.origin));

		const rows = [
			[
				'run',
				'first byte',
				'HTML done',
				'DOM ready',
				'last script',
				'first cluster',
				'map ready',
				'idle',
				'clusters',
				'markers'
			]
		];
		runs.forEach((figures, index) =>
			rows.push([
				index === 0 ? '1 (cold server)' : String(index + 1),
				ms(figures.firstByte),
				ms(figures.htmlDone),
				ms(figures.domContentLoaded),
				ms(figures.lastScript),
				ms(figures.firstMarker),
				ms(figures.ready),
				ms(figures.idle),
				figures.clusters,
				figures.markers
			])
		);
		const warm = runs.length > 1 ? runs.slice(1) : runs;
		const firstCluster = median(warm.map((figures) => figures.firstMarker));
		const idle = median(warm.map((figures) => figures.idle));
		const clustering = median(warm.map((figures) => figures.idle - figures.lastScript));

		console.log('');
		console.log(`machine    ${machine()}`);
		console.log(
			`page       /nl/map with ${runs[0].markers} markers, ${options.desktop ? '1280×800' : '390×844'} window, no CPU or network throttling, tiles refused`
		);
		console.log(`HTML       ${(runs[0].htmlBytes / 1024).toFixed(0)} KB (uncompressed)`);
		console.log('times      ms since navigation start');
		console.log('');
		console.log(table(rows));
		console.log('');
		console.log(
			`median of the warm runs: first cluster ${ms(firstCluster)}, map idle ${ms(idle)}; ` +
				`last script arrived → idle (Leaflet making the clusters) ${ms(clustering)}`
		);
		console.log(
			idle < GOAL_MS
				? `goal       met: clustered map idle under ${GOAL_MS} ms after navigation start`
				: `goal       NOT met: clustered map idle after ${ms(idle)} (goal < ${GOAL_MS} ms)`
		);
	} finally {
		await space.cleanup();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
