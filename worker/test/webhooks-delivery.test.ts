import { env } from 'cloudflare:workers';
import { abortAllDurableObjects, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCases, setBeijingTime } from './case-helpers.ts';
import { openReceiver } from './webhook-receiver.ts';
import { approveTask, dispatcher, settle, readOutbox, retryNow, setWebhook, submitCrossRegionCase, verifySignature } from './webhook-helpers.ts';

describe('webhooks: case status changes pushed from the outbox to a real receiver', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('tells both the owner and the submitting partner, signed with each one’s secret', async () => {
    const [bj, xs] = [openReceiver(), openReceiver()];
    const [bjSecret, xsSecret] = [await setWebhook('binjiang', bj.url), await setWebhook('xiaoshan', xs.url)];
    const accepted = await submitCrossRegionCase();
    const [toPartner] = await bj.waitFor(1);
    const [toOwner] = await xs.waitFor(1);
    expect(await verifySignature(bjSecret, toPartner!)).toBe(true);
    expect(await verifySignature(xsSecret, toOwner!)).toBe(true);
    expect(await verifySignature(xsSecret, toPartner!)).toBe(false);
    expect(toPartner!.headers['webhook-id']).toMatch(new RegExp(`^${accepted.number}:\\d+:binjiang$`));
    expect(Math.abs(Number(toPartner!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(toPartner!.body)).toEqual({
      type: 'case.status_changed',
      timestamp: '2026-11-27T02:00:00.000Z',
      data: {
        caseNumber: accepted.number,
        status: 'in-review',
        previousStatus: null,
        ownerTenant: 'xiaoshan',
        submittedByTenant: 'binjiang',
        at: '2026-11-27T02:00:00.000Z',
      },
    });
    expect(toOwner!.body).toBe(toPartner!.body);
  });

  it('writes nothing for a tenant without a webhook', async () => {
    const bj = openReceiver();
    await setWebhook('binjiang', bj.url);
    await submitCrossRegionCase();
    await bj.waitFor(1);
    expect(await readOutbox('xiaoshan')).toEqual([]);
  });

  it('retries a failed delivery with the same id and body, then delivers it exactly once', async () => {
    const bj = openReceiver();
    const secret = await setWebhook('binjiang', bj.url);
    await bj.failNext(1);
    await submitCrossRegionCase();
    const [failed] = await bj.waitFor(1);
    expect(failed!.status).toBe(503);
    const [row] = await readOutbox('binjiang');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503: receiver told to fail' });
    // The schedule's first wait is 30 s.
    expect(row!.next_attempt_at - Date.now()).toBeGreaterThan(25_000);

    await retryNow('binjiang');
    const [, retried] = await bj.waitFor(2);
    expect(retried!.status).toBe(204);
    expect(retried!.headers['webhook-id']).toBe(failed!.headers['webhook-id']);
    expect(retried!.body).toBe(failed!.body);
    expect(await verifySignature(secret, retried!)).toBe(true);
    expect((await readOutbox('binjiang'))[0]).toMatchObject({ status: 'delivered', attempts: 2 });

    await retryNow('binjiang');
    await settle();
    expect(await bj.received()).toHaveLength(2);
  });

  it('delivers a case’s changes in order, a later one waiting behind an earlier one’s retry', async () => {
    const bj = openReceiver();
    await setWebhook('binjiang', bj.url);
    await bj.failNext(1);
    const accepted = await submitCrossRegionCase();
    await bj.waitFor(1);
    // The approval commits while the registration message waits for its retry.
    await approveTask(accepted.tasks[0]!.id);
    await settle();
    expect(await bj.received()).toHaveLength(1);

    await retryNow('binjiang');
    const received = await bj.waitFor(3);
    const statuses = received.map((r) => (JSON.parse(r.body) as { data: { status: string; previousStatus: string | null } }).data);
    expect(statuses).toEqual([
      { ...statuses[0], status: 'in-review', previousStatus: null },
      { ...statuses[0], status: 'in-review', previousStatus: null },
      { ...statuses[2], status: 'approved', previousStatus: 'in-review' },
    ]);
    const seqs = received.map((r) => Number(r.headers['webhook-id']!.split(':')[1]));
    expect(seqs[2]).toBeGreaterThan(seqs[0]!);
  });

  it('loses nothing when the dispatcher restarts or loses its own storage: the outbox is in D1', async () => {
    const bj = openReceiver();
    await setWebhook('binjiang', bj.url);
    await bj.failNext(1);
    await submitCrossRegionCase();
    const [failed] = await bj.waitFor(1);

    // A restart (every instance torn down), then the dispatcher's own storage wiped as well: it held only its
    // tenant's id and an alarm, so a wake is all it needs to find the message again in D1.
    await abortAllDurableObjects();
    await runInDurableObject(dispatcher('binjiang'), async (_instance, state) => {
      await state.storage.deleteAlarm();
      await state.storage.deleteAll();
    });
    await retryNow('binjiang');
    const [, delivered] = await bj.waitFor(2);
    expect(delivered!.headers['webhook-id']).toBe(failed!.headers['webhook-id']);
    expect(delivered!.body).toBe(failed!.body);
    expect((await readOutbox('binjiang'))[0]!.status).toBe('delivered');
  });

  it('never enqueues a change twice: the message id is the change’s', async () => {
    const bj = openReceiver();
    await setWebhook('binjiang', bj.url);
    const accepted = await submitCrossRegionCase();
    await bj.waitFor(1);
    const [row] = await readOutbox('binjiang');
    const again = await env.DB.prepare(
      "INSERT OR IGNORE INTO webhook_outbox (id, tenant_id, event_type, case_number, body, status, attempts, next_attempt_at, created_at) VALUES (?, 'binjiang', 'case.status_changed', ?, 'other', 'pending', 0, 0, 0)",
    )
      .bind(row!.id, accepted.number)
      .run();
    expect(again.meta.changes).toBe(0);
  });
});
