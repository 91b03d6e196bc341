import { db } from '$lib/server/db';
import { suggestions } from '$lib/server/db/schema';
import type { Locale } from '$lib/i18n';
import type { SuggestionDraft } from './suggestion-schema';
import type { SuggestionTarget } from './suggestion-target';

export type NewSuggestion = Omit<SuggestionDraft, 'target'> & {
	/** Already found through the public layer (see `findSuggestionTarget`). */
	target: SuggestionTarget | null;
	locale: Locale;
};

/** Stores a suggestion for a neighbourhood worker to look at. Nothing about the sender is kept. */
export async function createSuggestion(input: NewSuggestion): Promise<number> {
	const [row] = await db
		.insert(suggestions)
		.values({
			type: input.type,
			changeType: input.type === 'change' ? input.changeType : null,
			placeId: input.target?.kind === 'place' ? input.target.id : null,
			gatheringId: input.target?.kind === 'gathering' ? input.target.id : null,
			roundId: input.target?.kind === 'round' ? input.target.id : null,
			name: input.name,
			whereText: input.whereText,
			whenText: input.whenText,
			details: input.details,
			locale: input.locale
		})
		.returning({ id: suggestions.id });
	return row.id;
}
