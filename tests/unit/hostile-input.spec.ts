import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import {
	gatherings,
	HELP_KINDS,
	neighbourhoods,
	places,
	rounds,
	URGENCIES
} from '$lib/server/db/schema';
import { createBackupCall } from '$lib/server/backup';
import { seedDemoIfEmpty } from '$lib/server/seed';
import type { SignedInAccount } from '$lib/server/auth/session';
import { createTestAccount, makeEvent, outcome } from '../support/events';

/**
 * Hostile input: every form action of every page is sent random and malicious form data,
 * by a signed-in coordinator (who may do the most) and by a visitor. Whatever comes in, an
 * action answers with a value (a success, or a failure with a 4xx status), a redirect, or a
 * 4xx error. A plain exception or a 5xx means a crash, and fails the test.
 */

const ROUTES_ROOT = join(process.cwd(), 'src', 'routes', '[lang=lang]');
const COORDINATOR_RUNS = 20;
const VISITOR_RUNS = 15;

type ActionFile = { route: string; file: string };

function pageServerFilesUnder(dir: string): ActionFile[] {
	const absolute = join(ROUTES_ROOT, dir);
	return readdirSync(absolute).flatMap((name) => {
		const path = join(absolute, name);
		if (statSync(path).isDirectory()) return pageServerFilesUnder(join(dir, name));
		if (name !== '+page.server.ts') return [];
		return [{ route: relative(ROUTES_ROOT, absolute).split(sep).join('/'), file: path }];
	});
}

type Action = (event: unknown) => unknown;
type RouteAction = { route: string; name: string; run: Action };

const discovered = pageServerFilesUnder('');
const routeActions: RouteAction[] = [];
for (const file of discovered) {
	const module = await import(/* @vite-ignore */ file.file);
	for (const [name, run] of Object.entries(module.actions ?? {})) {
		routeActions.push({ route: file.route, name, run: run as Action });
	}
}

/** Field names the forms read, plus the per-language variants of the text fields. */
const FIELDS = [
	'name',
	'name_nl',
	'name_fr',
	'name_en',
	'title',
	'title_nl',
	'title_fr',
	'title_en',
	'description_nl',
	'whatToExpect_nl',
	'howToGetThere_nl',
	'kind',
	'visibility',
	'neighbourhoodId',
	'neighbourhoodIds',
	'neighbourhoods',
	'placeId',
	'lat',
	'lon',
	'address',
	'openingHours',
	'cost',
	'startsAt',
	'startDate',
	'startTime',
	'endTime',
	'durationMinutes',
	'rrule',
	'frequency',
	'rhythm',
	'interval',
	'weekday',
	'nth',
	'until',
	'username',
	'password',
	'passwordConfirm',
	'displayName',
	'role',
	'details',
	'type',
	'changeType',
	'note',
	'closingNote',
	'urgency',
	'helpKind',
	'deviceCallId',
	'date',
	'newDate',
	'newTime',
	'originalDate',
	'gatheringId',
	'roundId',
	'callId',
	'changeId',
	'workerId',
	'volunteerId',
	'id',
	'stops',
	'position',
	'arrivalTime',
	'stayMinutes',
	'pointName',
	'street',
	'phone',
	'email',
	'website',
	'languages',
	'otherLanguages',
	'value',
	'accountId',
	'inviteId',
	'status',
	'slug',
	'next',
	'walkIn',
	'wheelchair',
	'version',
	'week',
	'day',
	'stop',
	'from',
	'add'
];

const HOSTILE = [
	'',
	' ',
	'-1',
	'0',
	'1e309',
	'NaN',
	'9999999999999',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
	'\u0000',
	'../../etc/passwd',
	'2026-02-30',
	'25:61',
	'FREQ=SECONDLY',
	'null',
	'{}',
	'[]',
	'on',
	'\u202e',
	'https://',
	'javascript:alert(1)'
];

/** Ids that exist, filled in before the runs, so deeper paths than "not found" are reached. */
const known = {
	neighbourhoodId: '',
	placeId: '',
	gatheringId: '',
	roundId: '',
	callId: '',
	accountId: ''
};
let coordinator: SignedInAccount;

beforeAll(async () => {
	await seedDemoIfEmpty(db);
	const hoods = await db.select({ id: neighbourhoods.id }).from(neighbourhoods);
	const neighbourhoodIds = hoods.map((hood) => hood.id);
	coordinator = await createTestAccount('coordinator', { neighbourhoodIds });
	const [place] = await db
		.select({ id: places.id, neighbourhoodId: places.neighbourhoodId })
		.from(places)
		.limit(1);
	const [gathering] = await db.select({ id: gatherings.id }).from(gatherings).limit(1);
	const [round] = await db.select({ id: rounds.id }).from(rounds).limit(1);
	const sent = await createBackupCall(
		{
			volunteerId: coordinator.id,
			deviceCallId: 'hostile-input-call',
			neighbourhoodId: place.neighbourhoodId,
			placeId: place.id,
			urgency: URGENCIES[0],
			helpKind: HELP_KINDS[0]
		},
		new Date()
	);
	Object.assign(known, {
		neighbourhoodId: String(neighbourhoodIds[0]),
		placeId: String(place.id),
		gatheringId: String(gathering.id),
		roundId: String(round.id),
		callId: String(sent.call.id),
		accountId: String(coordinator.id)
	});
});

/** A real id for the [id] of a route, when there is one. */
function realIdFor(route: string): string {
	if (route.startsWith('team/places/')) return known.placeId;
	if (route.startsWith('team/gatherings/')) return known.gatheringId;
	if (route.startsWith('team/rounds/')) return known.roundId;
	if (route.startsWith('team/backup/')) return known.callId;
	return '1';
}

const hostileText = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary', maxLength: 3000 }),
	fc.constantFrom(...HOSTILE),
	fc.integer().map(String)
);

/** Form values: hostile text, or now and then an id that exists. */
const formValue = fc
	.oneof(
		{ arbitrary: hostileText, weight: 4 },
		{
			arbitrary: fc.constantFrom(
				'neighbourhoodId',
				'placeId',
				'gatheringId',
				'roundId',
				'callId',
				'accountId'
			),
			weight: 1
		}
	)
	.map((value) => (value in known ? known[value as keyof typeof known] : value));

const formData = fc.dictionary(
	fc.oneof(
		{ arbitrary: fc.constantFrom(...FIELDS), weight: 4 },
		{ arbitrary: fc.string({ maxLength: 20 }), weight: 1 }
	),
	fc.oneof(formValue, fc.array(formValue, { minLength: 1, maxLength: 4 })),
	{ maxKeys: 25 }
);

function paramsArbitrary(route: string) {
	const names = [...route.matchAll(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g)].map((match) => match[1]);
	const value = (name: string) =>
		name === 'token'
			? fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...HOSTILE))
			: fc.oneof(
					{ arbitrary: fc.constant(realIdFor(route)), weight: 3 },
					{ arbitrary: hostileText, weight: 1 }
				);
	return fc.record(
		Object.fromEntries([
			['lang', fc.constantFrom('nl', 'fr', 'en')],
			...names.map((name) => [name, value(name)])
		])
	) as fc.Arbitrary<Record<string, string>>;
}

function pathOf(route: string, params: Record<string, string>) {
	const path = route.replace(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g, (_match, name: string) =>
		encodeURIComponent(params[name] ?? 'x')
	);
	return `/${params.lang}/${path}`;
}

/** Why an outcome counts as a crash, or null when it is an acceptable answer. */
function crashOf(result: { returned?: unknown; thrown?: unknown }): string | null {
	if ('thrown' in result) {
		const thrown = result.thrown;
		if (isRedirect(thrown)) return null;
		if (isHttpError(thrown)) {
			return thrown.status >= 400 && thrown.status <= 499
				? null
				: `HttpError ${thrown.status}: ${JSON.stringify(thrown.body)}`;
		}
		return thrown instanceof Error
			? `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}`
			: `threw a non-error: ${String(thrown)}`;
	}
	if (isActionFailure(result.returned)) {
		const status = result.returned.status;
		return status >= 400 && status <= 499 ? null : `returned fail(${status})`;
	}
	return null;
}

describe('form actions under hostile input', () => {
	it('finds the form actions', () => {
		expect(routeActions.length).toBeGreaterThan(20);
	});

	describe.each(
		routeActions.map((action) => [`${action.route} ?/${action.name}`, action] as const)
	)('%s', (_label, action) => {
		it.each([
			['coordinator', COORDINATOR_RUNS],
			['visitor', VISITOR_RUNS]
		] as const)(
			'never crashes, as %s',
			async (person, numRuns) => {
				await fc.assert(
					fc.asyncProperty(paramsArbitrary(action.route), formData, async (params, form) => {
						const { event } = makeEvent(pathOf(action.route, params), {
							account: person === 'coordinator' ? coordinator : null,
							params,
							method: 'POST',
							form
						});
						const result = await outcome(() => action.run(event));
						const crash = crashOf(result);
						// A signed-in coordinator is never sent to the sign-in page.
						const signedOut =
							person === 'coordinator' &&
							isRedirect(result.thrown) &&
							/\/login(\?|$)/.test(result.thrown.location);
						if (crash !== null || signedOut) {
							throw new Error(
								`${action.route} ?/${action.name} as ${person} failed\n` +
									`params: ${JSON.stringify(params)}\nform: ${JSON.stringify(form)}\n${crash ?? 'sent to the sign-in page'}`
							);
						}
					}),
					{ numRuns }
				);
			},
			60_000
		);
	});
});
