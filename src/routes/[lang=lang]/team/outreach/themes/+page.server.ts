import { fail, type RequestEvent } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale, pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { formValues, type FormValues } from '$lib/server/forms';
import {
	addTheme,
	archiveTheme,
	listThemes,
	renameTheme,
	THEME_FIELDS,
	unarchiveTheme
} from '$lib/server/outreach/themes';
import type { Actions, PageServerLoad } from './$types';

function localeOf(event: Pick<RequestEvent, 'params'>): Locale {
	return isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
}

async function readValues(event: RequestEvent): Promise<{ id: number | null; values: FormValues }> {
	const sent = formValues(await event.request.formData().catch(() => new FormData()));
	const values: FormValues = {};
	for (const field of THEME_FIELDS) values[field] = (sent[field] ?? '').slice(0, 500);
	const id = /^\d{1,9}$/.test((sent.id ?? '').trim()) ? Number(sent.id.trim()) : null;
	return { id, values };
}

type Which = 'add' | 'rename' | 'archive';

/** Every answer has the same shape, so the page reads it one way. */
function outcome(
	which: Which,
	id: number | null,
	result: { message: string } | { values: FormValues; errors: Record<string, string> }
) {
	return 'message' in result
		? { which, id, values: null, errors: {} as Record<string, string>, message: result.message }
		: { which, id, values: result.values, errors: result.errors, message: null };
}

function gone(locale: Locale, which: Which, id: number | null) {
	return fail(
		400,
		outcome(which, id, {
			values: {},
			errors: { form: m.outreach_log_error_theme_gone({}, { locale }) }
		})
	);
}

async function nameOf(id: number, locale: Locale) {
	return pick((await listThemes(locale)).find((theme) => theme.id === id)?.names, locale);
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	return { themes: await listThemes(localeOf(event)) };
};

export const actions = {
	add: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const { values } = await readValues(event);
		const result = await addTheme(values, locale);
		if (!result.ok) return fail(400, outcome('add', null, { values, errors: result.errors }));
		const name = await nameOf(result.id, locale);
		return outcome('add', result.id, { message: m.outreach_log_added({ name }, { locale }) });
	},

	rename: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const { id, values } = await readValues(event);
		if (id === null) return gone(locale, 'rename', null);
		const result = await renameTheme(id, values, locale);
		if (!result.ok) return fail(400, outcome('rename', id, { values, errors: result.errors }));
		const name = await nameOf(id, locale);
		return outcome('rename', id, { message: m.outreach_log_renamed({ name }, { locale }) });
	},

	archive: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const { id } = await readValues(event);
		if (id === null || !(await archiveTheme(id))) return gone(locale, 'archive', id);
		const name = await nameOf(id, locale);
		return outcome('archive', id, { message: m.outreach_log_archived_done({ name }, { locale }) });
	},

	unarchive: async (event) => {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const { id } = await readValues(event);
		if (id === null || !(await unarchiveTheme(id))) return gone(locale, 'archive', id);
		const name = await nameOf(id, locale);
		return outcome('archive', id, {
			message: m.outreach_log_unarchived_done({ name }, { locale })
		});
	}
} satisfies Actions;
