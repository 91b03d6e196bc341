import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkbox, formValues, optionalText, requiredText, validateForm } from './forms';

const schema = z.object({
	name: requiredText(20, 3),
	note: optionalText(10),
	time: z.string().regex(/^\d{2}:\d{2}$/, 'error_time'),
	kind: z.enum(['a', 'b']),
	count: z.coerce.number().int().min(1).max(9),
	open: checkbox
});

describe('form validation', () => {
	it('gives each field its own message in the chosen language', () => {
		const result = validateForm(
			schema,
			{ name: '  ', note: 'x'.repeat(11), time: '9h', kind: 'c', count: 'many' },
			'fr'
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			name: 'Remplissez ce champ.',
			note: 'C’est trop long : 10 caractères au maximum.',
			time: 'Indiquez une heure, par exemple 14:30.',
			kind: 'Choisissez une des possibilités.',
			count: 'Indiquez un nombre.'
		});
	});

	it('says how short a text may be, in Dutch', () => {
		const result = validateForm(schema, { name: 'ab', time: '10:00', kind: 'a', count: '2' }, 'nl');
		expect(result.ok ? null : result.errors.name).toBe('Schrijf minstens 3 tekens.');
	});

	it('refuses control characters', () => {
		const result = validateForm(
			schema,
			{ name: 'ab\u0007cd', time: '10:00', kind: 'a', count: '2' },
			'en'
		);
		expect(result.ok ? null : result.errors.name).toBe(
			'This text contains characters we cannot save.'
		);
	});

	it('trims, turns empty optional text into null and reads checkboxes', () => {
		const form = new FormData();
		form.set('name', '  Soep  ');
		form.set('note', '');
		form.set('time', '10:00');
		form.set('kind', 'b');
		form.set('count', '3');
		form.set('open', 'on');
		const result = validateForm(schema, formValues(form), 'en');
		expect(result).toEqual({
			ok: true,
			data: { name: 'Soep', note: null, time: '10:00', kind: 'b', count: 3, open: true }
		});
	});
});
