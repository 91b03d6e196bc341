import type { Locale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params, data }) => ({ ...data, locale: params.lang as Locale });
