import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import {
	DISPLAY_NAME_MAX_LENGTH,
	isUsernameTaken,
	newPasswordField,
	PHONE_MAX_LENGTH,
	SPOKEN_LANGUAGES,
	USERNAME_MAX_LENGTH,
	USERNAME_MIN_LENGTH,
	USERNAME_PATTERN,
	usernameField
} from '$lib/server/auth/accounts';
import { acceptInvite, acceptPasswordReset, findInvite } from '$lib/server/auth/invites';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/server/auth/password';
import { createSession, invalidateSession, setSessionCookie } from '$lib/server/auth/session';
import {
	checkbox,
	formValues,
	optionalText,
	requiredText,
	validateForm,
	type FieldErrors
} from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const PHONE = /^\+?[0-9][0-9 ()./-]{5,28}$/;

const passwordSchema = z.object({ password: newPasswordField, passwordConfirm: z.string() });

const joinSchema = z.object({
	displayName: requiredText(DISPLAY_NAME_MAX_LENGTH),
	username: usernameField,
	password: newPasswordField,
	passwordConfirm: z.string(),
	phone: optionalText(PHONE_MAX_LENGTH).refine(
		(value) => value === null || PHONE.test(value),
		'error_phone'
	),
	languages: z
		.array(z.string())
		.refine(
			(codes) => codes.every((code) => (SPOKEN_LANGUAGES as readonly string[]).includes(code)),
			'error_choose_one'
		),
	peerWorker: checkbox
});

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

/** The invite behind the link, or the friendly "ask for a new link" page. */
async function usableInvite(token: string, locale: Locale) {
	const lookup = await findInvite(token);
	if (lookup.status === 'unknown') error(404, m.auth_invite_unknown_text({}, { locale }));
	if (lookup.status === 'gone') error(410, m.auth_invite_gone_text({}, { locale }));
	return lookup;
}

async function signInAs(event: RequestEvent, accountId: number) {
	if (event.locals.session) await invalidateSession(event.locals.session.id);
	const { token, session } = await createSession(accountId);
	setSessionCookie(event.cookies, event.url, token, session.lastUsedAt);
}

/** Messages for the checks that need more than the schema: the name's letters, the repeat. */
function extraErrors(values: Record<string, string>, errors: FieldErrors, locale: Locale) {
	const more: FieldErrors = {};
	const username = (values.username ?? '').trim().toLowerCase();
	if ('username' in values && !errors.username && !USERNAME_PATTERN.test(username)) {
		more.username = m.auth_username_format({}, { locale });
	}
	if (!errors.password && !errors.passwordConfirm && values.password !== values.passwordConfirm) {
		more.passwordConfirm = m.auth_password_mismatch({}, { locale });
	}
	return more;
}

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const locale = localeOf(params.lang);
	// A page behind a secret link is never kept by a browser or a shared cache.
	setHeaders({ 'cache-control': 'no-store' });
	const { invite, account } = await usableInvite(params.token, locale);
	return {
		mode: invite.accountId === null ? ('join' as const) : ('reset' as const),
		role: invite.role,
		account,
		languages: SPOKEN_LANGUAGES,
		limits: {
			usernameMin: USERNAME_MIN_LENGTH,
			usernameMax: USERNAME_MAX_LENGTH,
			passwordMin: PASSWORD_MIN_LENGTH,
			passwordMax: PASSWORD_MAX_LENGTH,
			displayNameMax: DISPLAY_NAME_MAX_LENGTH,
			phoneMax: PHONE_MAX_LENGTH
		}
	};
};

export const actions = {
	default: async (event) => {
		const locale = localeOf(event.params.lang);
		const { token } = event.params;
		const { invite } = await usableInvite(token, locale);
		const formData = await event.request.formData().catch(() => new FormData());
		const values = formValues(formData);

		if (invite.accountId !== null) {
			const parsed = validateForm(passwordSchema, values, locale);
			const errors = { ...(parsed.ok ? {} : parsed.errors) };
			const { password, passwordConfirm } = values;
			Object.assign(errors, extraErrors({ password, passwordConfirm }, errors, locale));
			if (!parsed.ok || Object.keys(errors).length > 0) return fail(400, { errors });
			const result = await acceptPasswordReset(token, parsed.data.password);
			if (result.status === 'unknown') error(404, m.auth_invite_unknown_text({}, { locale }));
			if (result.status === 'gone') error(410, m.auth_invite_gone_text({}, { locale }));
			await signInAs(event, result.accountId);
			redirect(303, `/${locale}/team`);
		}

		const languages = formData
			.getAll('languages')
			.filter((value): value is string => typeof value === 'string');
		// Everything typed comes back on a mistake, except the passwords.
		const echo = {
			displayName: values.displayName ?? '',
			username: values.username ?? '',
			phone: values.phone ?? '',
			languages,
			peerWorker: values.peerWorker === 'on'
		};
		const parsed = validateForm(joinSchema, { ...values, languages }, locale);
		const errors = { ...(parsed.ok ? {} : parsed.errors) };
		Object.assign(errors, extraErrors({ username: '', ...values }, errors, locale));
		if (!parsed.ok || Object.keys(errors).length > 0) return fail(400, { values: echo, errors });

		const { password, ...details } = parsed.data;
		if (await isUsernameTaken(details.username)) {
			return fail(400, {
				values: echo,
				errors: { username: m.auth_username_taken({}, { locale }) }
			});
		}
		const result = await acceptInvite(token, {
			username: details.username,
			displayName: details.displayName,
			phone: details.phone,
			languages: details.languages,
			peerWorker: details.peerWorker,
			password
		});
		if (result.status === 'username-taken') {
			return fail(400, {
				values: echo,
				errors: { username: m.auth_username_taken({}, { locale }) }
			});
		}
		if (result.status === 'unknown') error(404, m.auth_invite_unknown_text({}, { locale }));
		if (result.status === 'gone') error(410, m.auth_invite_gone_text({}, { locale }));
		await signInAs(event, result.accountId);
		redirect(303, `/${locale}/team`);
	}
} satisfies Actions;
