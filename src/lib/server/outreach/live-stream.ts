import { currentTime } from '$lib/server/clock';
import { dateToWallTime } from '$lib/server/schedule/time';
import { canSee, type Viewer } from '$lib/server/visibility';
import {
	loadRoundSchedules,
	pickRoundDay,
	readRoundMeta,
	readStatusRows,
	todaysKeys,
	type RoundDay,
	type RoundSchedule
} from './live-status';

/** One open page of a round: it gets the round's day whenever it looks different. */
export type RoundDaySubscriber = {
	roundId: number;
	viewer: Viewer;
	onStatus: (day: RoundDay | null) => void;
	/** The round is no longer there for this viewer (hidden, members-only, archived). */
	onGone: () => void;
	onHeartbeat?: () => void;
};

export type RoundDayHubOptions = {
	/** How often the database is read while someone watches. */
	intervalMs?: number;
	/** How long stops and dates are kept before they are read again. */
	scheduleMs?: number;
	heartbeatMs?: number;
	now?: () => Date;
	onError?: (error: unknown) => void;
};

type Watched = { subscriber: RoundDaySubscriber; last: string | null };

/**
 * One reader of `round_day_status` per process, however many pages are open. The status
 * fans out through the database (DESIGN.md, "Scale"): each app server reads the rows itself,
 * so a stop marked on one server reaches a resident connected to another. Per tick it reads
 * the rounds being watched (visibility, last change) and today's status rows of those rounds:
 * two small indexed queries, whatever the number of open pages. Each page gets the worked-out
 * day only when it differs from what that page got last, so a time-based change (the plan
 * says the bus is at the next stop now) is pushed too.
 */
export class RoundDayHub {
	private readonly watched = new Map<number, Set<Watched>>();
	private readonly schedules = new Map<number, RoundSchedule & { loadedAt: number }>();
	private readonly intervalMs: number;
	private readonly scheduleMs: number;
	private readonly heartbeatMs: number;
	private readonly now: () => Date;
	private readonly onError: (error: unknown) => void;
	private pollTimer: ReturnType<typeof setTimeout> | null = null;
	private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
	private polling: Promise<void> | null = null;
	private generation = 0;

	constructor(options: RoundDayHubOptions = {}) {
		this.intervalMs = options.intervalMs ?? 1000;
		this.scheduleMs = options.scheduleMs ?? 30_000;
		this.heartbeatMs = options.heartbeatMs ?? 20_000;
		this.now = options.now ?? currentTime;
		this.onError = options.onError ?? ((error) => console.error('Live coffee bus:', error));
	}

	/** How many pages watch now. */
	get size(): number {
		let count = 0;
		for (const set of this.watched.values()) count += set.size;
		return count;
	}

	/** Starts watching; the returned function stops it (call it when the stream closes). */
	subscribe(subscriber: RoundDaySubscriber): () => void {
		const set = this.watched.get(subscriber.roundId) ?? new Set<Watched>();
		const entry: Watched = { subscriber, last: null };
		set.add(entry);
		this.watched.set(subscriber.roundId, set);
		this.start();
		let subscribed = true;
		return () => {
			if (!subscribed) return;
			subscribed = false;
			set.delete(entry);
			if (set.size === 0 && this.watched.get(subscriber.roundId) === set) {
				this.watched.delete(subscriber.roundId);
				this.schedules.delete(subscriber.roundId);
			}
			if (this.watched.size === 0) this.stop();
		};
	}

	/** Reads the database once and tells every page what changed. Tests call it directly. */
	pollOnce(): Promise<void> {
		this.polling ??= this.read().finally(() => {
			this.polling = null;
		});
		return this.polling;
	}

	close() {
		this.watched.clear();
		this.schedules.clear();
		this.stop();
	}

	private start() {
		if (this.pollTimer === null) {
			this.generation += 1;
			this.schedulePoll(0, this.generation);
		}
		if (this.heartbeatTimer === null && this.heartbeatMs > 0) {
			this.heartbeatTimer = setInterval(() => this.beat(), this.heartbeatMs);
			this.heartbeatTimer.unref?.();
		}
	}

	private stop() {
		if (this.pollTimer !== null) clearTimeout(this.pollTimer);
		if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
		this.pollTimer = null;
		this.heartbeatTimer = null;
		this.generation += 1;
	}

	private schedulePoll(delay: number, generation: number) {
		this.pollTimer = setTimeout(async () => {
			try {
				await this.pollOnce();
			} finally {
				if (generation === this.generation) this.schedulePoll(this.intervalMs, generation);
			}
		}, delay);
		this.pollTimer.unref?.();
	}

	private async read() {
		try {
			const ids = [...this.watched.keys()];
			if (ids.length === 0) return;
			await this.refreshSchedules(ids);
			const wall = dateToWallTime(this.now());
			const visible = ids.flatMap((id) => {
				const found = this.schedules.get(id);
				return found && !found.archived ? [found.schedule] : [];
			});
			const rows = await readStatusRows(todaysKeys(visible, wall));
			for (const id of ids) {
				const found = this.schedules.get(id);
				const day = found && !found.archived ? pickRoundDay(found.schedule, rows, wall) : null;
				const json = JSON.stringify(day);
				for (const entry of [...(this.watched.get(id) ?? [])]) {
					const { subscriber } = entry;
					try {
						// The page checked visibility when it opened; a round hidden since then stops.
						if (!found || found.archived || !canSee(subscriber.viewer, found.visibility)) {
							subscriber.onGone();
							continue;
						}
						if (entry.last === json) continue;
						entry.last = json;
						subscriber.onStatus(day);
					} catch (error) {
						this.onError(error);
					}
				}
			}
		} catch (error) {
			this.onError(error);
		}
	}

	/**
	 * Stops and dates are read again when the round changed (its `updated_at` moves when the
	 * stops are edited) or after a while, which also picks up a date moved or cancelled.
	 */
	private async refreshSchedules(ids: number[]) {
		const clock = Date.now();
		const stale = ids.filter((id) => {
			const found = this.schedules.get(id);
			return !found || clock - found.loadedAt >= this.scheduleMs;
		});
		const fresh = ids.filter((id) => !stale.includes(id));
		// Visibility must never lag: it is read on every tick, with the round's last change.
		const current = await readRoundMeta(fresh);
		for (const id of fresh) {
			const meta = current.get(id);
			const found = this.schedules.get(id);
			if (!meta || !found) {
				this.schedules.delete(id);
				stale.push(id);
			} else if (meta.updatedAt !== found.updatedAt) {
				stale.push(id);
			} else {
				found.visibility = meta.visibility;
				found.archived = meta.archived;
			}
		}
		if (stale.length === 0) return;
		const loaded = await loadRoundSchedules(stale);
		for (const id of stale) {
			const found = loaded.get(id);
			if (found) this.schedules.set(id, { ...found, loadedAt: clock });
			else this.schedules.delete(id);
		}
	}

	private beat() {
		for (const set of this.watched.values()) {
			for (const { subscriber } of set) {
				try {
					subscriber.onHeartbeat?.();
				} catch (error) {
					this.onError(error);
				}
			}
		}
	}
}

const globalKey = Symbol.for('kwartier.live.roundDayHub');
type WithHub = typeof globalThis & { [globalKey]?: RoundDayHub };

/** The hub of this process, made on first use (and kept across dev reloads). */
export function liveRoundDays(): RoundDayHub {
	const store = globalThis as WithHub;
	store[globalKey] ??= new RoundDayHub();
	return store[globalKey];
}

const encoder = new TextEncoder();

/**
 * A `text/event-stream` answer for one round page: a `status` event with the round's day now
 * and after every change (`null` when it does not ride today), `gone` when the round may no
 * longer be seen, and a comment as heartbeat so proxies keep the connection.
 */
export function openRoundDayStream(options: {
	roundId: number;
	viewer: Viewer;
	signal?: AbortSignal;
	hub?: RoundDayHub;
}): Response {
	const hub = options.hub ?? liveRoundDays();
	let cleanup = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const send = (text: string) => {
				if (!open) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const unsubscribe = hub.subscribe({
				roundId: options.roundId,
				viewer: options.viewer,
				onStatus: (day) => send(`event: status\ndata: ${JSON.stringify(day)}\n\n`),
				onGone: () => {
					send('event: gone\ndata: {}\n\n');
					cleanup();
				},
				onHeartbeat: () => send(': heartbeat\n\n')
			});
			cleanup = () => {
				if (!open) return;
				open = false;
				unsubscribe();
				options.signal?.removeEventListener('abort', cleanup);
				try {
					controller.close();
				} catch {
					// Already closed by the other side.
				}
			};
			// The browser tries again after 5 s when the connection drops.
			send('retry: 5000\n\n');
			if (options.signal?.aborted) cleanup();
			else options.signal?.addEventListener('abort', cleanup);
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-store',
			'X-Accel-Buffering': 'no'
		}
	});
}
