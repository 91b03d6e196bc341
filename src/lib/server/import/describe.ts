import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import type { FileProblem } from './read-file';

const MEGABYTE = 1024 * 1024;

/** Why a whole file cannot be read, in the coordinator's language, with what to do about it. */
export function describeFileProblem(problem: FileProblem | { problem: 'none' }, locale: Locale) {
	const options = { locale };
	switch (problem.problem) {
		case 'none':
			return m.import_file_none({}, options);
		case 'empty':
			return m.import_file_empty({}, options);
		case 'too-big':
			return m.import_file_too_big({ max: Math.floor(problem.maxBytes / MEGABYTE) }, options);
		case 'spreadsheet':
			return m.import_file_spreadsheet({}, options);
		case 'wrong-type':
			return m.import_file_wrong_type({}, options);
		case 'not-utf8':
			return m.import_file_not_utf8({}, options);
		case 'missing-columns':
			return m.import_file_missing_columns({ columns: problem.columns.join(', ') }, options);
		case 'duplicate-column':
			return m.import_file_duplicate_column({ columns: problem.columns.join(', ') }, options);
		case 'unreadable-csv':
			return problem.line === null
				? m.import_file_unreadable_csv_somewhere({}, options)
				: m.import_file_unreadable_csv({ line: problem.line }, options);
		case 'unreadable-json':
			return m.import_file_unreadable_json({}, options);
		case 'not-hsds':
			return m.import_file_not_hsds({}, options);
	}
}
