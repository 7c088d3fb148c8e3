import { Hono } from 'hono';
import type { Env } from './env.ts';

const app = new Hono<{ Bindings: Env }>();
app.get('/v1/health', async (c) => {
  const row = await c.env.DB.prepare('select 1 as one').first<{ one: number }>();
  return c.json({ status: 'ok', db: row?.one === 1 });
});
export default app;
