import { like, or, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { places } from '$lib/server/db/schema';
import { LOCALES, type Localized } from '$lib/i18n';

const MAX_LENGTH = 60;

/** `Café De Buurt & Co` → `cafe-de-buurt-co`; accents dropped, anything else becomes a dash. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, MAX_LENGTH)
		.replace(/^-+|-+$/g, '');
}

/** Public addresses are made from the Dutch name, or from the first language that has one. */
export function slugSource(name: Localized): string {
	const firstFilled = LOCALES.map((locale) => name[locale]?.trim()).find(Boolean);
	return firstFilled ?? '';
}

/** A slug no other place has yet: `buurthuis`, then `buurthuis-2`, `buurthuis-3`... */
export async function createUniquePlaceSlug(name: Localized): Promise<string> {
	const base = slugify(slugSource(name)) || 'place';
	const taken = await db
		.select({ slug: places.slug })
		.from(places)
		.where(or(eq(places.slug, base), like(places.slug, `${base}-%`)));
	const used = new Set(taken.map((row) => row.slug));
	if (!used.has(base)) return base;
	let number = 2;
	while (used.has(`${base}-${number}`)) number += 1;
	return `${base}-${number}`;
}
