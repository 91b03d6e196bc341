// The end-to-end tests use Debian's chromium: Playwright cannot download its own browser here.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
	if (process.getuid?.() !== 0) {
		console.error(
			`Chromium is missing at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" and run npm test again.`
		);
		process.exit(1);
	}
	console.log('Installing Debian chromium for the end-to-end tests…');
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
		stdio: 'inherit'
	});
}
