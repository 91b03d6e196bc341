// Renders the app icons (static/icons/*.png) from the house logo, with the system Chromium.
// Run after changing the logo: `node scripts/make-icons.mjs` (CHROMIUM_PATH to use another one).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ACCENT = '#a63d15';
const PAPER = '#fbf6ec';
// The house of the logo in src/routes/[lang=lang]/+layout.svelte and static/favicon.svg.
const HOUSE = 'M14 30 32 14l18 16v20H38V38H26v12H14z';

/** The house scaled around the middle of the 64×64 box. */
const house = (scale) =>
	`<path transform="translate(32 32) scale(${scale}) translate(-32 -32)" d="${HOUSE}" fill="${PAPER}"/>`;

// "any": the logo as on the site, rounded corners and all.
const rounded = `<rect width="64" height="64" rx="14" fill="${ACCENT}"/>${house(1)}`;
// "maskable": the colour fills the square, the house stays inside the safe circle (80%).
const maskable = `<rect width="64" height="64" fill="${ACCENT}"/>${house(0.8)}`;
// Apple rounds the corners itself and wants no transparency.
const apple = `<rect width="64" height="64" fill="${ACCENT}"/>${house(0.9)}`;

const ICONS = [
	{ file: 'icon-192.png', size: 192, svg: rounded },
	{ file: 'icon-512.png', size: 512, svg: rounded },
	{ file: 'maskable-192.png', size: 192, svg: maskable },
	{ file: 'maskable-512.png', size: 512, svg: maskable },
	{ file: 'apple-touch-icon.png', size: 180, svg: apple }
];

const out = new URL('../static/icons/', import.meta.url);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const page = await browser.newPage();
	for (const { file, size, svg } of ICONS) {
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(
			`<html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${size}" height="${size}" style="display:block">${svg}</svg></body></html>`
		);
		await page.screenshot({
			path: new URL(file, out).pathname,
			omitBackground: true,
			clip: { x: 0, y: 0, width: size, height: size }
		});
		console.log(`static/icons/${file} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
