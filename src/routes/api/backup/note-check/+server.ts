import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { checkNote, NOTE_MAX_LENGTH } from '$lib/server/backup';
import type { RequestHandler } from './$types';

/** The live warning under the note field: does it seem to hold a name, number or label? */
export const POST: RequestHandler = async (event) => {
	if (!event.locals.account) error(401, 'Not signed in');
	requireRole(event, 'volunteer');
	if (event.request.headers.get('origin') !== event.url.origin) error(403, 'Same origin only');
	const body: unknown = await event.request.json().catch(() => null);
	const note = (body as { note?: unknown } | null)?.note;
	if (typeof note !== 'string') error(400, 'A note is needed');
	return json({ warnings: checkNote(note.slice(0, NOTE_MAX_LENGTH * 2)) });
};
