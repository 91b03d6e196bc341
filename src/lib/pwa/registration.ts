import { dev } from '$app/environment';

/**
 * The app's one service worker. SvelteKit registers it on every page once the page has loaded
 * (`kit.serviceWorker.register`, on by default); this fills in when that has not happened yet,
 * with the same script and type, and waits until it runs.
 */
export async function serviceWorkerRegistration(): Promise<ServiceWorkerRegistration> {
	const existing = await navigator.serviceWorker.getRegistration('/');
	if (!existing) {
		await navigator.serviceWorker.register('/service-worker.js', {
			type: dev ? 'module' : 'classic'
		});
	}
	return navigator.serviceWorker.ready;
}
