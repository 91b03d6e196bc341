import { describe, expect, it } from 'vitest';
import { fittingZoom, layOut, worldPixel } from './static-layout';

// The OpenStreetMap wiki's formula for the tile that holds a point ("Slippy map tilenames").
function osmTile(lat: number, lon: number, zoom: number) {
	const n = 2 ** zoom;
	const rad = (lat * Math.PI) / 180;
	return {
		x: Math.floor(((lon + 180) / 360) * n),
		y: Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n)
	};
}

const GRAND_PLACE = { lat: 50.8467, lon: 4.3525 };

describe('a map drawn without script', () => {
	it('puts a point in the tile OpenStreetMap has it in', () => {
		for (const zoom of [3, 12, 16]) {
			const pixel = worldPixel(GRAND_PLACE.lat, GRAND_PLACE.lon, zoom);
			const tile = osmTile(GRAND_PLACE.lat, GRAND_PLACE.lon, zoom);
			expect({ x: Math.floor(pixel.x / 256), y: Math.floor(pixel.y / 256) }).toEqual(tile);
		}
	});

	it('shows one place close up, in the middle, on the tile under it', () => {
		const layout = layOut([GRAND_PLACE], 288);
		expect(layout.zoom).toBe(16);
		expect(layout.markers[0]).toMatchObject({ dx: 0, dy: 0 });
		const tile = osmTile(GRAND_PLACE.lat, GRAND_PLACE.lon, 16);
		const under = layout.tiles.find(
			(candidate) =>
				candidate.dx <= 0 && candidate.dx > -256 && candidate.dy <= 0 && candidate.dy > -256
		);
		expect(under?.src).toBe(`https://tile.openstreetmap.org/16/${tile.x}/${tile.y}.png`);
		// Enough tiles to fill a wide screen and the map's height, no more.
		const xs = new Set(layout.tiles.map((candidate) => candidate.dx));
		const ys = new Set(layout.tiles.map((candidate) => candidate.dy));
		expect(Math.min(...xs)).toBeLessThanOrEqual(-640);
		expect(Math.max(...xs) + 256).toBeGreaterThanOrEqual(640);
		expect(Math.min(...ys)).toBeLessThanOrEqual(-144);
		expect(Math.max(...ys) + 256).toBeGreaterThanOrEqual(144);
		expect(layout.tiles.length).toBeLessThanOrEqual(7 * 3);
	});

	it('zooms out until every stop of a round fits a small phone, and not further', () => {
		const stops = [
			{ lat: 50.8365, lon: 4.3178 },
			{ lat: 50.8404, lon: 4.3262 },
			{ lat: 50.8331, lon: 4.3311 }
		];
		const layout = layOut(stops, 320);
		for (const marker of layout.markers) {
			expect(Math.abs(marker.dx)).toBeLessThanOrEqual(150 - 36);
			expect(Math.abs(marker.dy)).toBeLessThanOrEqual(160 - 36);
		}
		// One step closer, they would not fit.
		const closer = layout.zoom + 1;
		const xs = stops.map((stop) => worldPixel(stop.lat, stop.lon, closer).x);
		expect(Math.max(...xs) - Math.min(...xs) + 72).toBeGreaterThan(300);
		expect(fittingZoom(stops, 320)).toBe(layout.zoom);
	});
});
