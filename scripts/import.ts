// Imports places and gatherings from a CSV file with the documented columns (docs/import.md)
// or from an Open Referral HSDS dataset (JSON):
//
//   npm run import -- data/social-map.csv --dry-run      # what would happen, nothing changes
//   npm run import -- data/social-map.csv --lang=fr      # import, messages in French
//
// It writes to the database at DATABASE_PATH (default data/kwartier.db), all rows or none,
// and ends with exit code 1 when a row has a problem.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

// The opening-hours library reads dates in the process's time zone (see schedule/opening-hours).
process.env.TZ = 'Europe/Brussels';

const usage =
	'Usage: npm run import -- <file.csv|file.json> [--dry-run] [--lang=nl|fr|en]\n' +
	'The columns of a CSV file are explained in docs/import.md.';

function stop(message: string): never {
	console.error(message);
	process.exit(1);
}

let parsed: ReturnType<typeof readArguments>;
function readArguments() {
	return parseArgs({
		allowPositionals: true,
		options: {
			'dry-run': { type: 'boolean', default: false },
			lang: { type: 'string', default: 'nl' },
			help: { type: 'boolean', default: false }
		}
	});
}
try {
	parsed = readArguments();
} catch (error) {
	stop(`${(error as Error).message}\n${usage}`);
}
const { values: options, positionals } = parsed;
if (options.help) {
	console.log(usage);
	process.exit(0);
}

const { isLocale } = await import('../src/lib/i18n');
const { m } = await import('../src/lib/paraglide/messages.js');
const locale = options.lang;
if (!isLocale(locale)) stop(`--lang: nl, fr or en.\n${usage}`);
if (positionals.length !== 1) stop(usage);

const path = positionals[0];
let content: Buffer;
try {
	content = readFileSync(path);
} catch {
	stop(`Cannot open ${path}.\n${usage}`);
}

const { readImportFile, planImport, applyImport, describeFileProblem } =
	await import('../src/lib/server/import');
const { migrateDatabase, closeDatabase } = await import('../src/lib/server/db');

const input = readImportFile(new Uint8Array(content), basename(path), locale);
if (!input.ok) stop(describeFileProblem(input, locale));

migrateDatabase();
const plan = await planImport(input.rows, locale, {
	problems: input.problems,
	unusedColumns: input.unusedColumns
});

const actionWords = {
	create: m.import_action_create({}, { locale }),
	update: m.import_action_update({}, { locale }),
	skip: m.import_action_skip({}, { locale }),
	error: m.import_action_error({}, { locale })
};
const recordWords = {
	place: m.import_record_place({}, { locale }),
	gathering: m.import_record_gathering({}, { locale })
};
for (const entry of plan.entries) {
	const record = entry.record ? `${recordWords[entry.record]} ` : '';
	console.log(`${entry.label}: ${actionWords[entry.action]}: ${record}${entry.name}`);
	for (const reason of entry.reasons) console.log(`    ${reason}`);
}
for (const notice of plan.notices) console.log(notice);
console.log(
	[
		m.import_count_create({ count: plan.counts.create }, { locale }),
		m.import_count_update({ count: plan.counts.update }, { locale }),
		m.import_count_skip({ count: plan.counts.skip }, { locale }),
		m.import_count_error({ count: plan.counts.error }, { locale })
	].join(' · ')
);

if (plan.counts.error > 0) {
	closeDatabase();
	stop(m.import_cli_errors({}, { locale }));
}
if (options['dry-run']) {
	console.log(m.import_cli_dry_run({}, { locale }));
	closeDatabase();
	process.exit(0);
}
const result = applyImport(plan);
closeDatabase();
if (!result.ok) stop(m.import_changed_meanwhile({}, { locale }));
console.log(m.import_done(result, { locale }));
