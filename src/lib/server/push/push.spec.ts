import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createECDH,
	createDecipheriv,
	createPublicKey,
	hkdfSync,
	randomBytes,
	verify
} from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { accounts, appSettings, pushSubscriptions } from '$lib/server/db/schema';
import { createBackupCall, escalateDueCalls } from '$lib/server/backup';
import { addDutyPattern } from '$lib/server/roster';
import { at, createNeighbourhood, createPerson } from '$lib/server/roster/spec-support';
import { createTestAccount } from '../../../../tests/support/events';
import {
	getVapidKeys,
	listSubscriptionsFor,
	notifyBackupRecipients,
	saveSubscription,
	sendPushToAccounts
} from './index';

/** What the pretend push service received. */
type Received = { path: string; headers: IncomingHttpHeaders; body: Buffer };

/** A device's side of a subscription: its key pair and auth secret, as a browser makes them. */
function makeDeviceKeys() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return {
		ecdh,
		auth,
		keys: {
			p256dh: ecdh.getPublicKey().toString('base64url'),
			auth: auth.toString('base64url')
		}
	};
}

type DeviceKeys = ReturnType<typeof makeDeviceKeys>;

/** RFC 8291 message decryption with the device's private key (aes128gcm, RFC 8188). */
function decrypt(body: Buffer, device: DeviceKeys): string {
	const salt = body.subarray(0, 16);
	const recordSize = body.readUInt32BE(16);
	const keyIdLength = body[20];
	const serverPublicKey = body.subarray(21, 21 + keyIdLength);
	const record = body.subarray(21 + keyIdLength);
	expect(keyIdLength).toBe(65);
	expect(record.length).toBeLessThanOrEqual(recordSize);

	const sharedSecret = device.ecdh.computeSecret(serverPublicKey);
	const keyInfo = Buffer.concat([
		Buffer.from('WebPush: info\0'),
		device.ecdh.getPublicKey(),
		serverPublicKey
	]);
	const inputKey = Buffer.from(hkdfSync('sha256', sharedSecret, device.auth, keyInfo, 32));
	const contentKey = Buffer.from(
		hkdfSync('sha256', inputKey, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16)
	);
	const nonce = Buffer.from(
		hkdfSync('sha256', inputKey, salt, Buffer.from('Content-Encoding: nonce\0'), 12)
	);
	const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
	decipher.setAuthTag(record.subarray(record.length - 16));
	const padded = Buffer.concat([
		decipher.update(record.subarray(0, record.length - 16)),
		decipher.final()
	]);
	// The last (and only) record ends with the delimiter 0x02, then optional zero padding.
	let end = padded.length - 1;
	while (end >= 0 && padded[end] === 0) end -= 1;
	expect(padded[end]).toBe(2);
	return padded.subarray(0, end).toString('utf8');
}

/** Checks the VAPID JWT (RFC 8292) against the app's public key; returns its claims. */
function readVapid(header: string | undefined, publicKey: string, audience: string) {
	const match = /^vapid t=([^,]+), k=(.+)$/.exec(header ?? '');
	expect(match, `Authorization: ${header}`).not.toBeNull();
	const [, token, key] = match!;
	expect(key).toBe(publicKey);
	const [head, claims, signature] = token.split('.');
	const point = Buffer.from(publicKey, 'base64url');
	const jwk = {
		kty: 'EC',
		crv: 'P-256',
		x: point.subarray(1, 33).toString('base64url'),
		y: point.subarray(33, 65).toString('base64url')
	};
	const valid = verify(
		'sha256',
		Buffer.from(`${head}.${claims}`),
		{ key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
		Buffer.from(signature, 'base64url')
	);
	expect(valid).toBe(true);
	const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
	expect(decoded.aud).toBe(audience);
	expect(decoded.exp * 1000).toBeGreaterThan(Date.now());
	expect(decoded.sub).toMatch(/^(mailto:|https:)/);
	return decoded;
}

let server: Server;
let origin = '';
const received: Received[] = [];
/** Paths the pretend push service answers with this status instead of 201. */
const answers = new Map<string, number>();

beforeAll(async () => {
	server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const path = request.url ?? '';
			received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
			response.statusCode = answers.get(path) ?? 201;
			response.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

function receivedAt(path: string) {
	return received.filter((request) => request.path === path);
}

describe('the Web Push keys', () => {
	it('are made once, stored, and the same on every later call', async () => {
		expect(await db.$count(appSettings)).toBe(0);
		const first = await getVapidKeys();
		const second = await getVapidKeys();
		expect(second).toEqual(first);
		expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
		const [row] = await db.select().from(appSettings);
		expect(JSON.parse(row.value)).toEqual(first);
	});
});

describe('sending a Web Push message', () => {
	it('reaches the push service encrypted for the device, signed with the VAPID key', async () => {
		const worker = await createTestAccount('worker');
		const device = makeDeviceKeys();
		await saveSubscription(worker.id, { endpoint: `${origin}/push/phone-1`, keys: device.keys });

		const payload = { type: 'test', text: 'Achterwacht gevraagd · Kom nu', callId: 7 };
		const report = await sendPushToAccounts([worker.id], payload, {
			urgency: 'high',
			ttlSeconds: 600
		});
		expect(report).toEqual({ sent: 1, removed: 0, failed: 0 });

		const [request] = receivedAt('/push/phone-1');
		expect(request.headers['content-encoding']).toBe('aes128gcm');
		expect(request.headers.urgency).toBe('high');
		expect(request.headers.ttl).toBe('600');
		expect(JSON.parse(decrypt(request.body, device))).toEqual(payload);
		// The body does not hold the text in the clear.
		expect(request.body.includes(Buffer.from('Achterwacht'))).toBe(false);

		const { publicKey } = await getVapidKeys();
		readVapid(request.headers.authorization, publicKey, origin);
	});

	it('forgets a device the push service says is gone (410 or 404), and keeps the others', async () => {
		const worker = await createTestAccount('worker');
		const gone = makeDeviceKeys();
		const unknown = makeDeviceKeys();
		const busy = makeDeviceKeys();
		const fine = makeDeviceKeys();
		answers.set('/push/gone', 410);
		answers.set('/push/unknown', 404);
		answers.set('/push/busy', 429);
		await saveSubscription(worker.id, { endpoint: `${origin}/push/gone`, keys: gone.keys });
		await saveSubscription(worker.id, { endpoint: `${origin}/push/unknown`, keys: unknown.keys });
		await saveSubscription(worker.id, { endpoint: `${origin}/push/busy`, keys: busy.keys });
		await saveSubscription(worker.id, { endpoint: `${origin}/push/fine`, keys: fine.keys });

		const report = await sendPushToAccounts([worker.id], { hello: 'buurt' });
		expect(report).toEqual({ sent: 1, removed: 2, failed: 1 });
		const left = (await listSubscriptionsFor([worker.id])).map((row) => row.endpoint);
		expect(left).toEqual([`${origin}/push/busy`, `${origin}/push/fine`]);
		expect(JSON.parse(decrypt(receivedAt('/push/fine')[0].body, fine))).toEqual({
			hello: 'buurt'
		});
	});

	it('a push service that cannot be reached counts as failed and nothing throws', async () => {
		const worker = await createTestAccount('worker');
		const device = makeDeviceKeys();
		// Port 9 on loopback: nobody listens there.
		await saveSubscription(worker.id, { endpoint: 'http://127.0.0.1:9/push/x', keys: device.keys });
		const report = await sendPushToAccounts([worker.id], { hello: 'buurt' }, { timeoutMs: 2000 });
		expect(report).toEqual({ sent: 0, removed: 0, failed: 1 });
		expect(await listSubscriptionsFor([worker.id])).toHaveLength(1);
	});

	it('a device belongs to whoever subscribed it last', async () => {
		const first = await createTestAccount('worker');
		const second = await createTestAccount('coordinator');
		const device = makeDeviceKeys();
		const endpoint = `${origin}/push/shared-tablet`;
		await saveSubscription(first.id, { endpoint, keys: device.keys });
		await saveSubscription(second.id, { endpoint, keys: device.keys });
		expect(await listSubscriptionsFor([first.id])).toEqual([]);
		expect(await listSubscriptionsFor([second.id])).toHaveLength(1);
		await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
	});
});

describe('notifying the people a backup call reached', () => {
	it('sends each worker on duty the call in their language, without the note; escalation too', async () => {
		const hood = await createNeighbourhood(5);
		const volunteer = await createPerson('volunteer', 'Vera', { neighbourhoodIds: [hood.id] });
		const amina = await createPerson('worker', 'Amina', { neighbourhoodIds: [hood.id] });
		const coordinator = await createPerson('coordinator', 'Zoë');
		await db
			.update(accounts)
			.set({ languages: ['fr', 'ar'] })
			.where(eq(accounts.id, amina.id));
		await addDutyPattern({
			accountId: amina.id,
			neighbourhoodIds: [hood.id],
			weekday: 2,
			startTime: '09:00',
			endTime: '17:00',
			validFrom: '2026-01-01'
		});
		const aminaPhone = makeDeviceKeys();
		const zoePhone = makeDeviceKeys();
		await saveSubscription(amina.id, { endpoint: `${origin}/push/amina`, keys: aminaPhone.keys });
		await saveSubscription(coordinator.id, {
			endpoint: `${origin}/push/zoe`,
			keys: zoePhone.keys
		});

		const call = {
			volunteerId: volunteer.id,
			deviceCallId: 'push-test-call-0001',
			neighbourhoodId: hood.id,
			lat: 50.85,
			lon: 4.35,
			urgency: 'come-now' as const,
			helpKind: 'someone-to-come' as const,
			note: 'Het wordt onrustig in de zaal'
		};
		const sent = await createBackupCall(call, at('2026-11-24T10:30'));
		expect(await notifyBackupRecipients(sent)).toEqual({ sent: 1, removed: 0, failed: 0 });
		const [toAmina] = receivedAt('/push/amina');
		expect(toAmina.headers.urgency).toBe('high');
		expect(toAmina.headers.topic).toBe(`backup-call-${sent.call.id}`);
		const message = JSON.parse(decrypt(toAmina.body, aminaPhone));
		expect(message).toEqual({
			type: 'backup-call',
			callId: sent.call.id,
			urgency: 'come-now',
			title: `Renfort demandé à ${hood.name.nl}`,
			body: "Venez maintenant · quelqu'un qui vient. Ouvrez Kwartier pour répondre.",
			url: '/fr/team/inbox',
			tag: `backup-call-${sent.call.id}`,
			requireInteraction: true
		});
		expect(JSON.stringify(message)).not.toContain('onrustig');

		// The same call sent again from the device notifies nobody a second time.
		const repeated = await createBackupCall(call, at('2026-11-24T10:31'));
		expect(await notifyBackupRecipients(repeated)).toEqual({ sent: 0, removed: 0, failed: 0 });
		expect(receivedAt('/push/amina')).toHaveLength(1);

		// Nobody answers: after five minutes it goes to the coordinator, who hears it too.
		const steps = await escalateDueCalls(at('2026-11-24T10:36'));
		expect(steps.map((step) => step.kind)).toEqual(['coordinators']);
		expect(await notifyBackupRecipients(steps)).toEqual({ sent: 1, removed: 0, failed: 0 });
		const toZoe = JSON.parse(decrypt(receivedAt('/push/zoe')[0].body, zoePhone));
		expect(toZoe.title).toBe(`Nog geen antwoord: achterwacht gevraagd in ${hood.name.nl}`);
		expect(toZoe.url).toBe('/nl/team/inbox');
	});
});
