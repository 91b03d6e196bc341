#!/usr/bin/env node
// Lighthouse on the resident's pages, the way a phone sees them. Starts the built app on a
// loopback port with a generated city, launches the system chromium through chrome-launcher,
// and runs Lighthouse with its default (mobile) settings: a Moto G Power sized screen, 4× CPU
// slowdown and a slow 4G connection, both simulated. Prints the performance, accessibility and
// best-practices scores per page. Lighthouse 12 no longer has a PWA category (it was removed in
// 12.0); installability is checked by the end-to-end tests of the PWA instead.
//
//   npm run bench:lighthouse -- [--runs 1] [--build] [--build-dir DIR]
//
// Lighthouse 13 needs Node 22; this machine has Node 20, so the project pins Lighthouse 12.
// Not a test: it prints figures (bench/README.md keeps the latest ones).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
	CHROMIUM,
	CHROMIUM_ARGS,
	ensureBuild,
	generateCity,
	machine,
	readOptions,
	samplePages,
	startApp,
	table,
	workspace
} from './support.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const GOALS = { performance: 95, accessibility: 100 };

const options = readOptions('Usage: node bench/lighthouse.mjs [options]', {
	places: { default: 300, min: 1, max: 20_000, help: 'places in the generated city' },
	gatherings: { default: 600, min: 1, max: 40_000, help: 'gatherings in the generated city' },
	runs: { default: 1, min: 1, max: 5, help: 'runs per page (the median score is printed)' },
	details: { type: 'boolean', help: 'list the audits that cost points' }
});

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
};

async function main() {
	const entry = ensureBuild(options);
	const space = workspace('lighthouse', 20);
	try {
		const databasePath = join(space.directory, 'bench.db');
		const city = generateCity(databasePath, {
			places: options.places,
			gatherings: options.gatherings
		});
		const sample = samplePages(city);
		const app = await startApp(entry, databasePath);
		space.onCleanup(app.stop);
		mkdirSync(join(space.directory, 'chromium'));
		const chrome = await chromeLauncher.launch({
			chromePath: CHROMIUM,
			chromeFlags: CHROMIUM_ARGS,
			userDataDir: join(space.directory, 'chromium')
		});
		space.onCleanup(async () => chrome.kill());

		const pages = [
			['home', '/nl'],
			['list, this week', '/nl?day=week'],
			['place', `/nl/places/${sample.place}`],
			['map', '/nl/map']
		];
		const rows = [
			['page', 'performance', 'accessibility', 'best practices', 'FCP', 'LCP', 'TBT', 'CLS']
		];
		const lost = [];
		for (const [name, path] of pages) {
			const results = [];
			for (let run = 0; run < options.runs; run++) {
				const { lhr } = await lighthouse(app.origin + path, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: CATEGORIES,
					// Map tiles come from the internet, which this machine cannot reach.
					blockedUrlPatterns: ['*tile.openstreetmap.org*']
				});
				results.push(lhr);
			}
			const score = (category) =>
				Math.round(median(results.map((lhr) => (lhr.categories[category]?.score ?? 0) * 100)));
			const metric = (id) => median(results.map((lhr) => lhr.audits[id]?.numericValue ?? NaN));
			rows.push([
				name,
				score('performance'),
				score('accessibility'),
				score('best-practices'),
				`${(metric('first-contentful-paint') / 1000).toFixed(1)} s`,
				`${(metric('largest-contentful-paint') / 1000).toFixed(1)} s`,
				`${Math.round(metric('total-blocking-time'))} ms`,
				metric('cumulative-layout-shift').toFixed(3)
			]);
			const last = results.at(-1);
			for (const category of CATEGORIES) {
				for (const reference of last.categories[category].auditRefs) {
					const audit = last.audits[reference.id];
					if (reference.weight > 0 && audit.score !== null && audit.score < 0.9)
						lost.push([name, category, audit.id, audit.displayValue ?? String(audit.score)]);
				}
			}
			if (results[0].runtimeError)
				console.warn(`${name}: ${results[0].runtimeError.code} ${results[0].runtimeError.message}`);
		}

		console.log('');
		console.log(`machine    ${machine()}`);
		console.log(
			`lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile (default config, simulated throttling), chromium ${CHROMIUM}`
		);
		console.log('PWA        no such category in Lighthouse 12 (removed in 12.0)');
		console.log(`runs       ${options.runs} per page${options.runs > 1 ? ', median shown' : ''}`);
		console.log('');
		console.log(table(rows));
		const missed = rows
			.slice(1)
			.filter((row) => row[1] < GOALS.performance || row[2] < GOALS.accessibility);
		console.log('');
		console.log(
			missed.length === 0
				? `goal       met: performance ≥ ${GOALS.performance} and accessibility ${GOALS.accessibility} on every page`
				: `goal       NOT met on: ${missed.map((row) => row[0]).join(', ')} (performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility})`
		);
		if (options.details && lost.length) {
			console.log('');
			console.log(table([['page', 'category', 'audit', 'value'], ...lost]));
		}
	} finally {
		await space.cleanup();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
