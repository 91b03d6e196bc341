import { floatingToWallTime, wallTimeToFloating } from '$lib/server/schedule/time';

/**
 * Roster arithmetic happens in wall-clock minutes: a Brussels wall time read as if it were UTC.
 * A duty from 09:00 to 17:00 is eight hours on the roster, also on the night the clocks change.
 */
export type Span = { start: number; end: number };

export const MINUTES_PER_DAY = 24 * 60;

export function wallMinutes(wall: string): number {
	return wallTimeToFloating(wall).getTime() / 60_000;
}

export function wallFromMinutes(minutes: number): string {
	return floatingToWallTime(new Date(minutes * 60_000));
}

/** `HH:mm` (with `24:00` for the end of the day) as minutes after midnight. */
export function clockMinutes(time: string): number {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function clockFromMinutes(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 1 = Monday ... 7 = Sunday, for a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
	const day = wallTimeToFloating(`${date}T00:00`).getUTCDay();
	return day === 0 ? 7 : day;
}

/** The `YYYY-MM-DD` dates from `first`, `count` of them. */
export function datesFrom(first: string, count: number): string[] {
	const start = wallMinutes(`${first}T00:00`);
	return Array.from({ length: count }, (_, index) =>
		wallFromMinutes(start + index * MINUTES_PER_DAY).slice(0, 10)
	);
}

export function clip(span: Span, within: Span): Span | null {
	const start = Math.max(span.start, within.start);
	const end = Math.min(span.end, within.end);
	return start < end ? { start, end } : null;
}

/** Sorted, with overlapping and touching spans joined: 09–12 and 12–17 become 09–17. */
export function mergeSpans(spans: Span[]): Span[] {
	const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
	const merged: Span[] = [];
	for (const span of sorted) {
		const last = merged.at(-1);
		if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
		else merged.push({ ...span });
	}
	return merged;
}

export function subtractSpans(spans: Span[], cuts: Span[]): Span[] {
	let rest = mergeSpans(spans);
	for (const cut of mergeSpans(cuts)) {
		rest = rest.flatMap((span) => {
			if (cut.end <= span.start || cut.start >= span.end) return [span];
			const pieces: Span[] = [];
			if (span.start < cut.start) pieces.push({ start: span.start, end: cut.start });
			if (cut.end < span.end) pieces.push({ start: cut.end, end: span.end });
			return pieces;
		});
	}
	return rest;
}
