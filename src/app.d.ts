// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionInfo, SignedInAccount } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			account: SignedInAccount | null;
			session: SessionInfo | null;
		}
	}
}

export {};
