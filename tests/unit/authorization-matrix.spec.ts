import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { neighbourhoods, type Role } from '$lib/server/db/schema';
import { disableAccount } from '$lib/server/auth/accounts';
import {
	createSession,
	validateSessionToken,
	type SignedInAccount
} from '$lib/server/auth/session';
import { createTestAccount, makeEvent, outcome } from '../support/events';

/**
 * Who may use which page. Every load and every action (and every endpoint) of these routes
 * is called as each kind of person: a visitor, a volunteer, a neighbourhood worker, a
 * coordinator, and someone whose account was switched off.
 *
 * A new route under team/ must be added here, or this test fails: that is on purpose.
 * `visitor` means open to anyone (signing in, accepting an invite).
 */
const MINIMUM_ROLE: Record<string, Role | 'visitor'> = {
	team: 'volunteer',
	'team/shifts': 'volunteer',
	'team/places': 'worker',
	'team/places/new': 'worker',
	'team/places/[id]': 'worker',
	'team/gatherings': 'worker',
	'team/gatherings/new': 'worker',
	'team/gatherings/[id]': 'worker',
	'team/rounds': 'worker',
	'team/rounds/new': 'worker',
	'team/rounds/[id]': 'worker',
	'team/rounds/[id]/today': 'worker',
	'team/outreach/today': 'worker',
	'team/suggestions': 'worker',
	'team/opening-hours-preview': 'worker',
	'team/invites': 'worker',
	'team/accounts': 'coordinator',
	'team/import': 'coordinator',
	'team/roster': 'worker',
	'team/backup': 'volunteer',
	'team/backup/[id]': 'volunteer',
	'team/inbox': 'worker',
	'team/outreach': 'worker',
	'team/outreach/[kind=outreachkind]/[id]/[date]': 'worker',
	'team/rounds/[id]/sheet/[date]': 'worker',
	'team/outreach/log': 'worker',
	'team/outreach/themes': 'worker',
	'team/coverage': 'worker',
	'team/coverage/csv': 'worker',
	login: 'visitor',
	logout: 'visitor',
	'invite/[token]': 'visitor'
};

const ROUTES_ROOT = join(process.cwd(), 'src', 'routes', '[lang=lang]');
const SERVER_FILES = ['+page.server.ts', '+layout.server.ts', '+server.ts'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const RANK: Record<Role, number> = { volunteer: 1, worker: 2, coordinator: 3 };

type Person = 'visitor' | Role | 'disabled';
const PEOPLE: Person[] = ['visitor', 'volunteer', 'worker', 'coordinator', 'disabled'];

type RouteFile = { route: string; file: string; kind: string };

function serverFilesUnder(dir: string): RouteFile[] {
	const absolute = join(ROUTES_ROOT, dir);
	try {
		statSync(absolute);
	} catch {
		return [];
	}
	return readdirSync(absolute).flatMap((name) => {
		const path = join(absolute, name);
		if (statSync(path).isDirectory()) return serverFilesUnder(join(dir, name));
		if (!SERVER_FILES.includes(name)) return [];
		return [
			{ route: relative(ROUTES_ROOT, absolute).split(sep).join('/'), file: path, kind: name }
		];
	});
}

const discovered = ['team', 'login', 'logout', 'invite'].flatMap(serverFilesUnder);

/** The path of a route with a made-up value for each parameter: no such row exists. */
function pathOf(route: string) {
	const params: Record<string, string> = { lang: 'nl' };
	const path = route.replace(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g, (_match, name: string) => {
		params[name] = '999999';
		return '999999';
	});
	return { path: `/nl/${path}`, params };
}

function isAllowed(person: Person, minimum: Role | 'visitor') {
	if (minimum === 'visitor') return true;
	if (person === 'visitor' || person === 'disabled') return false;
	return RANK[person] >= RANK[minimum];
}

type Handler = { name: string; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; run: Function };

async function handlersOf(file: RouteFile): Promise<Handler[]> {
	const module = await import(/* @vite-ignore */ file.file);
	const handlers: Handler[] = [];
	if (typeof module.load === 'function') {
		handlers.push({ name: 'load', method: 'GET', run: module.load });
	}
	for (const [name, action] of Object.entries(module.actions ?? {})) {
		handlers.push({ name: `action ${name}`, method: 'POST', run: action as Function });
	}
	for (const method of METHODS) {
		if (typeof module[method] === 'function') {
			handlers.push({ name: method, method, run: module[method] });
		}
	}
	return handlers;
}

const accounts = {} as Record<Role, SignedInAccount>;

beforeAll(async () => {
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: 'matrix',
			name: { nl: 'Matrix' },
			municipality: 'Brussel',
			centreLat: 50.84,
			centreLon: 4.35
		})
		.returning();
	for (const role of ['volunteer', 'worker', 'coordinator'] as const) {
		accounts[role] = await createTestAccount(role, { neighbourhoodIds: [hood.id] });
	}
});

describe('authorization matrix', () => {
	it('finds the routes, and every route has an expected role in the table', () => {
		expect(discovered.length).toBeGreaterThan(5);
		const missing = [...new Set(discovered.map((file) => file.route))].filter(
			(route) => !(route in MINIMUM_ROLE)
		);
		expect(missing, 'add these routes to MINIMUM_ROLE').toEqual([]);
	});

	it('the table names no route that does not exist (any more)', () => {
		const routes = new Set(discovered.map((file) => file.route));
		expect(Object.keys(MINIMUM_ROLE).filter((route) => !routes.has(route))).toEqual([]);
	});

	describe.each(discovered.map((file) => [`${file.route}/${file.kind}`, file] as const))(
		'%s',
		(_label, file) => {
			it.each(PEOPLE)('as %s', async (person) => {
				const minimum = MINIMUM_ROLE[file.route];
				if (minimum === undefined) return;
				const account = person === 'visitor' || person === 'disabled' ? null : accounts[person];
				const { path, params } = pathOf(file.route);
				const handlers = await handlersOf(file);
				expect(handlers.length, `${file.file} exports nothing to call`).toBeGreaterThan(0);

				for (const handler of handlers) {
					const { event } = makeEvent(path, {
						account,
						params,
						method: handler.method === 'GET' ? 'GET' : 'POST',
						form: handler.method === 'GET' ? undefined : {}
					});
					const result = await outcome(() => handler.run(event));
					const label = `${file.route} ${handler.name} as ${person}`;
					const status = result.thrown?.status;
					const location = result.thrown?.location ?? '';

					if (!isAllowed(person, minimum)) {
						if (account === null) {
							expect(status, label).toBe(303);
							expect(location, label).toMatch(/^\/nl\/login\?next=/);
						} else {
							expect(status, label).toBe(403);
						}
					} else {
						expect(status, label).not.toBe(403);
						expect(location, label).not.toMatch(/\/login\?next=/);
					}
					// An endpoint that answers with a stream is closed again.
					if (result.returned instanceof Response) await result.returned.body?.cancel();
				}
			});
		}
	);
});

describe('a switched-off account', () => {
	it('has no session any more: the request is treated as a visitor’s', async () => {
		const account = await createTestAccount('coordinator');
		const { token } = await createSession(account.id);
		expect((await validateSessionToken(token))?.account.id).toBe(account.id);
		await disableAccount(account.id);
		expect(await validateSessionToken(token)).toBeNull();
	});

	it('gets no new session either, even with a token made after switching off', async () => {
		const account = await createTestAccount('worker');
		await disableAccount(account.id);
		const { token } = await createSession(account.id);
		expect(await validateSessionToken(token)).toBeNull();
	});
});
