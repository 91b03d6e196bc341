import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isNotModified, keptBodyResponse, type KeptBody } from './kept-body';

const text = JSON.stringify({ markers: Array.from({ length: 200 }, (_, i) => [50.8, 4.3, i]) });
const kept = (): KeptBody => ({ bytes: new TextEncoder().encode(text), etag: 'W/"abc"' });
const ask = (headers: Record<string, string> = {}) =>
	new Request('http://localhost/nl/map/markers.json', { headers });

describe('a kept body', () => {
	it('is sent compressed as the asker accepts, compressed once and kept', async () => {
		const body = kept();
		const first = await keptBodyResponse(ask({ 'accept-encoding': 'br, gzip' }), body, {
			'Content-Type': 'application/json'
		});
		expect(first.headers.get('content-encoding')).toBe('br');
		expect(first.headers.get('etag')).toBe('W/"abc"');
		expect(first.headers.get('vary')).toBe('Accept-Encoding');
		expect(first.headers.get('content-type')).toBe('application/json');
		expect(brotliDecompressSync(Buffer.from(await first.arrayBuffer())).toString()).toBe(text);
		const made = body.compressed?.br;
		await keptBodyResponse(ask({ 'accept-encoding': 'br' }), body, {});
		expect(body.compressed?.br).toBe(made);

		const gzip = await keptBodyResponse(ask({ 'accept-encoding': 'gzip' }), body, {});
		expect(gzip.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(text);
	});

	it('is sent as it is to an asker that accepts no compression', async () => {
		const plain = await keptBodyResponse(ask(), kept(), {});
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(text);
	});

	it('is "not modified" for an asker that has its tag, weak or strong, in a list or as *', async () => {
		for (const tag of ['W/"abc"', '"abc"', '"x", W/"abc"', '*']) {
			expect(isNotModified(ask({ 'if-none-match': tag }), 'W/"abc"')).toBe(true);
			const answer = await keptBodyResponse(ask({ 'if-none-match': tag }), kept(), {});
			expect(answer.status).toBe(304);
			expect(answer.headers.get('etag')).toBe('W/"abc"');
		}
		expect(isNotModified(ask({ 'if-none-match': '"other"' }), 'W/"abc"')).toBe(false);
		expect(isNotModified(ask(), 'W/"abc"')).toBe(false);
	});
});
