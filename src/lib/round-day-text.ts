import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';
import type { LiveStop, RoundDay } from '$lib/server/outreach/live-status';

/*
 * Plain sentences about the coffee bus on the day, for the round page, the team's phone
 * screen and the listing. Shared by server-rendered pages and the live updates in the browser,
 * so both say exactly the same.
 */

export function clockOf(wall: string): string {
	return wall.slice(11, 16);
}

/** The time of an ISO instant on a Brussels clock: "10:42". */
export function brusselsClock(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: 'Europe/Brussels'
	}).format(new Date(iso));
}

export function stopOf(day: RoundDay, position: number | null): LiveStop | undefined {
	return position === null ? undefined : day.stops.find((stop) => stop.position === position);
}

/** The one line that says where the bus is: "Now at stop 3: Rue X". */
export function headline(day: RoundDay): string {
	const here = stopOf(day, day.currentStop);
	const next = stopOf(day, day.nextStop);
	switch (day.phase) {
		case 'cancelled':
			return m.outreach_live_cancelled_text();
		case 'ended':
			return m.outreach_live_ended_text();
		case 'ended-early':
			return m.outreach_live_ended_early_text();
		case 'not-started': {
			const first = day.stops[0];
			if (!first) return m.outreach_live_phase_not_started();
			const values = { time: clockOf(first.expectedArrival), street: first.street };
			return day.delayMinutes > 0
				? m.outreach_live_first_stop_about(values)
				: m.outreach_live_first_stop_at(values);
		}
		default:
			if (here) return m.outreach_live_now_at({ number: here.position, street: here.street });
			if (next) return m.outreach_live_on_the_way({ number: next.position, street: next.street });
			return m.outreach_live_phase_under_way();
	}
}

/** "15 minutes late" or "On time"; nothing once the day is over. */
export function delayText(day: RoundDay): string {
	if (day.phase !== 'not-started' && day.phase !== 'under-way') return '';
	return day.delayMinutes > 0
		? m.outreach_live_late({ minutes: day.delayMinutes })
		: m.outreach_live_on_time();
}

export function phaseLabel(day: RoundDay): string {
	switch (day.phase) {
		case 'not-started':
			return m.outreach_live_phase_not_started();
		case 'under-way':
			return m.outreach_live_phase_under_way();
		case 'ended':
			return m.outreach_live_phase_ended();
		case 'ended-early':
			return m.outreach_live_phase_ended_early();
		default:
			return m.outreach_live_phase_cancelled();
	}
}

/** What a resident in this street reads: "The coffee bus is in your street today at 10:30". */
export function streetSentence(day: RoundDay, stop: LiveStop): string {
	if (day.phase === 'cancelled') return m.outreach_live_cancelled_text();
	switch (stop.state) {
		case 'done':
			return m.outreach_live_street_done();
		case 'skipped':
			return m.outreach_live_street_skipped();
		case 'here':
			return m.outreach_live_street_here({ time: clockOf(stop.expectedDeparture) });
		default:
			return day.delayMinutes > 0
				? m.outreach_live_street_today_late({
						time: clockOf(stop.expectedArrival),
						minutes: day.delayMinutes
					})
				: m.outreach_live_street_today({ time: clockOf(stop.expectedArrival) });
	}
}

/** The stops still to come, with the time the bus is expected there. */
export function comingStops(day: RoundDay): LiveStop[] {
	return day.stops.filter((stop) => stop.state === 'coming');
}
