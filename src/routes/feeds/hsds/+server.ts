import { hsdsResponse } from '$lib/server/hsds/respond';
import type { RequestHandler } from './$types';

/** What this API is: the HSDS API's root answer (openapi.json, `GET /`). */
export const GET: RequestHandler = ({ request }) =>
	hsdsResponse(request, {
		version: '3.0',
		openapi_url:
			'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json'
	});
