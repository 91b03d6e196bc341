import type { ParamMatcher } from '@sveltejs/kit';

/** The two kinds of outreach that have dates with a team: a coffee-bus round or a gathering. */
export const match: ParamMatcher = (param) => param === 'round' || param === 'gathering';
