export const LOCALES = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'nl';

/** A text in each of the three languages; a missing one falls back (see `pick`). */
export type Localized = Partial<Record<Locale, string>>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The text in the wanted language, else the first one that exists, with the language it is in. */
export function pickWithLocale(text: Localized | null | undefined, locale: Locale) {
	if (!text) return { text: '', locale };
	const order = [locale, ...LOCALES.filter((l) => l !== locale)];
	for (const l of order) {
		const value = text[l]?.trim();
		if (value) return { text: value, locale: l };
	}
	return { text: '', locale };
}

export function pick(text: Localized | null | undefined, locale: Locale): string {
	return pickWithLocale(text, locale).text;
}

/** Picks a locale from an Accept-Language header, by quality then order. */
export function negotiateLocale(header: string | null | undefined): Locale {
	if (!header) return BASE_LOCALE;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { base: tag.split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter((entry) => entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	return (ranked.find((entry) => isLocale(entry.base))?.base as Locale | undefined) ?? BASE_LOCALE;
}

/** The same path in another language: `/fr/places/x?day=today` → `/en/places/x?day=today`. */
export function switchLocalePath(pathname: string, search: string, locale: Locale): string {
	const parts = pathname.split('/');
	if (isLocale(parts[1])) parts[1] = locale;
	else parts.splice(1, 0, locale);
	return (parts.join('/') || '/') + search;
}
