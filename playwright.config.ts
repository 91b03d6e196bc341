import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: /.*\.e2e\.ts/,
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], channel: undefined },
			testIgnore: /phone\.e2e\.ts/
		},
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], channel: undefined },
			testMatch: /phone\.e2e\.ts/
		}
	],
	webServer: {
		command: `rm -f test-results/e2e.db* && vite build && node scripts/serve.js`,
		port: PORT,
		reuseExistingServer: false,
		timeout: 180_000,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_PATH: 'test-results/e2e.db',
			// The demo data is dated in 2026; the end-to-end tests run against a fixed clock.
			KWARTIER_NOW: '2026-11-24T10:30:00+01:00'
		}
	}
});
