export type RosterErrorCode =
	| 'invalid-time'
	| 'invalid-range'
	| 'invalid-weekday'
	| 'invalid-kind'
	| 'invalid-date'
	| 'no-neighbourhoods'
	| 'unknown-neighbourhood'
	| 'unknown-account'
	| 'not-on-the-team';

/**
 * A roster change that cannot be made as asked. `field` names the input at fault, so a form
 * action can answer `fail(400, ...)` with the message next to it.
 */
export class RosterError extends Error {
	readonly status = 400;

	constructor(
		readonly code: RosterErrorCode,
		readonly field: string
	) {
		super(`${field}: ${code}`);
		this.name = 'RosterError';
	}
}

export function isRosterError(value: unknown): value is RosterError {
	return value instanceof RosterError;
}
