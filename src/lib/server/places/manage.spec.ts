import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { neighbourhoods, places, suggestions, type NewPlace } from '$lib/server/db/schema';
import { findPublicPlace } from './public';
import {
	archivePlace,
	createPlace,
	findSuggestionForPlace,
	listPlacesForTeam,
	listPlacesNeedingTranslation,
	listStalePlaces,
	markPlaceChecked,
	missingTranslations,
	unarchivePlace,
	updatePlace,
	type PlaceDraft
} from './manage';
import { slugify } from './slug';
import { parsePlaceForm, valuesFromPlace } from './place-form';

// A Tuesday afternoon in Brussels (UTC+1 in winter).
const NOW = new Date('2026-12-01T15:00:00Z');
let hoodId = 0;

function draft(overrides: Partial<PlaceDraft> = {}): PlaceDraft {
	return {
		kind: 'neighbourhood-centre',
		name: { nl: 'Buurthuis De Linde', fr: 'Maison de quartier Le Tilleul', en: 'The Linden' },
		whatToExpect: { nl: 'Koffie en een babbel.', fr: 'Café et papote.', en: 'Coffee and a chat.' },
		greeter: null,
		howToGetThere: null,
		neighbourhoodId: hoodId,
		address: 'Lindestraat 1, 1000 Brussel',
		lat: 50.84,
		lon: 4.35,
		visibility: 'public',
		openingHours: 'Mo-Fr 10:00-16:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['nl', 'fr'],
		phone: null,
		email: null,
		website: null,
		...overrides
	};
}

async function insertPlace(values: Partial<NewPlace> & { slug: string }) {
	const [row] = await db
		.insert(places)
		.values({
			kind: 'other',
			name: { nl: values.slug },
			whatToExpect: { nl: 'Iets.' },
			neighbourhoodId: hoodId,
			...values
		})
		.returning();
	return row;
}

beforeAll(async () => {
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'marollen',
			name: { nl: 'Marollen', fr: 'Marolles', en: 'Marolles' },
			municipality: 'Brussel',
			centreLat: 50.837,
			centreLon: 4.347
		})
		.returning();
	hoodId = hood.id;
});

describe('places management', () => {
	it('a created place gets a slug from its Dutch name, unique among places', async () => {
		const first = await createPlace(draft());
		const second = await createPlace(draft());
		expect(first.slug).toBe('buurthuis-de-linde');
		expect(second.slug).toBe('buurthuis-de-linde-2');
		expect(await findPublicPlace(first.slug, 'en')).toMatchObject({
			name: { text: 'The Linden', locale: 'en' }
		});
	});

	it('a place without a Dutch name takes its slug from the first name it has', async () => {
		const created = await createPlace(draft({ name: { fr: 'Café Élan' } }));
		expect(created.slug).toBe('cafe-elan');
		expect(slugify('  Zoë & Co!  ')).toBe('zoe-co');
	});

	it('saving changes keeps the slug and refuses to overwrite a newer save', async () => {
		const created = await createPlace(draft({ name: { nl: 'Oude naam' } }));
		const [before] = await db.select().from(places).where(eq(places.id, created.id));
		expect(await updatePlace(created.id, draft({ name: { nl: 'Nieuwe naam' } }), 'x')).toBe(
			'changed-meanwhile'
		);
		expect(
			await updatePlace(created.id, draft({ name: { nl: 'Nieuwe naam' } }), before.updatedAt)
		).toBe('updated');
		const [after] = await db.select().from(places).where(eq(places.id, created.id));
		expect(after).toMatchObject({ slug: 'oude-naam', name: { nl: 'Nieuwe naam' } });
		expect(await updatePlace(999_999, draft())).toBe('missing');
	});

	it('mark as checked sets today in Brussels and who checked', async () => {
		const created = await createPlace(draft({ name: { nl: 'Nagekeken plek' } }));
		// Half past midnight on New Year's Day in Brussels is still 31 December in UTC.
		const afterMidnight = new Date('2026-12-31T23:30:00Z');
		expect(await markPlaceChecked(created.id, 'Yasmina', afterMidnight)).toBe(true);
		const [row] = await db.select().from(places).where(eq(places.id, created.id));
		expect(row).toMatchObject({ lastCheckedOn: '2027-01-01', lastCheckedBy: 'Yasmina' });
		expect(await markPlaceChecked(999_999, 'Yasmina')).toBe(false);
	});

	it('archive hides a place from the public layer, unarchive brings it back', async () => {
		const created = await createPlace(draft({ name: { nl: 'Tijdelijk dicht' } }));
		expect(await archivePlace(created.id, NOW)).toBe(true);
		expect(await findPublicPlace(created.slug, 'nl')).toBeUndefined();
		const archived = await listPlacesForTeam('nl', { archived: true, now: NOW });
		expect(archived.map((place) => place.id)).toContain(created.id);
		const active = await listPlacesForTeam('nl', { now: NOW });
		expect(active.map((place) => place.id)).not.toContain(created.id);
		expect(await unarchivePlace(created.id, NOW)).toBe(true);
		expect(await findPublicPlace(created.slug, 'nl')).toBeDefined();
	});

	it('the team list shows every visibility, never-checked and stale places', async () => {
		const hidden = await insertPlace({ slug: 'verborgen', visibility: 'hidden' });
		const team = await listPlacesForTeam('nl', { now: NOW });
		const row = team.find((place) => place.id === hidden.id);
		expect(row).toMatchObject({ visibility: 'hidden', checkedDaysAgo: null, stale: true });
	});

	it('the stale list is oldest first, with never-checked places before all others', async () => {
		const oldest = await insertPlace({ slug: 'stale-oldest', lastCheckedOn: '2025-01-10' });
		const newer = await insertPlace({ slug: 'stale-newer', lastCheckedOn: '2026-06-01' });
		const never = await insertPlace({ slug: 'stale-never' });
		const fresh = await insertPlace({ slug: 'stale-fresh', lastCheckedOn: '2026-11-20' });
		// 91 days before 1 December is 1 September; exactly 90 days is not stale yet.
		const edge = await insertPlace({ slug: 'stale-edge', lastCheckedOn: '2026-09-02' });
		const justOver = await insertPlace({ slug: 'stale-just-over', lastCheckedOn: '2026-09-01' });
		const archived = await insertPlace({ slug: 'stale-archived', archivedAt: '2026-01-01' });

		const ids = (await listStalePlaces('nl', { now: NOW })).map((place) => place.id);
		const mine = ids.filter((id) =>
			[oldest, newer, never, fresh, edge, justOver, archived].some((place) => place.id === id)
		);
		expect(mine).toEqual([never.id, oldest.id, newer.id, justOver.id]);
		expect(ids.indexOf(never.id)).toBeLessThan(ids.indexOf(oldest.id));
	});

	it('the translation list names the missing language of each text', async () => {
		const place = await insertPlace({
			slug: 'half-vertaald',
			name: { nl: 'Halfvertaald', fr: 'À moitié' },
			whatToExpect: { nl: 'Soep.', fr: 'Soupe.', en: 'Soup.' },
			greeter: { en: 'Volunteers' },
			howToGetThere: null
		});
		const list = await listPlacesNeedingTranslation('en', { now: NOW });
		const row = list.find((item) => item.id === place.id);
		expect(row?.missingTranslations).toEqual([
			{ field: 'name', locales: ['en'] },
			{ field: 'greeter', locales: ['nl', 'fr'] }
		]);
		const complete = await createPlace(draft({ name: { nl: 'A', fr: 'B', en: 'C' } }));
		expect(list.map((item) => item.id)).not.toContain(complete.id);
		expect(missingTranslations({ ...place, greeter: { nl: ' ', fr: '', en: '' } })).toEqual([
			{ field: 'name', locales: ['en'] }
		]);
	});

	it('a suggestion gives its name, place and details in its own language', async () => {
		const [suggestion] = await db
			.insert(suggestions)
			.values({
				type: 'new-place',
				name: 'Café Solidaire',
				whereText: 'Rue Haute 200',
				details: 'Un café où on peut entrer librement.',
				locale: 'fr'
			})
			.returning();
		const found = await findSuggestionForPlace(suggestion.id);
		expect(found).toMatchObject({ name: 'Café Solidaire', locale: 'fr' });
		expect(await findSuggestionForPlace(999_999)).toBeUndefined();
	});

	it('a saved place read back into the form validates to the same place', async () => {
		const created = await createPlace(
			draft({
				name: { nl: 'Rondje', en: 'Round' },
				languages: ['nl', 'ti', 'uk'],
				greeter: { nl: 'Buren' },
				phone: '+32 2 123 45 67',
				website: 'https://example.org/plek'
			})
		);
		const [row] = await db.select().from(places).where(eq(places.id, created.id));
		const values = valuesFromPlace(row);
		expect(values.otherLanguages).toBe('ti, uk');
		const parsed = await parsePlaceForm(values, 'nl');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.version).toBe(row.updatedAt);
		expect(parsed.draft).toMatchObject({
			name: { nl: 'Rondje', en: 'Round' },
			languages: ['nl', 'ti', 'uk'],
			greeter: { nl: 'Buren' },
			howToGetThere: null,
			lat: 50.84,
			phone: '+32 2 123 45 67'
		});
	});
});
