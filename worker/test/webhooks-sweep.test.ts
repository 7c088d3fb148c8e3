import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import worker from '../index.ts';
import { OVERDUE_AFTER_MS, sweepOutbox } from '../webhooks/sweep-outbox.ts';
import { resetCases } from './case-helpers.ts';
import { setWebhook, settle, verifySignature } from './webhook-helpers.ts';
import { openReceiver } from './webhook-receiver.ts';

/** A message written with its change whose wake-up never reached the dispatcher (as if the request's waitUntil died). */
const insertUnwokenMessage = (id: string, tenant: string, dueAt: number) =>
  env.DB.prepare(
    `INSERT INTO webhook_outbox (id, tenant_id, event_type, case_number, body, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, 'case.status_changed', 'XS-261127-0001-0', ?, 'pending', 0, ?, ?)`,
  )
    .bind(id, tenant, JSON.stringify({ type: 'case.status_changed', id }), dueAt, dueAt)
    .run();

describe('the cron sweep of the webhook outbox', () => {
  beforeEach(resetCases);

  it('delivers a message whose wake-up was lost, at the next cron run', async () => {
    const receiver = openReceiver();
    const secret = await setWebhook('xiaoshan', receiver.url);
    await settle(); // setting the URL wakes the dispatcher once: let that round pass before the unwoken message exists
    await insertUnwokenMessage('XS-261127-0001-0:1:xiaoshan', 'xiaoshan', Date.now() - 5 * 60_000);
    await settle();
    expect(await receiver.received()).toHaveLength(0);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const [delivered] = await receiver.waitFor(1);
    expect(delivered!.headers['webhook-id']).toBe('XS-261127-0001-0:1:xiaoshan');
    expect(await verifySignature(secret, delivered!)).toBe(true);
    const row = await env.DB.prepare('SELECT status FROM webhook_outbox WHERE id = ?').bind('XS-261127-0001-0:1:xiaoshan').first<{ status: string }>();
    expect(row?.status).toBe('delivered');
  });

  it('leaves alone messages not yet overdue and tenants with nothing pending', async () => {
    const now = Date.now();
    await insertUnwokenMessage('XS-261127-0001-0:2:binjiang', 'binjiang', now - OVERDUE_AFTER_MS + 5_000);
    await insertUnwokenMessage('XS-261127-0001-0:3:xiaoshan', 'xiaoshan', now - OVERDUE_AFTER_MS - 5_000);
    expect(await sweepOutbox(openDatabase(env.DB), now)).toEqual(['xiaoshan']);
  });
});
