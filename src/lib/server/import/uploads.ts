import { randomBytes } from 'node:crypto';
import { currentTime } from '$lib/server/clock';

/*
 * An uploaded file between its dry run and "import": kept in this process for an hour under a
 * random token, for the coordinator who sent it only. It holds places and gatherings, never
 * anything about residents. With several app servers the second request must reach the same
 * one (or the coordinator simply checks the file again).
 */

export const UPLOAD_LIFETIME_MS = 60 * 60_000;
// A few dozen large files at once at most; the oldest go first.
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

export type KeptUpload = {
	accountId: number;
	fileName: string;
	content: Uint8Array;
	keptAt: number;
};

const uploads = new Map<string, KeptUpload>();

function purge(now: number) {
	let total = 0;
	for (const [token, upload] of uploads) {
		if (now - upload.keptAt >= UPLOAD_LIFETIME_MS) uploads.delete(token);
		else total += upload.content.byteLength;
	}
	for (const [token, upload] of uploads) {
		if (total <= MAX_TOTAL_BYTES) break;
		uploads.delete(token);
		total -= upload.content.byteLength;
	}
}

/** Keeps the file and returns the token to find it again (128 random bits). */
export function keepUpload(
	accountId: number,
	fileName: string,
	content: Uint8Array,
	now: Date = currentTime()
): string {
	const token = randomBytes(16).toString('base64url');
	uploads.set(token, { accountId, fileName, content, keptAt: now.getTime() });
	purge(now.getTime());
	return token;
}

/** The file kept under this token for this account, unless it is more than an hour old. */
export function findUpload(
	token: string,
	accountId: number,
	now: Date = currentTime()
): KeptUpload | undefined {
	purge(now.getTime());
	const upload = uploads.get(token);
	return upload && upload.accountId === accountId ? upload : undefined;
}

export function forgetUpload(token: string) {
	uploads.delete(token);
}
