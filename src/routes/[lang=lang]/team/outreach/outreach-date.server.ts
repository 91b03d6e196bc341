import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { OutreachTarget, TeamRefusal } from '$lib/server/outreach/team';
import { isCalendarDate } from '$lib/server/schedule/rrule-builder';

/** `round` + `3` + `2026-12-02` as a date of an outreach item, or null when it cannot be one. */
export function readOutreachDate(
	kind: string | undefined,
	id: string | undefined,
	date: string | undefined
): { target: OutreachTarget; date: string } | null {
	if (kind !== 'round' && kind !== 'gathering') return null;
	if (!id || !/^\d{1,9}$/.test(id)) return null;
	if (!date || !isCalendarDate(date)) return null;
	const target: OutreachTarget =
		kind === 'round' ? { roundId: Number(id) } : { gatheringId: Number(id) };
	return { target, date };
}

/** Where a date of this item is moved or cancelled: the item's own page in the team area. */
export function changeDatePath(locale: Locale, type: 'round' | 'gathering', id: number): string {
	return `/${locale}/team/${type === 'round' ? 'rounds' : 'gatherings'}/${id}#dates-title`;
}

export function refusalMessage(
	reason: TeamRefusal,
	locale: Locale,
	{ me = false }: { me?: boolean } = {}
): string {
	const options = { locale };
	switch (reason) {
		case 'not-found':
			return m.outreach_plan_error_not_found({}, options);
		case 'not-a-date':
			return m.outreach_plan_error_not_a_date({}, options);
		case 'cancelled':
			return m.outreach_plan_error_cancelled({}, options);
		case 'unknown-account':
			return m.outreach_plan_error_unknown_account({}, options);
		case 'already-on-team':
			return me
				? m.outreach_plan_error_me_already({}, options)
				: m.outreach_plan_error_already({}, options);
		case 'team-full':
			return m.outreach_plan_error_team_full({}, options);
		case 'partner-name':
			return m.outreach_plan_error_partner_name({}, options);
		case 'not-on-team':
			return me
				? m.outreach_plan_error_not_me({}, options)
				: m.outreach_plan_error_not_on_team({}, options);
	}
}
