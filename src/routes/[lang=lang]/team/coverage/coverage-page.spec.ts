import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { neighbourhoods, rounds } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createLog } from '$lib/server/outreach/log';
import { CSV_COLUMNS } from '$lib/server/outreach/coverage';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { createTestAccount, makeEvent } from '../../../../../tests/support/events';
import { load } from './+page.server';
import type { PageServerData } from './$types';
import { GET } from './csv/+server';

let worker: SignedInAccount;
let coordinator: SignedInAccount;
let kuregem = 0;

beforeAll(async () => {
	vi.stubEnv('KWARTIER_NOW', '2026-11-24T10:30:00+01:00');
	await seedDemoIfEmpty(db);
	const [hood] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, 'kuregem'));
	kuregem = hood.id;
	const [round] = await db.select().from(rounds).where(eq(rounds.slug, 'koffiebus-kuregem'));
	worker = await createTestAccount('worker', { displayName: 'Sara Telt' });
	coordinator = await createTestAccount('coordinator', { displayName: 'Noor Kijkt' });
	for (const [date, doors] of [
		['2026-11-10', 20],
		['2026-10-13', 7]
	] as const) {
		await createLog(
			{
				roundId: round.id,
				gatheringId: null,
				stopPosition: 1,
				date,
				neighbourhoodId: kuregem,
				doorsRung: doors,
				conversations: 5,
				cameForCoffee: 8,
				themeIds: []
			},
			worker.id
		);
	}
});

afterAll(() => {
	vi.unstubAllEnvs();
});

async function loadCoverage(query = '', account = coordinator, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/coverage${query}`, { account });
	return (await load(event as never)) as PageServerData;
}

describe('the coverage page', () => {
	it('shows the last three months per neighbourhood, with the figures and the gaps', async () => {
		const data = await loadCoverage();
		expect(data.period).toEqual({ preset: '3', from: '2026-08-25', to: '2026-11-24' });
		const row = data.rows.find((r) => r.slug === 'kuregem')!;
		// Two logs, on two of the round's dates in September, October and November.
		expect(row).toMatchObject({ logs: 2, doorsRung: 27, roundsHeld: 3, visits: 3 });
		expect(row.gaps.noVisit).toBe(false);
		const molenbeek = data.rows.find((r) => r.slug === 'molenbeek-historisch-centrum')!;
		expect(molenbeek.gaps.noVisit).toBe(true);
		expect(data.csvHref).toBe('/nl/team/coverage/csv?period=3');
	});

	it('never names who did the work', async () => {
		const data = await loadCoverage('', worker);
		expect(JSON.stringify(data)).not.toMatch(/Sara Telt|Noor Kijkt/);
	});

	it('colours by the chosen measure, with a legend', async () => {
		const data = await loadCoverage('?period=1&measure=doorsRung');
		expect(data.measure).toBe('doorsRung');
		const row = data.rows.find((r) => r.slug === 'kuregem')!;
		expect(row.value).toBe(20);
		expect(row.level).toBe(3);
		expect(data.legend.at(-1)).toMatchObject({ level: 3, max: 20 });
	});

	it('says why chosen dates do not work, keeps them, and shows the last three months', async () => {
		const data = await loadCoverage(
			'?period=custom&from=2026-10-01&to=2026-09-01',
			coordinator,
			'en'
		);
		expect(data.errors).toEqual({ to: 'The end date comes before the start date.' });
		expect(data.values).toEqual({ period: 'custom', from: '2026-10-01', to: '2026-09-01' });
		expect(data.period.preset).toBe('3');
	});
});

describe('the coverage CSV', () => {
	it('downloads one row per neighbourhood and month, for the chosen dates', async () => {
		const { event } = makeEvent(
			'/en/team/coverage/csv?period=custom&from=2026-10-01&to=2026-11-24',
			{
				account: worker
			}
		);
		const response = await GET(event as never);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="kwartier-coverage-2026-10-01-2026-11-24.csv"'
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		// UTF-8 with a byte order mark, which the decoder then drops.
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		const lines = text.trimEnd().split('\r\n');
		expect(lines[0]).toBe(CSV_COLUMNS.join(','));
		expect(lines).toHaveLength(1 + 4 * 2);
		expect(lines).toContain(
			'kuregem,Kuregem / Cureghem,Anderlecht (demo),2026-11,2026-11-01,2026-11-24,1,1,1,20,5,8,17,0,7,7,'
		);
		expect(text).not.toMatch(/Sara Telt/);
	});
});
