import { db } from '$lib/server/db';
import { neighbourhoods, occurrenceChanges, roundStops, rounds } from '$lib/server/db/schema';

export type LiveScenario = {
	neighbourhoodId: number;
	/** Public, weekly on Tuesday; 1 December cancelled, 8 December moved to Thursday 10th 14:00. */
	roundId: number;
	membersRoundId: number;
	hiddenRoundId: number;
};

export const STREETS = ['Marktplein', 'Kerkstraat', 'Parkweg', 'Stationsstraat'];

/**
 * Three weekly Tuesday rounds with the same four stops (10:00, 10:45, 11:30, 12:30, half an
 * hour each): `koffiebus-test` (public), `ledenbus` (members only), `verborgen-bus` (hidden).
 */
export async function createLiveScenario(): Promise<LiveScenario> {
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'testwijk',
			name: { nl: 'Testwijk', fr: 'Quartier test', en: 'Test quarter' },
			municipality: 'Brussel',
			centreLat: 50.85,
			centreLon: 4.35
		})
		.returning();
	const common = {
		neighbourhoodId: hood.id,
		description: { nl: 'Koffie op straat.' },
		startsAt: '2026-11-03T09:30',
		rrule: 'FREQ=WEEKLY;BYDAY=TU'
	};
	const inserted = await db
		.insert(rounds)
		.values([
			{ ...common, slug: 'koffiebus-test', name: { nl: 'Koffiebus Test', fr: 'Bus-café test' } },
			{ ...common, slug: 'ledenbus', name: { nl: 'Ledenbus' }, visibility: 'members' },
			{ ...common, slug: 'verborgen-bus', name: { nl: 'Verborgen bus' }, visibility: 'hidden' }
		])
		.returning();
	const times = ['10:00', '10:45', '11:30', '12:30'];
	for (const round of inserted) {
		await db.insert(roundStops).values(
			STREETS.map((street, index) => ({
				roundId: round.id,
				position: index + 1,
				street,
				lat: 50.85,
				lon: 4.35,
				arrivalTime: times[index],
				stayMinutes: 30
			}))
		);
	}
	await db.insert(occurrenceChanges).values([
		{
			roundId: inserted[0].id,
			originalDate: '2026-12-01',
			status: 'cancelled',
			note: { nl: 'Het busje is in herstelling.' }
		},
		{
			roundId: inserted[0].id,
			originalDate: '2026-12-08',
			status: 'moved',
			movedTo: '2026-12-10T14:00'
		}
	]);
	return {
		neighbourhoodId: hood.id,
		roundId: inserted[0].id,
		membersRoundId: inserted[1].id,
		hiddenRoundId: inserted[2].id
	};
}
