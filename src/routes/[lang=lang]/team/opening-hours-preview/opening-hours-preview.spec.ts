import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createTestAccount, makeEvent, outcome } from '../../../../../tests/support/events';
import { GET } from './+server';

// Thursday 24 December 2026, 11:00 in Brussels; Christmas is a public holiday.
const NOW = '2026-12-24T10:00:00Z';
let worker: SignedInAccount;
let volunteer: SignedInAccount;
let previousNow: string | undefined;

async function preview(value: string, account: SignedInAccount | null = worker, lang = 'nl') {
	const path = `/${lang}/team/opening-hours-preview?value=${encodeURIComponent(value)}`;
	const { event } = makeEvent(path, { account, params: { lang } });
	return outcome(() => GET(event as never));
}

async function body(value: string, lang = 'nl') {
	const result = await preview(value, worker, lang);
	return (await (result.returned as Response).json()) as Record<string, unknown>;
}

beforeAll(async () => {
	previousNow = process.env.KWARTIER_NOW;
	process.env.KWARTIER_NOW = NOW;
	worker = await createTestAccount('worker');
	volunteer = await createTestAccount('volunteer');
});

afterAll(() => {
	if (previousNow === undefined) delete process.env.KWARTIER_NOW;
	else process.env.KWARTIER_NOW = previousNow;
});

describe('opening hours preview', () => {
	it('says whether it is open now and gives the next seven days', async () => {
		const answer = await body('Mo-Fr 10:00-16:00; PH off');
		expect(answer).toMatchObject({
			ok: true,
			value: 'Mo-Fr 10:00-16:00; PH off',
			now: '2026-12-24T11:00',
			opening: { state: 'open', closesAt: '2026-12-24T16:00' }
		});
		const week = answer.week as Array<{ date: string; intervals: unknown[]; holiday: boolean }>;
		expect(week).toHaveLength(7);
		expect(week[1]).toMatchObject({ date: '2026-12-25', intervals: [], holiday: true });
	});

	it('explains hours it cannot read, in the worker’s language, with the library’s detail', async () => {
		const answer = await body('Mo-Fr 25:00-26:00', 'en');
		expect(answer.ok).toBe(false);
		expect(answer.error).toMatch(
			/^We cannot read these opening hours\..*outside of the current day/
		);
	});

	it('empty hours are fine: visitors then read "ask at the place"', async () => {
		expect(await body('  ')).toMatchObject({ ok: true, value: '', opening: { state: 'unknown' } });
	});

	it('is for workers only', async () => {
		expect((await preview('Mo 10:00-12:00', volunteer)).thrown?.status).toBe(403);
		expect((await preview('Mo 10:00-12:00', null)).thrown?.status).toBe(303);
	});
});
