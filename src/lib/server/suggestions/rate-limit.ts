import { createHmac, randomBytes } from 'node:crypto';

// A new key every time the process starts: the bucket keys cannot be turned back into
// addresses by trying every IPv4 address, and nothing links them across restarts.
const hashKey = randomBytes(32);

function hashAddress(address: string): string {
	return createHmac('sha256', hashKey).update(address).digest('base64url');
}

type Bucket = { tokens: number; refilledAt: number };

/**
 * A token bucket per network address, in memory only. It keeps a keyed hash of the address,
 * never the address itself, and never writes anything to disk.
 */
export class RefillingTokenBucket {
	private buckets = new Map<string, Bucket>();

	constructor(
		readonly max: number,
		readonly refillIntervalMs: number,
		private readonly maxKeys = 10_000
	) {}

	private current(key: string, now: number): Bucket {
		const bucket = this.buckets.get(key);
		if (!bucket) return { tokens: this.max, refilledAt: now };
		const refill = Math.floor((now - bucket.refilledAt) / this.refillIntervalMs);
		if (refill <= 0) return bucket;
		const tokens = Math.min(this.max, bucket.tokens + refill);
		return {
			tokens,
			refilledAt: tokens === this.max ? now : bucket.refilledAt + refill * this.refillIntervalMs
		};
	}

	check(address: string, cost = 1, now = Date.now()): boolean {
		return this.current(hashAddress(address), now).tokens >= cost;
	}

	consume(address: string, cost = 1, now = Date.now()): boolean {
		const key = hashAddress(address);
		const bucket = this.current(key, now);
		if (bucket.tokens < cost) return false;
		this.buckets.set(key, { tokens: bucket.tokens - cost, refilledAt: bucket.refilledAt });
		if (this.buckets.size > this.maxKeys) this.prune(now);
		return true;
	}

	/** Forgets buckets that are full again; they behave exactly like a new one. */
	private prune(now: number) {
		for (const key of this.buckets.keys()) {
			if (this.current(key, now).tokens >= this.max) this.buckets.delete(key);
		}
		// Still too many: drop the oldest, rather than grow without end.
		for (const key of this.buckets.keys()) {
			if (this.buckets.size <= this.maxKeys) break;
			this.buckets.delete(key);
		}
	}
}

/** Five suggestions per ten minutes from one address: one token back every two minutes. */
export const suggestionBucket = new RefillingTokenBucket(5, 2 * 60 * 1000);
