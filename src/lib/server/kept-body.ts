import { chooseEncoding, compress, type Encoding } from './compression';

/**
 * A body built once and sent many times (the places feed, the map's markers): its text, a weak
 * tag for it, and its compressed forms, each made the first time someone asks for it.
 */
export type KeptBody = {
	/** The text as UTF-8, encoded once. */
	bytes: Uint8Array<ArrayBuffer>;
	/** A weak ETag: the same for every encoding of the same text. */
	etag: string;
	compressed?: Partial<Record<Encoding, Promise<Buffer>>>;
};

/** Whether the request's If-None-Match names this tag (weak comparison, as for GET). */
export function isNotModified(request: Request, etag: string): boolean {
	const ifNoneMatch = request.headers.get('if-none-match');
	if (!ifNoneMatch) return false;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * "304 Not Modified" for a tag the asker has; otherwise the kept text, compressed as the asker
 * accepts (the compression hook leaves an answer alone that is compressed already).
 */
export async function keptBodyResponse(
	request: Request,
	body: KeptBody,
	headers: Record<string, string>
): Promise<Response> {
	const all = { ...headers, ETag: body.etag, Vary: 'Accept-Encoding' };
	if (isNotModified(request, body.etag)) {
		return new Response(null, { status: 304, headers: all });
	}
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	if (!encoding) return new Response(body.bytes, { headers: all });
	body.compressed ??= {};
	const compressed = await (body.compressed[encoding] ??= compress(body.bytes, encoding, 'small'));
	// A view on the kept bytes, not a copy (zlib's buffers are never shared memory).
	const view = new Uint8Array(
		compressed.buffer as ArrayBuffer,
		compressed.byteOffset,
		compressed.byteLength
	);
	return new Response(view, { headers: { ...all, 'Content-Encoding': encoding } });
}
