import { app } from './app.ts';

// wrangler's entry point: the Hono app, and the Durable Object classes wrangler.toml binds.
export default app;
export { HallObject } from './hall-object.ts';
export { KeyGate } from './auth/key-gate.ts';
export { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
