import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import { buildCoverage, coverageCsv, resolvePeriod } from '$lib/server/outreach/coverage';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { RequestHandler } from './$types';

/** Counts per neighbourhood and month for the same period as the coverage page. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'worker');
	const locale: Locale = isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
	const nowWall = dateToWallTime(currentTime());
	const { period } = resolvePeriod(event.url.searchParams, nowWall.slice(0, 10), locale);
	const coverage = await buildCoverage(period, locale, nowWall);
	return new Response(coverageCsv(coverage.months), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="kwartier-coverage-${period.from}-${period.to}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
