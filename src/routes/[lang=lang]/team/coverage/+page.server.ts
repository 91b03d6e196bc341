import { BASE_LOCALE, isLocale, type Locale } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { currentTime } from '$lib/server/clock';
import {
	buildCoverage,
	CSV_COLUMNS,
	MEASURES,
	PERIOD_PRESETS,
	resolveMeasure,
	resolvePeriod,
	scaleOf
} from '$lib/server/outreach/coverage';
import { dateToWallTime } from '$lib/server/schedule/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'worker');
	const locale: Locale = isLocale(event.params.lang) ? event.params.lang : BASE_LOCALE;
	const nowWall = dateToWallTime(currentTime());
	const { period, values, errors } = resolvePeriod(
		event.url.searchParams,
		nowWall.slice(0, 10),
		locale
	);
	const measure = resolveMeasure(event.url.searchParams);
	const coverage = await buildCoverage(period, locale, nowWall);
	const scale = scaleOf(coverage.rows.map((row) => row[measure]));
	const query = new URLSearchParams(
		period.preset === 'custom'
			? { period: 'custom', from: period.from, to: period.to }
			: { period: period.preset }
	);
	return {
		period,
		values,
		errors,
		measure,
		measures: MEASURES,
		presets: PERIOD_PRESETS,
		gapWindow: coverage.gapWindow,
		rows: coverage.rows.map((row) => ({
			...row,
			value: row[measure],
			level: scale.levelOf(row[measure])
		})),
		totals: coverage.totals,
		legend: scale.legend,
		csvHref: `/${locale}/team/coverage/csv?${query}`,
		csvColumns: CSV_COLUMNS
	};
};
