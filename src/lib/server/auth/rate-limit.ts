import { RefillingTokenBucket } from '$lib/server/suggestions/rate-limit';

// Five wrong tries, then one more every three minutes: about five per fifteen minutes. Counted
// per account name (someone guessing one password) and per address (someone trying many names).
const FAILURES_ALLOWED = 5;
const REFILL_INTERVAL_MS = 3 * 60 * 1000;

const failuresByName = new RefillingTokenBucket(FAILURES_ALLOWED, REFILL_INTERVAL_MS);
const failuresByAddress = new RefillingTokenBucket(FAILURES_ALLOWED, REFILL_INTERVAL_MS);

/** False when this name or this address has had too many wrong tries lately. */
export function maySignIn(username: string, address: string, now = Date.now()): boolean {
	if (!failuresByAddress.check(address, 1, now)) return false;
	return username === '' || failuresByName.check(username, 1, now);
}

export function recordFailedSignIn(username: string, address: string, now = Date.now()) {
	failuresByAddress.consume(address, 1, now);
	if (username !== '') failuresByName.consume(username, 1, now);
}
