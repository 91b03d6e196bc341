import { BASE_LOCALE, type Locale } from '$lib/i18n';
import { hsdsToImportRows } from '$lib/server/hsds/to-rows';
import type { ImportRow } from './columns';
import { readCsv } from './read-csv';

/** Large enough for the social map of a whole city, small enough to check in one go. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** What a dataset said that could not become a row: reported like a row with an error. */
export type SourceProblem = { line: number; source: string; message: string };

export type ImportFormat = 'csv' | 'hsds';

export type FileProblem =
	| { problem: 'empty' }
	| { problem: 'too-big'; maxBytes: number }
	| { problem: 'spreadsheet' }
	| { problem: 'wrong-type' }
	| { problem: 'not-utf8' }
	| { problem: 'missing-columns'; columns: string[] }
	| { problem: 'duplicate-column'; columns: string[] }
	| { problem: 'unreadable-csv'; line: number | null }
	| { problem: 'unreadable-json' }
	| { problem: 'not-hsds' };

export type ImportInput =
	| {
			ok: true;
			format: ImportFormat;
			rows: ImportRow[];
			problems: SourceProblem[];
			/** Columns of a CSV header that Kwartier does not know, as written. */
			unusedColumns: string[];
	  }
	| ({ ok: false } & FileProblem);

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;
const OTHER_DOCUMENTS = /\.(pdf|docx?|odt|zip|png|jpe?g|gif)$/i;
// Zip (xlsx, ods, docx), the old Office format and PDF, by their first bytes.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, signature: number[]) {
	return signature.every((byte, index) => bytes[index] === byte);
}

function decodeUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

function readJson(text: string, locale: Locale): ImportInput {
	let dataset: unknown;
	try {
		dataset = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'unreadable-json' };
	}
	if (dataset === null || typeof dataset !== 'object') return { ok: false, problem: 'not-hsds' };
	const converted = hsdsToImportRows(dataset, { locale });
	if (converted.rows.length === 0 && converted.problems.length === 0) {
		return { ok: false, problem: 'not-hsds' };
	}
	return { ok: true, format: 'hsds', unusedColumns: [], ...converted };
}

/**
 * Reads an uploaded or given file: a CSV with the documented columns, or an Open Referral HSDS
 * dataset as JSON. The content decides, the name only helps to explain a spreadsheet or a PDF.
 * `locale` is the language of what the HSDS conversion reports.
 */
export function readImportFile(
	content: Uint8Array,
	fileName = '',
	locale: Locale = BASE_LOCALE
): ImportInput {
	if (content.byteLength === 0) return { ok: false, problem: 'empty' };
	if (content.byteLength > MAX_IMPORT_BYTES) {
		return { ok: false, problem: 'too-big', maxBytes: MAX_IMPORT_BYTES };
	}
	if (SPREADSHEET.test(fileName) || startsWith(content, OLE)) {
		return { ok: false, problem: 'spreadsheet' };
	}
	if (startsWith(content, ZIP)) {
		return { ok: false, problem: /\.od|\.xl/i.test(fileName) ? 'spreadsheet' : 'wrong-type' };
	}
	if (OTHER_DOCUMENTS.test(fileName) || startsWith(content, PDF)) {
		return { ok: false, problem: 'wrong-type' };
	}
	const text = decodeUtf8(content);
	if (text === null) return { ok: false, problem: 'not-utf8' };
	// A NUL never appears in text a person wrote.
	if (text.includes('\u0000')) return { ok: false, problem: 'wrong-type' };
	const body = text.replace(/^\uFEFF/, '').trimStart();
	if (!body) return { ok: false, problem: 'empty' };
	if (body.startsWith('{') || body.startsWith('[')) return readJson(body, locale);

	const csv = readCsv(text);
	if (csv.ok) {
		return {
			ok: true,
			format: 'csv',
			rows: csv.rows,
			problems: [],
			unusedColumns: csv.unusedColumns
		};
	}
	switch (csv.problem) {
		case 'empty':
			return { ok: false, problem: 'empty' };
		case 'unreadable':
			return { ok: false, problem: 'unreadable-csv', line: csv.line };
		default:
			return { ok: false, problem: csv.problem, columns: csv.columns };
	}
}
