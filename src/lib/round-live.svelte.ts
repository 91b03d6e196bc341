import type { RoundDay } from '$lib/server/outreach/live-status';

/** A stop of a round as its public page lists it (RoundStops.svelte). */
export type ListedStop = {
	position: number;
	street: string;
	arrivalTime: string;
	stayMinutes: number;
	/** Wall time of the next visit that is not over yet, or null. */
	nextVisit: string | null;
	/** Wall time of the first visit after today, or null. */
	laterVisit: string | null;
};

/**
 * Where the coffee bus is today on a round's page (the island $lib/islands/round.ts): what the
 * server said on load, then whatever the round's live stream says. One object, so the card
 * at the top and the list of stops further down always show the same moment.
 */
export class RoundLive {
	live = $state<RoundDay | null>(null);
	streaming = $state(false);

	constructor(live: RoundDay | null) {
		this.live = live;
	}

	watch(slug: string): void {
		const open = () => {
			const stream = new EventSource(`/api/rounds/${encodeURIComponent(slug)}/live`);
			stream.addEventListener('status', (message) => {
				try {
					this.live = JSON.parse((message as MessageEvent<string>).data) as RoundDay | null;
					this.streaming = true;
				} catch {
					// A broken frame changes nothing; the next one will come.
				}
			});
			stream.addEventListener('gone', () => {
				stream.close();
				this.streaming = false;
			});
			stream.addEventListener('error', () => (this.streaming = false));
		};
		// A stream that never ends must not hold up the page's load event.
		if (document.readyState === 'complete') open();
		else window.addEventListener('load', open, { once: true });
	}
}
