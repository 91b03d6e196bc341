import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { neighbourhoods } from '$lib/server/db/schema';
import { cancelOccurrence, moveOccurrence } from '$lib/server/gatherings/manage';
import { createRound } from '$lib/server/rounds/manage';
import { createPerson } from '$lib/server/roster/spec-support';
import { drawRouteMap, loadRouteSheet } from './route-sheet';
import { addAccountToTeam, addPartnerToTeam } from './team';

let roundId: number;

const BOUNDARY = {
	type: 'Polygon' as const,
	coordinates: [
		[
			[4.33, 50.84],
			[4.35, 50.84],
			[4.35, 50.85],
			[4.33, 50.85],
			[4.33, 50.84]
		]
	]
};

beforeAll(async () => {
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'vierkant',
			name: { nl: 'Vierkant', fr: 'Carré', en: 'Square' },
			municipality: 'Brussel',
			boundary: BOUNDARY,
			centreLat: 50.845,
			centreLon: 4.34
		})
		.returning();
	// The second Tuesday of the month.
	roundId = (
		await createRound(
			{
				name: { nl: 'Koffiebus Vierkant', fr: 'Bus-café Carré', en: 'Square coffee bus' },
				description: { nl: 'Koffie.' },
				neighbourhoodId: hood.id,
				startsAt: '2026-11-10T09:30',
				rrule: 'FREQ=MONTHLY;BYDAY=2TU',
				partners: ['CAW Brussel', 'Gemeente'],
				visibility: 'public'
			},
			[
				{ street: 'Westkant', lat: 50.845, lon: 4.332, arrivalTime: '09:45', stayMinutes: 45 },
				{ street: 'Noordkant', lat: 50.849, lon: 4.34, arrivalTime: '10:40', stayMinutes: 45 },
				{ street: 'Oostkant', lat: 50.845, lon: 4.348, arrivalTime: '13:30', stayMinutes: 30 }
			]
		)
	).id;
	const sara = await createPerson('worker', 'Sara', { phone: '+32 470 11 22 33' });
	const yasmina = await createPerson('volunteer', 'Yasmina');
	for (const accountId of [sara.id, yasmina.id]) {
		await addAccountToTeam({ target: { roundId }, date: '2026-12-08', accountId, addedBy: null });
	}
	await addPartnerToTeam({
		target: { roundId },
		date: '2026-12-08',
		name: 'Jonas (CAW)',
		phone: '0470 99 88 77',
		addedBy: null
	});
	await moveOccurrence({ roundId }, '2027-01-12', '2027-01-13T11:15', { nl: 'Een dag later.' });
	await cancelOccurrence({ roundId }, '2027-02-09', null);
});

describe('the route sheet of one round date', () => {
	it('lists the stops in order at their times, the team with phone numbers and the partners', async () => {
		const sheet = await loadRouteSheet(roundId, '2026-12-08', 'fr');
		expect(sheet?.round).toMatchObject({
			name: { text: 'Bus-café Carré' },
			neighbourhood: 'Carré',
			partners: ['CAW Brussel', 'Gemeente']
		});
		expect(sheet?.date).toMatchObject({
			start: '2026-12-08T09:45',
			end: '2026-12-08T14:00',
			status: 'scheduled'
		});
		expect(
			sheet?.stops.map((stop) => [stop.position, stop.street, stop.arrival, stop.leaves])
		).toEqual([
			[1, 'Westkant', '09:45', '10:30'],
			[2, 'Noordkant', '10:40', '11:25'],
			[3, 'Oostkant', '13:30', '14:00']
		]);
		expect(sheet?.stops.every((stop) => stop.usualArrival === null)).toBe(true);
		expect(sheet?.team.map((member) => [member.name, member.phone])).toEqual([
			['Sara', '+32 470 11 22 33'],
			['Yasmina', null],
			['Jonas (CAW)', '0470 99 88 77']
		]);
	});

	it('a moved date shifts every stop and still says the usual time', async () => {
		const sheet = await loadRouteSheet(roundId, '2027-01-12', 'nl');
		expect(sheet?.date).toMatchObject({
			originalDate: '2027-01-12',
			start: '2027-01-13T11:15',
			status: 'moved',
			note: { text: 'Een dag later.' }
		});
		expect(sheet?.stops.map((stop) => [stop.arrival, stop.leaves, stop.usualArrival])).toEqual([
			['11:15', '12:00', '09:45'],
			['12:10', '12:55', '10:40'],
			['15:00', '15:30', '13:30']
		]);
	});

	it('a cancelled date still has its sheet, marked; a date the rhythm does not give has none', async () => {
		expect((await loadRouteSheet(roundId, '2027-02-09', 'en'))?.date.status).toBe('cancelled');
		expect(await loadRouteSheet(roundId, '2027-02-10', 'en')).toBeUndefined();
		expect(await loadRouteSheet(roundId, 'not-a-date', 'en')).toBeUndefined();
		expect(await loadRouteSheet(987_654, '2026-12-08', 'en')).toBeUndefined();
	});

	it('draws the boundary and the numbered stops on a small map with north up', async () => {
		const sheet = await loadRouteSheet(roundId, '2026-12-08', 'en');
		const map = sheet!.map!;
		expect(map.boundary).toMatch(/^M[\d. L]+ Z$/);
		expect(map.stops.map((stop) => stop.position)).toEqual([1, 2, 3]);
		for (const stop of map.stops) {
			expect(stop.x).toBeGreaterThan(0);
			expect(stop.x).toBeLessThan(map.width);
			expect(stop.y).toBeGreaterThan(0);
			expect(stop.y).toBeLessThan(map.height);
		}
		const [west, north, east] = map.stops;
		expect(west.x).toBeLessThan(north.x);
		expect(north.x).toBeLessThan(east.x);
		// Further north is higher up on the page.
		expect(north.y).toBeLessThan(west.y);
		expect(map.line.split(' ')).toHaveLength(3);
	});

	it('without a boundary the stops are still drawn; without stops there is no map', () => {
		const alone = drawRouteMap(null, [{ position: 1, lat: 50.84, lon: 4.34 }]);
		expect(alone?.boundary).toBeNull();
		expect(alone?.stops).toHaveLength(1);
		expect(drawRouteMap(BOUNDARY, [])).toBeNull();
	});
});
