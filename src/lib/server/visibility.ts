import type { Visibility } from '$lib/server/db/schema';

/**
 * Who is looking. Visitors never have an account; members (volunteers, workers, coordinators)
 * see members-only items too. Hidden items appear only in the workers' own management screens.
 */
export type Viewer = { kind: 'visitor' } | { kind: 'member' };

export const VISITOR: Viewer = { kind: 'visitor' };

const ORDER: Visibility[] = ['public', 'area', 'members', 'hidden'];

export function listedVisibilities(viewer: Viewer): Visibility[] {
	return viewer.kind === 'member' ? ['public', 'area', 'members'] : ['public', 'area'];
}

/** A gathering at an area-only place is itself no more visible than that place. */
export function combineVisibility(...levels: Array<Visibility | null | undefined>): Visibility {
	return levels.reduce<Visibility>(
		(strictest, level) =>
			level && ORDER.indexOf(level) > ORDER.indexOf(strictest) ? level : strictest,
		'public'
	);
}

export function canSee(viewer: Viewer, visibility: Visibility): boolean {
	return listedVisibilities(viewer).includes(visibility);
}

/** Area-only items never reveal an exact point or address to a visitor. */
export function showsExactLocation(viewer: Viewer, visibility: Visibility): boolean {
	return visibility === 'public' || (viewer.kind === 'member' && visibility !== 'hidden');
}
