import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import {
	checkLog,
	COUNT_LIMITS,
	createLog,
	deleteLog,
	findLog,
	listLogChoices,
	listRecentLogs,
	prefillLogValues,
	readLogValues
} from '$lib/server/outreach/log';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { Actions, PageServerLoad } from './$types';

function localeOf(event: Pick<RequestEvent, 'params'>): Locale {
	return isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
}

const today = () => dateToWallTime(currentTime()).slice(0, 10);

async function readForm(event: RequestEvent) {
	return event.request.formData().catch(() => new FormData());
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event);
	const now = today();
	const savedId = event.url.searchParams.get('saved') ?? '';
	const saved = /^\d{1,9}$/.test(savedId)
		? await findLog(Number(savedId), account, locale)
		: undefined;
	return {
		today: now,
		values: prefillLogValues(event.url.searchParams, now),
		choices: await listLogChoices(locale),
		limits: COUNT_LIMITS,
		recent: await listRecentLogs(account, locale, 12),
		// Only the author sees the "saved" note with a link to the next stop.
		saved: saved?.mine ? saved : null
	};
};

export const actions = {
	save: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event);
		const values = readLogValues(await readForm(event));
		const checked = await checkLog(values, locale, today());
		if (!checked.ok) return fail(400, { which: 'save' as const, values, errors: checked.errors });
		const id = await createLog(checked.input, account.id);
		redirect(303, `/${locale}/team/outreach/log?saved=${id}#saved`);
	},

	delete: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event);
		const raw = (await readForm(event)).get('id');
		const id = typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw) : null;
		if (id === null) {
			return fail(400, {
				which: 'delete' as const,
				message: m.error_unknown_item({}, { locale }),
				failed: true
			});
		}
		const result = await deleteLog(id, account);
		if (result === 'not-allowed') {
			return fail(403, {
				which: 'delete' as const,
				message: m.outreach_log_not_yours({}, { locale }),
				failed: true
			});
		}
		return {
			which: 'delete' as const,
			message:
				result === 'deleted'
					? m.outreach_log_deleted({}, { locale })
					: m.outreach_log_already_deleted({}, { locale }),
			failed: false
		};
	}
} satisfies Actions;
