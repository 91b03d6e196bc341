import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { neighbourhoods, places, suggestions, type Place } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { findPublicPlace } from '$lib/server/places/public';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { load as loadList } from './+page.server';
import { actions as newActions, load as loadNew } from './new/+page.server';
import { actions, load as loadPlace } from './[id]/+page.server';
import { GET as getPreview } from '../opening-hours-preview/+server';

// Tuesday 1 December 2026, 16:00 in Brussels.
const NOW = '2026-12-01T15:00:00Z';
let worker: SignedInAccount;
let volunteer: SignedInAccount;
let hoodId = 0;
let previousNow: string | undefined;

type Form = Record<string, string>;

function validForm(overrides: Form = {}): Form {
	return {
		name_nl: 'Buurthuis De Linde',
		name_fr: '',
		name_en: 'The Linden',
		whatToExpect_nl: 'Koffie, soep en een babbel. Je mag gewoon binnenlopen.',
		whatToExpect_fr: '',
		whatToExpect_en: 'Coffee, soup and a chat.',
		greeter_nl: 'Vrijwilligers uit de buurt',
		greeter_fr: '',
		greeter_en: '',
		howToGetThere_nl: 'Tram 4, halte Lemonnier. Bel aan bij de groene deur.',
		howToGetThere_fr: '',
		howToGetThere_en: '',
		kind: 'neighbourhood-centre',
		neighbourhoodId: String(hoodId),
		address: 'Lindestraat 17, 1000 Brussel',
		lat: '50.8391234',
		lon: '4.3412345',
		visibility: 'public',
		openingHours: 'Mo-Fr 10:00-16:00; PH off',
		walkIn: 'on',
		coffee: 'on',
		maySitWithoutBuying: 'on',
		cost: 'pay-what-you-can',
		speaks_nl: 'on',
		speaks_ar: 'on',
		otherLanguages: 'so',
		phone: '+32 2 123 45 67',
		email: 'hallo@delinde.example',
		website: 'https://delinde.example',
		...overrides
	};
}

async function create(form: Form, account: SignedInAccount | null = worker, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/places/new`, {
		form,
		account,
		params: { lang }
	});
	return outcome(() => newActions.default(event as never));
}

async function act(
	name: keyof typeof actions,
	id: number,
	form: Form = {},
	{ account = worker, lang = 'nl' }: { account?: SignedInAccount | null; lang?: string } = {}
) {
	const { event } = makeEvent(`/${lang}/team/places/${id}?/${name}`, {
		form,
		account,
		params: { lang, id: String(id) }
	});
	return outcome(() => actions[name](event as never));
}

async function openPlace(
	id: number | string,
	query = '',
	account: SignedInAccount | null = worker
) {
	const { event } = makeEvent(`/nl/team/places/${id}${query}`, {
		account,
		params: { lang: 'nl', id: String(id) }
	});
	return outcome(() => loadPlace(event as never));
}

async function createdPlace(form: Form): Promise<Place> {
	const result = await create(form);
	const location = result.thrown?.location ?? '';
	const id = Number(/\/team\/places\/(\d+)\?notice=created$/.exec(location)?.[1]);
	const [row] = await db.select().from(places).where(eq(places.id, id));
	return row;
}

/** What an action returned with fail(): its status and data. */
function failure(result: Awaited<ReturnType<typeof create>>) {
	return result.returned as unknown as {
		status: number;
		data: { values: Form; errors: Record<string, string>; preview: unknown };
	};
}

beforeAll(async () => {
	previousNow = process.env.KWARTIER_NOW;
	process.env.KWARTIER_NOW = NOW;
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'anneessens',
			name: { nl: 'Anneessens', fr: 'Anneessens', en: 'Anneessens' },
			municipality: 'Brussel',
			centreLat: 50.843,
			centreLon: 4.344
		})
		.returning();
	hoodId = hood.id;
	worker = await createTestAccount('worker', {
		displayName: 'Yasmina',
		neighbourhoodIds: [hoodId]
	});
	volunteer = await createTestAccount('volunteer');
});

afterAll(() => {
	if (previousNow === undefined) delete process.env.KWARTIER_NOW;
	else process.env.KWARTIER_NOW = previousNow;
});

describe('workers manage places', () => {
	it('a worker creates a place and it shows on the public layer', async () => {
		const result = await create(validForm());
		expect(result.thrown?.status).toBe(303);
		const place = await createdPlace(validForm({ name_nl: 'Buurthuis De Linde' }));
		expect(place.slug).toBe('buurthuis-de-linde-2');

		const shown = await findPublicPlace('buurthuis-de-linde', 'en');
		expect(shown).toMatchObject({
			name: { text: 'The Linden', locale: 'en' },
			whatToExpect: { text: 'Coffee, soup and a chat.' },
			greeter: { text: 'Vrijwilligers uit de buurt', locale: 'nl' },
			location: { exact: true, address: 'Lindestraat 17, 1000 Brussel', lat: 50.8391234 },
			openingHours: 'Mo-Fr 10:00-16:00; PH off',
			walkIn: true,
			coffee: true,
			wheelchair: false,
			cost: 'pay-what-you-can',
			languages: ['nl', 'ar', 'so'],
			phone: '+32 2 123 45 67',
			website: 'https://delinde.example'
		});
	});

	it('wrong point, opening hours and too long text give 400 with errors in French, and every value back', async () => {
		const form = validForm({
			name_fr: 'x'.repeat(121),
			lat: '51.2',
			lon: '4,35',
			openingHours: 'Mo-Fr 10:00-16:00; PH of',
			phone: 'call me',
			website: 'delinde.example'
		});
		const result = failure(await create(form, worker, 'fr'));
		expect(result.status).toBe(400);
		expect(result.data.errors).toMatchObject({
			name_fr: 'C’est trop long : 120 caractères au maximum.',
			lat: expect.stringContaining('Bruxelles'),
			phone: expect.any(String),
			website: expect.stringContaining('https://')
		});
		expect(result.data.errors.lon).toBeUndefined();
		expect(result.data.errors.openingHours).toMatch(
			/^Nous ne pouvons pas lire ces heures d’ouverture\..*Unexpected token/
		);
		for (const [field, value] of Object.entries(form)) {
			expect(result.data.values[field], field).toBe(value);
		}
		// Fields the browser did not send (an unticked box) come back empty, not missing.
		expect(result.data.values.wheelchair).toBe('');
		expect(await db.$count(places)).toBe(2);
	});

	it('a missing name, kind and visibility are each named, in Dutch', async () => {
		const result = failure(
			await create(validForm({ name_nl: ' ', name_en: '', kind: '', visibility: '' }))
		);
		expect(result.status).toBe(400);
		expect(result.data.errors).toMatchObject({
			name: 'Schrijf de naam in minstens één taal.',
			kind: 'Kies een van de mogelijkheden.',
			visibility: 'Kies een van de mogelijkheden.'
		});
	});

	it('an area-only place made in the editor never shows its address on the public layer', async () => {
		const place = await createdPlace(
			validForm({ name_nl: 'Stille Kamer', visibility: 'area', address: 'Geheimstraat 9' })
		);
		const shown = await findPublicPlace(place.slug, 'nl');
		expect(shown?.location).toEqual({ exact: false });
		expect(shown?.howToGetThere).toBeNull();
		const text = JSON.stringify(shown);
		for (const secret of ['Geheimstraat', '50.839', '4.341', 'groene deur']) {
			expect(text).not.toContain(secret);
		}
	});

	it('a tampered neighbourhood id gives 400 with a clear message, never 500', async () => {
		for (const neighbourhoodId of ['999999', 'abc', '']) {
			const result = failure(await create(validForm({ neighbourhoodId })));
			expect(result.status).toBe(400);
			expect(result.data.errors.neighbourhoodId).toMatch(/^(Dit bestaat|Kies)/);
			expect(result.data.values.neighbourhoodId).toBe(neighbourhoodId);
		}
		const edited = await createdPlace(validForm({ name_nl: 'Gewone plek' }));
		const saved = await act('save', edited.id, validForm({ neighbourhoodId: '424242' }));
		expect(failure(saved).status).toBe(400);
	});

	it('a tampered hidden version gives 400 with a message to check and save again', async () => {
		const place = await createdPlace(validForm({ name_nl: 'Verstopt Veld' }));
		const result = failure(
			await act('save', place.id, validForm({ version: "'; drop table places; --" }))
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.form).toMatch(/^Er klopte iets niet in het formulier\./);
		expect(result.data.values.name_nl).toBe('Buurthuis De Linde');
	});

	it('saving changes redirects back with a saved notice and keeps the public address', async () => {
		const place = await createdPlace(validForm({ name_nl: 'Het Anker' }));
		const opened = await openPlace(place.id);
		const values = (opened.returned as { values: Form }).values;
		const saved = await act('save', place.id, { ...values, name_nl: 'Het Nieuwe Anker' });
		expect(saved.thrown).toMatchObject({
			status: 303,
			location: `/nl/team/places/${place.id}?notice=saved`
		});
		const reopened = await openPlace(place.id, '?notice=saved');
		expect(reopened.returned).toMatchObject({
			notice: 'saved',
			values: { name_nl: 'Het Nieuwe Anker' },
			place: { slug: 'het-anker' }
		});
		expect(await findPublicPlace('het-anker', 'nl')).toMatchObject({
			name: { text: 'Het Nieuwe Anker' }
		});
	});

	it('saving over a colleague’s newer save is refused with 409, and the text is kept', async () => {
		const place = await createdPlace(validForm({ name_nl: 'Twee Handen' }));
		const opened = (await openPlace(place.id)).returned as { values: Form };
		const form = { ...opened.values, name_nl: 'Mijn versie' };
		await db
			.update(places)
			.set({ updatedAt: '2026-12-01T15:30:00Z' })
			.where(eq(places.id, place.id));
		const refused = failure(await act('save', place.id, form));
		expect(refused.status).toBe(409);
		expect(refused.data.values.name_nl).toBe('Mijn versie');
		expect(refused.data.values.version).toBe('2026-12-01T15:30:00Z');
		const again = await act('save', place.id, refused.data.values);
		expect(again.thrown?.status).toBe(303);
	});

	it('mark as checked sets today and the name of who checked', async () => {
		const place = await createdPlace(validForm({ name_nl: 'Nagekeken' }));
		const result = await act('check', place.id);
		expect(result.thrown).toMatchObject({
			status: 303,
			location: `/nl/team/places/${place.id}?notice=checked`
		});
		const [row] = await db.select().from(places).where(eq(places.id, place.id));
		expect(row).toMatchObject({ lastCheckedOn: '2026-12-01', lastCheckedBy: 'Yasmina' });
	});

	it('archive hides the place publicly; unarchive brings it back', async () => {
		const place = await createdPlace(validForm({ name_nl: 'Even Weg' }));
		expect((await act('archive', place.id)).thrown?.status).toBe(303);
		expect(await findPublicPlace(place.slug, 'nl')).toBeUndefined();
		const { event } = makeEvent('/nl/team/places?view=archived', { account: worker });
		const archived = (await loadList(event as never)) as { places: Array<{ id: number }> };
		expect(archived.places.map((item) => item.id)).toContain(place.id);

		expect((await act('unarchive', place.id)).thrown?.status).toBe(303);
		expect(await findPublicPlace(place.slug, 'nl')).toBeDefined();
	});

	it('the list shows stale places oldest first and names missing translations', async () => {
		const old = await createdPlace(validForm({ name_nl: 'Oud Nieuws' }));
		await db.update(places).set({ lastCheckedOn: '2026-01-05' }).where(eq(places.id, old.id));
		const { event } = makeEvent('/en/team/places?view=stale', { account: worker });
		const stale = (await loadList(event as never)) as {
			view: string;
			places: Array<{ id: number; lastCheckedOn: string | null }>;
			counts: Record<string, number>;
		};
		expect(stale.view).toBe('stale');
		// Never-checked places first, then the oldest check.
		const firstChecked = stale.places.findIndex((item) => item.lastCheckedOn !== null);
		expect(stale.places[firstChecked].id).toBe(old.id);
		expect(stale.places.slice(0, firstChecked).every((item) => !item.lastCheckedOn)).toBe(true);

		const translate = makeEvent('/en/team/places?view=translate', { account: worker }).event;
		const list = (await loadList(translate as never)) as {
			places: Array<{ id: number; missingTranslations: unknown }>;
		};
		expect(list.places.find((item) => item.id === old.id)?.missingTranslations).toEqual([
			{ field: 'name', locales: ['fr'] },
			{ field: 'whatToExpect', locales: ['fr'] },
			{ field: 'greeter', locales: ['fr', 'en'] },
			{ field: 'howToGetThere', locales: ['fr', 'en'] }
		]);
	});

	it('a suggestion fills in the new place form in the language it came in', async () => {
		const [suggestion] = await db
			.insert(suggestions)
			.values({
				type: 'new-place',
				name: 'Café Solidaire',
				whereText: 'Rue Haute 200',
				details: 'Un café où on peut entrer librement et boire un café gratuit.',
				locale: 'fr'
			})
			.returning();
		const { event } = makeEvent(`/nl/team/places/new?suggestion=${suggestion.id}`, {
			account: worker
		});
		const data = (await loadNew(event as never)) as {
			values: Form;
			fromSuggestion: boolean;
		};
		expect(data.fromSuggestion).toBe(true);
		expect(data.values).toMatchObject({
			name_fr: 'Café Solidaire',
			name_nl: '',
			whatToExpect_fr: 'Un café où on peut entrer librement et boire un café gratuit.',
			address: 'Rue Haute 200',
			neighbourhoodId: String(hoodId)
		});
		const missing = makeEvent('/nl/team/places/new?suggestion=424242', { account: worker }).event;
		expect(await loadNew(missing as never)).toMatchObject({
			fromSuggestion: false,
			suggestionMissing: true
		});
	});

	it('the edit page shows the saved opening hours in words, without JavaScript', async () => {
		const place = await createdPlace(validForm({ name_nl: 'Met Uren' }));
		const data = (await openPlace(place.id)).returned as {
			preview: { ok: boolean; opening: { state: string }; week: Array<{ date: string }> };
		};
		expect(data.preview).toMatchObject({ ok: true, opening: { state: 'closed' } });
		expect(data.preview.week[0].date).toBe('2026-12-01');
		expect(data.preview.week).toHaveLength(7);
	});

	it('an unknown or malformed place id is 404', async () => {
		expect((await openPlace(424242)).thrown?.status).toBe(404);
		expect((await openPlace('abc')).thrown?.status).toBe(404);
		expect((await act('check', 424242)).thrown?.status).toBe(404);
	});
});

describe('only workers manage places', () => {
	it('a volunteer gets 403 on every page and action', async () => {
		const place = await createdPlace(validForm({ name_nl: 'Voor het team' }));
		const list = makeEvent('/nl/team/places', { account: volunteer }).event;
		expect((await outcome(() => loadList(list as never))).thrown?.status).toBe(403);
		const newPage = makeEvent('/nl/team/places/new', { account: volunteer }).event;
		expect((await outcome(() => loadNew(newPage as never))).thrown?.status).toBe(403);
		expect((await create(validForm(), volunteer)).thrown?.status).toBe(403);
		expect((await openPlace(place.id, '', volunteer)).thrown?.status).toBe(403);
		for (const name of ['save', 'check', 'archive', 'unarchive'] as const) {
			const result = await act(name, place.id, validForm(), { account: volunteer });
			expect(result.thrown?.status, name).toBe(403);
		}
		const [row] = await db.select().from(places).where(eq(places.id, place.id));
		expect(row).toMatchObject({ lastCheckedOn: null, archivedAt: null });
	});

	it('a visitor is sent to sign in, and back here afterwards', async () => {
		const list = makeEvent('/fr/team/places?view=stale', { account: null }).event;
		expect((await outcome(() => loadList(list as never))).thrown).toMatchObject({
			status: 303,
			location: `/fr/login?next=${encodeURIComponent('/fr/team/places?view=stale')}`
		});
		const created = await create(validForm(), null);
		expect(created.thrown).toMatchObject({ status: 303 });
		expect(created.thrown?.location).toMatch(/^\/nl\/login\?next=/);
		expect((await act('archive', 1, {}, { account: null })).thrown?.status).toBe(303);
		const preview = makeEvent('/nl/team/opening-hours-preview?value=Mo', { account: null }).event;
		expect((await outcome(() => getPreview(preview as never))).thrown?.status).toBe(303);
	});
});
