import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { outreachTeam } from '$lib/server/db/schema';
import { disableAccount } from '$lib/server/auth/accounts';
import {
	cancelOccurrence,
	createGathering,
	moveOccurrence,
	type GatheringInput
} from '$lib/server/gatherings/manage';
import { createRound } from '$lib/server/rounds/manage';
import { createNeighbourhood, createPerson } from '$lib/server/roster/spec-support';
import {
	addAccountToTeam,
	addPartnerToTeam,
	findOutreachItem,
	listTeam,
	listTeamCandidates,
	occurrenceOn,
	removeFromTeam
} from './team';

let hoodId: number;
let otherHoodId: number;
let roundId: number;
let walkId: number;
let circleId: number;
const people = {} as Record<
	'sara' | 'yasmina' | 'noor' | 'gone',
	Awaited<ReturnType<typeof createPerson>>
>;

function gathering(overrides: Partial<GatheringInput>): GatheringInput {
	return {
		kind: 'walk',
		title: { nl: 'Buurtwandeling', fr: 'Promenade', en: 'Neighbourhood walk' },
		description: { nl: 'Samen wandelen.' },
		placeId: null,
		lat: 50.84,
		lon: 4.34,
		pointName: 'Aan de kerk',
		neighbourhoodId: hoodId,
		startsAt: '2026-11-07T10:00',
		durationMinutes: 90,
		rrule: 'FREQ=WEEKLY;BYDAY=SA',
		host: 'Buurtwerk',
		walkIn: true,
		cost: 'free',
		languages: ['nl'],
		visibility: 'public',
		helpersNeeded: null,
		...overrides
	};
}

beforeAll(async () => {
	hoodId = (await createNeighbourhood()).id;
	otherHoodId = (await createNeighbourhood()).id;
	people.sara = await createPerson('worker', 'Sara', {
		neighbourhoodIds: [hoodId],
		phone: '+32 470 11 22 33'
	});
	people.yasmina = await createPerson('volunteer', 'Yasmina', { neighbourhoodIds: [otherHoodId] });
	people.noor = await createPerson('coordinator', 'Noor');
	people.gone = await createPerson('worker', 'Gone');
	await disableAccount(people.gone.id);

	// The second Tuesday of the month, stops from 10:00 to 12:30.
	roundId = (
		await createRound(
			{
				name: { nl: 'Koffiebus Test' },
				description: { nl: 'Koffie op straat.' },
				neighbourhoodId: hoodId,
				startsAt: '2026-11-10T09:30',
				rrule: 'FREQ=MONTHLY;BYDAY=2TU',
				partners: ['CAW Brussel'],
				visibility: 'members'
			},
			[
				{ street: 'Eerste straat', lat: 50.84, lon: 4.34, arrivalTime: '10:00', stayMinutes: 60 },
				{ street: 'Tweede straat', lat: 50.85, lon: 4.35, arrivalTime: '11:30', stayMinutes: 60 }
			]
		)
	).id;
	walkId = (await createGathering(gathering({}))).id;
	circleId = (await createGathering(gathering({ kind: 'open-circle' }))).id;
	await cancelOccurrence({ roundId }, '2027-01-12', { nl: 'De bus is in herstelling.' });
	await moveOccurrence({ roundId }, '2027-02-09', '2027-02-10T13:00', null);
});

describe('who goes along on a date', () => {
	it('a worker, a volunteer and a partner are on the team, accounts first, with phones', async () => {
		const ref = { target: { roundId }, date: '2026-12-08' };
		expect(
			await addPartnerToTeam({
				...ref,
				name: ' Jonas (CAW) ',
				phone: '0470 99 88 77',
				addedBy: people.sara.id
			})
		).toMatchObject({ ok: true });
		expect(
			await addAccountToTeam({ ...ref, accountId: people.yasmina.id, addedBy: people.sara.id })
		).toMatchObject({ ok: true });
		expect(
			await addAccountToTeam({ ...ref, accountId: people.sara.id, addedBy: people.sara.id })
		).toMatchObject({ ok: true });

		const team = await listTeam({ roundId }, '2026-12-08');
		expect(team.map((member) => [member.name, member.role, member.phone])).toEqual([
			['Sara', 'worker', '+32 470 11 22 33'],
			['Yasmina', 'volunteer', null],
			['Jonas (CAW)', 'partner', '0470 99 88 77']
		]);
		// Another date of the same round has its own team.
		expect(await listTeam({ roundId }, '2027-03-09')).toEqual([]);
	});

	it('nobody is on the same team twice; a partner name is compared without capitals', async () => {
		const ref = { target: { gatheringId: walkId }, date: '2026-11-28' };
		expect(
			await addAccountToTeam({ ...ref, accountId: people.noor.id, addedBy: null })
		).toMatchObject({ ok: true });
		expect(await addAccountToTeam({ ...ref, accountId: people.noor.id, addedBy: null })).toEqual({
			ok: false,
			reason: 'already-on-team'
		});
		expect(
			await addPartnerToTeam({ ...ref, name: 'Gemeente', phone: null, addedBy: null })
		).toMatchObject({ ok: true });
		expect(
			await addPartnerToTeam({ ...ref, name: 'GEMEENTE', phone: null, addedBy: null })
		).toEqual({
			ok: false,
			reason: 'already-on-team'
		});
		expect(await listTeam({ gatheringId: walkId }, '2026-11-28')).toHaveLength(2);
	});

	it('the database itself refuses the same person twice on one date, even past the checks', async () => {
		const row = { gatheringId: walkId, date: '2030-01-05', accountId: people.sara.id };
		await db.insert(outreachTeam).values(row);
		await expect(db.insert(outreachTeam).values(row)).rejects.toThrow(/UNIQUE/);
		// Partners have no account: two rows without an account stay possible.
		const partner = { gatheringId: walkId, date: '2030-01-05', partnerName: 'CAW' };
		await db.insert(outreachTeam).values([partner, { ...partner, partnerName: 'OCMW' }]);
		expect(await listTeam({ gatheringId: walkId }, '2030-01-05')).toHaveLength(3);
	});

	it('refuses dates the rhythm does not give, cancelled dates and unknown rounds', async () => {
		const add = (target: { roundId: number } | { gatheringId: number }, date: string) =>
			addAccountToTeam({ target, date, accountId: people.sara.id, addedBy: null });
		expect(await add({ roundId }, '2026-12-09')).toEqual({ ok: false, reason: 'not-a-date' });
		expect(await add({ roundId }, '2026-02-30')).toEqual({ ok: false, reason: 'not-a-date' });
		expect(await add({ roundId }, '2027-01-12')).toEqual({ ok: false, reason: 'cancelled' });
		expect(await add({ roundId: 999_999 }, '2026-12-08')).toEqual({
			ok: false,
			reason: 'not-found'
		});
		// An open circle is not outreach: it has no team to plan.
		expect(await add({ gatheringId: circleId }, '2026-11-28')).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});

	it('refuses a switched-off or unknown account and a partner without a name', async () => {
		const ref = { target: { gatheringId: walkId }, date: '2026-12-05' };
		expect(await addAccountToTeam({ ...ref, accountId: people.gone.id, addedBy: null })).toEqual({
			ok: false,
			reason: 'unknown-account'
		});
		expect(await addAccountToTeam({ ...ref, accountId: 987_654, addedBy: null })).toEqual({
			ok: false,
			reason: 'unknown-account'
		});
		expect(await addPartnerToTeam({ ...ref, name: '   ', phone: null, addedBy: null })).toEqual({
			ok: false,
			reason: 'partner-name'
		});
		expect(await listTeam({ gatheringId: walkId }, '2026-12-05')).toEqual([]);
	});

	it('someone taken off the team is gone from that date only', async () => {
		const target = { gatheringId: walkId };
		await addAccountToTeam({
			target,
			date: '2026-12-12',
			accountId: people.sara.id,
			addedBy: null
		});
		const added = await addAccountToTeam({
			target,
			date: '2026-12-19',
			accountId: people.sara.id,
			addedBy: null
		});
		if (!added.ok) throw new Error(added.reason);
		expect(await removeFromTeam({ target, date: '2026-12-12', memberId: added.memberId })).toEqual({
			ok: false,
			reason: 'not-on-team'
		});
		expect(await removeFromTeam({ target, date: '2026-12-19', memberId: added.memberId })).toEqual({
			ok: true
		});
		expect(await listTeam(target, '2026-12-19')).toEqual([]);
		expect((await listTeam(target, '2026-12-12')).map((member) => member.name)).toEqual(['Sara']);
	});

	it('a moved date keeps its team: the team belongs to the original date', async () => {
		const target = { roundId };
		expect(
			await addAccountToTeam({
				target,
				date: '2027-02-09',
				accountId: people.noor.id,
				addedBy: null
			})
		).toMatchObject({ ok: true });
		const item = await findOutreachItem(target);
		expect(occurrenceOn(item!, '2027-02-09')).toMatchObject({
			status: 'moved',
			start: '2027-02-10T13:00',
			end: '2027-02-10T15:30'
		});
		expect((await listTeam(target, '2027-02-09')).map((member) => member.name)).toEqual(['Noor']);
	});

	it('an account switched off later disappears from the team', async () => {
		const person = await createPerson('volunteer', 'Later weg');
		const target = { gatheringId: walkId };
		await addAccountToTeam({ target, date: '2027-01-02', accountId: person.id, addedBy: null });
		expect(await listTeam(target, '2027-01-02')).toHaveLength(1);
		await disableAccount(person.id);
		expect(await listTeam(target, '2027-01-02')).toEqual([]);
		// The row stays, so switching the account back on would bring it back.
		expect((await db.select().from(outreachTeam)).some((row) => row.accountId === person.id)).toBe(
			true
		);
	});

	it('lists people of the neighbourhood first and never a switched-off account', async () => {
		const candidates = await listTeamCandidates(hoodId);
		expect(candidates[0]).toMatchObject({ name: 'Sara', local: true });
		expect(candidates.map((candidate) => candidate.name)).not.toContain('Gone');
		expect(candidates.find((candidate) => candidate.name === 'Yasmina')?.local).toBe(false);
	});
});
