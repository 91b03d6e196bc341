// The map page's island (the page is HTML first, see html-first.ts): the Leaflet map with its
// markers, mounted where the page rendered the empty map. Leaflet and Supercluster are in this
// one file, so nothing waits for a second script.
import '$lib/locale-strategy';
import 'leaflet';
import 'supercluster';
import { mount } from 'svelte';
import LeafletMap from '$lib/components/LeafletMap.svelte';
import { m } from '$lib/paraglide/messages.js';

const target = document.querySelector<HTMLElement>('[data-island="map"]');
const { label, markersUrl, height } = target?.dataset ?? {};
if (target && label && markersUrl) {
	target.replaceChildren();
	mount(LeafletMap, {
		target,
		props: {
			label,
			markersUrl,
			height,
			cluster: true,
			clusterLabel: (count: number) => m.map_cluster({ count })
		}
	});
}
