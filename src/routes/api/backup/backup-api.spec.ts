import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { backupCalls, places } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createScenario, type Scenario } from '$lib/server/backup/spec-support';
import { makeEvent, outcome } from '../../../../tests/support/events';
import { POST } from './+server';
import { GET } from './[id]/+server';
import { POST as checkNote } from './note-check/+server';

let s: Scenario;
let placeId: number;

beforeAll(async () => {
	// A Monday morning: Amina and Bram are on duty.
	vi.stubEnv('KWARTIER_NOW', '2025-03-10T09:30:00+01:00');
	s = await createScenario();
	const [place] = await db
		.insert(places)
		.values({
			slug: `buurthuis-${randomUUID().slice(0, 8)}`,
			kind: 'neighbourhood-centre',
			name: { nl: 'Buurthuis De Linde' },
			whatToExpect: { nl: 'Koffie en een babbel.' },
			neighbourhoodId: s.hood.id
		})
		.returning();
	placeId = place.id;
});

afterAll(() => {
	vi.unstubAllEnvs();
});

function asAccount(person: Scenario['vera']): SignedInAccount {
	return { ...person, username: person.displayName.toLowerCase() };
}

function jsonRequest(
	account: SignedInAccount | null,
	body: unknown,
	{
		origin = 'http://localhost',
		path = '/api/backup',
		language = 'nl'
	}: { origin?: string | null; path?: string; language?: string } = {}
) {
	const { event } = makeEvent(path, { account, params: {} });
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'accept-language': language
	};
	if (origin) headers.origin = origin;
	event.request = new Request(event.url, {
		method: 'POST',
		headers,
		body: JSON.stringify(body)
	});
	return event;
}

function callBody(changes: Record<string, unknown> = {}) {
	return {
		deviceCallId: randomUUID(),
		where: `place:${placeId}`,
		urgency: 'come-now',
		helpKind: 'someone-to-come',
		note: 'Het loopt hoog op aan de toog',
		...changes
	};
}

async function send(account: SignedInAccount | null, body: unknown, options = {}) {
	const response = (await POST(jsonRequest(account, body, options) as never)) as Response;
	return { status: response.status, body: await response.json() };
}

describe('POST /api/backup (the outbox sends here)', () => {
	it('sending the same call twice stores it once and answers the same', async () => {
		const vera = asAccount(s.vera);
		const body = callBody();
		const first = await send(vera, body);
		const again = await send(vera, body);

		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({ created: true, sentTo: 2, nobodyOnDuty: false });
		expect(first.body.statusUrl).toBe(`/nl/team/backup/${first.body.id}`);
		expect(again.status).toBe(200);
		expect(again.body).toMatchObject({ id: first.body.id, created: false, sentTo: 2 });
		expect(await db.$count(backupCalls, eq(backupCalls.deviceCallId, body.deviceCallId))).toBe(1);
	});

	it('checks the fields as the form does, with messages in the language asked for', async () => {
		const vera = asAccount(s.vera);
		const nl = await send(vera, callBody({ urgency: '', helpKind: 'pizza', where: '' }));
		const fr = await send(vera, {
			...callBody({ urgency: '', where: '' }),
			locale: 'fr'
		});
		const en = await send(vera, callBody({ urgency: 'soon' }), { language: 'en-GB,en;q=0.8' });

		expect(nl.status).toBe(400);
		expect(nl.body.errors).toEqual({
			where: 'Kies waar je bent.',
			urgency: 'Kies hoe dringend het is.',
			helpKind: 'Kies welke hulp je nodig hebt.'
		});
		expect(fr.body.errors.urgency).toBe('Choisissez si c’est urgent.');
		expect(fr.body.errors.where).toBe('Choisissez où vous êtes.');
		expect(en.body.errors).toEqual({ urgency: 'Choose how urgent it is.' });
	});

	it('refuses a meeting place outside the volunteer’s neighbourhoods', async () => {
		const [elsewhere] = await db
			.insert(places)
			.values({
				slug: `elders-${randomUUID().slice(0, 8)}`,
				kind: 'cafe',
				name: { nl: 'Café Elders' },
				whatToExpect: { nl: 'Koffie.' },
				neighbourhoodId: s.nextDoor.id
			})
			.returning();
		const answer = await send(asAccount(s.vera), callBody({ where: `place:${elsewhere.id}` }));
		expect(answer.status).toBe(400);
		expect(Object.keys(answer.body.errors)).toEqual(['where']);
	});

	it('"here" without a point from the device is the neighbourhood itself', async () => {
		const answer = await send(asAccount(s.vera), callBody({ where: 'here' }));
		expect(answer.status).toBe(201);
		const [row] = await db.select().from(backupCalls).where(eq(backupCalls.id, answer.body.id));
		expect(row).toMatchObject({ placeId: null, roughLat: 50.85, roughLon: 4.35 });
	});

	it('"here" with a point keeps it rounded to about 100 m', async () => {
		const answer = await send(
			asAccount(s.vera),
			callBody({ where: 'here', lat: '50.84671', lon: '4.35249' })
		);
		const [row] = await db.select().from(backupCalls).where(eq(backupCalls.id, answer.body.id));
		expect(row).toMatchObject({ roughLat: 50.847, roughLon: 4.352 });
	});

	it('tells a volunteer at once when nobody is on duty, with numbers to call instead', async () => {
		vi.stubEnv('KWARTIER_NOW', '2025-03-10T20:00:00+01:00');
		try {
			const answer = await send(asAccount(s.vera), callBody());
			expect(answer.body).toMatchObject({
				created: true,
				nobodyOnDuty: true,
				sentTo: 0,
				callInstead: [{ displayName: 'Zoë', phone: '+32 2 555 01 01' }]
			});
		} finally {
			vi.stubEnv('KWARTIER_NOW', '2025-03-10T09:30:00+01:00');
		}
	});

	it('answers 401 without a session, so the outbox keeps the call', async () => {
		expect((await send(null, callBody())).status).toBe(401);
	});

	it('only takes calls from this site’s own pages', async () => {
		const vera = asAccount(s.vera);
		expect((await send(vera, callBody(), { origin: 'https://elsewhere.example' })).status).toBe(
			403
		);
		expect((await send(vera, callBody(), { origin: null })).status).toBe(403);
	});

	it('keeps a call saved by someone else on this device for them', async () => {
		const answer = await send(asAccount(s.wout), { ...callBody(), accountId: s.vera.id });
		expect(answer).toMatchObject({ status: 409, body: { code: 'other-account' } });
	});

	it('refuses a device call id another volunteer already used', async () => {
		const body = callBody();
		await send(asAccount(s.vera), body);
		const answer = await send(asAccount(s.wout), body);
		expect(answer.status).toBe(409);
		expect(answer.body.code).toBe('refused');
	});
});

describe('GET /api/backup/[id]', () => {
	it('shows a volunteer their own call, and another volunteer’s call is not found', async () => {
		const sent = await send(asAccount(s.vera), callBody());
		const get = (person: Scenario['vera']) => {
			const { event } = makeEvent(`/api/backup/${sent.body.id}`, {
				account: asAccount(person),
				params: { id: String(sent.body.id) }
			});
			return outcome(() => GET(event as never));
		};
		const own = await get(s.vera);
		const response = own.returned as Response;
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ id: sent.body.id, status: 'open', sentTo: 2 });

		const other = await get(s.wout);
		expect(other.thrown?.status).toBe(404);
	});
});

describe('POST /api/backup/note-check', () => {
	it('warns about a name or a phone number, and not about a plain situation', async () => {
		const check = async (note: string) => {
			const event = jsonRequest(asAccount(s.vera), { note }, { path: '/api/backup/note-check' });
			const response = (await checkNote(event as never)) as Response;
			return (await response.json()).warnings;
		};
		expect(await check('Jan Peeters belt steeds naar 0470 12 34 56')).toEqual(['name', 'phone']);
		expect(await check('Iemand is erg boos in de zaal')).toEqual([]);
	});
});
