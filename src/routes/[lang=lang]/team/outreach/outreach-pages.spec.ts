import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { gatherings, neighbourhoods, rounds } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { listTeam } from '$lib/server/outreach/team';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { actions as calendarActions, load as loadCalendar } from './+page.server';
import {
	actions as teamActions,
	load as loadTeam
} from './[kind=outreachkind]/[id]/[date]/+page.server';
import { load as loadSheet } from '../rounds/[id]/sheet/[date]/+page.server';

// Tuesday 24 November 2026, 10:30 in Brussels, as in the end-to-end tests.
const NOW = '2026-11-24T10:30:00+01:00';

type Form = Record<string, string>;
type Result = Awaited<ReturnType<typeof outcome>>;

let worker: SignedInAccount;
let volunteer: SignedInAccount;
const ids = { marollenRound: 0, kuregemRound: 0, canalWalk: 0, circle: 0 };

async function idOf(table: typeof rounds | typeof gatherings, slug: string) {
	const [row] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
	return row.id;
}

function calendarPage(account: SignedInAccount | null, lang = 'en', search = '') {
	const { event } = makeEvent(`/${lang}/team/outreach${search}`, { account });
	return outcome(() => loadCalendar(event as never));
}

function calendarAction(
	name: keyof typeof calendarActions,
	form: Form,
	account: SignedInAccount = worker,
	lang = 'en'
) {
	const { event } = makeEvent(`/${lang}/team/outreach?/${name}`, { account, form });
	return outcome(() => (calendarActions[name] as (event: never) => unknown)(event as never));
}

function teamParams(kind: string, id: number | string, date: string, lang = 'en') {
	return { lang, kind, id: String(id), date };
}

function teamPage(
	account: SignedInAccount | null,
	kind: string,
	id: number,
	date: string,
	lang = 'en',
	search = ''
) {
	const { event } = makeEvent(`/${lang}/team/outreach/${kind}/${id}/${date}${search}`, {
		account,
		params: teamParams(kind, id, date, lang)
	});
	return outcome(() => loadTeam(event as never));
}

function teamAction(
	name: keyof typeof teamActions,
	target: [string, number, string],
	form: Form,
	account: SignedInAccount = worker,
	lang = 'en'
) {
	const [kind, id, date] = target;
	const { event } = makeEvent(`/${lang}/team/outreach/${kind}/${id}/${date}?/${name}`, {
		account,
		form,
		params: teamParams(kind, id, date, lang)
	});
	return outcome(() => (teamActions[name] as (event: never) => unknown)(event as never));
}

function failure(result: Result) {
	const returned = result.returned as { status?: number; data?: Record<string, any> } | undefined;
	if (result.thrown || returned?.status === undefined) {
		throw new Error(`expected a failure, got ${JSON.stringify(result.thrown ?? returned)}`);
	}
	return { status: returned.status, data: returned.data as Record<string, any> };
}

type CalendarData = {
	calendar: {
		weeks: {
			days: { entries: { key: string; gap: boolean; mine: boolean; team: unknown[] }[] }[];
		}[];
	};
};

function entries(result: Result) {
	return (result.returned as CalendarData).calendar.weeks.flatMap((week) =>
		week.days.flatMap((day) => day.entries)
	);
}

beforeAll(async () => {
	process.env.KWARTIER_NOW = NOW;
	await seedDemoIfEmpty(db);
	const hoods = await db.select({ id: neighbourhoods.id }).from(neighbourhoods);
	worker = await createTestAccount('worker', {
		displayName: 'Sara',
		neighbourhoodIds: hoods.map((hood) => hood.id)
	});
	volunteer = await createTestAccount('volunteer', { displayName: 'Yasmina' });
	ids.marollenRound = await idOf(rounds, 'koffiebus-marollen');
	ids.kuregemRound = await idOf(rounds, 'koffiebus-kuregem');
	ids.canalWalk = await idOf(gatherings, 'wandeling-langs-het-kanaal');
	ids.circle = await idOf(gatherings, 'open-kring-zennebel');
});

afterAll(() => {
	delete process.env.KWARTIER_NOW;
});

describe('the planning calendar page', () => {
	it('shows a worker the rounds, walks and drop-in hours of four weeks from today', async () => {
		const page = await calendarPage(worker);
		const keys = entries(page).map((entry) => entry.key);
		expect(keys).toContain(`round-${ids.marollenRound}-2026-12-02`);
		expect(keys).toContain(`round-${ids.kuregemRound}-2026-12-08`);
		expect(keys).toContain(`gathering-${ids.canalWalk}-2026-11-27`);
		expect(keys.some((key) => key.startsWith(`gathering-${ids.circle}-`))).toBe(false);
		expect(page.returned).toMatchObject({
			view: { from: null, weeks: 4, neighbourhood: null, show: 'all' },
			lastDay: '2026-12-21',
			links: {
				earlier: '/en/team/outreach?from=2026-11-17',
				later: '/en/team/outreach?from=2026-12-01'
			}
		});
	});

	it('reads the view from the address and ignores what it cannot use', async () => {
		const page = await calendarPage(
			worker,
			'nl',
			'?from=2026-12-14&weeks=1&neighbourhood=marollen&show=gaps'
		);
		expect(page.returned).toMatchObject({
			view: { from: '2026-12-14', weeks: 1, neighbourhood: 'marollen', show: 'gaps' },
			search: 'from=2026-12-14&weeks=1&neighbourhood=marollen&show=gaps'
		});
		expect(entries(page).every((entry) => entry.gap)).toBe(true);

		const odd = await calendarPage(
			worker,
			'nl',
			'?from=2026-02-30&weeks=99&neighbourhood=%3Cx%3E&show=x'
		);
		expect(odd.returned).toMatchObject({
			view: { from: null, weeks: 4, neighbourhood: null, show: 'all' }
		});
	});

	it('never reaches a volunteer or a visitor', async () => {
		expect((await calendarPage(volunteer)).thrown?.status).toBe(403);
		expect((await calendarPage(null)).thrown?.location).toMatch(/^\/en\/login\?next=/);
		const date = ['gathering', ids.canalWalk, '2026-11-27'] as const;
		expect((await teamPage(volunteer, ...date)).thrown?.status).toBe(403);
		const { event } = makeEvent(`/en/team/rounds/${ids.marollenRound}/sheet/2026-12-02`, {
			account: volunteer,
			params: { lang: 'en', id: String(ids.marollenRound), date: '2026-12-02' }
		});
		expect((await outcome(() => loadSheet(event as never))).thrown?.status).toBe(403);
	});

	it('"add me" puts the worker on the team, closes the gap and comes back to the same view', async () => {
		const key = `gathering-${ids.canalWalk}-2026-12-04`;
		const view = 'neighbourhood=molenbeek-historisch-centrum&show=gaps';
		const before = entries(await calendarPage(worker, 'en', `?${view}`));
		expect(before.find((entry) => entry.key === key)?.gap).toBe(true);

		const added = await calendarAction('addMe', {
			type: 'gathering',
			id: String(ids.canalWalk),
			date: '2026-12-04',
			view
		});
		expect(added.thrown).toMatchObject({
			status: 303,
			location: `/en/team/outreach?neighbourhood=molenbeek-historisch-centrum&show=gaps&added=${key}#${key}`
		});
		const after = entries(await calendarPage(worker)).find((entry) => entry.key === key);
		expect(after).toMatchObject({ gap: false, mine: true });

		const again = failure(
			await calendarAction(
				'addMe',
				{ type: 'gathering', id: String(ids.canalWalk), date: '2026-12-04', view: '' },
				worker,
				'fr'
			)
		);
		expect(again).toMatchObject({
			status: 400,
			data: { key, message: "Vous êtes déjà dans l'équipe de cette date." }
		});

		const removed = await calendarAction('removeMe', {
			type: 'gathering',
			id: String(ids.canalWalk),
			date: '2026-12-04',
			view: ''
		});
		expect(removed.thrown).toMatchObject({
			status: 303,
			location: `/en/team/outreach?removed=${key}#${key}`
		});
		expect(await listTeam({ gatheringId: ids.canalWalk }, '2026-12-04')).toEqual([]);
	});

	it('refuses a cancelled date, a date outside the rhythm and tampered fields, in the user’s language', async () => {
		const cancelled = failure(
			await calendarAction(
				'addMe',
				{ type: 'round', id: String(ids.kuregemRound), date: '2026-12-08', view: '' },
				worker,
				'nl'
			)
		);
		expect(cancelled.data.message).toBe('Deze datum gaat niet door: niemand hoeft te gaan.');
		const offRhythm = failure(
			await calendarAction('addMe', {
				type: 'round',
				id: String(ids.kuregemRound),
				date: '2026-12-09',
				view: ''
			})
		);
		expect(offRhythm.data.message).toMatch(/not in the rhythm/);
		const tampered = failure(
			await calendarAction('addMe', { type: 'place', id: '1', date: 'tomorrow', view: '<script>' })
		);
		expect(tampered.status).toBe(400);
		const notOn = failure(
			await calendarAction('removeMe', {
				type: 'round',
				id: String(ids.marollenRound),
				date: '2026-12-02',
				view: ''
			})
		);
		expect(notOn.data.message).toBe('You were not on the team of this date.');
	});
});

describe('the team page of one date', () => {
	const walk = () => ['gathering', ids.canalWalk, '2026-12-11'] as [string, number, string];

	it('shows the date, its team and who can be added; 404 for what is not an outreach date', async () => {
		const page = await teamPage(worker, ...walk());
		expect(page.returned).toMatchObject({
			item: { kind: 'walk', type: 'gathering' },
			date: { originalDate: '2026-12-11', start: '2026-12-11T10:30', status: 'scheduled' },
			team: [],
			mine: false,
			links: { calendar: `/en/team/outreach#gathering-${ids.canalWalk}-2026-12-11` }
		});
		expect((await teamPage(worker, 'gathering', ids.canalWalk, '2026-12-12')).thrown?.status).toBe(
			404
		);
		expect((await teamPage(worker, 'gathering', ids.circle, '2026-12-01')).thrown?.status).toBe(
			404
		);
		expect((await teamPage(worker, 'place', ids.canalWalk, '2026-12-11')).thrown?.status).toBe(404);
		expect((await teamPage(worker, 'round', 999_999, '2026-12-11')).thrown?.status).toBe(404);
	});

	it('without JavaScript, a wrong phone number or a missing name keeps what was typed', async () => {
		const typed = { partnerName: 'Jonas (CAW Brussel)', partnerPhone: 'bel me maar' };
		const badPhone = failure(await teamAction('addPartner', walk(), typed, worker, 'fr'));
		expect(badPhone).toMatchObject({
			status: 400,
			data: {
				form: 'addPartner',
				values: typed,
				errors: { partnerPhone: expect.stringContaining('numéro de téléphone') }
			}
		});
		const noName = failure(
			await teamAction(
				'addPartner',
				walk(),
				{ partnerName: '  ', partnerPhone: '0470 12 34 56' },
				worker,
				'nl'
			)
		);
		expect(noName.data).toMatchObject({
			values: { partnerName: '  ', partnerPhone: '0470 12 34 56' },
			errors: { partnerName: expect.any(String) }
		});
		expect(noName.data.errors.partnerPhone).toBeUndefined();
		expect(await listTeam({ gatheringId: ids.canalWalk }, '2026-12-11')).toEqual([]);
	});

	it('adds a partner and an account, says who was added, and refuses doubles next to the field', async () => {
		const partner = await teamAction('addPartner', walk(), {
			partnerName: 'Jonas (CAW Brussel)',
			partnerPhone: '+32 470 12 34 56'
		});
		expect(partner.thrown?.status).toBe(303);
		const addedId = /added=(\d+)/.exec(partner.thrown!.location!)![1];
		const page = await teamPage(worker, ...walk(), 'en', `?added=${addedId}`);
		expect(page.returned).toMatchObject({
			added: 'Jonas (CAW Brussel)',
			team: [{ name: 'Jonas (CAW Brussel)', role: 'partner', phone: '+32 470 12 34 56' }]
		});

		const account = await teamAction('addAccount', walk(), { accountId: String(volunteer.id) });
		expect(account.thrown?.status).toBe(303);
		const twice = failure(
			await teamAction('addAccount', walk(), { accountId: String(volunteer.id) })
		);
		expect(twice.data).toMatchObject({
			form: 'addAccount',
			values: { accountId: String(volunteer.id) },
			errors: { accountId: 'Already on the team of this date.' }
		});
		const tampered = failure(await teamAction('addAccount', walk(), { accountId: '1 OR 1=1' }));
		expect(tampered.data.errors).toEqual({ accountId: 'Choose someone from the list.' });

		const names = (await listTeam({ gatheringId: ids.canalWalk }, '2026-12-11')).map((m) => m.name);
		expect(names).toEqual(['Yasmina', 'Jonas (CAW Brussel)']);
		// The volunteer is no longer offered in the list of people to add.
		const after = (await teamPage(worker, ...walk())).returned as { candidates: { id: number }[] };
		expect(after.candidates.some((candidate) => candidate.id === volunteer.id)).toBe(false);
	});

	it('"add me" and taking someone off again', async () => {
		expect((await teamAction('addMe', walk(), {})).thrown?.status).toBe(303);
		const page = (await teamPage(worker, ...walk())).returned as {
			mine: boolean;
			team: { id: number; name: string }[];
		};
		expect(page.mine).toBe(true);
		const sara = page.team.find((member) => member.name === 'Sara')!;
		const removed = await teamAction('remove', walk(), { memberId: String(sara.id) });
		expect(removed.thrown).toMatchObject({ status: 303 });
		expect(removed.thrown?.location).toMatch(/\?removed=1#team-title$/);
		const gone = failure(await teamAction('remove', walk(), { memberId: String(sara.id) }));
		expect(gone.data.errors).toEqual({ form: 'This person is no longer on the team.' });
	});

	it('a cancelled date takes nobody new', async () => {
		const cancelled = ['round', ids.kuregemRound, '2026-12-08'] as [string, number, string];
		expect((await teamPage(worker, ...cancelled)).returned).toMatchObject({
			date: { status: 'cancelled' }
		});
		const refused = failure(await teamAction('addMe', cancelled, {}));
		expect(refused.data.errors).toEqual({ form: 'This date is cancelled: nobody needs to go.' });
	});
});

describe('the route sheet page', () => {
	it('gives the stops, the map and the team of one round date; 404 for another day', async () => {
		const run = (date: string, id = ids.marollenRound) => {
			const { event } = makeEvent(`/nl/team/rounds/${id}/sheet/${date}`, {
				account: worker,
				params: { lang: 'nl', id: String(id), date }
			});
			return outcome(() => loadSheet(event as never));
		};
		const sheet = await run('2026-12-02');
		expect(sheet.returned).toMatchObject({
			sheet: {
				round: { neighbourhood: 'Marollen' },
				date: { start: '2026-12-02T09:40', status: 'scheduled' },
				stops: expect.arrayContaining([
					expect.objectContaining({
						position: 1,
						street: 'Vossenplein / Place du Jeu de Balle',
						arrival: '09:40'
					})
				])
			},
			links: { team: `/nl/team/outreach/round/${ids.marollenRound}/2026-12-02` }
		});
		expect((sheet.returned as { sheet: { map: { boundary: string } } }).sheet.map.boundary).toMatch(
			/^M/
		);
		expect((await run('2026-12-03')).thrown?.status).toBe(404);
		expect((await run('../../etc')).thrown?.status).toBe(404);
	});
});
