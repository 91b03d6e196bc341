import { describe, expect, it } from 'vitest';
import { languageLabel } from '$lib/labels';
import { demoGatherings, demoPlaces } from '$lib/server/seed/demo-data';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { LOCALES } from '$lib/i18n';

const codesInDemoData = [
	...new Set([...demoPlaces, ...demoGatherings].flatMap((item) => item.languages ?? []))
];

describe('language names', () => {
	for (const locale of LOCALES) {
		it(`every language of the demo data has a name in ${locale}, not a bare code`, () => {
			overwriteGetLocale(() => locale);
			const unnamed = codesInDemoData.filter((code) => languageLabel(code) === code);
			expect(unnamed).toEqual([]);
		});
	}
});
