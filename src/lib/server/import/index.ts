export { IMPORT_COLUMNS, type ImportColumn, type ImportRow } from './columns';
export { readCsv } from './read-csv';
export { MAX_IMPORT_BYTES, readImportFile, type FileProblem, type ImportInput } from './read-file';
export { planImport, type ImportPlan, type PlanAction, type PlanEntry } from './plan';
export { applyImport, type ApplyResult } from './apply';
export { describeFileProblem } from './describe';
