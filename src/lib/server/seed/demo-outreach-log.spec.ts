import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import {
	neighbourhoods,
	outreachLogThemes,
	outreachLogs,
	outreachThemes
} from '$lib/server/db/schema';
import { buildCoverage, lastMonths } from '$lib/server/outreach/coverage';
import { COUNT_LIMITS } from '$lib/server/outreach/log';
import { wallTimeToDate } from '$lib/server/schedule/time';
import { seedDemoIfEmpty } from './index';
import { seedDemoAccountsIfEmpty } from './demo-accounts';
import { seedDemoOutreachLogIfEmpty } from './demo-outreach-log';

// KWARTIER_NOW of playwright.config.ts: Tuesday 24 November 2026, 10:30.
const NOW = '2026-11-24T10:30';
const now = wallTimeToDate(NOW);

describe('demo outreach log', () => {
	it('is only added once the demo rounds exist', async () => {
		expect(await seedDemoOutreachLogIfEmpty(db, now)).toBe(false);
		expect(await db.$count(outreachThemes)).toBe(0);
		await seedDemoIfEmpty(db);
		await seedDemoAccountsIfEmpty(db);
		expect(await seedDemoOutreachLogIfEmpty(db, now)).toBe(true);
	});

	it('has themes in three languages, one of them archived', async () => {
		const themes = await db.select().from(outreachThemes);
		expect(themes.length).toBeGreaterThanOrEqual(10);
		for (const theme of themes) {
			expect(Object.keys(theme.name).sort()).toEqual(['en', 'fr', 'nl']);
		}
		expect(themes.filter((theme) => theme.archivedAt !== null)).toHaveLength(1);
		expect(themes.map((theme) => theme.slug)).toEqual(
			expect.arrayContaining(['eenzaamheid', 'wonen', 'groen-in-de-buurt', 'veiligheid'])
		);
	});

	it('has believable logs up to today, within the form’s limits', async () => {
		const logs = await db.select().from(outreachLogs);
		expect(logs.length).toBeGreaterThan(30);
		for (const log of logs) {
			expect(log.date <= NOW.slice(0, 10)).toBe(true);
			expect(log.doorsRung).toBeLessThanOrEqual(COUNT_LIMITS.doorsRung);
			expect(log.conversations).toBeLessThanOrEqual(COUNT_LIMITS.conversations);
			expect(log.cameForCoffee).toBeLessThanOrEqual(COUNT_LIMITS.cameForCoffee);
			expect(log.isDemo).toBe(true);
		}
		expect(await db.$count(outreachLogThemes)).toBeGreaterThan(0);
	});

	it('leaves Molenbeek without a visit, so the coverage view shows a gap', async () => {
		const coverage = await buildCoverage(lastMonths(3, NOW.slice(0, 10)), 'nl', NOW);
		const gaps = coverage.rows.filter((row) => row.gaps.noVisit).map((row) => row.slug);
		expect(gaps).toEqual(['molenbeek-historisch-centrum']);
		const anneessens = coverage.rows.find((row) => row.slug === 'anneessens')!;
		expect(anneessens.logs).toBeGreaterThan(2);
		expect(anneessens.topThemes.length).toBeGreaterThan(0);
		expect(await db.$count(neighbourhoods)).toBe(4);
	});

	it('uses the archived theme only in logs from before it was archived', async () => {
		const [archived] = (await db.select().from(outreachThemes)).filter((t) => t.archivedAt);
		const links = (await db.select().from(outreachLogThemes)).filter(
			(link) => link.themeId === archived.id
		);
		const logs = await db.select().from(outreachLogs);
		for (const link of links) {
			expect(logs.find((log) => log.id === link.logId)!.date < '2026-08-24').toBe(true);
		}
	});

	it('is not added again', async () => {
		const count = await db.$count(outreachLogs);
		expect(await seedDemoOutreachLogIfEmpty(db, now)).toBe(false);
		expect(await db.$count(outreachLogs)).toBe(count);
	});
});
