/**
 * "Copy" buttons on HTML-first pages. Without JavaScript (or without a clipboard) the button
 * stays hidden and the text is selected when its field gets focus, to copy by hand.
 *
 * <textarea id="x" data-select-on-focus readonly>…</textarea>
 * <button hidden data-copy="x" data-copied="Copied." data-copy-failed="…">Copy</button>
 * <p data-copy-status="x" role="status"></p>
 */
export function enhanceCopyButtons(root: ParentNode): void {
	for (const field of root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
		'[data-select-on-focus]'
	)) {
		field.addEventListener('focus', () => field.select());
	}
	if (!navigator.clipboard) return;
	for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
		const id = button.dataset.copy ?? '';
		const field = document.getElementById(id);
		if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) continue;
		const status = root.querySelector<HTMLElement>(`[data-copy-status="${CSS.escape(id)}"]`);
		button.hidden = false;
		button.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(field.value);
				if (status) status.textContent = button.dataset.copied ?? '';
			} catch {
				field.select();
				if (status) status.textContent = button.dataset.copyFailed ?? '';
			}
		});
	}
}
