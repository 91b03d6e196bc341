import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { backupCalls, places } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { acknowledgeCall, markOnTheWay } from '$lib/server/backup';
import { at, createScenario, type Scenario } from '$lib/server/backup/spec-support';
import { makeEvent, outcome } from '../../../../../tests/support/events';
import { actions, load } from './+page.server';
import { actions as statusActions, load as statusLoad } from './[id]/+page.server';
import type { PageServerData } from './$types';
import type { PageServerData as StatusData } from './[id]/$types';

let s: Scenario;
let placeId: number;

beforeAll(async () => {
	vi.stubEnv('KWARTIER_NOW', '2025-03-10T09:30:00+01:00');
	s = await createScenario();
	const [place] = await db
		.insert(places)
		.values({
			slug: `huis-${randomUUID().slice(0, 8)}`,
			kind: 'drop-in-house',
			name: { nl: 'Inloophuis De Kaai', fr: 'Maison d’accueil De Kaai' },
			whatToExpect: { nl: 'Koffie.' },
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

function formFor(changes: Record<string, string> = {}) {
	return {
		deviceCallId: randomUUID(),
		where: `place:${placeId}`,
		neighbourhoodId: '',
		lat: '',
		lon: '',
		urgency: 'call-me',
		helpKind: 'phone-call',
		note: '',
		...changes
	};
}

async function sendForm(person: Scenario['vera'], form: Record<string, string>, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/backup`, { account: asAccount(person), form });
	return outcome(() => actions.default(event as never));
}

async function viewCall(person: Scenario['vera'], id: number | string, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/backup/${id}`, {
		account: asAccount(person),
		params: { lang, id: String(id) }
	});
	return outcome(() => statusLoad(event as never) as Promise<StatusData>);
}

function idFrom(location: string | undefined) {
	return Number(location?.split('/').pop());
}

describe('the backup-call form', () => {
	it('offers the volunteer’s own meeting places and a fresh device call id', async () => {
		const { event } = makeEvent('/nl/team/backup', { account: asAccount(s.vera) });
		const { returned } = await outcome(() => load(event as never));
		const data = returned as PageServerData;
		expect(data.choices.map((hood) => hood.id)).toEqual([s.hood.id]);
		expect(data.choices[0].places).toEqual([{ id: placeId, name: 'Inloophuis De Kaai' }]);
		expect(data.values.deviceCallId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('sends the call and goes to its status page; sending the same form again is harmless', async () => {
		const form = formFor();
		const first = await sendForm(s.vera, form);
		const again = await sendForm(s.vera, form);

		expect(first.thrown?.status).toBe(303);
		expect(first.thrown?.location).toMatch(/^\/nl\/team\/backup\/\d+$/);
		expect(again.thrown?.location).toBe(first.thrown?.location);
		expect(await db.$count(backupCalls, eq(backupCalls.deviceCallId, form.deviceCallId))).toBe(1);
	});

	it('shows what is missing in the page’s language and keeps what was typed', async () => {
		const nl = await sendForm(s.vera, formFor({ where: '', urgency: '', note: 'Boos' }));
		const fr = await sendForm(s.vera, formFor({ helpKind: '' }), 'fr');
		const nlData = (nl.returned as unknown as { data: { errors: object; values: object } })
			.data as { errors: Record<string, string>; values: Record<string, string> };

		expect((nl.returned as { status: number }).status).toBe(400);
		expect(nlData.errors).toEqual({
			where: 'Kies waar je bent.',
			urgency: 'Kies hoe dringend het is.'
		});
		expect(nlData.values.note).toBe('Boos');
		expect(fr.returned).toMatchObject({
			status: 400,
			data: { errors: { helpKind: 'Choisissez l’aide dont vous avez besoin.' } }
		});
	});

	it('puts the place the volunteer asked from last time first', async () => {
		await sendForm(s.vera, formFor());
		const { event } = makeEvent('/nl/team/backup', { account: asAccount(s.vera) });
		const data = (await outcome(() => load(event as never))).returned as PageServerData;
		expect(data.recentPlaceIds).toEqual([placeId]);
	});

	it('says a note that is too long is too long', async () => {
		const { returned } = await sendForm(s.vera, formFor({ note: 'a'.repeat(501) }), 'en');
		expect(returned).toMatchObject({ status: 400, data: { errors: { note: expect.any(String) } } });
	});
});

describe('the call’s status page', () => {
	it('shows the volunteer what happened: sent to 2 workers, then who saw it', async () => {
		const sent = await sendForm(s.vera, formFor({ note: 'Jan Peeters is erg boos' }));
		const id = idFrom(sent.thrown?.location);

		const before = (await viewCall(s.vera, id)).returned;
		expect(before).toMatchObject({
			call: { id, status: 'open', sentTo: 2 },
			nobodyOnDuty: false,
			placeName: 'Inloophuis De Kaai',
			// The note check runs on the server too, after sending.
			warnings: ['name']
		});

		await acknowledgeCall(id, s.amina.id, at('2025-03-10T09:32'));
		await markOnTheWay(id, s.amina.id, at('2025-03-10T09:33'));
		const after = (await viewCall(s.vera, id)).returned as StatusData;
		expect(after.call.status).toBe('on-the-way');
		expect(after.call.owner?.displayName).toBe('Amina');
		expect(after.call.timeline.map((entry) => entry.type)).toEqual([
			'created',
			'notified',
			'notified',
			'acknowledged',
			'on-the-way'
		]);
	});

	it('another volunteer’s call is not found', async () => {
		const sent = await sendForm(s.vera, formFor());
		const id = idFrom(sent.thrown?.location);
		expect((await viewCall(s.wout, id)).thrown?.status).toBe(404);
		expect((await viewCall(s.wout, 'abc')).thrown?.status).toBe(404);
	});

	it('says at once when nobody is on duty, and gives numbers to call instead', async () => {
		vi.stubEnv('KWARTIER_NOW', '2025-03-11T22:00:00+01:00');
		try {
			const sent = await sendForm(s.vera, formFor());
			const view = (await viewCall(s.vera, idFrom(sent.thrown?.location))).returned;
			expect(view).toMatchObject({
				nobodyOnDuty: true,
				callInstead: [{ displayName: 'Zoë', phone: '+32 2 555 01 01' }]
			});
		} finally {
			vi.stubEnv('KWARTIER_NOW', '2025-03-10T09:30:00+01:00');
		}
	});

	it('lets the volunteer cancel their own call, once, and nobody else', async () => {
		const sent = await sendForm(s.vera, formFor());
		const id = idFrom(sent.thrown?.location);
		const cancel = (person: Scenario['vera'], lang = 'nl') => {
			const { event } = makeEvent(`/${lang}/team/backup/${id}?/cancel`, {
				account: asAccount(person),
				params: { lang, id: String(id) },
				form: {}
			});
			return outcome(() => statusActions.cancel(event as never));
		};

		expect((await cancel(s.wout)).thrown?.status).toBe(404);
		expect((await cancel(s.vera)).returned).toEqual({ message: 'Je oproep is geannuleerd.' });
		expect((await cancel(s.vera, 'en')).returned).toMatchObject({
			status: 409,
			data: { message: 'This call is already closed. It cannot be cancelled any more.' }
		});
	});
});
