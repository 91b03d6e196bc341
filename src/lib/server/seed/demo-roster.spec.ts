import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { dutyPatterns, dutyShifts, neighbourhoods } from '$lib/server/db/schema';
import { findRosterGaps, listOnDuty } from '$lib/server/roster';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { seedDemoIfEmpty } from './index';
import { seedDemoAccountsIfEmpty } from './demo-accounts';
import { seedDemoRosterIfEmpty } from './demo-roster';

async function idOf(slug: string) {
	const rows = await db
		.select({ id: neighbourhoods.id, slug: neighbourhoods.slug })
		.from(neighbourhoods);
	return rows.find((row) => row.slug === slug)!.id;
}

async function onDuty(slug: string, wall: string) {
	return (await listOnDuty(await idOf(slug), wallTimeToDate(wall))).map(
		(person) => person.displayName
	);
}

describe('demo roster', () => {
	it('is only added once the demo worker exists', async () => {
		expect(await seedDemoRosterIfEmpty(db)).toBe(false);
		expect(await seedDemoIfEmpty(db)).toBe(true);
		expect(await seedDemoRosterIfEmpty(db)).toBe(false);
		expect(await db.$count(dutyPatterns)).toBe(0);
		expect(await seedDemoAccountsIfEmpty(db)).toBe(true);
		expect(await seedDemoRosterIfEmpty(db)).toBe(true);
	});

	it('has Sara on duty everywhere at the moment the end-to-end tests run', async () => {
		// KWARTIER_NOW of playwright.config.ts: Tuesday 24 November 2026, 10:30.
		for (const slug of ['anneessens', 'marollen', 'kuregem', 'molenbeek-historisch-centrum']) {
			expect(await onDuty(slug, '2026-11-24T10:30')).toEqual(['Sara']);
		}
		expect(await onDuty('marollen', '2026-11-24T18:00')).toEqual(['Noor']);
		expect(await onDuty('kuregem', '2026-11-24T18:00')).toEqual([]);
	});

	it('leaves believable gaps: evenings, weekends and a lunchtime meeting', async () => {
		const kuregem = await idOf('kuregem');
		const marollen = await idOf('marollen');
		const gaps = await findRosterGaps([kuregem, marollen], wallTimeToDate('2026-11-24T10:30'), 7);
		const of = (id: number) =>
			gaps.filter((gap) => gap.neighbourhoodId === id).map((gap) => `${gap.start}–${gap.end}`);
		expect(of(kuregem)).toContain('2026-11-26T12:00–2026-11-26T14:00');
		expect(of(kuregem)).toContain('2026-11-24T17:00–2026-11-24T22:00');
		expect(of(kuregem)).toContain('2026-11-28T08:00–2026-11-28T22:00');
		// Noor covers the meeting and the Tuesday evening in the Marollen.
		expect(of(marollen)).not.toContain('2026-11-26T12:00–2026-11-26T14:00');
		expect(of(marollen)).toContain('2026-11-24T21:00–2026-11-24T22:00');
		expect(await onDuty('marollen', '2026-11-26T13:00')).toEqual(['Noor']);
	});

	it('is not added again over an existing roster', async () => {
		const patterns = await db.$count(dutyPatterns);
		const shifts = await db.$count(dutyShifts);
		expect(await seedDemoRosterIfEmpty(db)).toBe(false);
		expect(await db.$count(dutyPatterns)).toBe(patterns);
		expect(await db.$count(dutyShifts)).toBe(shifts);
	});
});
