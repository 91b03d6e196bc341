import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse } from './compression';

const PAGE = `<!doctype html><html><body>${'<p>Koffie en thee in de buurt.</p>'.repeat(200)}</body></html>`;

function request(acceptEncoding: string | null, headers: Record<string, string> = {}) {
	return new Request('http://localhost/nl', {
		headers: { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), ...headers }
	});
}

function page(body: string | ReadableStream = PAGE, headers: Record<string, string> = {}) {
	return new Response(body, {
		headers: { 'content-type': 'text/html', etag: '"abc"', ...headers }
	});
}

describe('compressing the app’s answers', () => {
	it('picks brotli over gzip, honours q=0 and a wildcard', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding(null)).toBeNull();
	});

	it('sends a rendered page compressed, with the same text inside and a weak tag', async () => {
		const brotli = await compressResponse(request('gzip, br'), page());
		expect(brotli.headers.get('content-encoding')).toBe('br');
		expect(brotli.headers.get('vary')).toContain('Accept-Encoding');
		expect(brotli.headers.get('etag')).toBe('W/"abc"');
		const bytes = Buffer.from(await brotli.arrayBuffer());
		expect(bytes.length).toBeLessThan(PAGE.length / 5);
		expect(brotliDecompressSync(bytes).toString()).toBe(PAGE);

		const gzip = await compressResponse(request('gzip'), page());
		expect(gzip.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(PAGE);
	});

	it('leaves alone what must not wait or is not worth it', async () => {
		const stream = new Response('data: hello\n\n', {
			headers: { 'content-type': 'text/event-stream' }
		});
		expect(await compressResponse(request('br'), stream)).toBe(stream);
		// A page without a tag is streamed by SvelteKit: buffering it would hold it back.
		const streamed = page(PAGE, { etag: '' });
		streamed.headers.delete('etag');
		expect(await compressResponse(request('br'), streamed)).toBe(streamed);
		const image = new Response(new Uint8Array(5000), { headers: { 'content-type': 'image/png' } });
		expect(await compressResponse(request('br'), image)).toBe(image);

		const small = await compressResponse(request('br'), page('<p>kort</p>'));
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(await small.text()).toBe('<p>kort</p>');

		const plain = await compressResponse(request(null), page());
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(PAGE);
	});

	it('lets SvelteKit answer "not modified" when the browser has the page already', async () => {
		const original = page();
		const answer = await compressResponse(request('br', { 'if-none-match': 'W/"abc"' }), original);
		expect(answer).toBe(original);
	});

	it('compresses the news and calendar feeds too', async () => {
		for (const type of ['application/atom+xml', 'text/calendar', 'application/geo+json']) {
			const feed = new Response(PAGE, { headers: { 'content-type': `${type}; charset=utf-8` } });
			const answer = await compressResponse(request('gzip'), feed);
			expect(answer.headers.get('content-encoding'), type).toBe('gzip');
		}
	});
});
