import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { formValues } from '$lib/server/forms';
import { listNeighbourhoods } from '$lib/server/neighbourhoods/queries';
import { buildOutreachCalendar } from '$lib/server/outreach/calendar';
import {
	addAccountToTeam,
	findOwnMembership,
	removeFromTeam,
	teamKey
} from '$lib/server/outreach/team';
import { addMinutes, dateToWallTime } from '$lib/server/schedule/time';
import type { Actions, PageServerLoad } from './$types';
import { readCalendarView, shiftView, viewSearch } from './calendar-view';
import { readOutreachDate, refusalMessage } from './outreach-date.server';

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const now = dateToWallTime(currentTime());
	const today = now.slice(0, 10);
	const view = readCalendarView(event.url.searchParams, today);
	const neighbourhoods = await listNeighbourhoods(locale);
	const chosen = neighbourhoods.find((hood) => hood.slug === view.neighbourhood) ?? null;
	const shown = { ...view, neighbourhood: chosen?.slug ?? null };

	const calendar = await buildOutreachCalendar({
		from: shown.from ?? today,
		days: shown.weeks * 7,
		neighbourhoodId: chosen?.id ?? null,
		show: shown.show,
		viewerId: account.id,
		now,
		locale
	});
	const base = `/${locale}/team/outreach`;
	const added = event.url.searchParams.get('added');
	const removed = event.url.searchParams.get('removed');
	return {
		me: account.id,
		today,
		calendar,
		neighbourhoods: neighbourhoods.map(({ id, slug, name }) => ({ id, slug, name })),
		view: shown,
		search: viewSearch(shown).slice(1),
		links: {
			earlier: `${base}${viewSearch(shiftView(shown, today, -7))}`,
			later: `${base}${viewSearch(shiftView(shown, today, 7))}`,
			today: shown.from ? `${base}${viewSearch({ ...shown, from: null })}` : null
		},
		lastDay: addMinutes(`${calendar.until}T00:00`, -24 * 60).slice(0, 10),
		done: added
			? { key: added, action: 'added' as const }
			: removed
				? { key: removed, action: 'removed' as const }
				: null
	};
};

async function readAction(event: RequestEvent) {
	const account = requireRole(event, 'worker');
	const locale = localeOf(event.params.lang);
	const formData = await event.request.formData().catch(() => new FormData());
	const values = formValues(formData);
	const today = dateToWallTime(currentTime()).slice(0, 10);
	const view = readCalendarView(new URLSearchParams(values.view ?? ''), today);
	const ref = readOutreachDate(values.type, values.id, values.date);
	const key = ref ? teamKey(ref.target, ref.date) : '';
	const back = (extra: Record<string, string>) =>
		`/${locale}/team/outreach${viewSearch(view, extra)}#${key}`;
	return { account, locale, ref, key, back };
}

export const actions = {
	addMe: async (event) => {
		const { account, locale, ref, key, back } = await readAction(event);
		if (!ref) return fail(400, { key, message: refusalMessage('not-a-date', locale) });
		const result = await addAccountToTeam({ ...ref, accountId: account.id, addedBy: account.id });
		if (!result.ok) {
			return fail(400, { key, message: refusalMessage(result.reason, locale, { me: true }) });
		}
		redirect(303, back({ added: key }));
	},
	removeMe: async (event) => {
		const { account, locale, ref, key, back } = await readAction(event);
		if (!ref) return fail(400, { key, message: refusalMessage('not-a-date', locale) });
		const memberId = await findOwnMembership({ ...ref, accountId: account.id });
		const result =
			memberId === null
				? ({ ok: false, reason: 'not-on-team' } as const)
				: await removeFromTeam({ ...ref, memberId });
		if (!result.ok) {
			return fail(400, { key, message: refusalMessage(result.reason, locale, { me: true }) });
		}
		redirect(303, back({ removed: key }));
	}
} satisfies Actions;
