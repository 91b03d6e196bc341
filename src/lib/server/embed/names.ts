import { eq } from 'drizzle-orm';
import type { Localized } from '$lib/i18n';
import { db } from '$lib/server/db';
import { places } from '$lib/server/db/schema';

/**
 * A place's name in every language it is written in, so the code a partner copies names the
 * place in the language chosen for the embed, not in the language of the page it was copied
 * from. Only called for a place the page has already shown to this viewer.
 */
export async function findPlaceNames(id: number): Promise<Localized> {
	const [row] = await db.select({ name: places.name }).from(places).where(eq(places.id, id));
	return row?.name ?? {};
}
