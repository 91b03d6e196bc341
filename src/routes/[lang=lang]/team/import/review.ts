import type { ImportFormat } from '$lib/server/import/read-file';
import type { ImportPlan, PlanAction, PlanEntry } from '$lib/server/import/plan';

/** How many rows the page lists; the rest are counted. */
export const ROWS_SHOWN = 200;

export type ReviewRow = Pick<
	PlanEntry,
	'line' | 'label' | 'record' | 'name' | 'action' | 'reasons'
>;

/** The dry run as the page shows it: nothing of what would be written goes to the browser. */
export type Review = {
	token: string;
	fileName: string;
	format: ImportFormat;
	counts: Record<PlanAction, number>;
	/** What the confirm button sends back, to tell whether the plan changed in between. */
	expected: string;
	notices: string[];
	rows: ReviewRow[];
	hidden: Record<PlanAction, number> & { count: number };
};

export function expectedOf(plan: ImportPlan): string {
	const { create, update, skip, error } = plan.counts;
	return [create, update, skip, error].join('-');
}

/** Rows with a problem first (they need fixing), then the rest in the file's order. */
export function reviewOf(
	plan: ImportPlan,
	token: string,
	fileName: string,
	format: ImportFormat
): Review {
	const ordered = [
		...plan.entries.filter((entry) => entry.action === 'error'),
		...plan.entries.filter((entry) => entry.action !== 'error')
	];
	const shown = ordered.slice(0, ROWS_SHOWN);
	const hidden = { count: 0, create: 0, update: 0, skip: 0, error: 0 };
	for (const entry of ordered.slice(ROWS_SHOWN)) {
		hidden.count += 1;
		hidden[entry.action] += 1;
	}
	return {
		token,
		fileName,
		format,
		counts: plan.counts,
		expected: expectedOf(plan),
		notices: plan.notices,
		rows: shown.map(({ line, label, record, name, action, reasons }) => ({
			line,
			label,
			record,
			name,
			action,
			reasons
		})),
		hidden
	};
}
