import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import {
	disableAccount,
	enableAccount,
	findAccount,
	listAccounts
} from '$lib/server/auth/accounts';
import { requireRole } from '$lib/server/auth/guard';
import {
	createPasswordResetInvite,
	formatInviteExpiry,
	inviteLink
} from '$lib/server/auth/invites';
import { formValues, validateForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const accountSchema = z.object({ id: z.coerce.number().int().positive() });

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

/** The account the form is about; 404 when there is none. */
async function targetAccount(event: RequestEvent, locale: Locale) {
	const formData = await event.request.formData().catch(() => new FormData());
	const parsed = validateForm(accountSchema, formValues(formData), locale);
	const account = parsed.ok ? await findAccount(parsed.data.id) : undefined;
	if (!account) error(404, m.error_unknown_item({}, { locale }));
	return account;
}

export const load: PageServerLoad = async (event) => {
	const coordinator = requireRole(event, 'coordinator');
	return {
		selfId: coordinator.id,
		accounts: await listAccounts(localeOf(event.params.lang))
	};
};

export const actions = {
	disable: async (event) => {
		const coordinator = requireRole(event, 'coordinator');
		const locale = localeOf(event.params.lang);
		const account = await targetAccount(event, locale);
		if (account.id === coordinator.id) {
			return fail(400, {
				accountId: account.id,
				problem: m.auth_accounts_disable_self({}, { locale })
			});
		}
		await disableAccount(account.id);
		return {
			accountId: account.id,
			done: m.auth_accounts_disabled_done({ name: account.displayName }, { locale })
		};
	},

	enable: async (event) => {
		requireRole(event, 'coordinator');
		const locale = localeOf(event.params.lang);
		const account = await targetAccount(event, locale);
		await enableAccount(account.id);
		return {
			accountId: account.id,
			done: m.auth_accounts_enabled_done({ name: account.displayName }, { locale })
		};
	},

	reset: async (event) => {
		const coordinator = requireRole(event, 'coordinator');
		const locale = localeOf(event.params.lang);
		const account = await targetAccount(event, locale);
		if (account.disabledAt !== null) {
			return fail(400, {
				accountId: account.id,
				problem: m.auth_accounts_reset_disabled({}, { locale })
			});
		}
		const { token, invite } = await createPasswordResetInvite(account, coordinator.id);
		return {
			accountId: account.id,
			reset: {
				name: account.displayName,
				link: inviteLink(event.url.origin, locale, token),
				expires: formatInviteExpiry(invite.expiresAt, locale)
			}
		};
	}
} satisfies Actions;
