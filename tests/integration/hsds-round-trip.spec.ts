import { isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n';
import { db } from '$lib/server/db';
import { gatherings, occurrenceChanges, places } from '$lib/server/db/schema';
import { listPublicGatherings } from '$lib/server/gatherings/public';
import { buildHsdsServices } from '$lib/server/hsds/export';
import { applyImport, planImport, readImportFile } from '$lib/server/import';
import { listPublicPlaces } from '$lib/server/places/public';
import { describeRecurrence, nextOccurrences } from '$lib/server/schedule/recurrence';
import { seedDemoIfEmpty } from '$lib/server/seed';

/**
 * Export → import: the demo data leaves as an Open Referral HSDS dataset, goes into a database
 * with the same neighbourhoods but no places or gatherings, and the public pages show the
 * same places and gatherings: names, kinds, texts, opening hours, facts, contact, next dates.
 *
 * Not part of the round trip, because neither HSDS nor the import columns carry them: the
 * public addresses (slugs), the greeter and "how to get there" texts, "last checked on",
 * helpers needed, and single cancelled or moved dates (the dates compared are the ones the
 * rhythm gives).
 */

const NOW = '2026-11-24T10:30';

/**
 * What a visitor sees of every place and gathering in each language, by Dutch name: the
 * import makes each public address (slug) from the name, where the demo data chose shorter
 * ones by hand, so the addresses themselves may differ.
 */
async function publicSnapshot() {
	const snapshot: Record<string, unknown> = {};
	const dutchNames = new Map<string, string>();
	for (const place of await listPublicPlaces('nl'))
		dutchNames.set(`place ${place.id}`, place.name.text);
	for (const gathering of await listPublicGatherings('nl')) {
		dutchNames.set(`gathering ${gathering.id}`, gathering.title.text);
	}
	for (const locale of LOCALES) {
		for (const place of await listPublicPlaces(locale)) {
			snapshot[`${locale} place ${dutchNames.get(`place ${place.id}`)}`] = {
				kind: place.kind,
				name: place.name,
				whatToExpect: place.whatToExpect,
				neighbourhood: place.neighbourhood.slug,
				visibility: place.visibility,
				location: place.location,
				openingHours: place.openingHours,
				facts: [
					place.walkIn,
					place.cost,
					place.coffee,
					place.maySitWithoutBuying,
					place.wheelchair,
					place.quietSpace,
					place.childrenWelcome
				],
				languages: place.languages,
				contact: [place.phone, place.email, place.website]
			};
		}
		for (const gathering of await listPublicGatherings(locale)) {
			snapshot[`${locale} gathering ${dutchNames.get(`gathering ${gathering.id}`)}`] = {
				kind: gathering.kind,
				title: gathering.title,
				description: gathering.description,
				place: gathering.place?.name ?? null,
				pointName: gathering.pointName,
				neighbourhood: gathering.neighbourhood.slug,
				visibility: gathering.visibility,
				location: gathering.location,
				rhythm: describeRecurrence(gathering.rrule, gathering.startsAt),
				nextDates: nextOccurrences(gathering, [], NOW, 6).map(({ start, end }) => [start, end]),
				host: gathering.host,
				facts: [gathering.walkIn, gathering.cost],
				languages: gathering.languages
			};
		}
	}
	return snapshot;
}

beforeAll(async () => {
	process.env.KWARTIER_NOW = '2026-11-24T10:30:00+01:00';
	await seedDemoIfEmpty(db);
});

describe('an HSDS export imported into an empty database', () => {
	it('shows the same public places and gatherings', async () => {
		const before = await publicSnapshot();
		expect(Object.keys(before).length).toBeGreaterThan(30);
		const dataset = JSON.stringify(
			await buildHsdsServices({ locale: 'nl', origin: 'https://kwartier.example' })
		);

		// The same neighbourhoods, no places or gatherings.
		await db.delete(occurrenceChanges).where(isNotNull(occurrenceChanges.gatheringId));
		await db.delete(gatherings);
		await db.delete(places);
		expect(await listPublicPlaces('nl')).toEqual([]);

		const input = readImportFile(new TextEncoder().encode(dataset), 'dataset.json', 'en');
		if (!input.ok) throw new Error(`The export cannot be read: ${input.problem}`);
		expect(input.format).toBe('hsds');
		expect(input.problems).toEqual([]);
		const plan = await planImport(input.rows, 'en', { problems: input.problems });
		const errors = plan.entries
			.filter((entry) => entry.action === 'error')
			.map((entry) => `${entry.label}: ${entry.reasons.join(' ')}`);
		expect(errors).toEqual([]);
		expect(plan.counts.create).toBe(input.rows.length);
		expect(applyImport(plan)).toMatchObject({ ok: true });

		expect(await publicSnapshot()).toEqual(before);

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
	});
});
