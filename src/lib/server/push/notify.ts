import { eq, inArray } from 'drizzle-orm';
import { BASE_LOCALE, isLocale, pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { accounts, backupCalls, neighbourhoods, type BackupCall } from '$lib/server/db/schema';
import type { EscalationStep, SentBackupCall } from '$lib/server/backup';
import { sendPushToAccounts, type PushOptions, type PushReport } from './send';
import { listSubscriptionsFor } from './subscriptions';

/** What a backup call's notification carries; the service worker shows it. Never the note. */
export type BackupPushPayload = {
	type: 'backup-call';
	callId: number;
	urgency: BackupCall['urgency'];
	title: string;
	body: string;
	/** The page to open when the notification is tapped. */
	url: string;
	tag: string;
	/** Ask the device to keep the notification until someone acts on it. */
	requireInteraction: boolean;
};

type Batch = { callId: number; recipientIds: number[]; escalated: boolean };

const URGENCY_TEXT = {
	'come-now': m.ro_notify_come_now,
	'call-me': m.ro_notify_call_me,
	'later-today': m.ro_notify_later_today
} as const;

const HELP_TEXT = {
	'someone-to-come': m.ro_notify_someone_to_come,
	'phone-call': m.ro_notify_phone_call,
	advice: m.ro_notify_advice
} as const;

function pushOptions(call: Pick<BackupCall, 'id' | 'urgency'>): PushOptions {
	return {
		urgency: call.urgency === 'come-now' ? 'high' : 'normal',
		// "Later today" can wait on a phone that is off for a while; the others cannot.
		ttlSeconds: call.urgency === 'later-today' ? 8 * 60 * 60 : 60 * 60,
		topic: `backup-call-${call.id}`
	};
}

function batchesOf(result: SentBackupCall | EscalationStep | EscalationStep[]): Batch[] {
	if (Array.isArray(result)) return result.flatMap(batchesOf);
	if ('call' in result) {
		// A repeated send of the same call was announced the first time.
		if (!result.created) return [];
		return [
			{ callId: result.call.id, recipientIds: result.notified.map((p) => p.id), escalated: false }
		];
	}
	const escalated = result.kind === 'next-worker' || result.kind === 'coordinators';
	return [{ callId: result.callId, recipientIds: result.targets.map((p) => p.id), escalated }];
}

async function localesOf(accountIds: number[]): Promise<Map<number, Locale>> {
	const rows = await db
		.select({ id: accounts.id, languages: accounts.languages })
		.from(accounts)
		.where(inArray(accounts.id, accountIds));
	return new Map(
		rows.map((row) => [row.id, row.languages.find((language) => isLocale(language)) ?? BASE_LOCALE])
	);
}

async function notifyBatch(batch: Batch): Promise<PushReport> {
	const report: PushReport = { sent: 0, removed: 0, failed: 0 };
	// Most people have no device subscribed; they cost one query, not a notification each.
	const subscribed = new Set(
		(await listSubscriptionsFor(batch.recipientIds)).map((row) => row.accountId)
	);
	const recipientIds = batch.recipientIds.filter((id) => subscribed.has(id));
	if (recipientIds.length === 0) return report;
	const [row] = await db
		.select({
			id: backupCalls.id,
			urgency: backupCalls.urgency,
			helpKind: backupCalls.helpKind,
			neighbourhood: neighbourhoods.name
		})
		.from(backupCalls)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, backupCalls.neighbourhoodId))
		.where(eq(backupCalls.id, batch.callId));
	if (!row) return report;

	const locales = await localesOf(recipientIds);
	const byLocale = new Map<Locale, number[]>();
	for (const id of recipientIds) {
		const locale = locales.get(id) ?? BASE_LOCALE;
		byLocale.set(locale, [...(byLocale.get(locale) ?? []), id]);
	}
	for (const [locale, ids] of byLocale) {
		const options = { locale };
		const neighbourhood = pick(row.neighbourhood, locale);
		const payload: BackupPushPayload = {
			type: 'backup-call',
			callId: row.id,
			urgency: row.urgency,
			title: batch.escalated
				? m.ro_notify_title_escalated({ neighbourhood }, options)
				: m.ro_notify_title({ neighbourhood }, options),
			body: m.ro_notify_body(
				{
					urgency: URGENCY_TEXT[row.urgency]({}, options),
					help: HELP_TEXT[row.helpKind]({}, options)
				},
				options
			),
			url: `/${locale}/team/inbox`,
			tag: `backup-call-${row.id}`,
			requireInteraction: row.urgency !== 'later-today'
		};
		const sent = await sendPushToAccounts(ids, payload, pushOptions(row));
		report.sent += sent.sent;
		report.removed += sent.removed;
		report.failed += sent.failed;
	}
	return report;
}

/**
 * Sends a Web Push notification to the devices of everyone a backup call just reached: pass
 * what `createBackupCall` or `escalateDueCalls` returned. A repeated send notifies nobody;
 * escalation steps without new people are skipped. Never throws, so it can run after the
 * answer was given (`void notifyBackupRecipients(result)`); the live stream is the first way
 * a call arrives, this is for devices where Kwartier is closed.
 */
export async function notifyBackupRecipients(
	result: SentBackupCall | EscalationStep | EscalationStep[]
): Promise<PushReport> {
	const report: PushReport = { sent: 0, removed: 0, failed: 0 };
	for (const batch of batchesOf(result)) {
		try {
			const sent = await notifyBatch(batch);
			report.sent += sent.sent;
			report.removed += sent.removed;
			report.failed += sent.failed;
		} catch (error) {
			console.error('Web Push for backup call', batch.callId, 'failed:', error);
			report.failed += batch.recipientIds.length;
		}
	}
	return report;
}
