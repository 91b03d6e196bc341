import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import { requireRole } from '$lib/server/auth/guard';
import { optionalText, requiredText, validateForm, type FieldErrors } from '$lib/server/forms';
import type { Round, RoundStop } from '$lib/server/db/schema';
import { neighbourhoodExists } from '$lib/server/gatherings/manage';
import { checkStopTimes, type RoundInput, type StopInput } from '$lib/server/rounds/manage';
import { resolveSchedule } from '$lib/server/schedule/rrule-builder';
import {
	coordinateField,
	emptyScheduleValues,
	idField,
	integerField,
	isInArea,
	localizedFields,
	localizedFrom,
	localizedShape,
	localizedValues,
	localeOf,
	numberInRange,
	readForm,
	SCHEDULE_FIELDS,
	scheduleChoice,
	scheduleProblem,
	scheduleShape,
	scheduleValues,
	timeField,
	type Values
} from '../gatherings/form-helpers.server';

export const ROUND_VISIBILITIES = ['public', 'members', 'hidden'] as const;

export const ROUND_FIELDS = [
	...localizedFields('name'),
	...localizedFields('description'),
	'neighbourhoodId',
	...SCHEDULE_FIELDS,
	'partners',
	'visibility'
] as const;

export const STOP_FIELDS = ['street', 'lat', 'lon', 'arrivalTime', 'stayMinutes'] as const;
export type StopValues = Record<(typeof STOP_FIELDS)[number], string>;
export type RoundFormState = { values: Values; stops: StopValues[] };

export const MAX_STOPS = 40;
const STOP_KEY = /^stops\.(\d{1,3})\.(street|lat|lon|arrivalTime|stayMinutes)$/;

const stopSchema = z.object({
	street: requiredText(120),
	lat: coordinateField,
	lon: coordinateField,
	arrivalTime: timeField,
	stayMinutes: integerField
});

const schema = z.object({
	...localizedShape('name', 120),
	...localizedShape('description', 3000),
	neighbourhoodId: idField,
	...scheduleShape,
	partners: optionalText(1000),
	visibility: z.enum(ROUND_VISIBILITIES),
	stops: z.array(stopSchema)
});

export function emptyStop(): StopValues {
	return { street: '', lat: '', lon: '', arrivalTime: '', stayMinutes: '30' };
}

/** The stops as typed, in the order of their numbers in the form (`stops.0.street`, ...). */
export function readStops(sent: Values): StopValues[] {
	const byIndex = new Map<number, StopValues>();
	for (const [key, value] of Object.entries(sent)) {
		const match = STOP_KEY.exec(key);
		if (!match) continue;
		const index = Number(match[1]);
		const stop = byIndex.get(index) ?? {
			street: '',
			lat: '',
			lon: '',
			arrivalTime: '',
			stayMinutes: ''
		};
		stop[match[2] as keyof StopValues] = value;
		byIndex.set(index, stop);
	}
	return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, stop]) => stop);
}

export function emptyRoundForm(): RoundFormState {
	const values: Values = Object.fromEntries(ROUND_FIELDS.map((field) => [field, '']));
	return {
		values: { ...values, ...emptyScheduleValues(), rhythm: 'monthly', visibility: 'public' },
		stops: [emptyStop()]
	};
}

export function roundForm(round: Round, stops: RoundStop[]): RoundFormState {
	return {
		values: {
			...localizedValues('name', round.name),
			...localizedValues('description', round.description),
			neighbourhoodId: String(round.neighbourhoodId),
			...scheduleValues(round.startsAt, round.rrule),
			partners: round.partners.join('\n'),
			// Area-only means members-only for a round (see rounds/public.ts).
			visibility: round.visibility === 'area' ? 'members' : round.visibility
		},
		stops: [...stops]
			.sort((a, b) => a.position - b.position)
			.map((stop) => ({
				street: stop.street,
				lat: String(stop.lat),
				lon: String(stop.lon),
				arrivalTime: stop.arrivalTime,
				stayMinutes: String(stop.stayMinutes)
			}))
	};
}

export type StopEdit =
	{ kind: 'add' } | { kind: 'remove'; index: number } | { kind: 'move'; index: number; by: -1 | 1 };

/** The list after one button press, or null when the button asked for something impossible. */
export function editStops(stops: StopValues[], edit: StopEdit): StopValues[] | null {
	if (edit.kind === 'add') return stops.length < MAX_STOPS ? [...stops, emptyStop()] : null;
	if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index >= stops.length) return null;
	if (edit.kind === 'remove') return stops.filter((_, index) => index !== edit.index);
	const target = edit.index + edit.by;
	if (target < 0 || target >= stops.length) return null;
	const moved = [...stops];
	[moved[edit.index], moved[target]] = [moved[target], moved[edit.index]];
	return moved;
}

function splitPartners(text: string | null): string[] {
	const names = (text ?? '')
		.split(/[,\n;]/)
		.map((name) => name.trim())
		.filter(Boolean);
	return [...new Set(names)];
}

export type ParsedRound =
	| { ok: true; input: RoundInput; stops: StopInput[]; movedFrom: string | null }
	/** `typed`: the stops to show again, without the ones left completely empty. */
	| { ok: false; errors: FieldErrors; typed: StopValues[] };

export async function parseRoundForm(
	form: RoundFormState,
	locale: Locale,
	kept: string | null = null
): Promise<ParsedRound> {
	const options = { locale };
	const errors: FieldErrors = {};
	// A stop added and left empty is simply not there.
	const stops = form.stops.filter((stop) =>
		[stop.street, stop.lat, stop.lon, stop.arrivalTime].some((value) => value.trim())
	);
	if (!localizedFields('name').some((field) => form.values[field]?.trim()))
		errors.nameNl = m.tr_error_name_missing({}, options);
	if (stops.length === 0) errors.stops = m.tr_error_no_stops({}, options);
	if (stops.length > MAX_STOPS)
		errors.stops = m.tr_error_too_many_stops({ max: MAX_STOPS }, options);
	// Said now too, so a missing point is not only found after the other mistakes are fixed.
	stops.forEach((stop, index) => {
		if (!stop.lat.trim() || !stop.lon.trim())
			errors[`stops.${index}.lat`] = m.error_coordinates({}, options);
	});

	const checked = validateForm(schema, { ...form.values, stops }, locale);
	if (!checked.ok) return { ok: false, errors: { ...checked.errors, ...errors }, typed: stops };
	const data = checked.data;

	if (data.neighbourhoodId === null) errors.neighbourhoodId = m.error_choose_one({}, options);
	else if (!(await neighbourhoodExists(data.neighbourhoodId)))
		errors.neighbourhoodId = m.error_unknown_item({}, options);

	const partners = splitPartners(data.partners);
	if (partners.some((name) => name.length > 80))
		errors.partners = m.error_too_long({ max: 80 }, options);

	data.stops.forEach((stop, index) => {
		if (stop.lat === null || stop.lon === null || !isInArea(stop.lat, stop.lon))
			errors[`stops.${index}.lat`] = m.error_coordinates({}, options);
		const stay = numberInRange(stop.stayMinutes, 1, 240, locale);
		if (stay) errors[`stops.${index}.stayMinutes`] = stay;
	});
	for (const problem of checkStopTimes(
		data.stops.map((stop) => ({
			arrivalTime: stop.arrivalTime,
			stayMinutes: stop.stayMinutes ?? 0
		})),
		data.startTime
	)) {
		const number = problem.index + 1;
		errors[`stops.${problem.index}.arrivalTime`] =
			problem.problem === 'before-start'
				? m.tr_error_stop_before_start({ time: problem.startTime }, options)
				: problem.problem === 'not-later'
					? m.tr_error_stop_not_later({ number, previous: number - 1 }, options)
					: m.tr_error_stop_still_at_previous(
							{ previous: number - 1, until: problem.until },
							options
						);
	}

	const resolved = resolveSchedule(scheduleChoice(data), 60, kept);
	if (!resolved.ok) Object.assign(errors, scheduleProblem(resolved, locale));

	if (Object.keys(errors).length || !resolved.ok || data.neighbourhoodId === null)
		return { ok: false, errors, typed: stops };

	return {
		ok: true,
		movedFrom: resolved.movedFrom,
		input: {
			name: localizedFrom(data, 'name'),
			description: localizedFrom(data, 'description'),
			neighbourhoodId: data.neighbourhoodId,
			startsAt: resolved.startsAt,
			rrule: resolved.rrule,
			partners,
			visibility: data.visibility
		},
		stops: data.stops.map((stop) => ({
			street: stop.street,
			lat: stop.lat as number,
			lon: stop.lon as number,
			arrivalTime: stop.arrivalTime,
			stayMinutes: stop.stayMinutes as number
		}))
	};
}

/**
 * Add, remove and move stops without JavaScript: each button posts the whole form to one of
 * these actions, which answer with the edited list (nothing is saved until "Save").
 */
export function stopEditActions() {
	async function edit(event: RequestEvent, pick: (sent: Values) => StopEdit | null) {
		requireRole(event, 'worker');
		const locale = localeOf(event);
		const { values, sent } = await readForm(event, ROUND_FIELDS);
		const stops = readStops(sent);
		const request = pick(sent);
		const edited = request ? editStops(stops, request) : null;
		if (!edited) {
			return fail(400, {
				values,
				stops,
				errors: { stops: m.tr_error_stop_edit({}, { locale }) },
				stopsEdited: false
			});
		}
		return { values, stops: edited, errors: {}, stopsEdited: true };
	}
	const indexOf = (raw: string | undefined) => (raw && /^\d{1,3}$/.test(raw) ? Number(raw) : -1);

	return {
		addStop: (event: RequestEvent) => edit(event, () => ({ kind: 'add' })),
		removeStop: (event: RequestEvent) =>
			edit(event, (sent) => ({ kind: 'remove', index: indexOf(sent.stopRemove) })),
		moveStop: (event: RequestEvent) =>
			edit(event, (sent) => {
				const match = /^(\d{1,3}):(up|down)$/.exec(sent.stopMove ?? '');
				return match
					? { kind: 'move', index: Number(match[1]), by: match[2] === 'up' ? -1 : 1 }
					: null;
			})
	};
}
