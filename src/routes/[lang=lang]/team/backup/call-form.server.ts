import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { pick, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { SignedInAccount } from '$lib/server/auth/session';
import {
	checkNote,
	createBackupCall,
	isBackupCallError,
	NOTE_MAX_LENGTH,
	type NoteWarning,
	type SentBackupCall
} from '$lib/server/backup';
import { db } from '$lib/server/db';
import { backupCalls, HELP_KINDS, neighbourhoods, places, URGENCIES } from '$lib/server/db/schema';
import { optionalText, validateForm, type FieldErrors } from '$lib/server/forms';
import { notifyBackupRecipients } from '$lib/server/push';

/** The fields of the backup-call form, as the form posts them and the outbox stores them. */
export const CALL_FIELDS = [
	'deviceCallId',
	'where',
	'neighbourhoodId',
	'lat',
	'lon',
	'urgency',
	'helpKind',
	'note'
] as const;
export type CallField = (typeof CALL_FIELDS)[number];
export type CallValues = Record<CallField, string>;

const DEVICE_CALL_ID = /^[A-Za-z0-9_-]{16,64}$/;
const COORDINATE = /^-?\d{1,3}(?:\.\d{1,12})?$/;

const callSchema = z.object({
	deviceCallId: z.string().regex(DEVICE_CALL_ID),
	where: z.string().regex(/^(?:here|place:\d{1,9})$/),
	neighbourhoodId: z
		.string()
		.regex(/^\d{0,9}$/)
		.transform((value) => (value ? Number(value) : null)),
	lat: z.string().regex(/^$|^-?\d{1,3}(?:\.\d{1,12})?$/),
	lon: z.string().regex(/^$|^-?\d{1,3}(?:\.\d{1,12})?$/),
	urgency: z.enum(URGENCIES),
	helpKind: z.enum(HELP_KINDS),
	note: optionalText(NOTE_MAX_LENGTH)
});

/** Only the known fields, each as text; anything else (or any other type) is left out. */
export function readCallValues(input: unknown): CallValues {
	const record = (typeof input === 'object' && input !== null ? input : {}) as Record<
		string,
		unknown
	>;
	return Object.fromEntries(
		CALL_FIELDS.map((field) => {
			const value = record[field];
			const text =
				typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
			return [field, text];
		})
	) as CallValues;
}

export type WhereChoices = {
	id: number;
	name: string;
	centre: { lat: number; lon: number };
	places: { id: number; name: string }[];
}[];

/** The neighbourhoods this account works in; someone linked to none may ask in any. */
async function allowedNeighbourhoods(account: SignedInAccount) {
	const rows = await db
		.select()
		.from(neighbourhoods)
		.where(
			account.neighbourhoodIds.length > 0
				? inArray(neighbourhoods.id, account.neighbourhoodIds)
				: undefined
		)
		.orderBy(asc(neighbourhoods.id));
	return rows;
}

/** Where a call may come from: the account's neighbourhoods, each with its meeting places. */
export async function listWhereChoices(
	account: SignedInAccount,
	locale: Locale
): Promise<WhereChoices> {
	const hoods = await allowedNeighbourhoods(account);
	if (hoods.length === 0) return [];
	const placeRows = await db
		.select({ id: places.id, name: places.name, neighbourhoodId: places.neighbourhoodId })
		.from(places)
		.where(
			and(
				inArray(
					places.neighbourhoodId,
					hoods.map((hood) => hood.id)
				),
				isNull(places.archivedAt)
			)
		);
	return hoods
		.map((hood) => ({
			id: hood.id,
			name: pick(hood.name, locale),
			centre: { lat: hood.centreLat, lon: hood.centreLon },
			places: placeRows
				.filter((place) => place.neighbourhoodId === hood.id)
				.map((place) => ({ id: place.id, name: pick(place.name, locale) }))
				.sort((a, b) => a.name.localeCompare(b.name, locale))
		}))
		.sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The meeting places this account asked for backup from lately, newest first: most often
 * a volunteer is at the same place again, so it comes first in the form. */
export async function listRecentPlaceIds(accountId: number, limit = 3): Promise<number[]> {
	const rows = await db
		.select({ placeId: backupCalls.placeId })
		.from(backupCalls)
		.where(and(eq(backupCalls.volunteerId, accountId), isNotNull(backupCalls.placeId)))
		.orderBy(desc(backupCalls.id))
		.limit(20);
	const ids: number[] = [];
	for (const row of rows) {
		if (row.placeId !== null && !ids.includes(row.placeId)) ids.push(row.placeId);
	}
	return ids.slice(0, limit);
}

function distanceSquared(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
	const dLat = a.lat - b.lat;
	const dLon = (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180);
	return dLat * dLat + dLon * dLon;
}

type Where =
	| {
			ok: true;
			neighbourhoodId: number;
			placeId: number | null;
			lat: number | null;
			lon: number | null;
	  }
	| { ok: false; errors: FieldErrors };

async function resolveWhere(
	account: SignedInAccount,
	data: z.output<typeof callSchema>,
	locale: Locale
): Promise<Where> {
	const choices = await listWhereChoices(account, locale);
	if (data.where.startsWith('place:')) {
		const placeId = Number(data.where.slice('place:'.length));
		const hood = choices.find((choice) => choice.places.some((place) => place.id === placeId));
		if (!hood) return { ok: false, errors: { where: m.bk_error_place({}, { locale }) } };
		return { ok: true, neighbourhoodId: hood.id, placeId, lat: null, lon: null };
	}

	const hasPoint = COORDINATE.test(data.lat) && COORDINATE.test(data.lon);
	const point = hasPoint ? { lat: Number(data.lat), lon: Number(data.lon) } : null;
	if (point && (Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180)) {
		return { ok: false, errors: { where: m.error_coordinates({}, { locale }) } };
	}
	let hood = data.neighbourhoodId
		? choices.find((choice) => choice.id === data.neighbourhoodId)
		: undefined;
	if (data.neighbourhoodId && !hood) {
		return { ok: false, errors: { neighbourhoodId: m.bk_error_neighbourhood({}, { locale }) } };
	}
	if (!hood && choices.length === 1) hood = choices[0];
	if (!hood && point) {
		hood = [...choices].sort(
			(a, b) => distanceSquared(point, a.centre) - distanceSquared(point, b.centre)
		)[0];
	}
	if (!hood) {
		return { ok: false, errors: { neighbourhoodId: m.bk_error_neighbourhood({}, { locale }) } };
	}
	// Without a point from the device, the neighbourhood itself is the rough "here".
	const at = point ?? hood.centre;
	return { ok: true, neighbourhoodId: hood.id, placeId: null, lat: at.lat, lon: at.lon };
}

const FIELD_MESSAGES: Partial<Record<CallField, (locale: Locale) => string>> = {
	deviceCallId: (locale) => m.bk_error_device({}, { locale }),
	where: (locale) => m.bk_error_where({}, { locale }),
	neighbourhoodId: (locale) => m.bk_error_neighbourhood({}, { locale }),
	lat: (locale) => m.error_coordinates({}, { locale }),
	lon: (locale) => m.error_coordinates({}, { locale }),
	urgency: (locale) => m.bk_error_urgency({}, { locale }),
	helpKind: (locale) => m.bk_error_help_kind({}, { locale })
};

export type SendOutcome =
	| { ok: true; sent: SentBackupCall; warnings: NoteWarning[] }
	| { ok: false; status: 400 | 403 | 409; errors: FieldErrors };

/**
 * Checks the form (the same for the page and for the outbox's JSON) and sends the call. A
 * repeated send with the same device call id answers with the call already stored.
 */
export async function sendBackupCall(
	account: SignedInAccount,
	values: CallValues,
	locale: Locale,
	now: Date
): Promise<SendOutcome> {
	const parsed = validateForm(callSchema, values, locale);
	if (!parsed.ok) {
		const errors: FieldErrors = {};
		for (const [field, message] of Object.entries(parsed.errors)) {
			const specific = FIELD_MESSAGES[field as CallField];
			const target = field === 'lat' || field === 'lon' ? 'where' : field;
			errors[target] ??= field === 'note' || !specific ? message : specific(locale);
		}
		return { ok: false, status: 400, errors };
	}
	const where = await resolveWhere(account, parsed.data, locale);
	if (!where.ok) return { ok: false, status: 400, errors: where.errors };

	try {
		const sent = await createBackupCall(
			{
				volunteerId: account.id,
				deviceCallId: parsed.data.deviceCallId,
				neighbourhoodId: where.neighbourhoodId,
				placeId: where.placeId,
				lat: where.lat,
				lon: where.lon,
				urgency: parsed.data.urgency,
				helpKind: parsed.data.helpKind,
				note: parsed.data.note
			},
			now
		);
		// The live stream already has it; Web Push is for devices where Kwartier is closed.
		// It never throws, and the volunteer does not wait for it.
		void notifyBackupRecipients(sent);
		return { ok: true, sent, warnings: sent.call.note ? checkNote(sent.call.note) : [] };
	} catch (thrown) {
		if (!isBackupCallError(thrown)) throw thrown;
		if (thrown.code === 'device-call-id-taken') {
			return { ok: false, status: 409, errors: { form: m.bk_error_device({}, { locale }) } };
		}
		if (thrown.code === 'not-allowed') {
			return { ok: false, status: 403, errors: { form: m.bk_error_not_allowed({}, { locale }) } };
		}
		const field = thrown.details.field;
		const target =
			field === 'placeId' || field === 'lat' || field === 'lon' || field === 'neighbourhoodId'
				? 'where'
				: field === 'note'
					? 'note'
					: 'form';
		return {
			ok: false,
			status: 400,
			errors: {
				[target]:
					target === 'note'
						? m.error_too_long({ max: NOTE_MAX_LENGTH }, { locale })
						: m.bk_error_where({}, { locale })
			}
		};
	}
}

/** The form as the page renders it fresh: a new device call id, nothing chosen yet. */
export function emptyCallValues(deviceCallId: string): CallValues {
	return {
		deviceCallId,
		where: '',
		neighbourhoodId: '',
		lat: '',
		lon: '',
		urgency: '',
		helpKind: '',
		note: ''
	};
}
