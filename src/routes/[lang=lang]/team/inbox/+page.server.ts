import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import type { SignedInAccount } from '$lib/server/auth/session';
import {
	acknowledgeCall,
	handOverCall,
	isBackupCallError,
	listInboxForWorker,
	listTimeline,
	markCalling,
	markOnTheWay,
	NOTE_MAX_LENGTH,
	resolveCall,
	type CallChange
} from '$lib/server/backup';
import { currentTime } from '$lib/server/clock';
import { formValues, optionalText, validateForm } from '$lib/server/forms';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import { listColleaguesByNeighbourhood } from './inbox.server';
import type { Actions, PageServerLoad } from './$types';

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

/** Three decimals, as the domain rounds a "here" point. */
function rough(degrees: number) {
	return Math.round(degrees * 1000) / 1000;
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	event.depends('kwartier:backup');
	const now = currentTime();
	const items = await listInboxForWorker(account.id, now);
	const hoods = new Map((await listNeighbourhoods(locale)).map((hood) => [hood.id, hood] as const));
	const open = items.filter((item) => item.status !== 'resolved' && item.status !== 'cancelled');
	const colleagues = await listColleaguesByNeighbourhood(
		open.map((item) => item.neighbourhoodId),
		now
	);
	const calls = [];
	for (const item of items) {
		const hood = hoods.get(item.neighbourhoodId);
		// A call sent without a point from the device carries its neighbourhood's centre.
		const atCentre =
			hood !== undefined &&
			item.roughLat === rough(hood.centre.lat) &&
			item.roughLon === rough(hood.centre.lon);
		calls.push({
			...item,
			placeName: item.placeName ? pick(item.placeName, locale) : null,
			neighbourhoodName: hood?.name ?? '',
			point:
				item.placeId === null && !atCentre && item.roughLat !== null && item.roughLon !== null
					? { lat: item.roughLat, lon: item.roughLon }
					: null,
			timeline: await listTimeline(item.id),
			colleagues: (colleagues.get(item.neighbourhoodId) ?? []).filter(
				(person) =>
					person.id !== account.id &&
					person.id !== item.owner?.id &&
					person.id !== item.volunteer.id
			)
		});
	}
	return {
		calls,
		me: { id: account.id, role: account.role },
		now: now.toISOString(),
		closingNoteMax: NOTE_MAX_LENGTH
	};
};

const callIdField = z.coerce
	.number()
	.int()
	.positive()
	.max(2 ** 31);

const simpleSchema = z.object({ callId: callIdField });
const resolveSchema = z.object({
	callId: callIdField,
	closingNote: optionalText(NOTE_MAX_LENGTH).optional()
});
const handOverSchema = z.object({ callId: callIdField, toWorkerId: callIdField });

type Done = 'acknowledged' | 'on-the-way' | 'calling' | 'resolved' | 'handed-over';

const DONE_MESSAGES: Record<Done, typeof m.bk_done_acknowledged> = {
	acknowledged: m.bk_done_acknowledged,
	'on-the-way': m.bk_done_on_the_way,
	calling: m.bk_done_calling,
	resolved: m.bk_done_resolved,
	'handed-over': m.bk_done_handed_over
};

async function act<T extends z.ZodType>(
	event: RequestEvent,
	schema: T,
	done: Done,
	step: (account: SignedInAccount, input: z.output<T>, now: Date) => Promise<CallChange>
) {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const formData = await event.request.formData().catch(() => null);
	const values = formData ? formValues(formData) : {};
	const callId = /^\d{1,9}$/.test(values.callId ?? '') ? Number(values.callId) : null;
	const parsed = validateForm(schema, values, locale);
	if (!parsed.ok) {
		const field = Object.keys(parsed.errors)[0];
		const message =
			field === 'toWorkerId'
				? m.bk_error_colleague({}, { locale })
				: (parsed.errors[field] ?? m.error_format({}, { locale }));
		return fail(400, { callId, done: null, message, field });
	}
	try {
		await step(account, parsed.data, currentTime());
	} catch (thrown) {
		if (!isBackupCallError(thrown)) throw thrown;
		const message =
			thrown.code === 'not-found'
				? m.bk_error_not_found({}, { locale })
				: thrown.code === 'not-allowed'
					? m.bk_error_not_yours({}, { locale })
					: thrown.code === 'not-owner'
						? m.bk_error_taken({}, { locale })
						: thrown.code === 'invalid-transition'
							? m.bk_error_changed({}, { locale })
							: thrown.details.field === 'toWorkerId'
								? m.bk_error_colleague({}, { locale })
								: m.error_too_long({ max: NOTE_MAX_LENGTH }, { locale });
		return fail(thrown.status, {
			callId,
			done: null,
			message,
			field: thrown.details.field ?? null
		});
	}
	return { callId, done, message: DONE_MESSAGES[done]({}, { locale }), field: null };
}

export const actions = {
	acknowledge: (event) =>
		act(event, simpleSchema, 'acknowledged', (account, input, now) =>
			acknowledgeCall(input.callId, account.id, now)
		),
	onTheWay: (event) =>
		act(event, simpleSchema, 'on-the-way', (account, input, now) =>
			markOnTheWay(input.callId, account.id, now)
		),
	calling: (event) =>
		act(event, simpleSchema, 'calling', (account, input, now) =>
			markCalling(input.callId, account.id, now)
		),
	resolve: (event) =>
		act(event, resolveSchema, 'resolved', (account, input, now) =>
			resolveCall(input.callId, account.id, input.closingNote, now)
		),
	handOver: (event) =>
		act(event, handOverSchema, 'handed-over', (account, input, now) =>
			handOverCall(input.callId, account.id, input.toWorkerId, now)
		)
} satisfies Actions;
