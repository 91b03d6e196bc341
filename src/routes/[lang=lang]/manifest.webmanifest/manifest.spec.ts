import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { GET } from './+server';

async function manifestFor(lang: string) {
	const response = await GET({ params: { lang } } as unknown as Parameters<typeof GET>[0]);
	return { response, manifest: await response.json() };
}

describe('the web app manifest', () => {
	it('names the app and starts it in the language of the page', async () => {
		const names = new Set<string>();
		for (const lang of ['nl', 'fr', 'en']) {
			const { response, manifest } = await manifestFor(lang);
			expect(response.headers.get('content-type')).toContain('application/manifest+json');
			expect(manifest).toMatchObject({
				lang,
				start_url: `/${lang}`,
				scope: '/',
				display: 'standalone',
				short_name: 'Kwartier'
			});
			names.add(manifest.name);
		}
		expect(names.size).toBe(3);
	});

	it('lists icons that exist, with a maskable one of 512 pixels', async () => {
		const { manifest } = await manifestFor('fr');
		const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
		for (const icon of icons) expect(existsSync(`static${icon.src}`), icon.src).toBe(true);
		expect(icons).toContainEqual(
			expect.objectContaining({ sizes: '512x512', purpose: 'maskable' })
		);
		expect(icons).toContainEqual(expect.objectContaining({ sizes: '192x192', purpose: 'any' }));
	});
});
