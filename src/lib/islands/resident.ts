// The one script of every HTML-first page (see html-first.ts): what SvelteKit's own script would
// otherwise do there, and no more. Under a kilobyte instead of the app's 60.
import { registerServiceWorker } from '$lib/pwa/registration';
import { enhanceCopyButtons } from './copy-buttons';
import { enhancePrintButtons } from './print-buttons';

registerServiceWorker();
enhanceCopyButtons(document);
enhancePrintButtons(document);
