import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { outreachTeam } from '$lib/server/db/schema';
import { buildOutreachCalendar, type CalendarEntry } from '$lib/server/outreach/calendar';
import { seedDemoIfEmpty } from './index';
import { seedDemoAccountsIfEmpty } from './demo-accounts';
import { seedDemoRosterIfEmpty } from './demo-roster';
import { seedDemoOutreachTeamIfEmpty } from './demo-outreach-team';

// KWARTIER_NOW of playwright.config.ts: Tuesday 24 November 2026, 10:30.
const NOW = '2026-11-24T10:30:00+01:00';

async function calendarEntries(): Promise<CalendarEntry[]> {
	const calendar = await buildOutreachCalendar({
		from: '2026-11-24',
		days: 28,
		now: '2026-11-24T10:30',
		locale: 'nl'
	});
	return calendar.weeks.flatMap((week) => week.days.flatMap((day) => day.entries));
}

function find(entries: CalendarEntry[], slug: string, date: string) {
	const found = entries.find((entry) => entry.slug === slug && entry.originalDate === date);
	if (!found) throw new Error(`${slug} has no date ${date}`);
	return found;
}

beforeAll(() => {
	process.env.KWARTIER_NOW = NOW;
});

afterAll(() => {
	delete process.env.KWARTIER_NOW;
});

describe('demo outreach teams', () => {
	it('are only added once the demo accounts exist, and only once', async () => {
		expect(await seedDemoIfEmpty(db)).toBe(true);
		expect(await seedDemoOutreachTeamIfEmpty(db)).toBe(false);
		expect(await seedDemoAccountsIfEmpty(db)).toBe(true);
		expect(await seedDemoRosterIfEmpty(db)).toBe(true);
		expect(await seedDemoOutreachTeamIfEmpty(db)).toBe(true);
		const count = await db.$count(outreachTeam);
		expect(count).toBeGreaterThan(5);
		expect(await seedDemoOutreachTeamIfEmpty(db)).toBe(false);
		expect(await db.$count(outreachTeam)).toBe(count);
	});

	it('give the next coffee-bus round a team with someone from the CAW, and leave gaps', async () => {
		const entries = await calendarEntries();
		const round = find(entries, 'koffiebus-marollen', '2026-12-02');
		expect(round.team.map((member) => member.name)).toEqual([
			'Noor',
			'Yasmina',
			'Jonas (CAW Brussel)'
		]);
		expect(round.gap).toBe(false);
		// The cancelled Kuregem round has no team and is no gap.
		expect(find(entries, 'koffiebus-kuregem', '2026-12-08')).toMatchObject({
			status: 'cancelled',
			team: [],
			gap: false
		});
		// The end-to-end tests add the demo worker to these canal walks, one per language.
		for (const date of ['2026-12-04', '2026-12-11', '2026-12-18']) {
			expect(find(entries, 'wandeling-langs-het-kanaal', date).gap).toBe(true);
		}
		expect(find(entries, 'wandeling-langs-het-kanaal', '2026-11-27').team).toHaveLength(1);
	});

	it('show a conflict: Sara on a weekday walk while she has backup duty everywhere', async () => {
		const walk = find(await calendarEntries(), 'ochtendwandeling-dauwpark', '2026-11-25');
		expect(walk.team.map((member) => member.name)).toEqual(['Sara']);
		expect(walk.conflicts).toEqual([
			expect.objectContaining({ kind: 'duty-elsewhere', name: 'Sara' })
		]);
		expect(walk.conflicts[0]).toMatchObject({
			neighbourhoods: expect.arrayContaining(['Marollen'])
		});
	});
});
