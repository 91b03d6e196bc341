import { defineCustomClientStrategy, defineCustomServerStrategy } from '$lib/paraglide/runtime';
import { isLocale } from '$lib/i18n';

// Every public page lives under /nl, /fr or /en, so the first path segment is the language.
function localeFromPath(pathname: string) {
	const first = pathname.split('/')[1];
	return isLocale(first) ? first : undefined;
}

defineCustomServerStrategy('custom-path', {
	getLocale: (request) => (request ? localeFromPath(new URL(request.url).pathname) : undefined)
});

defineCustomClientStrategy('custom-path', {
	getLocale: () => localeFromPath(window.location.pathname),
	setLocale: () => {}
});
