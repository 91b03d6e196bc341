/**
 * The browser's outbox for backup calls. A call is saved on the device first and sent from
 * there, so a call made without a connection waits and goes as soon as there is one: on the
 * `online` event and on every start of the app, also after it was closed. The server stores a
 * device call id once, so sending again after a lost answer is harmless; an item only leaves
 * the outbox after a 2xx answer (or an answer that says it can never be sent).
 */

export type OutboxItem = {
	deviceCallId: string;
	/** The form's fields, as the form would post them. */
	values: Record<string, string>;
	/** Who made it: a call waits if someone else is signed in on this device now. */
	accountId: number;
	locale: string;
	savedAt: string;
};

export type BackupAnswer = {
	id: number;
	created: boolean;
	status: string;
	sentTo: number;
	nobodyOnDuty: boolean;
	callInstead: { displayName: string; phone: string }[];
	warnings: string[];
	statusUrl: string;
};

export type SendResult =
	| { kind: 'sent'; item: OutboxItem; answer: BackupAnswer }
	/** The server will never take it (a field is wrong, not allowed): it leaves the outbox. */
	| { kind: 'rejected'; item: OutboxItem; status: number; errors: Record<string, string> }
	/** Not sent yet; it stays and goes later. */
	| { kind: 'waiting'; item: OutboxItem; reason: 'offline' | 'network' | 'signed-out' | 'later' };

export type OutboxEnvironment = {
	storage: Pick<Storage, 'getItem' | 'setItem'>;
	fetch: typeof fetch;
	isOnline: () => boolean;
};

export const OUTBOX_KEY = 'kwartier.backup-outbox.v1';
/** Fired on `window` whenever the outbox changed or sent something; `detail` is a SendResult[]. */
export const OUTBOX_EVENT = 'kwartier:backup-outbox';
const ENDPOINT = '/api/backup';
// Statuses that mean "this call, as it is, will never be taken".
const FINAL_REFUSALS = new Set([400, 403, 404, 413, 415, 422]);

function browserEnvironment(): OutboxEnvironment | null {
	if (typeof window === 'undefined') return null;
	try {
		return {
			storage: window.localStorage,
			fetch: window.fetch.bind(window),
			isOnline: () => navigator.onLine !== false
		};
	} catch {
		// Storage can be switched off; then there is no outbox and the form posts as usual.
		return null;
	}
}

function isItem(value: unknown): value is OutboxItem {
	const item = value as OutboxItem;
	return (
		typeof item === 'object' &&
		item !== null &&
		typeof item.deviceCallId === 'string' &&
		typeof item.values === 'object' &&
		typeof item.accountId === 'number'
	);
}

export function readOutbox(env = browserEnvironment()): OutboxItem[] {
	if (!env) return [];
	try {
		const parsed: unknown = JSON.parse(env.storage.getItem(OUTBOX_KEY) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter(isItem) : [];
	} catch {
		return [];
	}
}

function writeOutbox(items: OutboxItem[], env: OutboxEnvironment) {
	env.storage.setItem(OUTBOX_KEY, JSON.stringify(items));
}

function announce(results: SendResult[]) {
	if (typeof window === 'undefined') return;
	window.dispatchEvent(new CustomEvent(OUTBOX_EVENT, { detail: results }));
}

/** Keeps the call on the device (once per device call id). False when there is no storage. */
export function saveToOutbox(item: OutboxItem, env = browserEnvironment()): boolean {
	if (!env) return false;
	try {
		const items = readOutbox(env).filter((other) => other.deviceCallId !== item.deviceCallId);
		writeOutbox([...items, item], env);
		announce([]);
		return true;
	} catch {
		return false;
	}
}

export function removeFromOutbox(deviceCallId: string, env = browserEnvironment()) {
	if (!env) return;
	writeOutbox(
		readOutbox(env).filter((item) => item.deviceCallId !== deviceCallId),
		env
	);
}

async function readJson(response: Response): Promise<unknown> {
	try {
		return await response.json();
	} catch {
		return null;
	}
}

/** One try to send one call. It leaves the outbox only when the server answered for good. */
export async function sendFromOutbox(
	item: OutboxItem,
	env = browserEnvironment()
): Promise<SendResult> {
	if (!env) return { kind: 'waiting', item, reason: 'later' };
	if (!env.isOnline()) return { kind: 'waiting', item, reason: 'offline' };
	let response: Response;
	try {
		response = await env.fetch(ENDPOINT, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({
				...item.values,
				deviceCallId: item.deviceCallId,
				accountId: item.accountId,
				locale: item.locale
			}),
			credentials: 'same-origin',
			redirect: 'manual'
		});
	} catch {
		return { kind: 'waiting', item, reason: 'network' };
	}
	const body = (await readJson(response)) as
		(Partial<BackupAnswer> & { code?: string; errors?: Record<string, string> }) | null;
	if (response.status >= 200 && response.status < 300 && typeof body?.id === 'number') {
		removeFromOutbox(item.deviceCallId, env);
		return { kind: 'sent', item, answer: body as BackupAnswer };
	}
	if (response.status === 401 || body?.code === 'other-account') {
		return { kind: 'waiting', item, reason: 'signed-out' };
	}
	if (FINAL_REFUSALS.has(response.status) || body?.code === 'refused') {
		removeFromOutbox(item.deviceCallId, env);
		return { kind: 'rejected', item, status: response.status, errors: body?.errors ?? {} };
	}
	return { kind: 'waiting', item, reason: 'later' };
}

let flushing: Promise<SendResult[]> | null = null;

async function sendAll(env: OutboxEnvironment): Promise<SendResult[]> {
	const results: SendResult[] = [];
	for (const item of readOutbox(env)) results.push(await sendFromOutbox(item, env));
	return results;
}

/**
 * Sends every waiting call, one after the other. One flush at a time in this tab, and with
 * Web Locks one at a time across tabs too (the server would store a call once anyway).
 */
export function flushOutbox(env = browserEnvironment()): Promise<SendResult[]> {
	if (!env) return Promise.resolve([]);
	// A call saved while a flush runs goes in the next one, right after.
	if (flushing) return flushing.then(() => flushOutbox(env));
	flushing = (async () => {
		try {
			const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
			const results = locks
				? await locks.request(OUTBOX_KEY, () => sendAll(env))
				: await sendAll(env);
			if (results.length > 0) announce(results);
			return results;
		} finally {
			flushing = null;
		}
	})();
	return flushing;
}

/** Sends what waits now and whenever the connection comes back. Returns a stop function. */
export function startOutbox(): () => void {
	if (typeof window === 'undefined') return () => {};
	const flush = () => void flushOutbox();
	window.addEventListener('online', flush);
	flush();
	return () => window.removeEventListener('online', flush);
}
