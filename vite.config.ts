import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
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

export default defineConfig({
	plugins: [...paraglide, sveltekit()],
	// Islands (src/lib/islands): the few scripts of pages that are HTML first (`csr = false`),
	// imported as `?worker&url` so each is bundled on its own with what it imports, and named by
	// its hash like the rest of the app's files. They run on the page, not as workers.
	worker: { format: 'es', plugins: () => [svelte()] },
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
