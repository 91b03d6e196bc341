/**
 * Pages that are HTML first: they work whole without JavaScript and are not hydrated
 * (`export const csr = false` in the route), so a resident's phone loads no app code for them,
 * only the small scripts of this folder (the islands). Each route here sets `csr = false`, and
 * each route that sets it is here (checked in html-first.spec.ts).
 *
 * Why: residents often have old phones and little data. Hydrating a public page cost 60–65 KB
 * of JavaScript (gzip) for pages that only show things; now it is under 1 KB, and the map 62 KB
 * with Leaflet (bench/README.md).
 *
 * An island is a TypeScript file here, imported by its page or the layout as
 * `import url from '$lib/islands/x.ts?worker&url'` and put in `<svelte:head>` as
 * `<script type="module" src={url}>`: Vite bundles it on its own (vite.config.ts, `worker`).
 * It mounts Svelte components into a `[data-island=...]` wrapper the page rendered on the
 * server with the same components (so their CSS is on the page; islands carry none), reading
 * its props from data attributes. It may not import `$app/*` (SvelteKit's own modules are not
 * there) and imports `$lib/locale-strategy` first when it shows messages.
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
