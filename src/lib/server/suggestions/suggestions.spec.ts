import { beforeAll, describe, expect, it } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { gatherings, neighbourhoods, places, rounds, suggestions } from '$lib/server/db/schema';
import { actions, load } from '../../../routes/[lang=lang]/suggest/+page.server';
import { RefillingTokenBucket } from './rate-limit';

type ActionEvent = Parameters<typeof actions.default>[0];
type LoadEvent = Parameters<typeof load>[0];

const ids = { publicPlace: 0, membersPlace: 0, gathering: 0, round: 0 };
let addressCount = 0;

/** Each test posts from its own address, so the rate limit of one does not touch another. */
function nextAddress() {
	addressCount += 1;
	return `192.0.2.${addressCount}`;
}

async function submit(
	fields: Record<string, string>,
	{ lang = 'fr', address = nextAddress() }: { lang?: string; address?: string } = {}
) {
	const url = new URL(`http://localhost/${lang}/suggest`);
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	const event = {
		request: new Request(url, { method: 'POST', body }),
		params: { lang },
		url,
		getClientAddress: () => address
	} as unknown as ActionEvent;
	try {
		const result = await actions.default(event);
		return { failure: result, redirect: undefined };
	} catch (thrown) {
		if (isRedirect(thrown)) return { failure: undefined, redirect: thrown };
		throw thrown;
	}
}

async function loadPage(query: string, lang = 'fr') {
	const url = new URL(`http://localhost/${lang}/suggest${query}`);
	return load({ params: { lang }, url } as unknown as LoadEvent);
}

function countSuggestions() {
	return db.$count(suggestions);
}

const newPlace = {
	type: 'new-place',
	name: 'Café Buurtkamer',
	where: 'Rue Haute 12',
	when: 'Chaque mardi de 10 h à 12 h',
	details: 'Un café où on peut entrer librement et boire un café gratuit.'
};

beforeAll(async () => {
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'marollen',
			name: { nl: 'Marollen', fr: 'Marolles' },
			municipality: 'Brussel',
			centreLat: 50.837,
			centreLon: 4.348
		})
		.returning();
	const [publicPlace, membersPlace] = await db
		.insert(places)
		.values([
			{
				slug: 'de-buurtkamer',
				kind: 'neighbourhood-centre',
				name: { nl: 'De Buurtkamer', fr: 'La Chambre du quartier' },
				whatToExpect: { nl: 'Koffie en een praatje.' },
				neighbourhoodId: hood.id
			},
			{
				slug: 'ledenlokaal',
				kind: 'meeting-house',
				name: { nl: 'Ledenlokaal' },
				whatToExpect: { nl: 'Alleen voor vrijwilligers.' },
				neighbourhoodId: hood.id,
				visibility: 'members'
			}
		])
		.returning();
	const [gathering] = await db
		.insert(gatherings)
		.values({
			slug: 'soep-op-dinsdag',
			kind: 'shared-meal',
			title: { nl: 'Soep op dinsdag', fr: 'Soupe du mardi' },
			description: { nl: 'Samen soep eten.' },
			placeId: publicPlace.id,
			neighbourhoodId: hood.id,
			startsAt: '2025-03-04T12:00',
			durationMinutes: 60,
			host: 'Buurtwerk Marollen'
		})
		.returning();
	const [round] = await db
		.insert(rounds)
		.values({
			slug: 'koffiebus-marollen',
			name: { nl: 'Koffiebus Marollen', fr: 'Bus-café Marolles' },
			description: { nl: 'Koffie op straat.' },
			neighbourhoodId: hood.id,
			startsAt: '2025-03-06T14:00'
		})
		.returning();
	ids.publicPlace = publicPlace.id;
	ids.membersPlace = membersPlace.id;
	ids.gathering = gathering.id;
	ids.round = round.id;
});

describe('suggestion form', () => {
	it('stores a valid suggestion for a new place and sends the visitor to the thank-you page', async () => {
		const before = await countSuggestions();
		const { redirect, failure } = await submit({ ...newPlace, details: `  ${newPlace.details}  ` });
		expect(failure).toBeUndefined();
		expect(redirect).toMatchObject({ status: 303, location: '/fr/suggest/thanks' });
		expect(await countSuggestions()).toBe(before + 1);
		const [row] = await db.select().from(suggestions).where(eq(suggestions.name, newPlace.name));
		expect(row).toMatchObject({
			type: 'new-place',
			changeType: null,
			placeId: null,
			whereText: 'Rue Haute 12',
			whenText: 'Chaque mardi de 10 h à 12 h',
			details: newPlace.details,
			locale: 'fr',
			status: 'new'
		});
	});

	it('keeps nothing about who sent it: the row has no address or person field', async () => {
		const address = nextAddress();
		await submit({ ...newPlace, name: 'Anonieme plek' }, { address });
		const [row] = await db.select().from(suggestions).where(eq(suggestions.name, 'Anonieme plek'));
		expect(Object.keys(row).sort()).toEqual(
			[
				'id',
				'type',
				'changeType',
				'placeId',
				'gatheringId',
				'roundId',
				'name',
				'whereText',
				'whenText',
				'details',
				'locale',
				'status',
				// Which worker reviewed it, never who sent it.
				'reviewedBy',
				'reviewedAt',
				'createdAt'
			].sort()
		);
		expect(JSON.stringify(row)).not.toContain(address);
	});

	it('missing details give 400, echo every typed value and explain in French', async () => {
		const before = await countSuggestions();
		const { failure } = await submit({ ...newPlace, details: '' });
		expect(failure?.status).toBe(400);
		expect(failure?.data.values).toMatchObject({
			type: 'new-place',
			name: newPlace.name,
			where: newPlace.where,
			when: newPlace.when,
			details: ''
		});
		expect(failure?.data.errors).toEqual({ details: 'Dites-nous-en un peu plus.' });
		expect(await countSuggestions()).toBe(before);
	});

	it('shows every problem at once, each in the language of the page', async () => {
		const { failure } = await submit({ details: 'court' }, { lang: 'nl' });
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({
			type: expect.stringContaining('Kies wat je ons wilt laten weten'),
			name: 'Schrijf de naam van de plek of activiteit.',
			details: expect.stringContaining('minstens 10 tekens')
		});
	});

	it('refuses a text that is too long, and keeps what was typed', async () => {
		const before = await countSuggestions();
		const long = 'a'.repeat(2001);
		const { failure } = await submit({ ...newPlace, details: long });
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({
			details: "C'est trop long. Utilisez 2000 caractères au maximum."
		});
		expect(failure?.data.values.details).toBe(long);
		expect(await countSuggestions()).toBe(before);

		const tooLongName = await submit({ ...newPlace, name: 'b'.repeat(201) }, { lang: 'en' });
		expect(tooLongName.failure?.data.errors).toEqual({
			name: 'This is too long. Use at most 200 characters.'
		});
	});

	it('accepts 2000 characters with line breaks sent as CRLF', async () => {
		const details = `${'a'.repeat(999)}\r\n${'b'.repeat(1000)}`;
		const { redirect } = await submit({ ...newPlace, name: 'Lange tekst', details });
		expect(redirect?.status).toBe(303);
		const [row] = await db.select().from(suggestions).where(eq(suggestions.name, 'Lange tekst'));
		expect(row.details).toBe(`${'a'.repeat(999)}\n${'b'.repeat(1000)}`);
	});

	it('refuses control characters', async () => {
		const { failure } = await submit({ ...newPlace, name: 'Caf\u0007é' }, { lang: 'en' });
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({
			name: 'This text has special characters we cannot use. Please type it again.'
		});
	});

	it('a filled-in honeypot looks like success but stores nothing', async () => {
		const before = await countSuggestions();
		const { redirect, failure } = await submit({ ...newPlace, website: 'http://spam.example' });
		expect(failure).toBeUndefined();
		expect(redirect).toMatchObject({ status: 303, location: '/fr/suggest/thanks' });
		expect(await countSuggestions()).toBe(before);
	});

	it('the sixth quick suggestion from one address gets 429, another address still gets through', async () => {
		const address = nextAddress();
		for (let i = 1; i <= 5; i++) {
			const { redirect } = await submit({ ...newPlace, name: `Plek ${i}` }, { address });
			expect(redirect?.status).toBe(303);
		}
		const before = await countSuggestions();
		const { failure } = await submit({ ...newPlace, name: 'Plek 6' }, { address });
		expect(failure?.status).toBe(429);
		expect(failure?.data.errors.form).toContain('Attendez quelques minutes');
		expect(failure?.data.values.name).toBe('Plek 6');
		expect(await countSuggestions()).toBe(before);

		const other = await submit({ ...newPlace, name: 'Plek 7' });
		expect(other.redirect?.status).toBe(303);
	});

	it('a change about a public place stores its id', async () => {
		const { redirect } = await submit({
			type: 'change',
			changeType: 'moved',
			place: 'de-buurtkamer',
			where: 'Blaesstraat 40',
			details: 'De buurtkamer zit nu twee straten verder.'
		});
		expect(redirect?.status).toBe(303);
		const [row] = await db
			.select()
			.from(suggestions)
			.where(eq(suggestions.placeId, ids.publicPlace));
		expect(row).toMatchObject({ type: 'change', changeType: 'moved', name: null });
	});

	it('a change about a gathering or a round stores that id', async () => {
		await submit({
			type: 'change',
			changeType: 'time-changed',
			gathering: 'soep-op-dinsdag',
			details: 'De soep is nu op woensdag.'
		});
		await submit({
			type: 'change',
			changeType: 'closed',
			round: 'koffiebus-marollen',
			details: 'De koffiebus komt niet meer langs.'
		});
		const rows = await db.select().from(suggestions).where(eq(suggestions.type, 'change'));
		expect(rows.some((row) => row.gatheringId === ids.gathering)).toBe(true);
		expect(rows.some((row) => row.roundId === ids.round)).toBe(true);
	});

	it('a change needs to say what changed', async () => {
		const { failure } = await submit({
			type: 'change',
			place: 'de-buurtkamer',
			details: 'Er is iets veranderd aan de uren.'
		});
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({ changeType: 'Choisissez ce qui a changé.' });
	});

	it('the page shows the name of a public place from ?place= and pre-selects a change', async () => {
		const data = await loadPage('?place=de-buurtkamer');
		expect(data.about).toEqual({
			kind: 'place',
			slug: 'de-buurtkamer',
			name: { text: 'La Chambre du quartier', locale: 'fr' }
		});
		expect(data.aboutMissing).toBe(false);
	});

	it('a members-only place from ?place= is not found, and a change about it is refused', async () => {
		const data = await loadPage('?place=ledenlokaal');
		expect(data.about).toBeNull();
		expect(data.aboutMissing).toBe(true);
		expect(JSON.stringify(data)).not.toContain('Ledenlokaal');

		const before = await countSuggestions();
		const { failure } = await submit({
			type: 'change',
			changeType: 'closed',
			place: 'ledenlokaal',
			details: 'Deze plek is gesloten.'
		});
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual({
			about: expect.stringContaining('Nous ne trouvons pas')
		});
		expect(await countSuggestions()).toBe(before);
		const rows = await db
			.select()
			.from(suggestions)
			.where(eq(suggestions.placeId, ids.membersPlace));
		expect(rows).toEqual([]);
	});

	it('tampered hidden or radio fields give a clean 400, never an error', async () => {
		const cases: Record<string, string>[] = [
			{
				type: 'change',
				changeType: 'closed',
				place: 'x" onmouseover="',
				details: 'Tien tekens of meer.'
			},
			{ type: 'change', changeType: 'closed', place: '999999', details: 'Tien tekens of meer.' },
			{
				type: 'change',
				changeType: 'closed',
				place: 'de-buurtkamer',
				round: 'koffiebus-marollen',
				details: 'Tien tekens of meer.'
			},
			{ type: 'change', changeType: 'exploded', place: 'de-buurtkamer', details: 'Tien tekens.' },
			{ ...newPlace, type: 'new-person' }
		];
		for (const fields of cases) {
			const { failure } = await submit(fields);
			expect(failure?.status).toBe(400);
		}
		expect((await loadPage('?place=%00%27')).aboutMissing).toBe(true);
	});

	it('a body that is no form gives a clean 400', async () => {
		const url = new URL('http://localhost/en/suggest');
		const event = {
			request: new Request(url, { method: 'POST', body: '{"type":"new-place"}' }),
			params: { lang: 'en' },
			url,
			getClientAddress: () => nextAddress()
		} as unknown as ActionEvent;
		const result = await actions.default(event);
		expect(result?.status).toBe(400);
		expect(result?.data.errors.form).toBe('Something went wrong with the form. Please try again.');
	});
});

describe('rate limit bucket', () => {
	it('gives a token back every interval, up to the maximum', () => {
		const bucket = new RefillingTokenBucket(2, 1000);
		expect(bucket.consume('198.51.100.1', 1, 0)).toBe(true);
		expect(bucket.consume('198.51.100.1', 1, 0)).toBe(true);
		expect(bucket.consume('198.51.100.1', 1, 500)).toBe(false);
		expect(bucket.check('198.51.100.1', 1, 1000)).toBe(true);
		expect(bucket.consume('198.51.100.1', 1, 1000)).toBe(true);
		expect(bucket.consume('198.51.100.1', 1, 1500)).toBe(false);
		expect(bucket.consume('198.51.100.1', 2, 10_000)).toBe(true);
	});

	it('keeps no plain address in memory', () => {
		const bucket = new RefillingTokenBucket(5, 1000);
		bucket.consume('203.0.113.77');
		expect(
			JSON.stringify([...(bucket as unknown as { buckets: Map<string, unknown> }).buckets])
		).not.toContain('203.0.113.77');
	});
});
