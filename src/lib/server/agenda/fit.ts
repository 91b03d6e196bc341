/**
 * How much of the poster fits on one A4 sheet. The sheet (PosterSheet.svelte) is laid out in
 * millimetres and points; these are the same sizes, and how many characters a line of each
 * kind holds with a wide font (DejaVu Sans, what Chromium prints with on a bare Linux). A
 * narrower font only leaves room to spare. The print CSS cuts off whatever would still run
 * over, so a wrong guess costs an item, never a second page. tests/e2e/agenda.e2e.ts prints
 * busy posters and checks that nothing is cut.
 */

const PT = 0.3528;
const LINE_HEIGHT = 1.3;

/** The height in mm of one line of text at a point size. */
function line(points: number, lineHeight = LINE_HEIGHT) {
	return points * PT * lineHeight;
}

export const SHEET = {
	/** The printable height inside the @page margins (PosterSheet's print height). */
	height: 270,
	/** Between header, body and footer. */
	gap: 3.5,
	/** Characters per line (DejaVu Sans, widest of a few sample sentences, in mm per character)
	 * in the agenda's text beside the time (105 mm), a side box (54 mm) and the header (146 mm). */
	text: { titleChars: 40, smallChars: 51, statusChars: 42, dayChars: 46 },
	side: { titleChars: { 1: 17, 2: 19 }, smallChars: 25, nameChars: 20 },
	head: {
		kickerChars: 51,
		titleChars: { 1: 21, 2: 25 },
		periodChars: 48,
		welcomeChars: 58,
		scanChars: 17
	},
	/** The footer has the address and date on the left, the emergency numbers on the right. */
	foot: { leftChars: 31, rightChars: 76 }
} as const;

/**
 * The number of lines a text takes when wrapped at word boundaries; a word longer than a line
 * (an address on the web) is broken across lines, as the sheet's CSS lets it.
 */
export function wrappedLines(text: string, perLine: number): number {
	const words = text.split(/\s+/).filter(Boolean);
	if (words.length === 0) return 0;
	let lines = 1;
	let used = 0;
	for (const word of words) {
		if (used > 0 && used + 1 + word.length <= perLine) {
			used += 1 + word.length;
			continue;
		}
		if (used > 0) lines++;
		lines += Math.ceil(word.length / perLine) - 1;
		used = word.length % perLine || perLine;
	}
	return lines;
}

function linesOf(texts: string[], perLine: number) {
	return texts.reduce((sum, text) => sum + wrappedLines(text, perLine), 0);
}

export type HeaderTexts = {
	kicker: string[];
	title: string;
	period: string[];
	welcome: string[];
	/** The caption under the QR code. */
	scan: string[];
};

/** The header: kicker, name, period and welcome on the left, the QR code on the right. */
export function headerHeight(texts: HeaderTexts, languages: 1 | 2): number {
	const titleSize = languages === 1 ? 34 : 28;
	const left =
		linesOf(texts.kicker, SHEET.head.kickerChars) * line(14) +
		wrappedLines(texts.title, SHEET.head.titleChars[languages]) * line(titleSize, 1.05) +
		2 +
		linesOf(texts.period, SHEET.head.periodChars) * line(15) +
		1.5 +
		linesOf(texts.welcome, SHEET.head.welcomeChars) * line(11.5);
	const qr = 32 + 1 + linesOf(texts.scan, SHEET.head.scanChars) * line(10);
	return Math.max(left, qr) + 3 + 1.2;
}

/** The footer: the address and the date, beside the emergency numbers, in small type. */
export function footerHeight(left: string[], right: string[]): number {
	const lines = Math.max(
		linesOf(left, SHEET.foot.leftChars),
		linesOf(right, SHEET.foot.rightChars)
	);
	return 0.6 + 2 + lines * line(9);
}

/** The "What's on" heading over the agenda. */
export const AGENDA_HEADING = line(15, 1.2) + 1.5;
export function dayHeadingHeight(text: string): number {
	return wrappedLines(text, SHEET.text.dayChars) * line(12.5) + 2 + 0.5 + 1 + 0.4;
}
/** "And 12 more online:" with the address under it. */
export const MORE_LINE = 2 + 2 * line(11.5);

export type ItemTexts = {
	titles: string[];
	status: string | null;
	where: string;
	/** "Just walk in", "Free": each kept on one line, after where, in semi-bold with an icon. */
	marks: string[];
};

// A mark in semi-bold is this much wider than plain text, and its icon takes about four letters.
const MARK_WIDTH = 1.13;
const ICON_CHARS = 4;

/** One item of the agenda: its titles, a cancelled or moved line, where, and its marks. */
export function itemHeight(item: ItemTexts): number {
	return (
		1.6 +
		linesOf(item.titles, SHEET.text.titleChars) * line(12.5) +
		(item.status ? wrappedLines(item.status, SHEET.text.statusChars) * line(11.5) : 0) +
		wrappedLines(
			[
				item.where,
				...item.marks.map((mark) => 'x'.repeat(Math.ceil(mark.length * MARK_WIDTH) + ICON_CHARS))
			].join(' '),
			SHEET.text.smallChars
		) *
			line(10.5)
	);
}

const BOX_FRAME = 0.6 * 2 + 2 * 2;
const LIST_GAP = 1.5;

/** A side box with its heading (smaller in two languages) and intro, without its entries. */
export function boxHeight(heading: string[], intro: string[], languages: 1 | 2): number {
	const size = languages === 1 ? 12.5 : 11.5;
	return (
		BOX_FRAME +
		linesOf(heading, SHEET.side.titleChars[languages]) * line(size, 1.2) +
		1.5 +
		(intro.length ? linesOf(intro, SHEET.side.smallChars) * line(10.5) + 1.5 : 0)
	);
}

/** One entry in a side box: a bold name line or lines, then plain lines. */
export function sideEntryHeight(names: string[], lines: string[]): number {
	return (
		LIST_GAP +
		linesOf(names, SHEET.side.nameChars) * line(11) +
		linesOf(lines, SHEET.side.smallChars) * line(10.5)
	);
}

/** The room left for the agenda column and for the side column, which are side by side. */
export function bodyHeight(header: number, footer: number): number {
	return SHEET.height - header - footer - 2 * SHEET.gap;
}
