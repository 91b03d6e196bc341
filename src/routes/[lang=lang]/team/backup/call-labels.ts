import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export const URGENCY_LABELS: Record<string, Message> = {
	'come-now': m.bk_urgency_come_now,
	'call-me': m.bk_urgency_call_me,
	'later-today': m.bk_urgency_later_today
};

export const URGENCY_HINTS: Record<string, Message> = {
	'come-now': m.bk_urgency_come_now_hint,
	'call-me': m.bk_urgency_call_me_hint,
	'later-today': m.bk_urgency_later_today_hint
};

export const HELP_LABELS: Record<string, Message> = {
	'someone-to-come': m.bk_help_someone_to_come,
	'phone-call': m.bk_help_phone_call,
	advice: m.bk_help_advice
};

export const STATUS_LABELS: Record<string, Message> = {
	open: m.bk_pill_open,
	acknowledged: m.bk_pill_acknowledged,
	'on-the-way': m.bk_pill_on_the_way,
	resolved: m.bk_pill_resolved,
	cancelled: m.bk_pill_cancelled
};

export const WARNING_LABELS: Record<string, Message> = {
	name: m.bk_note_warning_name,
	phone: m.bk_note_warning_phone,
	email: m.bk_note_warning_email,
	label: m.bk_note_warning_label
};

/** Clock time in Brussels, the same on the server and in the browser. */
export function clockTime(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: 'Europe/Brussels'
	}).format(new Date(iso));
}

/** "10:42", or "24 Nov, 10:42" when it was not today. */
export function whenTime(iso: string, locale: Locale, now = new Date()): string {
	const day = (date: Date) =>
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
	const date = new Date(iso);
	if (day(date) === day(now)) return clockTime(iso, locale);
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: 'Europe/Brussels'
	}).format(date);
}

/** Telephone link target: digits and a leading plus only. */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
