import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accounts } from '$lib/server/db/schema';
import { hashPassword, verifyPasswordHash } from './password';

let dummyHash: Promise<string> | undefined;

// A real argon2 hash of a random password, made once, to verify against when the name is
// unknown: a wrong name then takes as long as a wrong password.
function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword(crypto.randomUUID());
	return dummyHash;
}

export type CredentialCheck =
	{ status: 'ok'; accountId: number } | { status: 'wrong' } | { status: 'disabled' };

/**
 * Checks a name and password. Always runs one argon2 verification, whether the name exists
 * or not. A switched-off account is only named as such to someone who knows its password.
 */
export async function checkCredentials(
	username: string,
	password: string
): Promise<CredentialCheck> {
	const [account] = await db
		.select({
			id: accounts.id,
			passwordHash: accounts.passwordHash,
			disabledAt: accounts.disabledAt
		})
		.from(accounts)
		.where(eq(accounts.username, username))
		.limit(1);
	const valid = await verifyPasswordHash(
		account?.passwordHash ?? (await dummyPasswordHash()),
		password
	);
	if (!account || !valid) return { status: 'wrong' };
	if (account.disabledAt !== null) return { status: 'disabled' };
	return { status: 'ok', accountId: account.id };
}

/**
 * The `?next=` path when it stays on this site (`/nl/team/places`), else null: never
 * `//other.example`, `/\other.example` or a full address.
 */
export function safeNextPath(next: string | null | undefined): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
	if (/[\u0000-\u001f\u007f]/.test(next)) return null;
	const base = 'http://kwartier.invalid';
	const resolved = new URL(next, base);
	if (resolved.origin !== base) return null;
	return resolved.pathname + resolved.search + resolved.hash;
}

/** The network address of the request, or a fixed word when the adapter cannot tell. */
export function requestAddress(event: { getClientAddress: () => string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
