import { pick, pickWithLocale, type Locale } from '$lib/i18n';
import type { Text } from '$lib/server/places/public';
import type { Occurrence } from '$lib/server/schedule/recurrence';
import { addMinutes } from '$lib/server/schedule/time';
import { findOutreachItem, listTeam, occurrenceOn, type TeamMember } from './team';

/*
 * A route sheet for one date of a coffee-bus round, to print and take along: the stops in
 * order at that day's times, a small map drawn from the data (no map tiles needed), the team
 * and how to reach them.
 */

export type SheetStop = {
	position: number;
	street: string;
	/** `HH:mm` on the day, shifted when the date was moved. */
	arrival: string;
	leaves: string;
	stayMinutes: number;
	/** The usual time when the date was moved to another hour, else null. */
	usualArrival: string | null;
};

export type RouteMap = {
	width: number;
	height: number;
	/** SVG path of the neighbourhood boundary, or null when none is known. */
	boundary: string | null;
	stops: { position: number; x: number; y: number }[];
	/** SVG `points` of the line from stop to stop, in order. */
	line: string;
};

export type RouteSheet = {
	round: {
		id: number;
		slug: string;
		name: Text;
		neighbourhood: string;
		partners: string[];
		visibility: string;
	};
	date: Pick<Occurrence, 'originalDate' | 'start' | 'end' | 'status'> & { note: Text | null };
	stops: SheetStop[];
	map: RouteMap | null;
	team: TeamMember[];
};

type Point = { lat: number; lon: number };
type Boundary = { type: 'Polygon'; coordinates: number[][][] } | null;

const MAP_WIDTH = 600;
const MAP_PADDING = 28;

function round1(value: number) {
	return Math.round(value * 10) / 10;
}

/**
 * Projects the boundary and the stops onto a small SVG. Over a neighbourhood the earth is flat
 * enough: longitude is scaled by the cosine of the latitude so that the shape is not stretched.
 */
export function drawRouteMap(
	boundary: Boundary,
	stops: (Point & { position: number })[]
): RouteMap | null {
	const ring = (boundary?.coordinates?.[0] ?? []).filter(
		(pair) => Array.isArray(pair) && Number.isFinite(pair[0]) && Number.isFinite(pair[1])
	);
	const points: Point[] = [
		...ring.map(([lon, lat]) => ({ lat, lon })),
		...stops.filter((stop) => Number.isFinite(stop.lat) && Number.isFinite(stop.lon))
	];
	if (stops.length === 0 || points.length === 0) return null;

	const lats = points.map((point) => point.lat);
	const lons = points.map((point) => point.lon);
	const [south, north] = [Math.min(...lats), Math.max(...lats)];
	const [west, east] = [Math.min(...lons), Math.max(...lons)];
	const squeeze = Math.cos((((south + north) / 2) * Math.PI) / 180);
	// A single stop without a boundary still gets a small square around it.
	const spanX = Math.max((east - west) * squeeze, 0.002);
	const spanY = Math.max(north - south, 0.002);
	const inner = MAP_WIDTH - 2 * MAP_PADDING;
	const height = Math.round(
		Math.min(Math.max((inner * spanY) / spanX, inner * 0.5), inner * 1.2) + 2 * MAP_PADDING
	);
	const scale = Math.min(inner / spanX, (height - 2 * MAP_PADDING) / spanY);
	const offsetX = (MAP_WIDTH - spanX * scale) / 2;
	const offsetY = (height - spanY * scale) / 2;
	const project = ({ lat, lon }: Point) => ({
		x: round1(offsetX + (lon - west) * squeeze * scale),
		y: round1(offsetY + (north - lat) * scale)
	});

	const outline = ring.map(([lon, lat]) => project({ lat, lon }));
	const placed = [...stops]
		.sort((a, b) => a.position - b.position)
		.map((stop) => ({ position: stop.position, ...project(stop) }));
	return {
		width: MAP_WIDTH,
		height,
		boundary:
			outline.length >= 3
				? `M${outline.map((point) => `${point.x} ${point.y}`).join(' L')} Z`
				: null,
		stops: placed,
		line: placed.map((point) => `${point.x},${point.y}`).join(' ')
	};
}

function clockMinutes(time: string) {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The route sheet of one date of a round; undefined when the round or the date does not exist. */
export async function loadRouteSheet(
	roundId: number,
	originalDate: string,
	locale: Locale
): Promise<RouteSheet | undefined> {
	const item = await findOutreachItem({ roundId });
	if (!item) return undefined;
	const occurrence = occurrenceOn(item, originalDate);
	if (!occurrence) return undefined;

	const firstArrival = item.stops[0] ? clockMinutes(item.stops[0].arrivalTime) : 0;
	const sameHour = occurrence.start.slice(11) === item.schedule.startsAt.slice(11);
	const stops = item.stops.map((stop) => {
		const arrivalAt = addMinutes(occurrence.start, clockMinutes(stop.arrivalTime) - firstArrival);
		return {
			position: stop.position,
			street: stop.street,
			arrival: arrivalAt.slice(11, 16),
			leaves: addMinutes(arrivalAt, stop.stayMinutes).slice(11, 16),
			stayMinutes: stop.stayMinutes,
			usualArrival: sameHour ? null : stop.arrivalTime
		};
	});
	const note =
		occurrence.note && pick(occurrence.note, locale)
			? pickWithLocale(occurrence.note, locale)
			: null;

	return {
		round: {
			id: item.id,
			slug: item.slug,
			name: pickWithLocale(item.title, locale),
			neighbourhood: pick(item.neighbourhood.name, locale),
			partners: item.partners,
			visibility: item.visibility
		},
		date: {
			originalDate: occurrence.originalDate,
			start: occurrence.start,
			end: occurrence.end,
			status: occurrence.status,
			note
		},
		stops,
		map: drawRouteMap(item.neighbourhood.boundary ?? null, item.stops),
		team: await listTeam(item.target, originalDate)
	};
}
