import type { Locale } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

// An embed is plain HTML in someone else's page: no script, nothing to hydrate.
export const csr = false;

export const load: LayoutServerLoad = ({ params }) => ({ locale: params.lang as Locale });
