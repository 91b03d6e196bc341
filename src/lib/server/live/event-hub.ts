import { findLatestEventId, listEventsAfter, type FeedEvent } from '$lib/server/backup';
import { listCallAudiences } from './audience';

/** What one open stream is told: a change to a call this account may see. */
export type LiveCallEvent = {
	id: number;
	callId: number;
	type: FeedEvent['type'];
	at: string;
	status: FeedEvent['status'];
	/** The call was just sent to this account (first notice, escalation or hand-over). */
	forYou: boolean;
};

export type LiveSubscriber = {
	accountId: number;
	onEvent: (event: LiveCallEvent) => void;
	onHeartbeat?: () => void;
};

/** Where the events come from: the database, unless a test says otherwise. */
export type CallEventSource = {
	latestId: () => Promise<number>;
	after: (lastEventId: number, limit: number) => Promise<FeedEvent[]>;
};

export type EventHubOptions = {
	source?: CallEventSource;
	/** How often the database is read while someone listens. */
	intervalMs?: number;
	heartbeatMs?: number;
	batchSize?: number;
	onError?: (error: unknown) => void;
};

const REACHING_TYPES = new Set<FeedEvent['type']>(['notified', 'escalated', 'handed-over']);

export function toLiveEvent(event: FeedEvent, accountId: number): LiveCallEvent {
	return {
		id: event.id,
		callId: event.callId,
		type: event.type,
		at: event.at,
		status: event.status,
		forYou: event.targetId === accountId && REACHING_TYPES.has(event.type)
	};
}

/**
 * One reader of `backup_call_events` per process, whatever the number of open streams. Live
 * streams fan out through the database (DESIGN.md, "Scale"): every app server reads the new
 * rows itself, so a call made on one server reaches a worker connected to another. It only
 * reads while someone listens, and starts from the newest event at that moment.
 */
export class EventHub {
	private readonly subscribers = new Map<number, Set<LiveSubscriber>>();
	private readonly intervalMs: number;
	private readonly heartbeatMs: number;
	private readonly batchSize: number;
	private readonly onError: (error: unknown) => void;
	private readonly source: CallEventSource;
	private cursor: number | null = null;
	private pollTimer: ReturnType<typeof setTimeout> | null = null;
	private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
	private polling: Promise<void> | null = null;
	/** Changes on every start and stop, so a poll loop from before a stop ends by itself. */
	private generation = 0;

	constructor(options: EventHubOptions = {}) {
		this.intervalMs = options.intervalMs ?? 200;
		this.heartbeatMs = options.heartbeatMs ?? 20_000;
		this.batchSize = options.batchSize ?? 500;
		this.source = options.source ?? { latestId: findLatestEventId, after: listEventsAfter };
		this.onError = options.onError ?? ((error) => console.error('Live backup events:', error));
	}

	/** How many streams listen now. */
	get size(): number {
		let count = 0;
		for (const set of this.subscribers.values()) count += set.size;
		return count;
	}

	/** Starts listening; the returned function stops it (call it when the stream closes). */
	subscribe(subscriber: LiveSubscriber): () => void {
		const set = this.subscribers.get(subscriber.accountId) ?? new Set<LiveSubscriber>();
		set.add(subscriber);
		this.subscribers.set(subscriber.accountId, set);
		this.start();
		let subscribed = true;
		return () => {
			if (!subscribed) return;
			subscribed = false;
			set.delete(subscriber);
			if (set.size === 0 && this.subscribers.get(subscriber.accountId) === set) {
				this.subscribers.delete(subscriber.accountId);
			}
			if (this.subscribers.size === 0) this.stop();
		};
	}

	/**
	 * Reads the events since the last read and hands each one to the streams of the accounts
	 * that may see it. The timer calls this; tests call it directly.
	 */
	pollOnce(): Promise<void> {
		this.polling ??= this.readNewEvents().finally(() => {
			this.polling = null;
		});
		return this.polling;
	}

	/** Stops reading and forgets every listener. */
	close() {
		this.subscribers.clear();
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
		// Whoever subscribes next starts from the events of that moment.
		this.cursor = null;
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

	private async readNewEvents() {
		try {
			if (this.cursor === null) {
				this.cursor = await this.source.latestId();
				return;
			}
			for (;;) {
				const events = await this.source.after(this.cursor, this.batchSize);
				if (events.length === 0) return;
				this.cursor = events[events.length - 1].id;
				await this.deliver(events);
				if (events.length < this.batchSize) return;
			}
		} catch (error) {
			this.onError(error);
		}
	}

	private async deliver(events: FeedEvent[]) {
		if (this.subscribers.size === 0) return;
		const audiences = await listCallAudiences(events.map((event) => event.callId));
		for (const event of events) {
			// A call sent to N workers makes N "notified" events: each matters only to its
			// worker and the volunteer, else every worker would get N frames per call.
			const audience =
				event.type === 'notified' && event.targetId !== null
					? [event.targetId, event.volunteerId]
					: (audiences.get(event.callId) ?? []);
			for (const accountId of audience) {
				const listeners = this.subscribers.get(accountId);
				if (!listeners) continue;
				const live = toLiveEvent(event, accountId);
				for (const listener of listeners) {
					try {
						listener.onEvent(live);
					} catch (error) {
						this.onError(error);
					}
				}
			}
		}
	}

	private beat() {
		for (const listeners of this.subscribers.values()) {
			for (const listener of listeners) {
				try {
					listener.onHeartbeat?.();
				} catch (error) {
					this.onError(error);
				}
			}
		}
	}
}

const globalKey = Symbol.for('kwartier.live.eventHub');
type WithHub = typeof globalThis & { [globalKey]?: EventHub };

/** The hub of this process, made on first use (and kept across dev reloads). */
export function liveEvents(): EventHub {
	const store = globalThis as WithHub;
	store[globalKey] ??= new EventHub();
	return store[globalKey];
}
