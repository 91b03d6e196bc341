import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { BASE_LOCALE, isLocale, pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { cancelCall, checkNote, findCallForVolunteer, isBackupCallError } from '$lib/server/backup';
import { currentTime } from '$lib/server/clock';
import { db } from '$lib/server/db';
import { neighbourhoods } from '$lib/server/db/schema';
import { listCoordinators } from '$lib/server/roster';
import type { Actions, PageServerLoad } from './$types';

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

function callIdOf(param: string | undefined): number | null {
	return param && /^\d{1,9}$/.test(param) ? Number(param) : null;
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'volunteer');
	const locale = localeOf(event.params.lang);
	event.depends('kwartier:backup');
	const callId = callIdOf(event.params.id);
	// Someone else's call is "not found", so its existence is not given away.
	const call = callId === null ? null : await findCallForVolunteer(callId, account.id);
	if (!call) error(404, m.bk_error_not_found({}, { locale }));

	const nobodyOnDuty = call.status === 'open' && call.sentTo === 0;
	const callInstead = nobodyOnDuty
		? (await listCoordinators())
				.filter((person) => person.phone)
				.map(({ displayName, phone }) => ({ displayName, phone: phone as string }))
		: [];
	const [hood] = await db
		.select({ name: neighbourhoods.name })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, call.neighbourhoodId));
	return {
		call,
		placeName: call.placeName ? pick(call.placeName, locale) : null,
		neighbourhoodName: hood ? pick(hood.name, locale) : '',
		warnings: call.note ? checkNote(call.note) : [],
		nobodyOnDuty,
		callInstead
	};
};

export const actions = {
	cancel: async (event) => {
		const account = requireRole(event, 'volunteer');
		const locale = localeOf(event.params.lang);
		const callId = callIdOf(event.params.id);
		if (callId === null) error(404, m.bk_error_not_found({}, { locale }));
		try {
			await cancelCall(callId, account.id, currentTime());
		} catch (thrown) {
			if (!isBackupCallError(thrown)) throw thrown;
			if (thrown.code === 'not-found' || thrown.code === 'not-allowed') {
				error(404, m.bk_error_not_found({}, { locale }));
			}
			return fail(thrown.status, { message: m.bk_error_cannot_cancel({}, { locale }) });
		}
		return { message: m.bk_cancelled_done({}, { locale }) };
	}
} satisfies Actions;
