import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/session';
import { getVapidKeys, listSubscriptionsFor } from '$lib/server/push';
import { createTestAccount, makeEvent, outcome } from '../../../../tests/support/events';
import { GET } from './key/+server';
import { DELETE, POST } from './subscribe/+server';

function deviceKeys() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	return {
		p256dh: ecdh.getPublicKey().toString('base64url'),
		auth: randomBytes(16).toString('base64url')
	};
}

async function call(
	handler: (event: never) => Response | Promise<Response>,
	account: SignedInAccount | null,
	method: 'GET' | 'POST' | 'DELETE',
	body?: unknown
) {
	const { event } = makeEvent('/api/push/subscribe', { account, params: {} });
	Object.assign(event, {
		request: new Request('http://localhost/api/push/subscribe', {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		})
	});
	const { returned, thrown } = await outcome(() => handler(event as never));
	if (thrown) return { status: thrown.status, location: thrown.location, json: null };
	const response = returned as Response;
	return { status: response.status, json: await response.json() };
}

describe('the push endpoints', () => {
	it('hand the public key to workers only', async () => {
		const worker = await createTestAccount('worker');
		const volunteer = await createTestAccount('volunteer');
		const answer = await call(GET, worker, 'GET');
		expect(answer).toEqual({ status: 200, json: { publicKey: (await getVapidKeys()).publicKey } });
		expect((await call(GET, volunteer, 'GET')).status).toBe(403);
		expect((await call(GET, null, 'GET')).location).toMatch(/^\/nl\/login\?next=/);
	});

	it('keep a worker’s device, refuse what is not a browser subscription, and forget it again', async () => {
		const worker = await createTestAccount('worker');
		const colleague = await createTestAccount('coordinator');
		const keys = deviceKeys();
		const endpoint = 'https://push.example.net/send/abc123';

		expect(
			(await call(POST, worker, 'POST', { endpoint, keys, expirationTime: null })).status
		).toBe(201);
		expect((await listSubscriptionsFor([worker.id])).map((row) => row.endpoint)).toEqual([
			endpoint
		]);

		for (const body of [
			null,
			{ endpoint },
			{ endpoint: 'http://push.example.net/send/abc', keys },
			{ endpoint: 'javascript:alert(1)', keys },
			{ endpoint, keys: { ...keys, auth: 'short' } },
			{ endpoint, keys: { ...keys, p256dh: randomBytes(65).toString('base64url') } }
		]) {
			const answer = await call(POST, worker, 'POST', body);
			expect(answer, JSON.stringify(body)).toEqual({
				status: 400,
				json: { ok: false, error: 'invalid-subscription' }
			});
		}

		// Someone else cannot remove it; its owner can.
		expect((await call(DELETE, colleague, 'DELETE', { endpoint })).json).toEqual({
			ok: true,
			removed: false
		});
		expect((await call(DELETE, worker, 'DELETE', { endpoint })).json).toEqual({
			ok: true,
			removed: true
		});
		expect(await listSubscriptionsFor([worker.id])).toEqual([]);
	});

	it('are not for volunteers', async () => {
		const volunteer = await createTestAccount('volunteer');
		const body = { endpoint: 'https://push.example.net/send/v', keys: deviceKeys() };
		expect((await call(POST, volunteer, 'POST', body)).status).toBe(403);
		expect((await call(DELETE, volunteer, 'DELETE', body)).status).toBe(403);
		expect(await listSubscriptionsFor([volunteer.id])).toEqual([]);
	});
});
