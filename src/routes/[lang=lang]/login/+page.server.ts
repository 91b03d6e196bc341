import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { checkCredentials, requestAddress, safeNextPath } from '$lib/server/auth/login';
import { PASSWORD_MAX_LENGTH } from '$lib/server/auth/password';
import { maySignIn, recordFailedSignIn } from '$lib/server/auth/rate-limit';
import { createSession, invalidateSession, setSessionCookie } from '$lib/server/auth/session';
import { formValues, requiredText, validateForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const loginSchema = z.object({
	username: requiredText(200).transform((value) => value.toLowerCase()),
	password: z
		.string()
		.max(PASSWORD_MAX_LENGTH)
		.refine((value) => value.length > 0, 'error_required')
});

export const load: PageServerLoad = ({ locals, params, url }) => {
	const locale = isLocale(params.lang) ? params.lang : BASE_LOCALE;
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.account) redirect(303, next ?? `/${locale}/team`);
	return {};
};

export const actions = {
	default: async (event) => {
		const locale = isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
		const address = requestAddress(event);
		const formData = await event.request.formData().catch(() => null);
		const input = formData ? formValues(formData) : {};
		// The name is echoed back as typed; the password never is.
		const values = { username: (input.username ?? '').trim().slice(0, 200) };
		const name = values.username.toLowerCase();

		if (!maySignIn(name, address)) {
			return fail(429, { values, errors: { form: m.auth_login_rate_limited({}, { locale }) } });
		}
		const parsed = validateForm(loginSchema, input, locale);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });

		const result = await checkCredentials(parsed.data.username, parsed.data.password);
		if (result.status === 'wrong') {
			recordFailedSignIn(name, address);
			return fail(400, { values, errors: { form: m.auth_login_wrong({}, { locale }) } });
		}
		if (result.status === 'disabled') {
			return fail(403, { values, errors: { form: m.auth_login_disabled({}, { locale }) } });
		}

		// A fresh session on every sign-in, so a session from before cannot be carried over.
		if (event.locals.session) await invalidateSession(event.locals.session.id);
		const { token, session } = await createSession(result.accountId);
		setSessionCookie(event.cookies, event.url, token, session.lastUsedAt);
		redirect(303, safeNextPath(event.url.searchParams.get('next')) ?? `/${locale}/team`);
	}
} satisfies Actions;
