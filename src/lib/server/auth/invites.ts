import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Locale } from '$lib/i18n';
import { db } from '$lib/server/db';
import { accounts, invites, type Invite, type Role } from '$lib/server/db/schema';
import {
	createAccount,
	existingNeighbourhoodIds,
	UsernameTakenError,
	type NewAccount
} from './accounts';
import { hashPassword } from './password';
import { invalidateAccountSessions } from './session';

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

// 32 characters from a 32-letter alphabet: 160 bits of entropy.
function generateInviteToken() {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** Only this hash is stored: a copy of the database does not hold working links. */
export function hashInviteToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type NewInvite = {
	role: Role;
	neighbourhoodIds: number[];
	createdBy: number;
	/** Set for a new-password link: the account that gets a new password. */
	accountId?: number | null;
};

/** Makes an invite and returns its token; the token is never stored and cannot be shown again. */
export async function createInvite(input: NewInvite, now = new Date()) {
	const token = generateInviteToken();
	const [invite] = await db
		.insert(invites)
		.values({
			tokenHash: hashInviteToken(token),
			role: input.role,
			neighbourhoodIds: [...new Set(input.neighbourhoodIds)],
			accountId: input.accountId ?? null,
			createdBy: input.createdBy,
			expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS).toISOString()
		})
		.returning();
	return { token, invite };
}

/** A new-password link for an account; an earlier open one for the same account stops working. */
export async function createPasswordResetInvite(
	account: { id: number; role: Role },
	createdBy: number,
	now = new Date()
) {
	await db.delete(invites).where(and(eq(invites.accountId, account.id), isNull(invites.usedAt)));
	return createInvite(
		{ role: account.role, neighbourhoodIds: [], accountId: account.id, createdBy },
		now
	);
}

export type InviteLookup =
	| { status: 'usable'; invite: Invite; account: { username: string; displayName: string } | null }
	| { status: 'gone' }
	| { status: 'unknown' };

/** What a link leads to: a usable invite, one that expired or was used, or nothing at all. */
export async function findInvite(token: string, now = new Date()): Promise<InviteLookup> {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return { status: 'unknown' };
	const [invite] = await db
		.select()
		.from(invites)
		.where(eq(invites.tokenHash, hashInviteToken(token)))
		.limit(1);
	if (!invite) return { status: 'unknown' };
	if (invite.usedAt !== null || invite.expiresAt <= now.toISOString()) return { status: 'gone' };
	if (invite.accountId === null) return { status: 'usable', invite, account: null };
	const [account] = await db
		.select({
			username: accounts.username,
			displayName: accounts.displayName,
			disabledAt: accounts.disabledAt
		})
		.from(accounts)
		.where(eq(accounts.id, invite.accountId))
		.limit(1);
	// A switched-off account gets no new password: the link is as good as gone.
	if (!account || account.disabledAt !== null) return { status: 'gone' };
	return {
		status: 'usable',
		invite,
		account: { username: account.username, displayName: account.displayName }
	};
}

/**
 * Marks the invite used, if nobody else did so first. Two people opening the same link at
 * once: only one of them gets true.
 */
async function claimInvite(inviteId: number, now: Date): Promise<boolean> {
	const stamp = now.toISOString();
	const claimed = await db
		.update(invites)
		.set({ usedAt: stamp })
		.where(and(eq(invites.id, inviteId), isNull(invites.usedAt), gt(invites.expiresAt, stamp)))
		.returning({ id: invites.id });
	return claimed.length === 1;
}

async function releaseInvite(inviteId: number) {
	await db.update(invites).set({ usedAt: null }).where(eq(invites.id, inviteId));
}

export type NewMember = Omit<
	NewAccount,
	'role' | 'passwordHash' | 'neighbourhoodIds' | 'isDemo'
> & {
	password: string;
};

export type AcceptResult =
	| { status: 'ok'; accountId: number }
	| { status: 'gone' }
	| { status: 'unknown' }
	| { status: 'username-taken' };

/** Turns an invite into an account with the invite's role and neighbourhoods. */
export async function acceptInvite(
	token: string,
	member: NewMember,
	now = new Date()
): Promise<AcceptResult> {
	const lookup = await findInvite(token, now);
	if (lookup.status !== 'usable') return lookup;
	const { invite } = lookup;
	if (invite.accountId !== null) return { status: 'unknown' };
	const { password, ...details } = member;
	const passwordHash = await hashPassword(password);
	if (!(await claimInvite(invite.id, now))) return { status: 'gone' };
	try {
		const accountId = await createAccount({
			...details,
			role: invite.role,
			passwordHash,
			// A neighbourhood removed since the invite was made is left out.
			neighbourhoodIds: await existingNeighbourhoodIds(invite.neighbourhoodIds)
		});
		return { status: 'ok', accountId };
	} catch (error) {
		// The link stays usable so the person can pick another name.
		await releaseInvite(invite.id);
		if (error instanceof UsernameTakenError) return { status: 'username-taken' };
		throw error;
	}
}

/** Sets the new password of a new-password link and signs the account out everywhere. */
export async function acceptPasswordReset(
	token: string,
	password: string,
	now = new Date()
): Promise<{ status: 'ok'; accountId: number } | { status: 'gone' } | { status: 'unknown' }> {
	const lookup = await findInvite(token, now);
	if (lookup.status !== 'usable') return lookup;
	const { invite } = lookup;
	if (invite.accountId === null) return { status: 'unknown' };
	const passwordHash = await hashPassword(password);
	if (!(await claimInvite(invite.id, now))) return { status: 'gone' };
	await db.update(accounts).set({ passwordHash }).where(eq(accounts.id, invite.accountId));
	await invalidateAccountSessions(invite.accountId);
	return { status: 'ok', accountId: invite.accountId };
}

export type OpenInvite = {
	id: number;
	role: Role;
	neighbourhoodIds: number[];
	expiresAt: string;
	createdBy: number | null;
	createdByName: string | null;
	/** For a new-password link: whose password. */
	forAccount: string | null;
};

/**
 * Invites that still work, soonest to expire first. A worker sees the ones they made; a
 * coordinator sees them all.
 */
export async function listOpenInvites(
	viewer: { id: number; role: Role },
	now = new Date()
): Promise<OpenInvite[]> {
	const rows = await db
		.select()
		.from(invites)
		.where(and(isNull(invites.usedAt), gt(invites.expiresAt, now.toISOString())))
		.orderBy(asc(invites.expiresAt));
	const visible = rows.filter(
		(row) => viewer.role === 'coordinator' || row.createdBy === viewer.id
	);
	const people = await db
		.select({ id: accounts.id, displayName: accounts.displayName })
		.from(accounts);
	const nameOf = new Map(people.map((person) => [person.id, person.displayName]));
	return visible.map((row) => ({
		id: row.id,
		role: row.role,
		neighbourhoodIds: row.neighbourhoodIds,
		expiresAt: row.expiresAt,
		createdBy: row.createdBy,
		createdByName: row.createdBy === null ? null : (nameOf.get(row.createdBy) ?? null),
		forAccount: row.accountId === null ? null : (nameOf.get(row.accountId) ?? null)
	}));
}

/**
 * Withdraws an open invite so its link stops working. A worker may withdraw only their own.
 * False when there is no such open invite for this person.
 */
export async function withdrawInvite(
	inviteId: number,
	by: { id: number; role: Role }
): Promise<boolean> {
	const conditions = [eq(invites.id, inviteId), isNull(invites.usedAt)];
	if (by.role !== 'coordinator') conditions.push(eq(invites.createdBy, by.id));
	const removed = await db
		.delete(invites)
		.where(and(...conditions))
		.returning({ id: invites.id });
	return removed.length === 1;
}

/** When a link stops working, in words: "1 December 2026 at 14:30" (Brussels time). */
export function formatInviteExpiry(expiresAt: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/Brussels'
	}).format(new Date(expiresAt));
}

/** The address someone opens to accept an invite, in the language chosen for them. */
export function inviteLink(origin: string, locale: Locale, token: string): string {
	return `${origin}/${locale}/invite/${token}`;
}
