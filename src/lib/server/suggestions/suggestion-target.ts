import type { Locale } from '$lib/i18n';
import { findPublicPlace, type Text } from '$lib/server/places/public';
import { findPublicGathering } from '$lib/server/gatherings/public';
import { findPublicRound } from '$lib/server/rounds/public';
import { isSlug, type TargetRef } from './suggestion-schema';

/** The place, gathering or round a change is about, as a visitor may see it. */
export type SuggestionTarget = TargetRef & { id: number; name: Text };

/**
 * Looks the item up through the public layer only, so a visitor can never point a suggestion
 * at (or learn the name of) a members-only or hidden item.
 */
export async function findSuggestionTarget(
	ref: TargetRef,
	locale: Locale
): Promise<SuggestionTarget | undefined> {
	if (!isSlug(ref.slug)) return undefined;
	switch (ref.kind) {
		case 'place': {
			const place = await findPublicPlace(ref.slug, locale);
			return place && { kind: 'place', slug: place.slug, id: place.id, name: place.name };
		}
		case 'gathering': {
			const gathering = await findPublicGathering(ref.slug, locale);
			return (
				gathering && {
					kind: 'gathering',
					slug: gathering.slug,
					id: gathering.id,
					name: gathering.title
				}
			);
		}
		case 'round': {
			const round = await findPublicRound(ref.slug, locale);
			return round && { kind: 'round', slug: round.slug, id: round.id, name: round.name };
		}
	}
}
