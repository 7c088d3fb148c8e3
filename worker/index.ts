import { app } from './app.ts';
import { sweepIdempotencyKeys } from './cases/sweep-idempotency-keys.ts';
import { openDatabase } from './db/client.ts';
import type { Env } from './env.ts';
import { sweepOutbox } from './webhooks/sweep-outbox.ts';

// wrangler's entry point: the Hono app, the cron's sweeps (webhook outbox, expired idempotent replies), and the
// Durable Object classes wrangler.toml binds.
export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    const db = openDatabase(env.DB);
    const now = Date.now();
    ctx.waitUntil(Promise.all([sweepOutbox(db, now), sweepIdempotencyKeys(db, now)]));
  },
} satisfies ExportedHandler<Env>;
export { HallObject } from './hall-object.ts';
export { KeyGate } from './auth/key-gate.ts';
export { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
