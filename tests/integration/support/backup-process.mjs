// Runs one step of the app's backup-call code in its own process, as the server would:
//   node backup-process.mjs prepare
//   node backup-process.mjs send '{"input":{...},"now":"..."}'   prints "SENT <id>", then waits
//   node backup-process.mjs escalate '{"now":"..."}'
// The database is the file in DATABASE_PATH. TypeScript and the $lib alias are handled by
// Vite's module runner, the same transform the app is built with.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
process.chdir(root);
process.env.TZ ||= 'Europe/Brussels';
if (!process.env.DATABASE_PATH || process.env.DATABASE_PATH === ':memory:') {
	throw new Error('Set DATABASE_PATH to a database file');
}

const [step, argument = '{}'] = process.argv.slice(2);
const args = JSON.parse(argument);
const { module: steps } = await runnerImport(
	resolve(root, 'tests/integration/support/backup-steps.ts'),
	{
		configFile: false,
		root,
		logLevel: 'silent',
		resolve: { alias: [{ find: /^\$lib/, replacement: resolve(root, 'src/lib') }] }
	}
);

if (step === 'prepare') {
	console.log(`READY ${JSON.stringify(await steps.prepare())}`);
	process.exit(0);
} else if (step === 'send') {
	const sent = await steps.send(args.input, args.now);
	// Printed only once createBackupCall resolved: what the volunteer would see as "sent".
	process.stdout.write(`SENT ${sent.call.id}\n`);
	// Stay up with the database open until the test kills this process.
	setInterval(() => {}, 60_000);
} else if (step === 'escalate') {
	console.log(`ESCALATED ${JSON.stringify(await steps.escalate(args.now))}`);
	process.exit(0);
} else {
	throw new Error(`Unknown step: ${step}`);
}
