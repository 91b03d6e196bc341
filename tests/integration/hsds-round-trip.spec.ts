import { isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '$lib/i18n';
import { db } from '$lib/server/db';
import { gatherings, neighbourhoods, occurrenceChanges, places } from '$lib/server/db/schema';
import { listPublicGatherings } from '$lib/server/gatherings/public';
import { buildHsdsServices } from '$lib/server/hsds/export';
import { applyImport, planImport, readImportFile } from '$lib/server/import';
import { listPublicPlaces } from '$lib/server/places/public';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { load as loadPlacePage } from '../../src/routes/[lang=lang]/places/[slug]/+page.server';
import { load as loadGatheringPage } from '../../src/routes/[lang=lang]/gatherings/[slug]/+page.server';
import { load as loadNeighbourhoodPage } from '../../src/routes/[lang=lang]/neighbourhoods/[slug]/+page.server';
import { makeEvent, outcome } from '../support/events';

/**
 * Export → import: the demo data leaves as an Open Referral HSDS dataset, goes into a database
 * with the same neighbourhoods but no places or gatherings, and every public page is there
 * again at the same address (slug) with the same content: names, kinds, texts, opening hours,
 * facts, contact, where, the gatherings of a place, next dates; and the neighbourhood pages
 * list the same places and dates.
 *
 * Not part of the round trip, because neither HSDS nor the import columns carry them: the
 * greeter and "how to get there" texts, "last checked on", helpers needed, and single
 * cancelled or moved dates. Those are left out of what is compared; the single dates are
 * removed before the export, so the dates compared are the ones the rhythm gives.
 */

type Load = (event: never) => unknown;

/** Database ids and stamps differ after an import; what a visitor reads does not. */
const NOT_COMPARED = new Set([
	'id',
	'updatedAt',
	'greeter',
	'howToGetThere',
	'lastCheckedOn',
	'lastCheckedBy',
	'isDemo'
]);

function withoutNotCompared(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNotCompared);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([key]) => !NOT_COMPARED.has(key))
			.map(([key, inner]) => [key, withoutNotCompared(inner)])
	);
}

async function page(load: Load, path: string, slug: string) {
	const locale = path.split('/')[1];
	const { event } = makeEvent(path, { params: { lang: locale, slug } });
	const result = await outcome(() => load(event as never));
	if (result.thrown) return { status: result.thrown.status };
	return { status: 200, content: withoutNotCompared(result.returned) };
}

/** Every public place, gathering and neighbourhood page in each language, by its address. */
async function publicPages() {
	const pages: Record<string, unknown> = {};
	const hoods = await db.select({ slug: neighbourhoods.slug }).from(neighbourhoods);
	for (const locale of LOCALES as readonly Locale[]) {
		for (const { slug } of await listPublicPlaces(locale)) {
			const path = `/${locale}/places/${slug}`;
			pages[path] = await page(loadPlacePage as Load, path, slug);
		}
		for (const { slug } of await listPublicGatherings(locale)) {
			const path = `/${locale}/gatherings/${slug}`;
			pages[path] = await page(loadGatheringPage as Load, path, slug);
		}
		for (const { slug } of hoods) {
			const path = `/${locale}/neighbourhoods/${slug}`;
			pages[path] = await page(loadNeighbourhoodPage as Load, path, slug);
		}
	}
	return pages;
}

beforeAll(async () => {
	process.env.KWARTIER_NOW = '2026-11-24T10:30:00+01:00';
	await seedDemoIfEmpty(db);
	// Single cancelled or moved dates are not part of the round trip (see above).
	await db.delete(occurrenceChanges).where(isNotNull(occurrenceChanges.gatheringId));
});

describe('an HSDS export imported into an empty database', () => {
	it('gives every public page again at the same address, with the same content', async () => {
		const before = await publicPages();
		const addresses = Object.keys(before);
		expect(addresses.filter((path) => path.includes('/places/')).length).toBeGreaterThan(30);
		expect(addresses.filter((path) => path.includes('/gatherings/')).length).toBeGreaterThan(10);
		expect(addresses).toContain('/nl/places/square-fontainas');
		expect(addresses.filter((path) => (before[path] as { status: number }).status !== 200)).toEqual(
			[]
		);
		const dataset = JSON.stringify(
			await buildHsdsServices({ locale: 'nl', origin: 'https://kwartier.example' })
		);

		// The same neighbourhoods, no places or gatherings.
		await db.delete(gatherings);
		await db.delete(places);
		expect(await listPublicPlaces('nl')).toEqual([]);
		expect(
			await page(loadPlacePage as Load, '/nl/places/square-fontainas', 'square-fontainas')
		).toEqual({ status: 404 });

		const input = readImportFile(new TextEncoder().encode(dataset), 'dataset.json', 'en');
		if (!input.ok) throw new Error(`The export cannot be read: ${input.problem}`);
		expect(input.format).toBe('hsds');
		expect(input.problems).toEqual([]);
		const plan = await planImport(input.rows, 'en', { problems: input.problems });
		const remarks = plan.entries
			.filter((entry) => entry.action === 'error' || entry.reasons.length > 0)
			.map((entry) => `${entry.label}: ${entry.reasons.join(' ')}`);
		expect(remarks).toEqual([]);
		expect(plan.counts.create).toBe(input.rows.length);
		expect(applyImport(plan)).toMatchObject({ ok: true });

		const after = await publicPages();
		expect(Object.keys(after).sort()).toEqual([...addresses].sort());
		for (const path of addresses) expect(after[path], path).toEqual(before[path]);

		// Exporting the imported data again gives the same dataset, and importing it once more
		// changes nothing.
		const again = readImportFile(
			new TextEncoder().encode(
				JSON.stringify(
					await buildHsdsServices({ locale: 'nl', origin: 'https://kwartier.example' })
				)
			),
			'dataset.json'
		);
		if (!again.ok) throw new Error(again.problem);
		const second = await planImport(again.rows, 'en');
		expect(second.counts).toEqual({ create: 0, update: 0, skip: input.rows.length, error: 0 });
		expect(second.entries.flatMap((entry) => entry.reasons.slice(1))).toEqual([]);
	});
});
