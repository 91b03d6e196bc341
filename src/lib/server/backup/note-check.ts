import { findLabellingWords } from '$lib/labelling-words';

/**
 * What a backup-call note seems to hold that it should not: a backup call describes a
 * situation, never a person. The form shows these as warnings; they never block sending.
 */
export type NoteWarning = 'name' | 'phone' | 'email' | 'label';

const CAPITALISED = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*`;
// Name particles: "Jan van den Berg", "Marie de la Tour", "Mohamed El Amrani".
const PARTICLE = String.raw`(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]e|[Tt]en|[Tt]er|[Vv]on|[Ll]e|[Ll]a|[Dd]u|[Dd]es|[Dd]i|[Dd]a|[Dd]el|[Ee]l|[Aa]l|[Bb]en|[Bb]in|[Ii]bn|[Aa]bu|d'|l'|d’|l’)`;
const FULL_NAME = new RegExp(
	String.raw`(${CAPITALISED})(?:\s+${PARTICLE})*\s+(${CAPITALISED})(?![\p{L}\p{N}])`,
	'uy'
);
const WORD_START = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])\p{Lu}`, 'gu');

const TITLE = String.raw`(?:meneer|mijnheer|mevrouw|mevr\.?|dhr\.?|juffrouw|madame|monsieur|mademoiselle|mme\.?|mlle\.?|mister|mr\.?|mrs\.?|ms\.?|miss|m\.)`;
// The title may have any case; the name after it must be capitalised (checked below).
const TITLED_NAME = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?:${TITLE})\s+(?:${PARTICLE}\s+)*(\p{L})`,
	'giu'
);

// Words that start sentences or are capitalised for other reasons, so "In De Buurtkamer" or
// "Monday Morning" is not taken for a name.
const NOT_NAMES = new Set(
	[
		// nl
		'de het een ik jij je hij zij ze wij we jullie u men in op bij aan naar met voor na er',
		'dit dat die deze hier daar en maar of want toen nu als om van uit ook niet geen mijn',
		'zijn haar ons onze hun wat wie waar hoe iemand niemand iedereen vandaag gisteren morgen',
		'straks zo kan kunnen wil moet graag alles iets',
		// fr
		'le la les un une des du je tu il elle on nous vous ils elles dans au aux sur chez avec',
		"pour et mais ou ce cette ces ici quelqu’un quelqu'un personne aujourd’hui",
		"aujourd'hui hier demain merci svp",
		// en
		'the a an i he she they you it at there this that these those and but or so today',
		'yesterday tomorrow someone somebody nobody everyone my his her our their please can',
		'could is are was',
		'monday tuesday wednesday thursday friday saturday sunday january february march april',
		'may june july august september october november december'
	]
		.join(' ')
		.split(/\s+/)
);

function looksLikeName(note: string): boolean {
	for (const match of note.matchAll(TITLED_NAME)) {
		const first = match[1];
		if (first === first.toLocaleUpperCase() && first !== first.toLocaleLowerCase()) return true;
	}
	for (const start of note.matchAll(WORD_START)) {
		FULL_NAME.lastIndex = start.index;
		const match = FULL_NAME.exec(note);
		if (!match) continue;
		const [, first, last] = match;
		if (!NOT_NAMES.has(first.toLocaleLowerCase()) && !NOT_NAMES.has(last.toLocaleLowerCase())) {
			return true;
		}
	}
	return false;
}

// Nine or more digits, with the usual separators: 02 123 45 67, 0470/12.34.56, +32 470 12 34 56.
// Dates (8 digits at most) and short numbers such as 112, 101 or 106 are left alone.
const PHONE_CANDIDATE = /(?<![\d])(?:\+\s?|00)?(?:\(0\)\s?)?\d(?:[\s./-]?\d){6,16}(?!\d)/g;

function looksLikePhone(note: string): boolean {
	return [...note.matchAll(PHONE_CANDIDATE)].some((match) => {
		const digits = match[0].replace(/\D/g, '').length;
		return digits >= 9 && digits <= 15;
	});
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

export function checkNote(note: string): NoteWarning[] {
	const warnings: NoteWarning[] = [];
	if (looksLikeName(note)) warnings.push('name');
	if (looksLikePhone(note)) warnings.push('phone');
	if (EMAIL.test(note)) warnings.push('email');
	if (findLabellingWords(note).length > 0) warnings.push('label');
	return warnings;
}
