/** The layout of a map drawn without script: OpenStreetMap tiles and markers, by Web Mercator. */
export type StaticMarker = {
	lat: number;
	lon: number;
	tone?: 'place' | 'gathering' | 'round';
	number?: number;
};

const TILE = 256;
/** Tiles are laid out for a map up to this wide; a narrower one shows the middle. */
const WIDEST = 1280;
/** The zoom is chosen so every marker shows on a map this narrow (a small phone). */
const NARROWEST = 300;
const PADDING = 36;
const MAX_ZOOM = 16;
const MIN_ZOOM = 3;

/** Web Mercator: the point's position in pixels on the whole world's map at `zoom`. */
export function worldPixel(lat: number, lon: number, zoom: number) {
	const size = TILE * 2 ** zoom;
	const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
	return {
		x: ((lon + 180) / 360) * size,
		y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size
	};
}

/** The closest zoom at which all markers fit a `NARROWEST` × `height` map with some margin. */
export function fittingZoom(markers: StaticMarker[], height: number) {
	for (let zoom = MAX_ZOOM; zoom > MIN_ZOOM; zoom--) {
		const points = markers.map((marker) => worldPixel(marker.lat, marker.lon, zoom));
		const xs = points.map((point) => point.x);
		const ys = points.map((point) => point.y);
		const width = Math.max(...xs) - Math.min(...xs);
		const tall = Math.max(...ys) - Math.min(...ys);
		if (width + 2 * PADDING <= NARROWEST && tall + 2 * PADDING <= height) return zoom;
	}
	return MIN_ZOOM;
}

/**
 * Everything the map draws, in pixels from its centre: the tiles around the markers and the
 * markers themselves. Worked out on the server, so the map needs no script at all.
 */
export function layOut(markers: StaticMarker[], height: number) {
	const zoom = fittingZoom(markers, height);
	const points = markers.map((marker) => worldPixel(marker.lat, marker.lon, zoom));
	const xs = points.map((point) => point.x);
	const ys = points.map((point) => point.y);
	const centre = {
		x: (Math.min(...xs) + Math.max(...xs)) / 2,
		y: (Math.min(...ys) + Math.max(...ys)) / 2
	};
	const count = 2 ** zoom;
	const tiles: Array<{ src: string; dx: number; dy: number }> = [];
	const firstX = Math.floor((centre.x - WIDEST / 2) / TILE);
	const lastX = Math.floor((centre.x + WIDEST / 2) / TILE);
	const firstY = Math.max(0, Math.floor((centre.y - height / 2) / TILE));
	const lastY = Math.min(count - 1, Math.floor((centre.y + height / 2) / TILE));
	for (let y = firstY; y <= lastY; y++) {
		for (let x = firstX; x <= lastX; x++) {
			const wrapped = ((x % count) + count) % count;
			tiles.push({
				src: `https://tile.openstreetmap.org/${zoom}/${wrapped}/${y}.png`,
				dx: Math.round(x * TILE - centre.x),
				dy: Math.round(y * TILE - centre.y)
			});
		}
	}
	return {
		zoom,
		tiles,
		markers: markers.map((marker, index) => ({
			...marker,
			dx: Math.round(points[index].x - centre.x),
			dy: Math.round(points[index].y - centre.y)
		}))
	};
}
