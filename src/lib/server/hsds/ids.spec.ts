import { describe, expect, it } from 'vitest';
import { v5 } from 'uuid';
import { KWARTIER_HSDS_NAMESPACE, isHsdsId, nameBasedId, partId, recordId } from './ids';

describe('HSDS ids', () => {
	it('are the version 5 UUIDs the uuid package makes from the Kwartier namespace', () => {
		for (const name of [
			'place:buurthuis-anneessens',
			'organization:café één',
			'',
			'x'.repeat(500)
		]) {
			expect(nameBasedId(name)).toBe(v5(name, KWARTIER_HSDS_NAMESPACE));
		}
	});

	it('keep an imported UUID, and are made from the slug otherwise', () => {
		const imported = 'C9A2D1C6-7D2E-4A43-8B1E-0D1F0B6A9E11';
		expect(recordId('place', 'de-brug', imported)).toBe(imported);
		expect(recordId('place', 'de-brug', 'row-7')).toBe(nameBasedId('place:de-brug'));
		expect(recordId('gathering', 'de-brug', null)).toBe(nameBasedId('gathering:de-brug'));
		expect(partId(imported, 'location')).toBe(nameBasedId(`${imported}/location`));
		expect(isHsdsId(nameBasedId('x'))).toBe(true);
		expect(isHsdsId('row-7')).toBe(false);
	});
});
