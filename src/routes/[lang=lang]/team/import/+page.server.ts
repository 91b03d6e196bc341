import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { formValues } from '$lib/server/forms';
import {
	applyImport,
	describeFileProblem,
	MAX_IMPORT_BYTES,
	planImport,
	readImportFile
} from '$lib/server/import';
import { findUpload, forgetUpload, keepUpload } from '$lib/server/import/uploads';
import { localeOf } from '../gatherings/form-helpers.server';
import { reviewOf } from './review';
import type { Actions, PageServerLoad } from './$types';

const MEGABYTE = 1024 * 1024;
const COUNT = /^\d{1,7}$/;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'coordinator');
	const counts = ['created', 'updated', 'skipped'].map((key) => event.url.searchParams.get(key));
	const done = counts.every((value) => value !== null && COUNT.test(value))
		? { created: Number(counts[0]), updated: Number(counts[1]), skipped: Number(counts[2]) }
		: null;
	return { maxMegabytes: MAX_IMPORT_BYTES / MEGABYTE, done };
};

export const actions = {
	/** The dry run: reads the uploaded file and shows what importing it would do. */
	check: async (event) => {
		const account = requireRole(event, 'coordinator');
		const locale = localeOf(event);
		const formData = await event.request.formData().catch(() => new FormData());
		const file = formData.get('file');
		// A form sent without choosing a file still holds an empty, nameless one.
		if (!(file instanceof File) || (file.size === 0 && !file.name)) {
			return fail(400, { problem: describeFileProblem({ problem: 'none' }, locale) });
		}
		if (file.size > MAX_IMPORT_BYTES) {
			const problem = describeFileProblem(
				{ problem: 'too-big', maxBytes: MAX_IMPORT_BYTES },
				locale
			);
			return fail(400, { problem, fileName: file.name });
		}
		const content = new Uint8Array(await file.arrayBuffer());
		const input = readImportFile(content, file.name, locale);
		if (!input.ok) {
			return fail(400, { problem: describeFileProblem(input, locale), fileName: file.name });
		}
		const plan = await planImport(input.rows, locale, {
			problems: input.problems,
			unusedColumns: input.unusedColumns
		});
		const token = keepUpload(account.id, file.name, content);
		return { review: reviewOf(plan, token, file.name, input.format) };
	},

	/** Reads the same upload again, plans again, and imports it when nothing changed since. */
	apply: async (event) => {
		const account = requireRole(event, 'coordinator');
		const locale = localeOf(event);
		const formData = await event.request.formData().catch(() => new FormData());
		const { token = '', expected = '' } = formValues(formData);
		const upload = findUpload(token, account.id);
		const input = upload ? readImportFile(upload.content, upload.fileName, locale) : null;
		if (!upload || !input?.ok) return fail(400, { problem: m.import_expired({}, { locale }) });

		const plan = await planImport(input.rows, locale, {
			problems: input.problems,
			unusedColumns: input.unusedColumns
		});
		const review = reviewOf(plan, token, upload.fileName, input.format);
		if (plan.counts.error > 0 || review.expected !== expected) {
			return fail(400, { review, notice: m.import_plan_changed({}, { locale }) });
		}
		const result = applyImport(plan);
		if (!result.ok) {
			const fresh = await planImport(input.rows, locale, {
				problems: input.problems,
				unusedColumns: input.unusedColumns
			});
			return fail(400, {
				review: reviewOf(fresh, token, upload.fileName, input.format),
				notice: m.import_changed_meanwhile({}, { locale })
			});
		}
		forgetUpload(token);
		const query = new URLSearchParams({
			created: String(result.created),
			updated: String(result.updated),
			skipped: String(result.skipped)
		});
		redirect(303, `/${locale}/team/import?${query}`);
	}
} satisfies Actions;
