/**
 * Words Kwartier never uses about people (shared/GLOSSARY.md), in Dutch, French and English.
 * The guard test scans catalogues, templates, schema and demo data with it, and forms use it
 * to warn when a note seems to label someone.
 */
export const LABELLING_WORDS = [
	'pati[eë]nt(?:e|en|es|s)?',
	'cli[eë]nt(?:e|en|es|s)?',
	'zorggebruikers?',
	'doelgroep(?:en)?',
	'diagnos\\w*',
	'stoornis(?:sen)?',
	'psychiatri\\w*',
	'psychoti\\w*',
	'chronische?',
	'dossiers?',
	'intakes?',
	'bejegening',
	'service users?',
	'target groups?',
	'disorders?',
	'case files?',
	'usag(?:er|ère)s?',
	'malades?',
	'troubles?'
];

export const LABELLING_PATTERN = new RegExp(
	`(?<![\\p{L}\\p{N}_])(?:${LABELLING_WORDS.join('|')})(?![\\p{L}\\p{N}_])`,
	'giu'
);

export function findLabellingWords(text: string): string[] {
	return [...text.matchAll(LABELLING_PATTERN)].map((match) => match[0]);
}
