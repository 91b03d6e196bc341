import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/server/db/schema';
import { isLocale, BASE_LOCALE } from '$lib/i18n';
import type { SignedInAccount } from './session';
import type { Viewer } from '$lib/server/visibility';

const RANK: Record<Role, number> = { volunteer: 1, worker: 2, coordinator: 3 };

export function hasRole(account: SignedInAccount | null, role: Role): boolean {
	return account !== null && RANK[account.role] >= RANK[role];
}

/**
 * The signed-in account with at least this role. A visitor is sent to sign in (and back
 * here afterwards); an account with a lower role gets 403.
 */
export function requireRole(event: RequestEvent, role: Role): SignedInAccount {
	const account = event.locals.account;
	if (!account) {
		const lang = isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
		const next = event.url.pathname + event.url.search;
		redirect(303, `/${lang}/login?next=${encodeURIComponent(next)}`);
	}
	if (!hasRole(account, role)) error(403, 'Not allowed');
	return account;
}

export function viewerOf(event: Pick<RequestEvent, 'locals'>): Viewer {
	return event.locals.account ? { kind: 'member' } : { kind: 'visitor' };
}
