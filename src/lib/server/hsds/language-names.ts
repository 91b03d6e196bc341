import type { Locale } from '$lib/i18n';

// Making an Intl.DisplayNames is slow next to asking one, and a city's export asks thousands of times.
const displayNames = new Map<Locale, Intl.DisplayNames>();

/** A language's name in the given language (`ar` → "Arabisch"), or its code when unknown. */
export function languageName(code: string, locale: Locale): string {
	let names = displayNames.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
		displayNames.set(locale, names);
	}
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}
