import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accountNeighbourhoods, accounts, sessions, type Role } from '$lib/server/db/schema';

export const SESSION_COOKIE = 'kwartier_session';
const INACTIVITY_TIMEOUT_MS = 14 * 24 * 60 * 60 * 1000;
const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** What the app knows about whoever is signed in; no more than the pages need. */
export type SignedInAccount = {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	phone: string | null;
	neighbourhoodIds: number[];
};

export type SessionInfo = { id: string; lastUsedAt: Date };

// 24 characters from a 32-letter alphabet: 120 bits of entropy.
function generateSecureRandomString() {
	const bytes = crypto.getRandomValues(new Uint8Array(15));
	return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string) {
	return sha256(new TextEncoder().encode(secret));
}

export async function createSession(accountId: number) {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const now = new Date();
	await db.insert(sessions).values({
		id,
		secretHash: Buffer.from(hashSecret(secret)),
		accountId,
		createdAt: now,
		lastUsedAt: now
	});
	return { token: `${id}.${secret}`, session: { id, lastUsedAt: now } };
}

async function loadAccount(accountId: number): Promise<SignedInAccount | null> {
	const [account] = await db
		.select()
		.from(accounts)
		.where(and(eq(accounts.id, accountId), isNull(accounts.disabledAt)))
		.limit(1);
	if (!account) return null;
	const hoods = await db
		.select({ id: accountNeighbourhoods.neighbourhoodId })
		.from(accountNeighbourhoods)
		.where(eq(accountNeighbourhoods.accountId, accountId));
	return {
		id: account.id,
		username: account.username,
		displayName: account.displayName,
		role: account.role,
		phone: account.phone,
		neighbourhoodIds: hoods.map((hood) => hood.id)
	};
}

/** The session and account behind a cookie token, renewing an active session's lifetime. */
export async function validateSessionToken(
	token: string,
	now = new Date()
): Promise<{ session: SessionInfo; account: SignedInAccount } | null> {
	const [id, secret] = token.split('.');
	if (!id || !secret || token.split('.').length !== 2) return null;
	const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	if (now.getTime() - row.lastUsedAt.getTime() >= INACTIVITY_TIMEOUT_MS) {
		await invalidateSession(id);
		return null;
	}
	const account = await loadAccount(row.accountId);
	if (!account) {
		await invalidateSession(id);
		return null;
	}
	let lastUsedAt = row.lastUsedAt;
	if (now.getTime() - lastUsedAt.getTime() >= ACTIVITY_CHECK_INTERVAL_MS) {
		lastUsedAt = now;
		await db.update(sessions).set({ lastUsedAt }).where(eq(sessions.id, id));
	}
	return { session: { id, lastUsedAt }, account };
}

export async function invalidateSession(sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAccountSessions(accountId: number) {
	await db.delete(sessions).where(eq(sessions.accountId, accountId));
}

export async function deleteExpiredSessions(now = new Date()) {
	const cutoff = new Date(now.getTime() - INACTIVITY_TIMEOUT_MS);
	await db.delete(sessions).where(lt(sessions.lastUsedAt, cutoff));
}

function isLocalhost(url: URL) {
	return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, lastUsedAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: !isLocalhost(url),
		expires: new Date(lastUsedAt.getTime() + INACTIVITY_TIMEOUT_MS)
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: !isLocalhost(url) });
}
