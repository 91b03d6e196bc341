import type { BackupStatus } from '$lib/server/db/schema';

export type BackupCallErrorCode =
	/** A field is missing or malformed; `field` names it. */
	| 'invalid-input'
	| 'not-found'
	/** This account may not do this with this call (wrong role, neighbourhood or volunteer). */
	| 'not-allowed'
	/** Someone else has this call now; hand-over is the way to take it. */
	| 'not-owner'
	/** The call's state does not allow this step (already acknowledged, resolved, ...). */
	| 'invalid-transition'
	/** Another volunteer's call already uses this device call id. */
	| 'device-call-id-taken';

const STATUS: Record<BackupCallErrorCode, number> = {
	'invalid-input': 400,
	'not-found': 404,
	'not-allowed': 403,
	'not-owner': 409,
	'invalid-transition': 409,
	'device-call-id-taken': 409
};

/** A backup-call step that cannot be done; `status` is the HTTP status a route should answer. */
export class BackupCallError extends Error {
	readonly status: number;

	constructor(
		readonly code: BackupCallErrorCode,
		readonly details: { field?: string; currentStatus?: BackupStatus } = {}
	) {
		super(details.field ? `${code}: ${details.field}` : code);
		this.name = 'BackupCallError';
		this.status = STATUS[code];
	}
}

export function isBackupCallError(value: unknown): value is BackupCallError {
	return value instanceof BackupCallError;
}
