import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env.ts';

/** One per API key: its rate limit (token bucket) and revocation, checked on every request made with the key. */
export class KeyGate extends DurableObject<Env> {}
