import { sql } from 'drizzle-orm';
import {
	blob,
	index,
	integer,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { Localized } from '$lib/i18n';

export const VISIBILITIES = ['public', 'area', 'members', 'hidden'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const PLACE_KINDS = [
	'drop-in-house',
	'neighbourhood-centre',
	'service-centre',
	'meeting-house',
	'cafe',
	'library',
	'park',
	'other'
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const GATHERING_KINDS = [
	'open-circle',
	'volunteer-activity',
	'shared-meal',
	'open-house',
	'walk',
	'workshop',
	'drop-in-hour'
] as const;
export type GatheringKind = (typeof GATHERING_KINDS)[number];

export const COSTS = ['free', 'pay-what-you-can', 'paid'] as const;
export type Cost = (typeof COSTS)[number];

const createdAt = () =>
	text('created_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ','now'))`);

export const neighbourhoods = sqliteTable('neighbourhoods', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name', { mode: 'json' }).$type<Localized>().notNull(),
	municipality: text('municipality').notNull(),
	/** GeoJSON Polygon geometry, or null when no boundary is known. */
	boundary: text('boundary', { mode: 'json' }).$type<{
		type: 'Polygon';
		coordinates: number[][][];
	} | null>(),
	centreLat: real('centre_lat').notNull(),
	centreLon: real('centre_lon').notNull(),
	/** Minutes a backup call may wait for an answer before it goes to the next person. */
	escalationMinutes: integer('escalation_minutes').notNull().default(5)
});

export const places = sqliteTable(
	'places',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull().unique(),
		kind: text('kind', { enum: PLACE_KINDS }).notNull(),
		name: text('name', { mode: 'json' }).$type<Localized>().notNull(),
		whatToExpect: text('what_to_expect', { mode: 'json' }).$type<Localized>().notNull(),
		greeter: text('greeter', { mode: 'json' }).$type<Localized>(),
		howToGetThere: text('how_to_get_there', { mode: 'json' }).$type<Localized>(),
		address: text('address'),
		lat: real('lat'),
		lon: real('lon'),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('public'),
		openingHours: text('opening_hours'),
		walkIn: integer('walk_in', { mode: 'boolean' }).notNull().default(true),
		cost: text('cost', { enum: COSTS }).notNull().default('free'),
		coffee: integer('coffee', { mode: 'boolean' }).notNull().default(false),
		maySitWithoutBuying: integer('may_sit_without_buying', { mode: 'boolean' })
			.notNull()
			.default(true),
		wheelchair: integer('wheelchair', { mode: 'boolean' }).notNull().default(false),
		quietSpace: integer('quiet_space', { mode: 'boolean' }).notNull().default(false),
		childrenWelcome: integer('children_welcome', { mode: 'boolean' }).notNull().default(false),
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		phone: text('phone'),
		email: text('email'),
		website: text('website'),
		lastCheckedOn: text('last_checked_on'),
		lastCheckedBy: text('last_checked_by'),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		/**
		 * The identifier this place has in the open dataset it was imported from (an HSDS id or a
		 * CSV row's id), so that importing the same dataset again updates it instead of adding it
		 * twice. Null for places made in Kwartier.
		 */
		externalId: text('external_id'),
		archivedAt: text('archived_at'),
		createdAt: createdAt(),
		updatedAt: createdAt()
	},
	(t) => [
		index('places_neighbourhood_idx').on(t.neighbourhoodId),
		index('places_visibility_idx').on(t.visibility),
		uniqueIndex('places_external_id_idx').on(t.externalId)
	]
);

export const gatherings = sqliteTable(
	'gatherings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull().unique(),
		kind: text('kind', { enum: GATHERING_KINDS }).notNull(),
		title: text('title', { mode: 'json' }).$type<Localized>().notNull(),
		description: text('description', { mode: 'json' }).$type<Localized>().notNull(),
		placeId: integer('place_id').references(() => places.id),
		/** A meeting point when the gathering has no place (a walk, a park bench). */
		lat: real('lat'),
		lon: real('lon'),
		pointName: text('point_name'),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		/** Local date and time of the first occurrence in Europe/Brussels, `YYYY-MM-DDTHH:mm`. */
		startsAt: text('starts_at').notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		/** RFC 5545 RRULE without DTSTART, e.g. `FREQ=MONTHLY;BYDAY=1SA`; null for a one-off. */
		rrule: text('rrule'),
		host: text('host').notNull(),
		walkIn: integer('walk_in', { mode: 'boolean' }).notNull().default(true),
		cost: text('cost', { enum: COSTS }).notNull().default('free'),
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('public'),
		helpersNeeded: integer('helpers_needed'),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		/** As for places: the identifier in the open dataset it was imported from, else null. */
		externalId: text('external_id'),
		archivedAt: text('archived_at'),
		createdAt: createdAt(),
		updatedAt: createdAt()
	},
	(t) => [
		index('gatherings_place_idx').on(t.placeId),
		index('gatherings_neighbourhood_idx').on(t.neighbourhoodId),
		uniqueIndex('gatherings_external_id_idx').on(t.externalId)
	]
);

export const rounds = sqliteTable('rounds', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name', { mode: 'json' }).$type<Localized>().notNull(),
	description: text('description', { mode: 'json' }).$type<Localized>().notNull(),
	neighbourhoodId: integer('neighbourhood_id')
		.notNull()
		.references(() => neighbourhoods.id),
	/** Local date and time the bus leaves for the first stop, `YYYY-MM-DDTHH:mm`. */
	startsAt: text('starts_at').notNull(),
	rrule: text('rrule'),
	partners: text('partners', { mode: 'json' }).$type<string[]>().notNull().default([]),
	visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('public'),
	isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
	archivedAt: text('archived_at'),
	createdAt: createdAt(),
	updatedAt: createdAt()
});

export const roundStops = sqliteTable(
	'round_stops',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		street: text('street').notNull(),
		lat: real('lat').notNull(),
		lon: real('lon').notNull(),
		/** Local arrival time on the day, `HH:mm`. */
		arrivalTime: text('arrival_time').notNull(),
		stayMinutes: integer('stay_minutes').notNull()
	},
	(t) => [uniqueIndex('round_stops_position_idx').on(t.roundId, t.position)]
);

/** A single cancelled or moved date of a gathering or a coffee-bus round. */
export const occurrenceChanges = sqliteTable(
	'occurrence_changes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		gatheringId: integer('gathering_id').references(() => gatherings.id, { onDelete: 'cascade' }),
		roundId: integer('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
		/** The date as the recurrence gives it, `YYYY-MM-DD`. */
		originalDate: text('original_date').notNull(),
		status: text('status', { enum: ['cancelled', 'moved'] }).notNull(),
		/** For a moved date: the new local start, `YYYY-MM-DDTHH:mm`. */
		movedTo: text('moved_to'),
		note: text('note', { mode: 'json' }).$type<Localized>()
	},
	(t) => [
		index('occurrence_changes_gathering_idx').on(t.gatheringId),
		index('occurrence_changes_round_idx').on(t.roundId)
	]
);

export const SUGGESTION_TYPES = ['new-place', 'new-gathering', 'change'] as const;
export const CHANGE_TYPES = ['closed', 'moved', 'time-changed', 'other'] as const;

/** What a visitor suggested. It holds no name or contact of the visitor: they stay anonymous. */
export const suggestions = sqliteTable('suggestions', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	type: text('type', { enum: SUGGESTION_TYPES }).notNull(),
	changeType: text('change_type', { enum: CHANGE_TYPES }),
	placeId: integer('place_id').references(() => places.id),
	gatheringId: integer('gathering_id').references(() => gatherings.id),
	roundId: integer('round_id').references(() => rounds.id),
	name: text('name'),
	whereText: text('where_text'),
	whenText: text('when_text'),
	details: text('details').notNull(),
	locale: text('locale').notNull(),
	status: text('status', { enum: ['new', 'accepted', 'declined'] })
		.notNull()
		.default('new'),
	reviewedBy: integer('reviewed_by'),
	reviewedAt: text('reviewed_at'),
	createdAt: createdAt()
});

export type Neighbourhood = typeof neighbourhoods.$inferSelect;
export type Place = typeof places.$inferSelect;
export type NewPlace = typeof places.$inferInsert;
export type Gathering = typeof gatherings.$inferSelect;
export type NewGathering = typeof gatherings.$inferInsert;
export type Round = typeof rounds.$inferSelect;
export type RoundStop = typeof roundStops.$inferSelect;
export type OccurrenceChange = typeof occurrenceChanges.$inferSelect;
export type Suggestion = typeof suggestions.$inferSelect;

export const ROLES = ['volunteer', 'worker', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

/** A volunteer, neighbourhood worker or coordinator. Residents never have an account. */
export const accounts = sqliteTable('accounts', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** What they sign in with: lower case, chosen when the invite is accepted. */
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	passwordHash: text('password_hash').notNull(),
	phone: text('phone'),
	languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
	/** A badge a person may choose for themselves; never set by someone else. */
	peerWorker: integer('peer_worker', { mode: 'boolean' }).notNull().default(false),
	disabledAt: text('disabled_at'),
	isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
	createdAt: createdAt()
});

export const accountNeighbourhoods = sqliteTable(
	'account_neighbourhoods',
	{
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' })
	},
	(t) => [uniqueIndex('account_neighbourhoods_pk').on(t.accountId, t.neighbourhoodId)]
);

/** A session token is `id.secret`; only a SHA-256 hash of the secret is kept. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp' }).notNull()
	},
	(t) => [index('sessions_account_idx').on(t.accountId)]
);

/**
 * An invite link for a new volunteer, worker or coordinator, or (with `accountId`) a link
 * that lets someone who forgot their password choose a new one. Works once, then expires.
 */
export const invites = sqliteTable('invites', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	tokenHash: text('token_hash').notNull().unique(),
	role: text('role', { enum: ROLES }).notNull(),
	neighbourhoodIds: text('neighbourhood_ids', { mode: 'json' })
		.$type<number[]>()
		.notNull()
		.default([]),
	accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
	createdBy: integer('created_by').references(() => accounts.id),
	createdAt: createdAt(),
	expiresAt: text('expires_at').notNull(),
	usedAt: text('used_at')
});

/** A volunteer helping at one date of a gathering that asks for helpers. */
export const shiftSignups = sqliteTable(
	'shift_signups',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		gatheringId: integer('gathering_id')
			.notNull()
			.references(() => gatherings.id, { onDelete: 'cascade' }),
		/** The occurrence's original date, `YYYY-MM-DD`. */
		date: text('date').notNull(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('shift_signups_unique').on(t.gatheringId, t.date, t.accountId)]
);

export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type ShiftSignup = typeof shiftSignups.$inferSelect;

/** A weekly duty pattern: this worker is on duty for these neighbourhoods on this weekday. */
export const dutyPatterns = sqliteTable(
	'duty_patterns',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		neighbourhoodIds: text('neighbourhood_ids', { mode: 'json' }).$type<number[]>().notNull(),
		/** 1 = Monday ... 7 = Sunday. */
		weekday: integer('weekday').notNull(),
		/** Local times `HH:mm`; `to` may be `24:00`. */
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull(),
		/** `YYYY-MM-DD`, inclusive; null means open-ended. */
		validFrom: text('valid_from').notNull(),
		validUntil: text('valid_until')
	},
	(t) => [index('duty_patterns_account_idx').on(t.accountId)]
);

/**
 * A one-off change to the roster: an extra duty shift, or time off that cancels the pattern
 * for that period.
 */
export const dutyShifts = sqliteTable(
	'duty_shifts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		neighbourhoodIds: text('neighbourhood_ids', { mode: 'json' }).$type<number[]>().notNull(),
		/** Local wall times `YYYY-MM-DDTHH:mm` (Brussels). */
		startsAt: text('starts_at').notNull(),
		endsAt: text('ends_at').notNull(),
		kind: text('kind', { enum: ['extra', 'off'] })
			.notNull()
			.default('extra'),
		createdBy: integer('created_by').references(() => accounts.id)
	},
	(t) => [index('duty_shifts_time_idx').on(t.startsAt, t.endsAt)]
);

export const URGENCIES = ['come-now', 'call-me', 'later-today'] as const;
export const HELP_KINDS = ['someone-to-come', 'phone-call', 'advice'] as const;
export const BACKUP_STATUSES = [
	'open',
	'acknowledged',
	'on-the-way',
	'resolved',
	'cancelled'
] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

/**
 * A volunteer asks a neighbourhood worker for backup. It describes a situation, never a
 * person; the note is purged after a set number of days and the events stay as counts.
 */
export const backupCalls = sqliteTable(
	'backup_calls',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Made on the volunteer's device, so sending the same call twice stores it once. */
		deviceCallId: text('device_call_id').notNull().unique(),
		volunteerId: integer('volunteer_id')
			.notNull()
			.references(() => accounts.id),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		placeId: integer('place_id').references(() => places.id),
		/** "Here": a point rounded to about 100 m. */
		roughLat: real('rough_lat'),
		roughLon: real('rough_lon'),
		urgency: text('urgency', { enum: URGENCIES }).notNull(),
		helpKind: text('help_kind', { enum: HELP_KINDS }).notNull(),
		note: text('note'),
		status: text('status', { enum: BACKUP_STATUSES }).notNull().default('open'),
		/** The worker who has it now (after acknowledging or a hand-over). */
		ownerId: integer('owner_id').references(() => accounts.id),
		/** 0: workers on duty, 1: next worker on duty, 2: coordinators. */
		escalationLevel: integer('escalation_level').notNull().default(0),
		/** When it escalates if nobody has acknowledged it by then (ISO instant). */
		escalateAt: text('escalate_at'),
		closingNote: text('closing_note'),
		createdAt: text('created_at').notNull(),
		acknowledgedAt: text('acknowledged_at'),
		closedAt: text('closed_at'),
		notePurgedAt: text('note_purged_at')
	},
	(t) => [
		index('backup_calls_status_idx').on(t.status, t.escalateAt),
		index('backup_calls_volunteer_idx').on(t.volunteerId)
	]
);

export const BACKUP_EVENT_TYPES = [
	'created',
	'notified',
	'acknowledged',
	'on-the-way',
	'calling',
	'resolved',
	'cancelled',
	'escalated',
	'handed-over',
	'note-purged'
] as const;

export const backupCallEvents = sqliteTable(
	'backup_call_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		callId: integer('call_id')
			.notNull()
			.references(() => backupCalls.id, { onDelete: 'cascade' }),
		type: text('type', { enum: BACKUP_EVENT_TYPES }).notNull(),
		/** Who did it; null when the system did (escalation, purge). */
		actorId: integer('actor_id').references(() => accounts.id),
		/** Who it went to (notified, escalated, handed over). */
		targetId: integer('target_id').references(() => accounts.id),
		at: text('at').notNull()
	},
	(t) => [index('backup_call_events_call_idx').on(t.callId, t.id)]
);

export const pushSubscriptions = sqliteTable('push_subscriptions', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	accountId: integer('account_id')
		.notNull()
		.references(() => accounts.id, { onDelete: 'cascade' }),
	endpoint: text('endpoint').notNull().unique(),
	p256dh: text('p256dh').notNull(),
	auth: text('auth').notNull(),
	createdAt: createdAt()
});

/** Settings the app makes for itself on first start, such as the Web Push keys. */
export const appSettings = sqliteTable('app_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export type DutyPattern = typeof dutyPatterns.$inferSelect;
export type DutyShift = typeof dutyShifts.$inferSelect;
export type BackupCall = typeof backupCalls.$inferSelect;
export type BackupCallEvent = typeof backupCallEvents.$inferSelect;

/**
 * Who goes along on one date of a coffee-bus round or a gathering (a walk, a drop-in hour):
 * a worker or volunteer with an account, or someone from a partner organisation (then
 * `accountId` is null and `partnerName` says who, for example "CAW Brussel").
 */
export const outreachTeam = sqliteTable(
	'outreach_team',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id').references(() => rounds.id, { onDelete: 'cascade' }),
		gatheringId: integer('gathering_id').references(() => gatherings.id, { onDelete: 'cascade' }),
		/** The occurrence's original date, `YYYY-MM-DD`. */
		date: text('date').notNull(),
		accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
		partnerName: text('partner_name'),
		partnerPhone: text('partner_phone'),
		addedBy: integer('added_by').references(() => accounts.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('outreach_team_round_idx').on(t.roundId, t.date),
		index('outreach_team_gathering_idx').on(t.gatheringId, t.date),
		index('outreach_team_account_idx').on(t.accountId),
		// Someone is on the team of a date once; the domain checks first, this makes it certain.
		uniqueIndex('outreach_team_round_account_unique')
			.on(t.roundId, t.date, t.accountId)
			.where(sql`${t.roundId} is not null and ${t.accountId} is not null`),
		uniqueIndex('outreach_team_gathering_account_unique')
			.on(t.gatheringId, t.date, t.accountId)
			.where(sql`${t.gatheringId} is not null and ${t.accountId} is not null`)
	]
);

export const ROUND_DAY_STATES = ['at-stop', 'ended'] as const;
export type RoundDayState = (typeof ROUND_DAY_STATES)[number];

/**
 * Where the coffee bus is on the day, as the team tells it from a phone. One row per round
 * date, replaced on every update; no row means the day has not started (planned times hold).
 */
export const roundDayStatus = sqliteTable(
	'round_day_status',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		/** The occurrence's original date, `YYYY-MM-DD`. */
		date: text('date').notNull(),
		state: text('state', { enum: ROUND_DAY_STATES }).notNull(),
		/** The stop the bus is at now (1-based position); for 'ended', the last stop reached. */
		stopPosition: integer('stop_position'),
		/** How late the bus runs against the planned times; 0 means on time. */
		delayMinutes: integer('delay_minutes').notNull().default(0),
		/** True when the team ended before the last stop. */
		endedEarly: integer('ended_early', { mode: 'boolean' }).notNull().default(false),
		/** ISO instant of the last change. */
		updatedAt: text('updated_at').notNull(),
		updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('round_day_status_unique').on(t.roundId, t.date)]
);

/** Themes heard about the neighbourhood (housing, green space, ...), a list the workers keep. */
export const outreachThemes = sqliteTable('outreach_themes', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name', { mode: 'json' }).$type<Localized>().notNull(),
	archivedAt: text('archived_at'),
	isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
	createdAt: createdAt()
});

/**
 * What happened at a stop of a round or on a walk, as counts and themes only. There is no
 * field for a person, on purpose: residents are never recorded.
 */
export const outreachLogs = sqliteTable(
	'outreach_logs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id').references(() => rounds.id, { onDelete: 'set null' }),
		gatheringId: integer('gathering_id').references(() => gatherings.id, {
			onDelete: 'set null'
		}),
		/** The round stop (1-based position) this log is about, when it is about one stop. */
		stopPosition: integer('stop_position'),
		/** Local date, `YYYY-MM-DD`. */
		date: text('date').notNull(),
		neighbourhoodId: integer('neighbourhood_id')
			.notNull()
			.references(() => neighbourhoods.id),
		doorsRung: integer('doors_rung').notNull().default(0),
		conversations: integer('conversations').notNull().default(0),
		/** People who came for coffee or tea. */
		cameForCoffee: integer('came_for_coffee').notNull().default(0),
		createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('outreach_logs_neighbourhood_idx').on(t.neighbourhoodId, t.date)]
);

export const outreachLogThemes = sqliteTable(
	'outreach_log_themes',
	{
		logId: integer('log_id')
			.notNull()
			.references(() => outreachLogs.id, { onDelete: 'cascade' }),
		themeId: integer('theme_id')
			.notNull()
			.references(() => outreachThemes.id, { onDelete: 'cascade' })
	},
	(t) => [uniqueIndex('outreach_log_themes_pk').on(t.logId, t.themeId)]
);

export type OutreachTeamMember = typeof outreachTeam.$inferSelect;
export type RoundDayStatus = typeof roundDayStatus.$inferSelect;
export type OutreachTheme = typeof outreachThemes.$inferSelect;
export type OutreachLog = typeof outreachLogs.$inferSelect;
