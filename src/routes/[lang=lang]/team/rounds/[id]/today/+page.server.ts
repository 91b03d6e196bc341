import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import {
	DELAY_STEPS,
	endRoundDay,
	findTeamRoundDay,
	markStopReached,
	MAX_DELAY_MINUTES,
	setRunningLate,
	type UpdateProblem,
	type UpdateResult
} from '$lib/server/outreach/live-status';
import type { Actions, PageServerLoad } from './$types';
import { idOf, localeOf, readForm } from '../../../gatherings/form-helpers.server';

/*
 * The coffee bus on the day, from a phone: "we are at stop 3", "running 15 minutes late",
 * "ended". Every button is its own small form, so it all works without JavaScript; each
 * change redirects back here (post, redirect, get), so a reload never sends it twice.
 */

const DONE = ['here', 'late', 'on-time', 'ended', 'ended-early'] as const;
type Done = (typeof DONE)[number];

const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hereSchema = z.object({ date: dateField, stop: z.string().regex(/^\d{1,3}$/) });
const lateSchema = z.object({
	date: dateField,
	from: z.string().regex(/^\d{1,3}$/),
	add: z.enum(DELAY_STEPS.map(String) as [string, ...string[]])
});
const dateSchema = z.object({ date: dateField });

function start(event: RequestEvent) {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event);
	return { account, locale, roundId: idOf(event, locale) };
}

function problemText(problem: UpdateProblem, locale: Locale): string {
	const options = { locale };
	switch (problem) {
		case 'cancelled':
			return m.outreach_live_team_cancelled({}, options);
		case 'no-stop':
			return m.outreach_live_error_no_stop({}, options);
		case 'bad-delay':
			return m.outreach_live_error_bad_delay({ max: MAX_DELAY_MINUTES }, options);
		case 'ended':
			return m.outreach_live_error_ended({}, options);
		default:
			return m.outreach_live_error_not_today({}, options);
	}
}

function refuse(locale: Locale, problem: UpdateProblem, values: Record<string, string>) {
	return fail(400, { values, error: problemText(problem, locale) });
}

/** Back to the screen with a short "saved" line; 404 when the round itself is gone. */
function answer(
	event: RequestEvent,
	context: ReturnType<typeof start>,
	result: UpdateResult,
	values: Record<string, string>,
	done: Done,
	extra: Record<string, string> = {}
) {
	if (!result.ok) {
		if (result.problem === 'no-round')
			error(404, m.not_found_title({}, { locale: context.locale }));
		return refuse(context.locale, result.problem, values);
	}
	const query = new URLSearchParams({ date: values.date, done, ...extra });
	redirect(303, `/${context.locale}/team/rounds/${context.roundId}/today?${query}`);
}

export const load: PageServerLoad = async (event) => {
	const { locale, roundId } = start(event);
	const wanted = event.url.searchParams.get('date');
	const found = await findTeamRoundDay(roundId, locale, { date: wanted });
	if (!found) error(404, m.not_found_title({}, { locale }));
	const doneParam = event.url.searchParams.get('done');
	const done = (DONE as readonly string[]).includes(doneParam ?? '') ? (doneParam as Done) : null;
	const stopParam = Number(event.url.searchParams.get('stop'));
	const savedStop = found.day?.stops.find((stop) => stop.position === stopParam)?.position ?? null;
	return {
		round: found.round,
		dates: found.dates.map(({ originalDate, start, status }) => ({ originalDate, start, status })),
		day: found.day,
		changedBy: found.changedBy,
		steps: [...DELAY_STEPS],
		saved: done ? { done, stop: savedStop } : null
	};
};

export const actions = {
	here: async (event) => {
		const context = start(event);
		const { values } = await readForm(event, ['date', 'stop']);
		const parsed = hereSchema.safeParse(values);
		if (!parsed.success) return refuse(context.locale, 'no-stop', values);
		const result = await markStopReached({
			roundId: context.roundId,
			date: parsed.data.date,
			stop: Number(parsed.data.stop),
			accountId: context.account.id
		});
		return answer(event, context, result, values, 'here', { stop: parsed.data.stop });
	},
	late: async (event) => {
		const context = start(event);
		const { values } = await readForm(event, ['date', 'from', 'add']);
		const parsed = lateSchema.safeParse(values);
		if (!parsed.success) return refuse(context.locale, 'bad-delay', values);
		// "+15" adds to the delay the screen showed, so sending the same form twice (a double
		// tap, a resent post) gives the same delay instead of adding it again.
		const result = await setRunningLate({
			roundId: context.roundId,
			date: parsed.data.date,
			minutes: Number(parsed.data.from) + Number(parsed.data.add),
			accountId: context.account.id
		});
		return answer(event, context, result, values, 'late');
	},
	onTime: async (event) => {
		const context = start(event);
		const { values } = await readForm(event, ['date']);
		const parsed = dateSchema.safeParse(values);
		if (!parsed.success) return refuse(context.locale, 'not-today', values);
		const result = await setRunningLate({
			roundId: context.roundId,
			date: parsed.data.date,
			minutes: 0,
			accountId: context.account.id
		});
		return answer(event, context, result, values, 'on-time');
	},
	end: async (event) => {
		const context = start(event);
		const { values } = await readForm(event, ['date']);
		const parsed = dateSchema.safeParse(values);
		if (!parsed.success) return refuse(context.locale, 'not-today', values);
		const result = await endRoundDay({
			roundId: context.roundId,
			date: parsed.data.date,
			early: false,
			accountId: context.account.id
		});
		return answer(event, context, result, values, 'ended');
	},
	endEarly: async (event) => {
		const context = start(event);
		const { values } = await readForm(event, ['date']);
		const parsed = dateSchema.safeParse(values);
		if (!parsed.success) return refuse(context.locale, 'not-today', values);
		const result = await endRoundDay({
			roundId: context.roundId,
			date: parsed.data.date,
			early: true,
			accountId: context.account.id
		});
		return answer(event, context, result, values, 'ended-early');
	}
} satisfies Actions;
