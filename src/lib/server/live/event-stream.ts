import { liveEvents, type EventHub, type LiveCallEvent } from './event-hub';

export type EventStreamOptions = {
	accountId: number;
	/** Aborts when the browser goes away. */
	signal?: AbortSignal;
	hub?: EventHub;
};

const encoder = new TextEncoder();

function frame(event: LiveCallEvent): string {
	return `id: ${event.id}\nevent: backup\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A `text/event-stream` answer for one account: `ready` once, then a `backup` event for every
 * change to a call this account may see, and a comment as heartbeat so proxies keep the
 * connection. Everything is cleaned up when the browser goes away.
 */
export function openEventStream({
	accountId,
	signal,
	hub = liveEvents()
}: EventStreamOptions): Response {
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
				accountId,
				onEvent: (event) => send(frame(event)),
				onHeartbeat: () => send(': heartbeat\n\n')
			});
			cleanup = () => {
				if (!open) return;
				open = false;
				unsubscribe();
				signal?.removeEventListener('abort', cleanup);
				try {
					controller.close();
				} catch {
					// Already closed by the other side.
				}
			};
			// The browser tries again after 3 s when the connection drops.
			send('retry: 3000\n\n');
			// Tells the page to load what it may have missed before the stream was open.
			send('event: ready\ndata: {}\n\n');
			if (signal?.aborted) cleanup();
			else signal?.addEventListener('abort', cleanup);
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
