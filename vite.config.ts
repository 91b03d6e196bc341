import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// In Vitest the messages are compiled once before the run (npm run paraglide), so the
// plugin's watcher does not keep the process alive.
const paraglide = process.env.VITEST
	? []
	: [
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['custom-path', 'baseLocale']
			})
		];

// An island's styles come with the page (the server renders the same components, and SvelteKit
// links their CSS). Kept out of the island's bundle, which is then the same file in the server's
// build and the browser's: its name, which the server writes into the page, is the same too.
const ISLAND_SVELTE = { emitCss: false, compilerOptions: { css: 'external' as const } };
const NO_CSS = '\0island-no-css';
const islandsWithoutCss: Plugin = {
	name: 'kwartier-islands-without-css',
	enforce: 'pre',
	resolveId: (source) => (/\.css(\?|$)/.test(source) ? NO_CSS : null),
	load: (id) => (id === NO_CSS ? 'export default "";' : null)
};

export default defineConfig({
	plugins: [...paraglide, sveltekit()],
	// Islands (src/lib/islands): the few scripts of pages that are HTML first (`csr = false`),
	// imported as `?worker&url` so each is bundled on its own with what it imports, and named by
	// its hash like the rest of the app's files. They run on the page, not as workers.
	worker: { format: 'es', plugins: () => [svelte(ISLAND_SVELTE), islandsWithoutCss] },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		setupFiles: ['./tests/setup/fresh-database.ts'],
		testTimeout: 20_000,
		// Every core: each test file has its own in-memory database, so files never share state.
		// (Vitest's default leaves one core idle, which on a 2-core CI machine halves the speed.)
		maxWorkers: '100%'
	}
});
