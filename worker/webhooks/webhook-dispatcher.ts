import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env.ts';

/** One per recipient tenant: drains its webhook outbox on an alarm, with retries and backoff. */
export class WebhookDispatcher extends DurableObject<Env> {}
