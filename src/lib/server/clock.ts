/**
 * The current time. KWARTIER_NOW pins it (end-to-end tests and demos run against a fixed day,
 * so "cancelled this week" is always the same week); otherwise it is the real clock.
 */
export function currentTime(): Date {
	const pinned = process.env.KWARTIER_NOW;
	if (pinned) {
		const date = new Date(pinned);
		if (!Number.isNaN(date.getTime())) return date;
	}
	return new Date();
}
