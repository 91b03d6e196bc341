/**
 * A copy of a form's values to bind its text fields to, made anew whenever the server sends
 * values (saved, or sent back with errors): `const texts = $derived(formTexts(values))` and
 * `bind:value={texts.name}`.
 *
 * A field written as `value={values.name}` gets the server's text back when the page comes
 * alive, over whatever was typed while the JavaScript was still loading; a bound field hands
 * what was typed to the copy instead.
 */
export function formTexts<T extends Record<string, unknown>>(values: T): T {
	const texts = $state({ ...values });
	return texts;
}
