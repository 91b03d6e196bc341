// Without $app imports: the islands (src/lib/islands) are bundled apart from SvelteKit.
const SCRIPT = '/service-worker.js';
// In development SvelteKit serves the service worker as a module.
const OPTIONS: RegistrationOptions = { type: import.meta.env.DEV ? 'module' : 'classic' };

/**
 * The app's one service worker. SvelteKit registers it on every hydrated page once the page
 * has loaded (`kit.serviceWorker.register`, on by default); an HTML-first page, which SvelteKit
 * sends without its own script, registers it the same way with this.
 */
export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator)) return;
	const register = () => void navigator.serviceWorker.register(SCRIPT, OPTIONS).catch(() => {});
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
}

/** The registration, made now when that has not happened yet; resolves once the worker runs. */
export async function serviceWorkerRegistration(): Promise<ServiceWorkerRegistration> {
	const existing = await navigator.serviceWorker.getRegistration('/');
	if (!existing) await navigator.serviceWorker.register(SCRIPT, OPTIONS);
	return navigator.serviceWorker.ready;
}
