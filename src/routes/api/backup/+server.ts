import { json, type RequestEvent } from '@sveltejs/kit';
import { isLocale, negotiateLocale, type Locale } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { readCallValues, sendBackupCall } from '../../[lang=lang]/team/backup/call-form.server';
import type { RequestHandler } from './$types';

export type BackupAnswer = {
	id: number;
	/** False when this device call id was stored before: a repeated send. */
	created: boolean;
	status: string;
	sentTo: number;
	nobodyOnDuty: boolean;
	callInstead: { displayName: string; phone: string }[];
	warnings: string[];
	statusUrl: string;
};

function refuse(status: number, code: string, errors: Record<string, string> = {}) {
	return json({ code, errors }, { status });
}

function localeOf(event: RequestEvent, asked: unknown): Locale {
	return isLocale(asked) ? asked : negotiateLocale(event.request.headers.get('accept-language'));
}

/**
 * Sends a backup call from the browser's outbox: the same fields and checks as the form, as
 * JSON. Idempotent by device call id, so the outbox may send again after a lost answer.
 */
export const POST: RequestHandler = async (event) => {
	if (!event.locals.account) return refuse(401, 'not-signed-in');
	const account = requireRole(event, 'volunteer');
	// JSON is not covered by SvelteKit's form check: only this site's own pages may send.
	if (event.request.headers.get('origin') !== event.url.origin) return refuse(403, 'cross-origin');
	if (!event.request.headers.get('content-type')?.startsWith('application/json')) {
		return refuse(415, 'json-only');
	}
	const body: unknown = await event.request.json().catch(() => null);
	if (typeof body !== 'object' || body === null) return refuse(400, 'invalid-json');
	const { accountId, locale: asked } = body as { accountId?: unknown; locale?: unknown };
	// A call saved on this device by someone who has signed out since waits for them.
	if (typeof accountId === 'number' && accountId !== account.id) {
		return refuse(409, 'other-account');
	}
	const locale = localeOf(event, asked);
	const outcome = await sendBackupCall(account, readCallValues(body), locale, currentTime());
	if (!outcome.ok) {
		return refuse(outcome.status, outcome.status === 400 ? 'invalid' : 'refused', outcome.errors);
	}
	const { sent, warnings } = outcome;
	const answer: BackupAnswer = {
		id: sent.call.id,
		created: sent.created,
		status: sent.call.status,
		sentTo: sent.notified.length,
		nobodyOnDuty: sent.nobodyOnDuty,
		callInstead: sent.callInstead.map(({ displayName, phone }) => ({
			displayName,
			phone: phone ?? ''
		})),
		warnings,
		statusUrl: `/${locale}/team/backup/${sent.call.id}`
	};
	return json(answer, { status: sent.created ? 201 : 200 });
};
