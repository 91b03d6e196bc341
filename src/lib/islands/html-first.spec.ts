import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTML_FIRST_ROUTES, isHtmlFirst } from './html-first';

const ROUTES = 'src/routes';
const PAGE_MODULE = /^\+page(\.server)?\.ts$/;

/** Route ids whose page module turns hydration off, read from the route files themselves. */
function routesWithoutHydration(dir = ROUTES): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) found.push(...routesWithoutHydration(path));
		else if (PAGE_MODULE.test(entry.name)) {
			if (/^export const csr = false;$/m.test(readFileSync(path, 'utf8'))) {
				const id = '/' + relative(ROUTES, dir).split(sep).join('/');
				found.push(id === '/' ? id : id.replace(/\/$/, ''));
			}
		}
	}
	return found;
}

describe('HTML-first pages', () => {
	it('are exactly the routes whose page turns hydration off', () => {
		expect(routesWithoutHydration().sort()).toEqual([...HTML_FIRST_ROUTES].sort());
	});

	it('include the public listing, place, gathering and neighbourhood pages', () => {
		for (const id of [
			'/[lang=lang]',
			'/[lang=lang]/places/[slug]',
			'/[lang=lang]/gatherings/[slug]',
			'/[lang=lang]/neighbourhoods/[slug]'
		]) {
			expect(isHtmlFirst(id)).toBe(true);
		}
	});

	it('leave out the signed-in pages and the forms', () => {
		for (const id of [
			'/[lang=lang]/team',
			'/[lang=lang]/team/backup',
			'/[lang=lang]/suggest',
			'/[lang=lang]/login',
			'/[lang=lang]/offline',
			null,
			undefined
		]) {
			expect(isHtmlFirst(id)).toBe(false);
		}
	});
});
