import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { db } from '$lib/server/db';
import { neighbourhoods } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createRound } from '$lib/server/rounds/manage';
import { actions as roundActions } from '../../src/routes/[lang=lang]/team/rounds/[id]/+page.server';
import { load as loadPublicRound } from '../../src/routes/[lang=lang]/rounds/[slug]/+page.server';
import { GET as getCalendarFeed } from '../../src/routes/feeds/calendar.ics/+server';
import { createTestAccount, makeEvent, outcome } from '../support/events';

/*
 * A worker cancels one date of a coffee-bus round and moves another, on the round's own team
 * page; residents then see both on the public round page and in the calendar feed.
 */

// Monday 30 November 2026; the round runs on the second Tuesday: 8 December, 12 January, ...
const NOW = '2026-11-30T09:00:00+01:00';

let worker: SignedInAccount;
let round: { id: number; slug: string };

async function changeDate(name: 'cancelDate' | 'moveDate', form: Record<string, string>) {
	const { event } = makeEvent(`/nl/team/rounds/${round.id}`, {
		account: worker,
		form: { noteNl: '', noteFr: '', noteEn: '', ...form },
		params: { lang: 'nl', id: String(round.id) }
	});
	const action = roundActions[name] as (event: never) => Promise<unknown>;
	const result = await outcome(() => action(event as never));
	expect(result.returned).toMatchObject({ dateChange: { done: true } });
}

type PublicPage = {
	visits: { originalDate: string; start: string; status: string; note: { en?: string } | null }[];
	round: { stops: { position: number; nextVisit: string | null }[] };
};

async function publicPage(lang = 'en') {
	const { event } = makeEvent(`/${lang}/rounds/${round.slug}`, {
		params: { lang, slug: round.slug }
	});
	const result = await outcome(() => loadPublicRound(event as never));
	if (result.thrown) throw new Error(`round page: ${result.thrown.status}`);
	return result.returned as unknown as PublicPage;
}

async function feed() {
	const url = new URL('/feeds/calendar.ics?lang=en', 'http://localhost');
	const response = await getCalendarFeed({ url, request: new Request(url) } as never);
	expect(response.status).toBe(200);
	return (await response.text()).replace(/\r\n[ \t]/g, '');
}

beforeAll(async () => {
	process.env.KWARTIER_NOW = NOW;
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'zuidwijk',
			name: { nl: 'Zuidwijk', en: 'South side' },
			municipality: 'Brussel',
			centreLat: 50.84,
			centreLon: 4.34
		})
		.returning();
	worker = await createTestAccount('worker', { neighbourhoodIds: [hood.id] });
	round = await createRound(
		{
			name: { nl: 'Koffiebus Zuid', en: 'South coffee bus' },
			description: { nl: 'Koffie en thee op straat.', en: 'Coffee and tea in the street.' },
			neighbourhoodId: hood.id,
			startsAt: '2026-11-10T09:30',
			rrule: 'FREQ=MONTHLY;BYDAY=2TU',
			partners: ['CAW Brussel'],
			visibility: 'public'
		},
		[
			{ street: 'Zuidstraat', lat: 50.84, lon: 4.34, arrivalTime: '10:00', stayMinutes: 45 },
			{ street: 'Kerkplein', lat: 50.841, lon: 4.342, arrivalTime: '11:00', stayMinutes: 60 }
		]
	);
	await changeDate('cancelDate', {
		originalDate: '2026-12-08',
		noteEn: 'The van is being repaired.'
	});
	await changeDate('moveDate', {
		originalDate: '2027-01-12',
		newDate: '2027-01-13',
		newTime: '13:30',
		noteEn: 'One day later this time.'
	});
});

afterAll(() => {
	delete process.env.KWARTIER_NOW;
});

describe('a cancelled and a moved round date, as residents see them', () => {
	it('the public round page lists the cancelled date as cancelled and the moved one at its new time', async () => {
		const page = await publicPage();
		const [first, second, third] = page.visits;
		expect(first).toMatchObject({
			originalDate: '2026-12-08',
			start: '2026-12-08T10:00',
			status: 'cancelled',
			note: { en: 'The van is being repaired.' }
		});
		expect(second).toMatchObject({
			originalDate: '2027-01-12',
			start: '2027-01-13T13:30',
			status: 'moved',
			note: { en: 'One day later this time.' }
		});
		expect(third).toMatchObject({ originalDate: '2027-02-09', status: 'scheduled' });
		// "The bus is in your street next on ...": not on the cancelled day, and at the new time.
		expect(page.round.stops.map((stop) => [stop.position, stop.nextVisit])).toEqual([
			[1, '2027-01-13T13:30'],
			[2, '2027-01-13T14:30']
		]);
	});

	it('the calendar feed leaves the cancelled date out (EXDATE) and moves the other (RECURRENCE-ID)', async () => {
		const raw = await feed();
		const blocks = raw
			.split('BEGIN:VEVENT')
			.filter((block) => block.includes(`UID:round-${round.id}@kwartier\r\n`));
		const series = blocks.find((block) => !block.includes('RECURRENCE-ID'));
		const override = blocks.find((block) => block.includes('RECURRENCE-ID'));
		expect(series).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU');
		expect(series).toContain('EXDATE;TZID=Europe/Brussels:20261208T100000\r\n');
		expect(series).not.toContain('20270112T100000');
		expect(override).toContain('RECURRENCE-ID;TZID=Europe/Brussels:20270112T100000\r\n');
		expect(override).toContain('DTSTART;TZID=Europe/Brussels:20270113T133000\r\n');
		expect(override).toContain('One day later this time.');

		// A calendar app reads it the same way.
		const events = Object.values(ical.sync.parseICS(raw)).filter(
			(component): component is VEvent =>
				component?.type === 'VEVENT' && component.uid === `round-${round.id}@kwartier`
		);
		expect(events).toHaveLength(1);
		const [event] = events;
		// node-ical keeps each date under more than one key; they are the same moment.
		const instants = (values: object) =>
			[...new Set(Object.values(values).map((value) => new Date(value).toISOString()))].sort();
		expect(instants(event.exdate ?? {})).toEqual(['2026-12-08T09:00:00.000Z']);
		const moved = Object.values(event.recurrences ?? {}).map((recurrence) => recurrence.start);
		expect(instants(moved)).toEqual(['2027-01-13T12:30:00.000Z']);
	});
});
