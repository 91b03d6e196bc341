import { createHash } from 'node:crypto';
import { parse, validate as isUuid } from 'uuid';

/**
 * The namespace of every name-based (version 5) id Kwartier gives out in its HSDS export. It
 * never changes: the same record gets the same id in every export, in every language.
 */
export const KWARTIER_HSDS_NAMESPACE = 'ba7a8858-2bdd-4275-93db-1600524bb903';
const NAMESPACE_BYTES = Buffer.from(parse(KWARTIER_HSDS_NAMESPACE));

/**
 * A name-based UUID (version 5, RFC 9562) for `name`, e.g. `place:buurthuis-anneessens`. The
 * same as the uuid package's `v5(name, namespace)` (ids.spec.ts checks), written out because a
 * city's export makes some hundred thousand of them and this is twice as fast.
 */
export function nameBasedId(name: string): string {
	const hash = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.toString('hex', 0, 16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a value is a UUID as HSDS 3.0 wants every id to be. */
export function isHsdsId(value: unknown): value is string {
	return typeof value === 'string' && isUuid(value);
}

/**
 * A record's HSDS id: the id it had in the dataset it was imported from when that is a UUID
 * (so exporting again gives the same ids), else a name-based id from its slug.
 */
export function recordId(
	record: 'place' | 'gathering',
	slug: string,
	externalId: string | null
): string {
	return isHsdsId(externalId) ? externalId : nameBasedId(`${record}:${slug}`);
}

/** The id of something that belongs to a service, a location or a schedule: `<owner>/<part>`. */
export function partId(ownerId: string, part: string): string {
	return nameBasedId(`${ownerId}/${part}`);
}

/** The taxonomy of Kwartier's own facts, sent as HSDS attributes (see docs/open-data.md). */
export const KWARTIER_TAXONOMY = 'Kwartier';

/** The organization that publishes the places: Kwartier itself. */
export const PUBLISHER_ID = nameBasedId('organization:kwartier');
