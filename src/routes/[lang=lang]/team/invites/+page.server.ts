import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, LOCALES, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { existingNeighbourhoodIds } from '$lib/server/auth/accounts';
import { requireRole } from '$lib/server/auth/guard';
import {
	createInvite,
	formatInviteExpiry,
	inviteLink,
	listOpenInvites,
	withdrawInvite
} from '$lib/server/auth/invites';
import type { SignedInAccount } from '$lib/server/auth/session';
import { ROLES, type Role } from '$lib/server/db/schema';
import { formValues, validateForm, type FieldErrors } from '$lib/server/forms';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import type { Actions, PageServerLoad } from './$types';

const createSchema = z.object({
	role: z.enum(ROLES),
	neighbourhoods: z
		.array(z.string())
		.refine((ids) => ids.every((id) => /^\d{1,9}$/.test(id)), 'error_unknown_item')
		.transform((ids) => ids.map(Number)),
	linkLanguage: z.enum(LOCALES)
});

const withdrawSchema = z.object({ id: z.coerce.number().int().positive() });

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

/** A worker invites volunteers; a coordinator anyone. */
function rolesFor(account: SignedInAccount): Role[] {
	return account.role === 'coordinator' ? [...ROLES] : ['volunteer'];
}

/** A worker invites people to their own neighbourhoods; a coordinator to any. */
async function neighbourhoodsFor(account: SignedInAccount, locale: Locale) {
	const all = await listNeighbourhoods(locale);
	return account.role === 'coordinator'
		? all
		: all.filter((hood) => account.neighbourhoodIds.includes(hood.id));
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const neighbourhoods = await neighbourhoodsFor(account, locale);
	const allNames = new Map((await listNeighbourhoods(locale)).map((hood) => [hood.id, hood.name]));
	const open = await listOpenInvites(account);
	return {
		roles: rolesFor(account),
		neighbourhoods: neighbourhoods.map((hood) => ({ id: hood.id, name: hood.name })),
		invites: open.map((invite) => ({
			id: invite.id,
			role: invite.role,
			neighbourhoods: invite.neighbourhoodIds
				.map((id) => allNames.get(id))
				.filter((name) => name !== undefined),
			expires: formatInviteExpiry(invite.expiresAt, locale),
			createdByName: invite.createdBy === account.id ? null : invite.createdByName,
			forAccount: invite.forAccount
		}))
	};
};

export const actions = {
	create: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		const formData = await event.request.formData().catch(() => new FormData());
		const values = formValues(formData);
		const chosen = formData
			.getAll('neighbourhoods')
			.filter((value): value is string => typeof value === 'string');
		const echo = {
			role: values.role ?? '',
			neighbourhoods: chosen,
			linkLanguage: values.linkLanguage ?? locale
		};

		const parsed = validateForm(
			createSchema,
			{ ...values, neighbourhoods: chosen, linkLanguage: values.linkLanguage ?? locale },
			locale
		);
		if (!parsed.ok)
			return fail(400, { action: 'create' as const, values: echo, errors: parsed.errors });
		const { role, linkLanguage } = parsed.data;
		const neighbourhoodIds = [...new Set(parsed.data.neighbourhoods)];

		const errors: FieldErrors = {};
		if (!rolesFor(account).includes(role)) {
			errors.role = m.auth_invite_role_not_allowed({}, { locale });
		}
		const existing = await existingNeighbourhoodIds(neighbourhoodIds);
		if (existing.length !== neighbourhoodIds.length) {
			errors.neighbourhoods = m.error_unknown_item({}, { locale });
		} else if (
			account.role !== 'coordinator' &&
			neighbourhoodIds.some((id) => !account.neighbourhoodIds.includes(id))
		) {
			errors.neighbourhoods = m.auth_invite_neighbourhood_not_allowed({}, { locale });
		} else if (role !== 'coordinator' && neighbourhoodIds.length === 0) {
			errors.neighbourhoods = m.auth_invite_neighbourhood_required({}, { locale });
		}
		if (Object.keys(errors).length > 0) {
			return fail(400, { action: 'create' as const, values: echo, errors });
		}

		const { token, invite } = await createInvite({
			role,
			neighbourhoodIds,
			createdBy: account.id
		});
		return {
			action: 'create' as const,
			created: {
				role,
				link: inviteLink(event.url.origin, linkLanguage, token),
				expires: formatInviteExpiry(invite.expiresAt, locale)
			}
		};
	},

	withdraw: async (event) => {
		const account = requireRole(event, 'worker');
		const locale = localeOf(event.params.lang);
		const formData = await event.request.formData().catch(() => new FormData());
		const parsed = validateForm(withdrawSchema, formValues(formData), locale);
		if (!parsed.ok || !(await withdrawInvite(parsed.data.id, account))) {
			return fail(404, {
				action: 'withdraw' as const,
				message: m.auth_invite_not_found({}, { locale })
			});
		}
		return { action: 'withdraw' as const, message: m.auth_invite_withdrawn({}, { locale }) };
	}
} satisfies Actions;
