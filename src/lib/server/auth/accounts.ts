import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { pick, type Locale } from '$lib/i18n';
import { db } from '$lib/server/db';
import {
	accountNeighbourhoods,
	accounts,
	neighbourhoods,
	type Account,
	type Role
} from '$lib/server/db/schema';
import { requiredText } from '$lib/server/forms';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';
import { invalidateAccountSessions } from './session';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;
export const DISPLAY_NAME_MAX_LENGTH = 60;
export const PHONE_MAX_LENGTH = 30;

/** Languages a team member can say they speak; `languageLabel` in `$lib/labels` names them. */
export const SPOKEN_LANGUAGES = [
	'nl',
	'fr',
	'en',
	'ar',
	'tr',
	'es',
	'pl',
	'ro',
	'pt',
	'ber'
] as const;

/** A user name as typed: trimmed and in lower case, so "Sara" and "sara" are one name. */
export const usernameField = requiredText(USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH).transform(
	(value) => value.toLowerCase()
);

/** A new password: never trimmed, since every character counts. */
export const newPasswordField = z
	.string()
	.max(PASSWORD_MAX_LENGTH)
	.refine((value) => value.length > 0, 'error_required')
	.refine((value) => value.length === 0 || value.length >= PASSWORD_MIN_LENGTH, {
		message: `min:${PASSWORD_MIN_LENGTH}`
	});

export class UsernameTakenError extends Error {
	constructor() {
		super('This user name is taken');
	}
}

function isUniqueViolation(error: unknown): boolean {
	for (let current = error; current instanceof Error; current = current.cause) {
		if ((current as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
	}
	return false;
}

export async function isUsernameTaken(username: string): Promise<boolean> {
	const [row] = await db
		.select({ id: accounts.id })
		.from(accounts)
		.where(eq(accounts.username, username))
		.limit(1);
	return row !== undefined;
}

export type NewAccount = {
	username: string;
	displayName: string;
	role: Role;
	passwordHash: string;
	phone: string | null;
	languages: string[];
	peerWorker: boolean;
	neighbourhoodIds: number[];
	isDemo?: boolean;
};

/** Creates an account with its neighbourhoods. Throws UsernameTakenError for a taken name. */
export async function createAccount(input: NewAccount): Promise<number> {
	const { neighbourhoodIds, ...values } = input;
	let id: number;
	try {
		[{ id }] = await db.insert(accounts).values(values).returning({ id: accounts.id });
	} catch (error) {
		if (isUniqueViolation(error)) throw new UsernameTakenError();
		throw error;
	}
	const unique = [...new Set(neighbourhoodIds)];
	if (unique.length > 0) {
		await db
			.insert(accountNeighbourhoods)
			.values(unique.map((neighbourhoodId) => ({ accountId: id, neighbourhoodId })));
	}
	return id;
}

export async function findAccount(accountId: number): Promise<Account | undefined> {
	const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
	return row;
}

/** Sets a new password and ends every session of the account, on every device. */
export async function changePassword(accountId: number, password: string) {
	const passwordHash = await hashPassword(password);
	await db.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId));
	await invalidateAccountSessions(accountId);
}

/** Switches an account off and signs it out everywhere at once. */
export async function disableAccount(accountId: number, now = new Date()) {
	await db
		.update(accounts)
		.set({ disabledAt: now.toISOString() })
		.where(eq(accounts.id, accountId));
	await invalidateAccountSessions(accountId);
}

export async function enableAccount(accountId: number) {
	await db.update(accounts).set({ disabledAt: null }).where(eq(accounts.id, accountId));
}

export type AccountSummary = {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	phone: string | null;
	peerWorker: boolean;
	disabled: boolean;
	neighbourhoods: string[];
};

/** Every account, active ones first, each with the names of its neighbourhoods. */
export async function listAccounts(locale: Locale): Promise<AccountSummary[]> {
	const rows = await db.select().from(accounts).orderBy(asc(accounts.displayName));
	const links = await db
		.select({
			accountId: accountNeighbourhoods.accountId,
			name: neighbourhoods.name
		})
		.from(accountNeighbourhoods)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, accountNeighbourhoods.neighbourhoodId));
	const names = new Map<number, string[]>();
	for (const link of links) {
		names.set(link.accountId, [...(names.get(link.accountId) ?? []), pick(link.name, locale)]);
	}
	return rows
		.map((row) => ({
			id: row.id,
			username: row.username,
			displayName: row.displayName,
			role: row.role,
			phone: row.phone,
			peerWorker: row.peerWorker,
			disabled: row.disabledAt !== null,
			neighbourhoods: (names.get(row.id) ?? []).sort((a, b) => a.localeCompare(b, locale))
		}))
		.sort(
			(a, b) =>
				Number(a.disabled) - Number(b.disabled) ||
				a.displayName.localeCompare(b.displayName, locale)
		);
}

/** The ids among these that are real neighbourhoods. */
export async function existingNeighbourhoodIds(ids: number[]): Promise<number[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select({ id: neighbourhoods.id })
		.from(neighbourhoods)
		.where(inArray(neighbourhoods.id, ids));
	return rows.map((row) => row.id);
}
