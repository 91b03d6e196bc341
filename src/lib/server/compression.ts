import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Compression of the app's own answers (pages, JSON, feeds). adapter-node serves the built
 * files precompressed but sends rendered pages as they are; on a slow phone connection an
 * 80 KB list page then costs five times what it needs to.
 */
export type Encoding = 'br' | 'gzip';

// Text that compresses well. Never text/event-stream (a live stream must not wait for a
// buffer to fill) nor SvelteKit's streamed data (text/sveltekit-data).
const COMPRESSIBLE =
	/^(text\/(html|plain|css|csv|calendar|xml|javascript)|application\/(json|geo\+json|manifest\+json|javascript|xml|atom\+xml|rss\+xml|ld\+json)|image\/svg\+xml)\s*(;|$)/i;
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The best encoding the request accepts (brotli over gzip), or null for none. */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const quality = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...parameters] = part.trim().split(';');
		const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = q ? Number(q.slice(2)) : 1;
		quality.set(name.trim(), Number.isFinite(value) ? value : 0);
	}
	const accepts = (encoding: Encoding) => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0;
	if (accepts('br')) return 'br';
	if (accepts('gzip')) return 'gzip';
	return null;
}

/**
 * Compresses off the main thread. `effort` 'fast' suits a page rendered for one request;
 * 'small' suits a body that is kept and sent many times (a cached feed).
 */
export function compress(
	body: Uint8Array,
	encoding: Encoding,
	effort: 'fast' | 'small' = 'fast'
): Promise<Buffer> {
	if (encoding === 'gzip') return gzipAsync(body, { level: effort === 'fast' ? 6 : 9 });
	return brotli(body, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 4 : 9,
			[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
			[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
		}
	});
}

function addVary(headers: Headers, value: string) {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', value);
	else if (!vary.toLowerCase().includes(value.toLowerCase()))
		headers.set('vary', `${vary}, ${value}`);
}

const withoutWeak = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** The answer compressed for this request when that is worth it, else the answer itself. */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const { status } = response;
	if (request.method === 'HEAD' || status < 200 || status === 204 || status === 206)
		return response;
	if ((status >= 300 && status < 400) || !response.body) return response;
	if (response.headers.has('content-encoding')) return response;
	if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
	if (/no-transform/i.test(response.headers.get('cache-control') ?? '')) return response;

	const etag = response.headers.get('etag');
	const html = /^text\/html/i.test(response.headers.get('content-type') ?? '');
	// A rendered page without an ETag is streamed by SvelteKit: buffering it would hold back
	// what it already has to show.
	if (html && !etag) return response;
	// SvelteKit answers "304 Not Modified" itself after this hook when the tag matches.
	const ifNoneMatch = request.headers.get('if-none-match');
	if (etag && ifNoneMatch && withoutWeak(ifNoneMatch.trim()) === withoutWeak(etag)) return response;

	const headers = new Headers(response.headers);
	addVary(headers, 'Accept-Encoding');
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	const body = new Uint8Array(await response.arrayBuffer());
	if (!encoding || body.byteLength < MIN_BYTES) {
		return new Response(body, { status, statusText: response.statusText, headers });
	}
	const compressed = await compress(body, encoding);
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	// The tag names the uncompressed text; the compressed bytes are the same text, not the same bytes.
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(new Uint8Array(compressed), {
		status,
		statusText: response.statusText,
		headers
	});
}
