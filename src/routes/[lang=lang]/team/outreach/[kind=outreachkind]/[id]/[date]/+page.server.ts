import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, pick, pickWithLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { formValues, optionalText, requiredText, validateForm } from '$lib/server/forms';
import { buildOutreachCalendar } from '$lib/server/outreach/calendar';
import {
	addAccountToTeam,
	addPartnerToTeam,
	findOutreachItem,
	listTeam,
	listTeamCandidates,
	occurrenceOn,
	PARTNER_NAME_MAX,
	PARTNER_PHONE_MAX,
	removeFromTeam,
	teamKey,
	type TeamRefusal,
	type TeamResult
} from '$lib/server/outreach/team';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import type { Actions, PageServerLoad } from './$types';
import { changeDatePath, readOutreachDate, refusalMessage } from '../../../outreach-date.server';

type Values = Record<string, string>;
type FormName = 'addAccount' | 'addPartner' | 'addMe' | 'remove';

const PHONE = /^\+?[0-9][0-9 ()./-]{5,28}$/;

const accountSchema = z.object({
	accountId: z
		.string()
		.trim()
		.regex(/^\d{1,9}$/, 'error_unknown_item')
});
const partnerSchema = z.object({
	partnerName: requiredText(PARTNER_NAME_MAX),
	partnerPhone: optionalText(PARTNER_PHONE_MAX).refine(
		(value) => value === null || PHONE.test(value),
		'error_phone'
	)
});

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

/** The date this page is about, or 404: the account is checked first, always. */
async function existing(event: RequestEvent) {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const ref = readOutreachDate(event.params.kind, event.params.id, event.params.date);
	const item = ref ? await findOutreachItem(ref.target) : undefined;
	const occurrence = ref && item ? occurrenceOn(item, ref.date) : null;
	if (!ref || !item || !occurrence) error(404, m.not_found_title({}, { locale }));
	return { account, locale, ref, item, occurrence };
}

export const load: PageServerLoad = async (event) => {
	const { account, locale, ref, item, occurrence } = await existing(event);
	const now = dateToWallTime(currentTime());
	const [team, candidates, calendar] = await Promise.all([
		listTeam(ref.target, ref.date),
		listTeamCandidates(item.neighbourhood.id),
		buildOutreachCalendar({
			from: occurrence.start.slice(0, 10),
			days: 1,
			viewerId: account.id,
			now,
			locale
		})
	]);
	const key = teamKey(ref.target, ref.date);
	const entry = calendar.weeks
		.flatMap((week) => week.days.flatMap((day) => day.entries))
		.find((candidate) => candidate.key === key);
	const onTeam = new Set(team.flatMap((member) => member.accountId ?? []));
	const addedId = Number(event.url.searchParams.get('added'));
	const note = occurrence.note && pick(occurrence.note, locale) ? occurrence.note : null;
	return {
		me: account.id,
		item: {
			type: item.type,
			id: item.id,
			kind: item.kind,
			title: pickWithLocale(item.title, locale),
			where: item.where ? pickWithLocale(item.where, locale) : null,
			neighbourhood: pick(item.neighbourhood.name, locale),
			visibility: item.visibility,
			partners: item.partners
		},
		date: {
			originalDate: occurrence.originalDate,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status,
			note: note ? pickWithLocale(note, locale) : null,
			past: occurrence.end <= now
		},
		team,
		mine: onTeam.has(account.id),
		conflicts: entry?.conflicts ?? [],
		candidates: candidates.filter((candidate) => !onTeam.has(candidate.id)),
		links: {
			calendar: `/${locale}/team/outreach${
				// Beyond the four weeks the planning shows by default, it opens on that day.
				occurrence.start.slice(0, 10) > addMinutes(now, 27 * 24 * 60).slice(0, 10)
					? `?from=${occurrence.start.slice(0, 10)}`
					: ''
			}#${key}`,
			changeDate: changeDatePath(locale, item.type, item.id),
			sheet: item.type === 'round' ? `/${locale}/team/rounds/${item.id}/sheet/${ref.date}` : null
		},
		added: team.find((member) => member.id === addedId)?.name ?? null,
		removed: event.url.searchParams.has('removed')
	};
};

async function read(event: RequestEvent, fields: string[]) {
	const formData = await event.request.formData().catch(() => new FormData());
	const sent = formValues(formData);
	const values: Values = {};
	for (const field of fields) values[field] = sent[field] ?? '';
	return values;
}

function refuse(form: FormName, values: Values, errors: Record<string, string>) {
	return fail(400, { form, values, errors });
}

/** Where a refusal is shown: next to the field it is about, or above the form. */
function refusalField(reason: TeamRefusal, form: FormName): string {
	if (form === 'addAccount' && (reason === 'unknown-account' || reason === 'already-on-team'))
		return 'accountId';
	if (form === 'addPartner' && (reason === 'partner-name' || reason === 'already-on-team'))
		return 'partnerName';
	return 'form';
}

function answer(
	result: TeamResult,
	form: FormName,
	values: Values,
	event: RequestEvent,
	locale: Locale
) {
	if (!result.ok) {
		if (result.reason === 'not-found') error(404, m.not_found_title({}, { locale }));
		return refuse(form, values, {
			[refusalField(result.reason, form)]: refusalMessage(result.reason, locale, {
				me: form === 'addMe'
			})
		});
	}
	redirect(303, `${event.url.pathname}?added=${result.memberId}#team-title`);
}

export const actions = {
	addAccount: async (event) => {
		const { account, locale, ref } = await existing(event);
		const values = await read(event, ['accountId']);
		const checked = validateForm(accountSchema, values, locale);
		if (!checked.ok) {
			return refuse('addAccount', values, {
				accountId: m.outreach_plan_error_unknown_account({}, { locale })
			});
		}
		const result = await addAccountToTeam({
			...ref,
			accountId: Number(checked.data.accountId),
			addedBy: account.id
		});
		return answer(result, 'addAccount', values, event, locale);
	},
	addPartner: async (event) => {
		const { account, locale, ref } = await existing(event);
		const values = await read(event, ['partnerName', 'partnerPhone']);
		const checked = validateForm(partnerSchema, values, locale);
		if (!checked.ok) return refuse('addPartner', values, checked.errors);
		const result = await addPartnerToTeam({
			...ref,
			name: checked.data.partnerName,
			phone: checked.data.partnerPhone,
			addedBy: account.id
		});
		return answer(result, 'addPartner', values, event, locale);
	},
	addMe: async (event) => {
		const { account, locale, ref } = await existing(event);
		const result = await addAccountToTeam({ ...ref, accountId: account.id, addedBy: account.id });
		return answer(result, 'addMe', {}, event, locale);
	},
	remove: async (event) => {
		const { locale, ref } = await existing(event);
		const values = await read(event, ['memberId']);
		const memberId = /^\d{1,9}$/.test(values.memberId.trim()) ? Number(values.memberId) : null;
		const result =
			memberId === null
				? ({ ok: false, reason: 'not-on-team' } as const)
				: await removeFromTeam({ ...ref, memberId });
		if (!result.ok) {
			return refuse('remove', values, { form: refusalMessage(result.reason, locale) });
		}
		redirect(303, `${event.url.pathname}?removed=1#team-title`);
	}
} satisfies Actions;
