// On an HTML-first page (see html-first.ts) for a signed-in account: "Ask for backup", the
// outbox and the live stream, as on every hydrated page. The layout renders the bar on the
// server (it works as a link without this); here it comes alive.
import '$lib/locale-strategy';
import { mount } from 'svelte';
import BackupBar from '$lib/components/BackupBar.svelte';
import { isLocale } from '$lib/i18n';

const ROLES = ['volunteer', 'worker', 'coordinator'] as const;
type Role = (typeof ROLES)[number];

const target = document.querySelector<HTMLElement>('[data-island="backup-bar"]');
const { locale, role } = target?.dataset ?? {};
if (target && isLocale(locale) && ROLES.includes(role as Role)) {
	target.replaceChildren();
	mount(BackupBar, {
		target,
		props: { locale, role: role as Role, pathname: location.pathname }
	});
}
