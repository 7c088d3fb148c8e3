import { app } from './app.ts';

// wrangler's entry point: the Hono app (Durable Object classes are exported here as they arrive).
export default app;
