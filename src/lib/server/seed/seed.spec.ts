import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import opening_hours from 'opening_hours';
import { RRule, rrulestr } from 'rrule';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLabellingWords } from '$lib/labelling-words';
import { db } from '$lib/server/db';
import {
	gatherings,
	neighbourhoods,
	occurrenceChanges,
	places,
	roundStops,
	rounds
} from '$lib/server/db/schema';
import { seedDemoIfEmpty } from './index';
import {
	demoGatherings,
	demoNeighbourhoods,
	demoOccurrenceChanges,
	demoPlaces,
	demoRounds
} from './demo-data';

/** The day the demo data is written around (cancelled dates come after it). */
const DEMO_TODAY = '2026-11-23';

/**
 * Besides the words of GLOSSARY.md (`findLabellingWords`), the demo data labels nobody by a
 * situation: it says "people sleeping rough", never a noun for them.
 */
const SITUATION_LABELS =
	/(?<![\p{L}\p{N}])(kwetsba|vulnerab|vulnérab|dakloze|homeless|sans-abri|sdf\b)/iu;

function labels(text: string): string[] {
	return [...findLabellingWords(text), ...(SITUATION_LABELS.exec(text) ?? []).slice(0, 1)];
}

function allStrings(value: unknown, path = '$'): { path: string; text: string }[] {
	if (typeof value === 'string') return [{ path, text: value }];
	if (Array.isArray(value)) return value.flatMap((item, i) => allStrings(item, `${path}[${i}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => [
			{ path: `${path}.${key}#key`, text: key },
			...allStrings(item, `${path}.${key}`)
		]);
	}
	return [];
}

/** A local `YYYY-MM-DDTHH:mm` as a floating date (UTC fields), as rrule wants it. */
function floating(local: string): Date {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
	if (!match) throw new Error(`not a local date-time: ${local}`);
	const [, y, mo, d, h, mi] = match.map(Number);
	return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

function ruleFor(rrule: string, startsAt: string): RRule {
	return new RRule({ ...RRule.parseString(rrule), dtstart: floating(startsAt) });
}

function occursOn(rrule: string, startsAt: string, date: string): boolean {
	const day = floating(`${date}T00:00`);
	const next = new Date(day.getTime() + 24 * 60 * 60 * 1000 - 1);
	return ruleFor(rrule, startsAt).between(day, next, true).length > 0;
}

/** Ray casting on a GeoJSON ring of [lon, lat]. */
function insidePolygon(lat: number, lon: number, ring: number[][]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const openingHoursOptions = {
	lat: 50.85,
	lon: 4.35,
	address: { country_code: 'be', state: 'Brussels-Capital' }
};

const neighbourhoodBySlug = new Map(demoNeighbourhoods.map((n) => [n.slug, n]));
const placeBySlug = new Map(demoPlaces.map((p) => [p.slug, p]));

let firstRun: boolean;
let secondRun: boolean;

beforeAll(async () => {
	firstRun = await seedDemoIfEmpty(db);
	secondRun = await seedDemoIfEmpty(db);
});

async function countOf(
	table: typeof neighbourhoods | typeof places | typeof gatherings | typeof rounds
) {
	const [row] = await db.select({ n: count() }).from(table);
	return row.n;
}

describe('seedDemoIfEmpty', () => {
	it('seeds an empty database once, and leaves a filled one alone', async () => {
		expect(firstRun).toBe(true);
		expect(secondRun).toBe(false);
		expect(await countOf(neighbourhoods)).toBe(demoNeighbourhoods.length);
		expect(await countOf(places)).toBe(demoPlaces.length);
		expect(await countOf(gatherings)).toBe(demoGatherings.length);
		expect(await countOf(rounds)).toBe(demoRounds.length);
		const [stops] = await db.select({ n: count() }).from(roundStops);
		expect(stops.n).toBe(demoRounds.reduce((sum, r) => sum + r.stops.length, 0));
		const [changes] = await db.select({ n: count() }).from(occurrenceChanges);
		expect(changes.n).toBe(demoOccurrenceChanges.length);
	});

	it('meets the minimum counts', async () => {
		expect(await countOf(neighbourhoods)).toBeGreaterThanOrEqual(3);
		expect(await countOf(places)).toBeGreaterThanOrEqual(25);
		expect(await countOf(gatherings)).toBeGreaterThanOrEqual(20);
		expect(await countOf(rounds)).toBeGreaterThanOrEqual(2);
		expect(demoOccurrenceChanges.length).toBeGreaterThanOrEqual(3);

		const placeRows = await db.select().from(places);
		const byVisibility = (v: string) => placeRows.filter((p) => p.visibility === v).length;
		expect(byVisibility('area')).toBeGreaterThanOrEqual(3);
		expect(byVisibility('members')).toBeGreaterThanOrEqual(2);
		expect(byVisibility('hidden')).toBeGreaterThanOrEqual(1);
		expect(byVisibility('public')).toBeGreaterThan(placeRows.length / 2);

		const gatheringRows = await db.select().from(gatherings);
		expect(gatheringRows.filter((g) => g.visibility === 'members').length).toBeGreaterThanOrEqual(
			2
		);
		expect(gatheringRows.filter((g) => g.visibility === 'area').length).toBeGreaterThanOrEqual(1);
		expect(gatheringRows.filter((g) => g.placeId === null).length).toBeGreaterThanOrEqual(2);
		expect(gatheringRows.filter((g) => (g.helpersNeeded ?? 0) >= 2).length).toBeGreaterThan(0);
		expect(gatheringRows.filter((g) => g.rrule === null).length).toBeGreaterThanOrEqual(1);

		for (const round of demoRounds) {
			const [row] = await db.select().from(rounds).where(eq(rounds.slug, round.slug));
			const stops = await db.select().from(roundStops).where(eq(roundStops.roundId, row.id));
			expect(stops.length).toBeGreaterThanOrEqual(4);
			expect(stops.length).toBeLessThanOrEqual(6);
		}
	});

	it('marks every row that can be marked as demo', async () => {
		for (const row of await db.select({ isDemo: places.isDemo }).from(places)) {
			expect(row.isDemo).toBe(true);
		}
		for (const row of await db.select({ isDemo: gatherings.isDemo }).from(gatherings)) {
			expect(row.isDemo).toBe(true);
		}
		for (const row of await db.select({ isDemo: rounds.isDemo }).from(rounds)) {
			expect(row.isDemo).toBe(true);
		}
	});

	it('resolves slugs to the right ids', async () => {
		const placeRows = await db.select().from(places);
		const neighbourhoodRows = await db.select().from(neighbourhoods);
		const slugOfNeighbourhood = new Map(neighbourhoodRows.map((n) => [n.id, n.slug]));
		for (const demo of demoPlaces) {
			const row = placeRows.find((p) => p.slug === demo.slug);
			expect(slugOfNeighbourhood.get(row!.neighbourhoodId)).toBe(demo.neighbourhood);
		}
		const slugOfPlace = new Map(placeRows.map((p) => [p.id, p.slug]));
		const gatheringRows = await db.select().from(gatherings);
		for (const demo of demoGatherings) {
			const row = gatheringRows.find((g) => g.slug === demo.slug)!;
			expect(row.placeId === null ? null : slugOfPlace.get(row.placeId)).toBe(demo.place);
			expect(slugOfNeighbourhood.get(row.neighbourhoodId)).toBe(demo.neighbourhood);
		}
		const changeRows = await db.select().from(occurrenceChanges);
		expect(changeRows.every((c) => (c.gatheringId === null) !== (c.roundId === null))).toBe(true);
	});

	it('keeps the address and point of area-only places (the public layer hides them)', async () => {
		const areaPlaces = await db.select().from(places).where(eq(places.visibility, 'area'));
		expect(areaPlaces.length).toBeGreaterThanOrEqual(3);
		for (const place of areaPlaces) {
			expect(place.address, place.slug).toBeTruthy();
			expect(place.lat, place.slug).toEqual(expect.any(Number));
			expect(place.lon, place.slug).toEqual(expect.any(Number));
		}
	});
});

describe('demo data', () => {
	it('has unique slugs that refer to existing rows', () => {
		for (const list of [demoNeighbourhoods, demoPlaces, demoGatherings, demoRounds]) {
			const slugs = list.map((item) => item.slug);
			expect(new Set(slugs).size).toBe(slugs.length);
			for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		}
		for (const place of demoPlaces) expect(neighbourhoodBySlug.has(place.neighbourhood)).toBe(true);
		for (const gathering of demoGatherings) {
			expect(neighbourhoodBySlug.has(gathering.neighbourhood)).toBe(true);
			expect((gathering.place === null) !== (gathering.point === null), gathering.slug).toBe(true);
			if (gathering.place !== null) {
				expect(placeBySlug.get(gathering.place)?.neighbourhood, gathering.slug).toBe(
					gathering.neighbourhood
				);
			}
		}
		for (const round of demoRounds) expect(neighbourhoodBySlug.has(round.neighbourhood)).toBe(true);
	});

	it('has every text in Dutch, French and English', () => {
		const texts = [
			...demoNeighbourhoods.map((n) => n.name),
			...demoPlaces.flatMap((p) => [p.name, p.whatToExpect, p.greeter, p.howToGetThere]),
			...demoGatherings.flatMap((g) => [g.title, g.description]),
			...demoRounds.flatMap((r) => [r.name, r.description]),
			...demoOccurrenceChanges.flatMap((c) => (c.note ? [c.note] : []))
		];
		for (const text of texts) {
			for (const locale of ['nl', 'fr', 'en'] as const) {
				expect(text[locale]?.trim(), JSON.stringify(text)).toBeTruthy();
			}
		}
	});

	it('uses none of the words Kwartier never uses, in data or code', () => {
		const strings = allStrings({
			demoNeighbourhoods,
			demoPlaces,
			demoGatherings,
			demoRounds,
			demoOccurrenceChanges
		});
		const offending = strings.filter((s) => labels(s.text).length > 0);
		expect(offending).toEqual([]);

		for (const file of ['./demo-data.ts', './index.ts']) {
			const source = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
			const lines = source.split('\n').filter((line) => labels(line).length > 0);
			expect(lines, file).toEqual([]);
		}
	});

	it('has plausible Brussels geography', () => {
		for (const n of demoNeighbourhoods) {
			const ring = n.boundary.coordinates[0];
			expect(ring.length).toBeGreaterThanOrEqual(4);
			expect(ring[0]).toEqual(ring[ring.length - 1]);
			for (const [lon, lat] of ring) {
				expect(lat).toBeGreaterThan(50.82);
				expect(lat).toBeLessThan(50.87);
				expect(lon).toBeGreaterThan(4.31);
				expect(lon).toBeLessThan(4.37);
			}
			expect(insidePolygon(n.centreLat, n.centreLon, ring), n.slug).toBe(true);
		}
		const ringOf = (slug: string) => neighbourhoodBySlug.get(slug)!.boundary.coordinates[0];
		for (const p of demoPlaces) {
			expect(insidePolygon(p.lat, p.lon, ringOf(p.neighbourhood)), p.slug).toBe(true);
		}
		for (const g of demoGatherings) {
			if (g.point) {
				expect(insidePolygon(g.point.lat, g.point.lon, ringOf(g.neighbourhood)), g.slug).toBe(true);
			}
		}
		for (const r of demoRounds) {
			for (const stop of r.stops) {
				expect(insidePolygon(stop.lat, stop.lon, ringOf(r.neighbourhood)), stop.street).toBe(true);
			}
		}
	});

	it('has opening hours that parse, with some variety', () => {
		for (const place of demoPlaces) {
			if (place.openingHours === null) continue;
			expect(
				() => new opening_hours(place.openingHours!, openingHoursOptions),
				place.slug
			).not.toThrow();
		}
		const hours = demoPlaces.map((p) => p.openingHours);
		expect(hours.filter((h) => h === null).length).toBeGreaterThanOrEqual(1);
		expect(hours.filter((h) => h?.includes('PH off')).length).toBeGreaterThanOrEqual(3);
		expect(new Set(hours).size).toBeGreaterThanOrEqual(15);
	});

	it('has sensible facts, languages and check dates', () => {
		const today = floating(`${DEMO_TODAY}T00:00`).getTime();
		let olderThan90Days = 0;
		for (const place of demoPlaces) {
			for (const language of place.languages) expect(language).toMatch(/^[a-z]{2,3}$/);
			expect(place.lastCheckedOn).toMatch(DATE);
			expect(place.lastCheckedOn.startsWith('2026-')).toBe(true);
			expect(place.lastCheckedOn <= DEMO_TODAY).toBe(true);
			expect(place.lastCheckedBy).toBeTruthy();
			if (place.phone) expect(place.phone).toMatch(/^\+32 2 \d{3} \d{2} \d{2}$/);
			if (place.email) expect(place.email).toMatch(/@([a-z0-9-]+\.)?example\.org$/);
			if (place.website) expect(place.website).toMatch(/^https:\/\/([a-z0-9-]+\.)?example\.org/);
			const age = (today - floating(`${place.lastCheckedOn}T00:00`).getTime()) / 86_400_000;
			if (age > 90) olderThan90Days++;
		}
		expect(olderThan90Days).toBeGreaterThanOrEqual(3);
		expect(new Set(demoPlaces.map((p) => p.kind)).size).toBe(8);
		expect(new Set(demoPlaces.map((p) => p.cost)).size).toBe(3);
		expect(new Set(demoGatherings.map((g) => g.kind)).size).toBe(7);
	});

	it('has rrules that parse, and first dates that the rrule gives', () => {
		const recurring = [
			...demoGatherings.map((g) => ({ slug: g.slug, startsAt: g.startsAt, rrule: g.rrule })),
			...demoRounds.map((r) => ({ slug: r.slug, startsAt: r.startsAt, rrule: r.rrule }))
		];
		for (const { slug, startsAt, rrule } of recurring) {
			expect(startsAt, slug).toMatch(LOCAL_DATE_TIME);
			if (rrule === null) {
				expect(startsAt.startsWith('2026-12'), slug).toBe(true);
				continue;
			}
			expect(rrule, slug).not.toMatch(/DTSTART/);
			expect(() => RRule.fromString(rrule), slug).not.toThrow();
			expect(() => rrulestr(rrule), slug).not.toThrow();
			expect(startsAt >= '2026-01-01' && startsAt < '2026-12-01', slug).toBe(true);
			const first = ruleFor(rrule, startsAt).after(floating(startsAt), true);
			expect(first?.getTime(), `${slug} starts on a date its rule gives`).toBe(
				floating(startsAt).getTime()
			);
		}
		const rules = demoGatherings.map((g) => g.rrule ?? '');
		expect(rules).toContain('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
		expect(rules.some((r) => /BYDAY=1SA/.test(r))).toBe(true);
		expect(rules.some((r) => /BYDAY=2TU/.test(r))).toBe(true);
		expect(rules.some((r) => /BYDAY=-1FR/.test(r))).toBe(true);
		expect(rules.some((r) => r.includes('UNTIL=20270630T235959Z'))).toBe(true);
	});

	it('has round stops in order, with increasing times', () => {
		for (const round of demoRounds) {
			expect(round.stops.length).toBeGreaterThanOrEqual(4);
			expect(round.stops.length).toBeLessThanOrEqual(6);
			expect(round.partners.length).toBeGreaterThan(0);
			let previousEnd = round.startsAt.slice(11);
			round.stops.forEach((stop, i) => {
				expect(stop.position).toBe(i + 1);
				expect(stop.arrivalTime).toMatch(TIME);
				expect(stop.arrivalTime > previousEnd, `${round.slug} stop ${i + 1}`).toBe(true);
				expect(stop.stayMinutes).toBeGreaterThanOrEqual(30);
				expect(stop.stayMinutes).toBeLessThanOrEqual(60);
				const [h, m] = stop.arrivalTime.split(':').map(Number);
				const end = h * 60 + m + stop.stayMinutes;
				previousEnd = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
			});
		}
	});

	it('changes only dates that really occur, after the demo day', () => {
		const gatheringBySlug = new Map(demoGatherings.map((g) => [g.slug, g]));
		const roundBySlug = new Map(demoRounds.map((r) => [r.slug, r]));
		const statuses = new Set<string>();
		for (const change of demoOccurrenceChanges) {
			statuses.add(change.status);
			expect((change.gathering === null) !== (change.round === null)).toBe(true);
			const series = change.gathering
				? gatheringBySlug.get(change.gathering)
				: roundBySlug.get(change.round!);
			expect(series, JSON.stringify(change)).toBeDefined();
			expect(series!.rrule).not.toBeNull();
			expect(change.originalDate).toMatch(DATE);
			expect(change.originalDate > DEMO_TODAY).toBe(true);
			expect(occursOn(series!.rrule!, series!.startsAt, change.originalDate), series!.slug).toBe(
				true
			);
			if (change.status === 'moved') expect(change.movedTo).toMatch(LOCAL_DATE_TIME);
			else expect(change.movedTo).toBeNull();
		}
		expect(statuses).toEqual(new Set(['cancelled', 'moved']));
		expect(demoOccurrenceChanges.some((c) => c.round !== null)).toBe(true);
	});
});
