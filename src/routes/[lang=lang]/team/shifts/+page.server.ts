import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { BASE_LOCALE, isLocale, pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { formatDay } from '$lib/format';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { formValues, validateForm } from '$lib/server/forms';
import { dateToWallTime, isWallTime } from '$lib/server/schedule/time';
import { listHelpersByDate } from '$lib/server/shifts/helpers-by-date';
import { listMyShifts, listOpenShifts, shiftKey } from '$lib/server/shifts/open-shifts';
import { shiftScopeOf } from '$lib/server/shifts/shift-dates';
import { dropShift, takeShift, type ShiftRefusal } from '$lib/server/shifts/take-shift';
import type { Actions, PageServerLoad } from './$types';

function localeOf(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : BASE_LOCALE;
}

function now() {
	return dateToWallTime(currentTime());
}

export const load: PageServerLoad = async (event) => {
	const account = requireRole(event, 'volunteer');
	const locale = localeOf(event.params.lang);
	const scope = shiftScopeOf(account);
	const at = now();
	const [shifts, mine] = await Promise.all([
		listOpenShifts({ accountId: account.id, scope, now: at, locale }),
		listMyShifts({ accountId: account.id, now: at, locale })
	]);

	// Names only reach workers and coordinators; a volunteer's page holds numbers only.
	const helpers = hasRole(account, 'worker')
		? await listHelpersByDate(
				shifts.map((shift) => shift.gatheringId),
				at
			)
		: null;
	return {
		scope: scope.kind,
		hasNeighbourhood: scope.kind === 'all' || scope.ids.length > 0,
		workerView: helpers !== null,
		mine,
		shifts: shifts.map((shift) => ({
			...shift,
			dates: shift.dates.map((date) =>
				helpers
					? { ...date, helpers: helpers.get(shiftKey(shift.gatheringId, date.date)) ?? [] }
					: date
			)
		}))
	};
};

const shiftSchema = z.object({
	gathering: z.coerce
		.number()
		.int()
		.positive()
		.max(2 ** 31),
	date: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'error_date')
		.refine((value) => isWallTime(`${value}T00:00`), 'error_date')
});

type ShiftForm = { gathering: number; date: string };

const refusals: Record<ShiftRefusal, { status: 400 | 409; message: typeof m.sh_error_full }> = {
	'unknown-gathering': { status: 400, message: m.sh_error_unknown },
	'not-a-date': { status: 400, message: m.sh_error_not_a_date },
	full: { status: 409, message: m.sh_error_full }
};

async function readShift(event: RequestEvent, locale: Locale) {
	const formData = await event.request.formData().catch(() => null);
	const parsed = formData ? validateForm(shiftSchema, formValues(formData), locale) : null;
	return parsed?.ok ? parsed.data : null;
}

function refuse(reason: ShiftRefusal, shift: ShiftForm | null, locale: Locale) {
	const { status, message } = refusals[reason];
	return fail(status, {
		gathering: shift?.gathering ?? null,
		date: shift?.date ?? null,
		message: message({}, { locale }),
		failed: true
	});
}

export const actions = {
	take: async (event) => {
		const account = requireRole(event, 'volunteer');
		const locale = localeOf(event.params.lang);
		const shift = await readShift(event, locale);
		if (!shift) return refuse('not-a-date', null, locale);
		const result = await takeShift({
			accountId: account.id,
			scope: shiftScopeOf(account),
			gatheringId: shift.gathering,
			date: shift.date,
			now: now()
		});
		if (!result.ok) return refuse(result.reason, shift, locale);
		const message =
			result.outcome === 'already'
				? m.sh_already({}, { locale })
				: m.sh_taken(
						{ title: pick(result.title, locale), date: formatDay(result.start, locale) },
						{ locale }
					);
		return { ...shift, message, failed: false };
	},

	drop: async (event) => {
		const account = requireRole(event, 'volunteer');
		const locale = localeOf(event.params.lang);
		const shift = await readShift(event, locale);
		if (!shift) return refuse('not-a-date', null, locale);
		const result = await dropShift({
			accountId: account.id,
			gatheringId: shift.gathering,
			date: shift.date,
			now: now()
		});
		if (!result.ok) return refuse(result.reason, shift, locale);
		const message =
			result.outcome === 'dropped'
				? m.sh_dropped({}, { locale })
				: m.sh_not_signed_up({}, { locale });
		return { ...shift, message, failed: false };
	}
} satisfies Actions;
