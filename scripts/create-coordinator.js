// Creates a coordinator account, for example the very first one of a new installation:
//
//   npm run create-coordinator -- --username noor --name "Noor"
//
// The password comes from the KWARTIER_PASSWORD environment variable, or is asked for.
// Plain JavaScript on purpose: it runs on a fresh clone without a build step.
import { hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// The same rules and argon2id settings as the app (src/lib/server/auth).
const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;
const DISPLAY_NAME_MAX_LENGTH = 60;
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

function stop(message) {
	console.error(message);
	process.exit(1);
}

const usage =
	'Usage: npm run create-coordinator -- --username <name> --name "<display name>" [--phone <number>]\n' +
	'The password comes from KWARTIER_PASSWORD, or you type it when asked.';

let options;
try {
	({ values: options } = parseArgs({
		options: {
			username: { type: 'string' },
			name: { type: 'string' },
			phone: { type: 'string' },
			help: { type: 'boolean' }
		}
	}));
} catch (error) {
	stop(`${error.message}\n${usage}`);
}
if (options.help) {
	console.log(usage);
	process.exit(0);
}

const username = (options.username ?? '').trim().toLowerCase();
const displayName = (options.name ?? '').trim();
const phone = options.phone?.trim() || null;
if (!USERNAME_PATTERN.test(username)) {
	stop(`--username: 3 to 32 characters, only a-z, 0-9, dot, dash or underscore.\n${usage}`);
}
if (!displayName || displayName.length > DISPLAY_NAME_MAX_LENGTH) {
	stop(`--name: a display name of 1 to ${DISPLAY_NAME_MAX_LENGTH} characters.\n${usage}`);
}

async function askPassword() {
	if (!process.stdin.isTTY) {
		stop('No password: set KWARTIER_PASSWORD, or run this in a terminal to type it.');
	}
	const prompt = createInterface({ input: process.stdin, output: process.stdout });
	const first = await prompt.question(`Password (at least ${PASSWORD_MIN_LENGTH} characters): `);
	const second = await prompt.question('The same password again: ');
	prompt.close();
	if (first !== second) stop('The two passwords are not the same.');
	return first;
}

const password = process.env.KWARTIER_PASSWORD ?? (await askPassword());
if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
	stop(`The password needs ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`);
}

const databasePath = process.env.DATABASE_PATH || 'data/kwartier.db';
mkdirSync(dirname(resolve(databasePath)), { recursive: true });
const sqlite = new Database(databasePath);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
migrate(drizzle(sqlite), { migrationsFolder });

const taken = sqlite.prepare('SELECT id FROM accounts WHERE username = ?').get(username);
if (taken) {
	sqlite.close();
	stop(`The user name "${username}" is already taken. Choose another one.`);
}

const passwordHash = await hash(password, ARGON2_OPTIONS);
const { lastInsertRowid } = sqlite
	.prepare(
		`INSERT INTO accounts (username, display_name, role, password_hash, phone, languages)
		 VALUES (?, ?, 'coordinator', ?, ?, '[]')`
	)
	.run(username, displayName, passwordHash, phone);
sqlite.close();

console.log(
	`Coordinator "${displayName}" (user name: ${username}, id ${lastInsertRowid}) is ready in ${databasePath}.\n` +
		'Sign in at /nl/login (or /fr/login, /en/login), then invite the team from "Invite".'
);
