import type { RequestEvent } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { accountNeighbourhoods, accounts, type Role } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/session';

/** Creates an account straight in the database (no password check) for tests. */
export async function createTestAccount(
	role: Role,
	options: { neighbourhoodIds?: number[]; username?: string; displayName?: string } = {}
): Promise<SignedInAccount> {
	const username = options.username ?? `${role}-${Math.random().toString(36).slice(2, 8)}`;
	const [row] = await db
		.insert(accounts)
		.values({
			username,
			displayName: options.displayName ?? `Test ${role}`,
			role,
			passwordHash: 'not-a-real-hash'
		})
		.returning();
	for (const neighbourhoodId of options.neighbourhoodIds ?? []) {
		await db.insert(accountNeighbourhoods).values({ accountId: row.id, neighbourhoodId });
	}
	return {
		id: row.id,
		username: row.username,
		displayName: row.displayName,
		role: row.role,
		phone: row.phone,
		neighbourhoodIds: options.neighbourhoodIds ?? []
	};
}

type EventOptions = {
	method?: 'GET' | 'POST';
	form?: Record<string, string | string[]>;
	account?: SignedInAccount | null;
	params?: Record<string, string>;
	address?: string;
};

/**
 * A request event as SvelteKit hands it to a load or an action, for calling them directly.
 * Cookies are kept in a map so a test can read what was set.
 */
export function makeEvent(path: string, options: EventOptions = {}) {
	const url = new URL(path, 'http://localhost');
	let body: FormData | undefined;
	if (options.form) {
		body = new FormData();
		for (const [key, value] of Object.entries(options.form)) {
			for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
		}
	}
	const method = options.method ?? (body ? 'POST' : 'GET');
	const jar = new Map<string, string>();
	const headers = new Headers();
	const event = {
		url,
		request: new Request(url, { method, body }),
		params: options.params ?? { lang: url.pathname.split('/')[1] || 'nl' },
		locals: { account: options.account ?? null, session: null },
		route: { id: null },
		cookies: {
			get: (name: string) => jar.get(name),
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string) => void jar.set(name, value),
			delete: (name: string) => void jar.delete(name),
			serialize: () => ''
		},
		getClientAddress: () => options.address ?? '127.0.0.1',
		setHeaders: (values: Record<string, string>) => {
			for (const [key, value] of Object.entries(values)) headers.set(key, value);
		},
		fetch,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		platform: undefined,
		depends: () => {},
		parent: async () => ({}),
		untrack: <T>(fn: () => T) => fn()
	};
	return {
		event: event as unknown as RequestEvent & { parent: () => Promise<Record<string, unknown>> },
		jar,
		headers
	};
}

/** Runs a load or action and returns what it threw (redirect, error) or returned. */
export async function outcome<T>(run: () => T | Promise<T>) {
	try {
		return { returned: await run() };
	} catch (thrown) {
		return { thrown: thrown as { status: number; location?: string; body?: { message: string } } };
	}
}
