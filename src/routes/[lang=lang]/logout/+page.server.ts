import { redirect } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale } from '$lib/i18n';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out only happens through the form (a POST): a link or an image cannot sign anyone out.
export const load: PageServerLoad = ({ params }) => {
	redirect(303, `/${isLocale(params.lang) ? params.lang : BASE_LOCALE}`);
};

export const actions = {
	default: async (event) => {
		const locale = isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
		if (event.locals.session) await invalidateSession(event.locals.session.id);
		event.locals.account = null;
		event.locals.session = null;
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, `/${locale}`);
	}
} satisfies Actions;
