// On a coffee-bus round's page (HTML first, see html-first.ts) on a day the bus rides: the card
// "today" and the list of stops follow the round's live stream. The page renders both on the
// server with what was known on load (that is all a phone without JavaScript gets); here they
// are mounted again with the same data and change with every report of the team.
import '$lib/locale-strategy';
import { mount } from 'svelte';
import RoundToday from '$lib/components/RoundToday.svelte';
import RoundStops from '$lib/components/RoundStops.svelte';
import { isLocale } from '$lib/i18n';
import { RoundLive, type ListedStop } from '$lib/round-live.svelte';
import type { RoundDay } from '$lib/server/outreach/live-status';

function readJson<T>(value: string | undefined): T | undefined {
	try {
		return value === undefined ? undefined : (JSON.parse(value) as T);
	} catch {
		return undefined;
	}
}

const todayTarget = document.querySelector<HTMLElement>('[data-island="round-today"]');
const stopsTarget = document.querySelector<HTMLElement>('[data-island="round-stops"]');
const { locale, slug } = todayTarget?.dataset ?? {};
const live = readJson<RoundDay>(todayTarget?.dataset.live);
const stops = readJson<ListedStop[]>(stopsTarget?.dataset.stops);

if (todayTarget && stopsTarget && isLocale(locale) && slug && live && stops) {
	const status = new RoundLive(live);
	todayTarget.replaceChildren();
	mount(RoundToday, {
		target: todayTarget,
		props: {
			get live() {
				return status.live;
			},
			get streaming() {
				return status.streaming;
			},
			locale,
			pathname: location.pathname
		}
	});
	stopsTarget.replaceChildren();
	mount(RoundStops, {
		target: stopsTarget,
		props: {
			stops,
			get live() {
				return status.live;
			},
			locale
		}
	});
	status.watch(slug);
}
