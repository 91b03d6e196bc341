/**
 * Pages that are HTML first: they work whole without JavaScript and are not hydrated
 * (`export const csr = false` in the route), so a resident's phone loads no app code for them,
 * only the small scripts of this folder (the islands). Each route here sets `csr = false`, and
 * each route that sets it is here (checked in html-first.spec.ts).
 *
 * SvelteKit's router would render such a page itself when a hydrated page links to it, without
 * its islands: the root layout sends those links to the server instead (a full page load).
 */
export const HTML_FIRST_ROUTES: ReadonlySet<string> = new Set([
	'/[lang=lang]',
	'/[lang=lang]/about',
	'/[lang=lang]/gatherings/[slug]',
	'/[lang=lang]/map',
	'/[lang=lang]/neighbourhoods',
	'/[lang=lang]/neighbourhoods/[slug]',
	'/[lang=lang]/neighbourhoods/[slug]/agenda',
	'/[lang=lang]/open-data',
	'/[lang=lang]/places/[slug]',
	'/[lang=lang]/rounds/[slug]'
]);

export function isHtmlFirst(routeId: string | null | undefined): boolean {
	return routeId != null && HTML_FIRST_ROUTES.has(routeId);
}
