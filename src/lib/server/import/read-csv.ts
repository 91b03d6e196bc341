import { parse, CsvError } from 'csv-parse/sync';
import { IMPORT_COLUMNS, type ImportColumn, type ImportRow } from './columns';

/** The columns a file cannot do without; a name needs at least one of the three languages. */
export const REQUIRED_COLUMNS = ['record', 'id'] as const satisfies readonly ImportColumn[];
export const NAME_COLUMNS = ['name_nl', 'name_fr', 'name_en'] as const satisfies ImportColumn[];

export type CsvReading =
	| {
			ok: true;
			rows: ImportRow[];
			/** Header cells that are not one of the documented columns, as written. */
			unusedColumns: string[];
	  }
	| { ok: false; problem: 'empty' }
	| { ok: false; problem: 'missing-columns'; columns: string[] }
	| { ok: false; problem: 'duplicate-column'; columns: string[] }
	| { ok: false; problem: 'unreadable'; line: number | null };

/**
 * `Opening hours`, `opening-hours` and ` OPENING_HOURS ` all mean `opening_hours`: people type
 * headers by hand in a spreadsheet.
 */
export function normalizeHeader(cell: string): string {
	return cell
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

/**
 * Belgian Excel saves "CSV" with semicolons, most other programs with commas. The header line
 * decides: it holds only column names, so whichever separator it uses most is the one.
 */
export function detectSeparator(text: string): ',' | ';' {
	const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	const count = (separator: string) => header.split(separator).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

type ParsedRecord = { record: string[]; info: { lines: number; empty_lines: number } };

/**
 * Reads CSV text (comma or semicolon, with or without a byte order mark) into rows. Every row
 * carries the line it starts on (the header is line 1) and has a value for each known column
 * of the header, '' when the cell is empty, so that "column not in the file" stays tellable
 * from "cell left empty". Cells past the header are kept under `extra` for the validation.
 */
export function readCsv(text: string): CsvReading {
	if (!text.replace(/^\uFEFF/, '').trim()) return { ok: false, problem: 'empty' };
	let records: ParsedRecord[];
	try {
		records = parse(text, {
			bom: true,
			delimiter: detectSeparator(text),
			info: true,
			relax_column_count: true,
			skip_empty_lines: true
		}) as unknown as ParsedRecord[];
	} catch (error) {
		const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : null;
		return { ok: false, problem: 'unreadable', line };
	}
	const [header, ...body] = records;
	if (!header) return { ok: false, problem: 'empty' };

	const names = header.record.map(normalizeHeader);
	const known = new Set<string>(IMPORT_COLUMNS);
	const seen = new Set<string>();
	const duplicates = new Set<string>();
	for (const name of names) {
		if (!name) continue;
		if (seen.has(name)) duplicates.add(name);
		seen.add(name);
	}
	if (duplicates.size > 0)
		return { ok: false, problem: 'duplicate-column', columns: [...duplicates] };
	const missing: string[] = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
	if (!NAME_COLUMNS.some((column) => seen.has(column))) missing.push(NAME_COLUMNS.join(' / '));
	if (missing.length > 0) return { ok: false, problem: 'missing-columns', columns: missing };

	const rows: ImportRow[] = [];
	let previousEnd = header.info.lines;
	let previousEmpty = header.info.empty_lines;
	for (const { record, info } of body) {
		// csv-parse tells where a record ends; it starts after the previous one and any empty lines.
		const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
		previousEnd = info.lines;
		previousEmpty = info.empty_lines;
		// Spreadsheets often save rows of empty cells below the data.
		if (record.every((cell) => !cell.trim())) continue;
		const row: ImportRow = { line, source: `line ${line}` };
		names.forEach((name, index) => {
			if (known.has(name)) row[name as ImportColumn] = record[index] ?? '';
		});
		const extra = record.slice(names.length).filter((cell) => cell.trim());
		rows.push(extra.length > 0 ? Object.assign(row, { [EXTRA_CELLS]: extra.length }) : row);
	}
	return {
		ok: true,
		rows,
		unusedColumns: header.record
			.filter((cell, index) => cell.trim() && !known.has(names[index]))
			.map((cell) => cell.trim())
	};
}

/**
 * A row with more filled cells than the header has columns: usually a separator inside a cell
 * that was not put between quotes. Kept out of the column names so no column can clash with it.
 */
export const EXTRA_CELLS = Symbol('extra cells');

export function extraCellsOf(row: ImportRow): number {
	return (row as ImportRow & { [EXTRA_CELLS]?: number })[EXTRA_CELLS] ?? 0;
}
