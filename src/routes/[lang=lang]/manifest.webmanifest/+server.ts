import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import type { RequestHandler } from './$types';

// One installable app per language: its name, start page and shortcuts speak that language.
export const GET: RequestHandler = ({ params }) => {
	const locale = params.lang as Locale;
	const manifest = {
		id: `/${locale}`,
		name: m.pwa_manifest_name({}, { locale }),
		short_name: m.site_name({}, { locale }),
		description: m.site_tagline({}, { locale }),
		lang: locale,
		dir: 'ltr',
		start_url: `/${locale}`,
		scope: '/',
		display: 'standalone',
		background_color: '#fbf6ec',
		theme_color: '#fbf6ec',
		categories: ['social', 'lifestyle'],
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
			{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
			{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
		],
		shortcuts: [
			{ name: m.nav_whats_on({}, { locale }), url: `/${locale}` },
			{ name: m.nav_map({}, { locale }), url: `/${locale}/map` }
		]
	};
	return json(manifest, {
		headers: {
			'content-type': 'application/manifest+json; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
