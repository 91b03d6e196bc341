import { asc, eq, inArray, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { currentTime } from '$lib/server/clock';
import { db } from '$lib/server/db';
import { outreachThemes } from '$lib/server/db/schema';
import { LOCALES, pick, type Locale, type Localized } from '$lib/i18n';
import { findLabellingWords } from '$lib/labelling-words';
import { m } from '$lib/paraglide/messages.js';
import { optionalText, validateForm, type FieldErrors, type FormValues } from '$lib/server/forms';
import { slugify } from '$lib/server/places/slug';

/*
 * Themes heard about the neighbourhood (housing, green space, safety...): a short list the
 * workers keep themselves. A theme is archived rather than deleted, so the counts of earlier
 * logs stay whole; an archived theme is simply no longer offered in the log form.
 */

export const THEME_NAME_MAX = 60;

const suffix = (locale: Locale) => locale[0].toUpperCase() + locale.slice(1);

/** `nameNl`, `nameFr`, `nameEn`: one text field per language. */
export const THEME_FIELDS = LOCALES.map((locale) => `name${suffix(locale)}`);

export type ThemeSummary = {
	id: number;
	slug: string;
	/** In the reader's language, or the first language it was written in. */
	name: string;
	names: Localized;
	archived: boolean;
};

export type ThemeResult =
	{ ok: true; id: number; slug: string } | { ok: false; errors: FieldErrors };

const themeSchema = z.object(
	Object.fromEntries(THEME_FIELDS.map((field) => [field, optionalText(THEME_NAME_MAX)]))
);

function namesFrom(data: Record<string, string | null>): Localized {
	const names: Localized = {};
	for (const locale of LOCALES) {
		const value = data[`name${suffix(locale)}`];
		if (value) names[locale] = value;
	}
	return names;
}

/** The form values of a theme's names, for a rename form. */
export function themeValues(names: Localized): FormValues {
	return Object.fromEntries(
		LOCALES.map((locale) => [`name${suffix(locale)}`, names[locale] ?? ''])
	);
}

/**
 * Checks the names typed for a theme: at least one language, not too long, and no word that
 * labels people (a theme is about the neighbourhood, never about who lives there).
 */
export function parseThemeNames(
	values: FormValues,
	locale: Locale
): { ok: true; names: Localized } | { ok: false; errors: FieldErrors } {
	const checked = validateForm(themeSchema, values, locale);
	if (!checked.ok) return checked;
	const names = namesFrom(checked.data as Record<string, string | null>);
	if (Object.keys(names).length === 0) {
		return {
			ok: false,
			errors: { [THEME_FIELDS[0]]: m.outreach_log_error_theme_name({}, { locale }) }
		};
	}
	const errors: FieldErrors = {};
	for (const l of LOCALES) {
		const [word] = findLabellingWords(names[l] ?? '');
		if (word) {
			errors[`name${suffix(l)}`] = m.outreach_log_error_theme_label({ word }, { locale });
		}
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, names };
}

function sameName(a: string | undefined, b: string | undefined) {
	return !!a && !!b && slugify(a) === slugify(b) && slugify(a) !== '';
}

/** Names another theme already has in the same language, as field errors. */
async function duplicateErrors(
	names: Localized,
	locale: Locale,
	exceptId: number | null
): Promise<FieldErrors> {
	const others = (await db.select().from(outreachThemes)).filter((row) => row.id !== exceptId);
	const errors: FieldErrors = {};
	for (const l of LOCALES) {
		const clash = others.find((row) => sameName(row.name[l], names[l]));
		if (clash) {
			errors[`name${suffix(l)}`] = m.outreach_log_error_theme_exists(
				{ name: clash.name[l] ?? '' },
				{ locale }
			);
		}
	}
	return errors;
}

/** `Groen in de buurt` → `groen-in-de-buurt`, then `-2`, `-3`... when it is taken. */
async function createThemeSlug(names: Localized): Promise<string> {
	const source = LOCALES.map((l) => names[l]?.trim()).find(Boolean) ?? '';
	const base = slugify(source) || 'theme';
	const taken = new Set(
		(
			await db
				.select({ slug: outreachThemes.slug })
				.from(outreachThemes)
				.where(or(eq(outreachThemes.slug, base), like(outreachThemes.slug, `${base}-%`)))
		).map((row) => row.slug)
	);
	if (!taken.has(base)) return base;
	let number = 2;
	while (taken.has(`${base}-${number}`)) number += 1;
	return `${base}-${number}`;
}

function toSummary(row: typeof outreachThemes.$inferSelect, locale: Locale): ThemeSummary {
	return {
		id: row.id,
		slug: row.slug,
		name: pick(row.name, locale),
		names: row.name,
		archived: row.archivedAt !== null
	};
}

/** Every theme, the ones in use first, each group in alphabetical order. */
export async function listThemes(locale: Locale): Promise<ThemeSummary[]> {
	const rows = await db.select().from(outreachThemes).orderBy(asc(outreachThemes.slug));
	return rows
		.map((row) => toSummary(row, locale))
		.sort(
			(a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, locale)
		);
}

/** The themes the log form offers: the ones not archived. */
export async function listOfferedThemes(locale: Locale): Promise<ThemeSummary[]> {
	return (await listThemes(locale)).filter((theme) => !theme.archived);
}

export async function findThemes(ids: number[]) {
	if (ids.length === 0) return [];
	return db.select().from(outreachThemes).where(inArray(outreachThemes.id, ids));
}

export async function addTheme(
	values: FormValues,
	locale: Locale,
	options: { isDemo?: boolean } = {}
): Promise<ThemeResult> {
	const parsed = parseThemeNames(values, locale);
	if (!parsed.ok) return parsed;
	const duplicates = await duplicateErrors(parsed.names, locale, null);
	if (Object.keys(duplicates).length) return { ok: false, errors: duplicates };
	const slug = await createThemeSlug(parsed.names);
	const [row] = await db
		.insert(outreachThemes)
		.values({ slug, name: parsed.names, isDemo: options.isDemo ?? false })
		.returning({ id: outreachThemes.id, slug: outreachThemes.slug });
	return { ok: true, id: row.id, slug: row.slug };
}

/** New names; the slug stays, so a CSV made earlier still matches. */
export async function renameTheme(
	id: number,
	values: FormValues,
	locale: Locale
): Promise<ThemeResult | { ok: false; notFound: true; errors: FieldErrors }> {
	const [existing] = await db.select().from(outreachThemes).where(eq(outreachThemes.id, id));
	if (!existing) {
		return {
			ok: false,
			notFound: true,
			errors: { form: m.outreach_log_error_theme_gone({}, { locale }) }
		};
	}
	const parsed = parseThemeNames(values, locale);
	if (!parsed.ok) return parsed;
	const duplicates = await duplicateErrors(parsed.names, locale, id);
	if (Object.keys(duplicates).length) return { ok: false, errors: duplicates };
	await db.update(outreachThemes).set({ name: parsed.names }).where(eq(outreachThemes.id, id));
	return { ok: true, id, slug: existing.slug };
}

const nowIso = () => currentTime().toISOString().slice(0, 19) + 'Z';

/** False when there is no such theme. */
export async function archiveTheme(id: number): Promise<boolean> {
	const changed = await db
		.update(outreachThemes)
		.set({ archivedAt: nowIso() })
		.where(eq(outreachThemes.id, id))
		.returning({ id: outreachThemes.id });
	return changed.length > 0;
}

export async function unarchiveTheme(id: number): Promise<boolean> {
	const changed = await db
		.update(outreachThemes)
		.set({ archivedAt: null })
		.where(eq(outreachThemes.id, id))
		.returning({ id: outreachThemes.id });
	return changed.length > 0;
}
