import { z } from 'zod';
import type { Locale } from '$lib/i18n';
import { languageCodes } from '$lib/labels';
import { m } from '$lib/paraglide/messages.js';
import {
	checkbox,
	optionalText,
	requiredText,
	validateForm,
	type FieldErrors
} from '$lib/server/forms';
import { COSTS, GATHERING_KINDS, VISIBILITIES, type Gathering } from '$lib/server/db/schema';
import {
	findPlaceForGathering,
	neighbourhoodExists,
	type GatheringInput
} from '$lib/server/gatherings/manage';
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
	numberInRange,
	SCHEDULE_FIELDS,
	scheduleChoice,
	scheduleProblem,
	scheduleShape,
	scheduleValues,
	timeField,
	type Values
} from './form-helpers.server';

export const GATHERING_FIELDS = [
	...localizedFields('title'),
	...localizedFields('description'),
	'kind',
	'where',
	'placeId',
	'lat',
	'lon',
	'pointName',
	'neighbourhoodId',
	...SCHEDULE_FIELDS,
	'duration',
	'endTime',
	'host',
	'walkIn',
	'cost',
	'visibility',
	'helpersNeeded'
] as const;

export type GatheringFormState = { values: Values; languages: string[] };

const schema = z.object({
	...localizedShape('title', 120),
	...localizedShape('description', 3000),
	kind: z.enum(GATHERING_KINDS),
	where: z.enum(['place', 'point']),
	placeId: idField,
	lat: coordinateField,
	lon: coordinateField,
	pointName: optionalText(120),
	neighbourhoodId: idField,
	...scheduleShape,
	duration: integerField,
	endTime: z
		.string()
		.trim()
		.refine((value) => value === '' || timeField.safeParse(value).success, 'error_time'),
	host: requiredText(120),
	walkIn: checkbox,
	cost: z.enum(COSTS),
	visibility: z.enum(VISIBILITIES),
	helpersNeeded: integerField
});

export function emptyGatheringForm(): GatheringFormState {
	const values: Values = Object.fromEntries(GATHERING_FIELDS.map((field) => [field, '']));
	return {
		values: {
			...values,
			...emptyScheduleValues(),
			kind: 'open-circle',
			where: 'place',
			duration: '120',
			walkIn: 'on',
			cost: 'free',
			visibility: 'public',
			helpersNeeded: '0'
		},
		languages: ['nl', 'fr']
	};
}

export function gatheringForm(row: Gathering): GatheringFormState {
	return {
		values: {
			...localizedValues('title', row.title),
			...localizedValues('description', row.description),
			kind: row.kind,
			where: row.placeId === null ? 'point' : 'place',
			placeId: row.placeId === null ? '' : String(row.placeId),
			lat: row.lat === null ? '' : String(row.lat),
			lon: row.lon === null ? '' : String(row.lon),
			pointName: row.pointName ?? '',
			neighbourhoodId: String(row.neighbourhoodId),
			...scheduleValues(row.startsAt, row.rrule),
			duration: String(row.durationMinutes),
			endTime: '',
			host: row.host,
			walkIn: row.walkIn ? 'on' : '',
			cost: row.cost,
			visibility: row.visibility,
			helpersNeeded: String(row.helpersNeeded ?? 0)
		},
		languages: row.languages
	};
}

function minutesOf(time: string) {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

export type ParsedGathering =
	| { ok: true; input: GatheringInput; movedFrom: string | null }
	| { ok: false; errors: FieldErrors };

/**
 * Types and formats first, then what depends on the database and on other fields. `current`
 * is the gathering being edited: its rule can be kept as it is, and its place may be archived.
 */
export async function parseGatheringForm(
	form: GatheringFormState,
	locale: Locale,
	current: Pick<Gathering, 'rrule' | 'placeId'> | null = null
): Promise<ParsedGathering> {
	const options = { locale };
	const errors: FieldErrors = {};
	if (!localizedFields('title').some((field) => form.values[field]?.trim()))
		errors.titleNl = m.tg_error_title_missing({}, options);
	if (form.languages.some((code) => !languageCodes.includes(code)))
		errors.languages = m.error_choose_one({}, options);
	if (form.values.where === 'point' && (!form.values.lat.trim() || !form.values.lon.trim()))
		errors.lat = m.error_coordinates({}, options);

	const checked = validateForm(schema, form.values, locale);
	if (!checked.ok) return { ok: false, errors: { ...checked.errors, ...errors } };
	const data = checked.data;

	let placeId: number | null = null;
	let neighbourhoodId = data.neighbourhoodId;
	if (data.where === 'place') {
		if (data.placeId === null) errors.placeId = m.error_choose_one({}, options);
		else {
			const place = await findPlaceForGathering(data.placeId);
			if (!place || (place.archivedAt !== null && place.id !== current?.placeId))
				errors.placeId = m.error_unknown_item({}, options);
			else {
				placeId = place.id;
				neighbourhoodId ??= place.neighbourhoodId;
			}
		}
	} else {
		if (data.lat === null || data.lon === null || !isInArea(data.lat, data.lon)) {
			errors.lat = m.error_coordinates({}, options);
		}
		if (neighbourhoodId === null) errors.neighbourhoodId = m.error_choose_one({}, options);
	}
	if (neighbourhoodId !== null && !(await neighbourhoodExists(neighbourhoodId)))
		errors.neighbourhoodId = m.error_unknown_item({}, options);

	let duration = data.duration;
	if (data.endTime) {
		const fromEnd = minutesOf(data.endTime) - minutesOf(data.startTime);
		if (fromEnd <= 0) errors.endTime = m.tg_error_end_before_start({}, options);
		else if (duration !== null && duration !== fromEnd)
			errors.endTime = m.tg_error_duration_mismatch({}, options);
		else duration = fromEnd;
	} else {
		const problem = numberInRange(duration, 5, 12 * 60, locale);
		if (problem) errors.duration = problem;
	}
	const helpersProblem = numberInRange(data.helpersNeeded, 0, 50, locale);
	if (helpersProblem) errors.helpersNeeded = helpersProblem;

	const resolved = resolveSchedule(scheduleChoice(data), duration ?? 60, current?.rrule);
	if (!resolved.ok) Object.assign(errors, scheduleProblem(resolved, locale));

	if (Object.keys(errors).length || !resolved.ok || neighbourhoodId === null || duration === null)
		return { ok: false, errors };

	return {
		ok: true,
		movedFrom: resolved.movedFrom,
		input: {
			kind: data.kind,
			title: localizedFrom(data, 'title'),
			description: localizedFrom(data, 'description'),
			placeId,
			lat: data.where === 'point' ? data.lat : null,
			lon: data.where === 'point' ? data.lon : null,
			pointName: data.where === 'point' ? data.pointName : null,
			neighbourhoodId,
			startsAt: resolved.startsAt,
			durationMinutes: duration,
			rrule: resolved.rrule,
			host: data.host,
			walkIn: data.walkIn,
			cost: data.cost,
			languages: languageCodes.filter((code) => form.languages.includes(code)),
			visibility: data.visibility,
			helpersNeeded: data.helpersNeeded ? data.helpersNeeded : null
		}
	};
}
