import type { Locale } from '$lib/i18n';

/** When a saved copy was stored, as a date and a Brussels clock time: "24 November 2026 at 10:30". */
export function formatSavedAt(iso: string, locale: Locale): string | null {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return null;
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: 'Europe/Brussels'
	}).format(date);
}

/** The page title in a stored HTML page, without the site name after it. */
export function titleOfHtml(html: string): string | null {
	const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
	if (!match) return null;
	const text = match[1]
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.trim();
	return text.replace(/\s+·\s+[^·]+$/, '').trim() || null;
}
