/**
 * "Print" buttons on HTML-first pages: the browser's own print dialog needs JavaScript. The
 * button stays hidden without it, and the text that says how to print by hand shows instead.
 *
 * <button hidden data-print>Print</button><span data-print-by-hand>Use your browser's menu…</span>
 */
export function enhancePrintButtons(root: ParentNode): void {
	if (typeof window.print !== 'function') return;
	for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
		button.hidden = false;
		button.addEventListener('click', () => window.print());
		const byHand = button.parentElement?.querySelector<HTMLElement>('[data-print-by-hand]');
		if (byHand) byHand.hidden = true;
	}
}
