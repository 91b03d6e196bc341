import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { NOTE_MAX_LENGTH } from '$lib/server/backup';
import { currentTime } from '$lib/server/clock';
import { formValues } from '$lib/server/forms';
import {
	emptyCallValues,
	listRecentPlaceIds,
	listWhereChoices,
	readCallValues,
	sendBackupCall
} from './call-form.server';
import type { Actions, PageServerLoad } from './$types';

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'volunteer');
	const locale = localeOf(event.params.lang);
	return {
		accountId: account.id,
		// Without JavaScript this id makes a second press of "send" harmless; with it, the
		// browser makes its own.
		values: emptyCallValues(randomUUID()),
		choices: await listWhereChoices(account, locale),
		recentPlaceIds: await listRecentPlaceIds(account.id),
		noteMax: NOTE_MAX_LENGTH
	};
};

export const actions = {
	default: async (event) => {
		const account = requireRole(event, 'volunteer');
		const locale = localeOf(event.params.lang);
		const formData = await event.request.formData().catch(() => null);
		const values = readCallValues(formData ? formValues(formData) : {});
		const outcome = await sendBackupCall(account, values, locale, currentTime());
		if (!outcome.ok) return fail(outcome.status, { values, errors: outcome.errors });
		redirect(303, `/${locale}/team/backup/${outcome.sent.call.id}`);
	}
} satisfies Actions;
