import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS } from '../../core/index.ts';
import type { DeliveryReply } from '../schemas/webhook.ts';
import { resetCases, setBeijingTime } from './case-helpers.ts';
import { createApiKey, staffHeaders } from './credentials.ts';
import { openReceiver } from './webhook-receiver.ts';
import { readOutbox, retryNow, send, setWebhook, submitCrossRegionCase, verifySignature } from './webhook-helpers.ts';

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('a tenant’s webhook, as its administrators manage it', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('sets a URL with a secret shown once, reads it back without the secret, rotates it, and removes it', async () => {
    const admin = await staffHeaders({ role: 'admin', tenant: 'binjiang' });
    const first = await setWebhook('binjiang', 'https://zwfw.binjiang.example.gov.cn/hooks/onewindow');
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const read = await send('GET', '/v1/tenants/binjiang/webhook', admin);
    expect(read.status).toBe(200);
    const view = (await read.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ tenant: 'binjiang', url: 'https://zwfw.binjiang.example.gov.cn/hooks/onewindow' });
    expect(JSON.stringify(view)).not.toContain('whsec_');
    expect(await setWebhook('binjiang', 'https://zwfw.binjiang.example.gov.cn/hooks/onewindow')).not.toBe(first);

    expect((await send('DELETE', '/v1/tenants/binjiang/webhook', admin)).status).toBe(204);
    const gone = await send('GET', '/v1/tenants/binjiang/webhook', admin);
    expect([gone.status, await errorCode(gone)]).toEqual([404, 'WEBHOOK_NOT_CONFIGURED']);
    const again = await send('DELETE', '/v1/tenants/binjiang/webhook', admin);
    expect([again.status, await errorCode(again)]).toEqual([404, 'WEBHOOK_NOT_CONFIGURED']);
  });

  it('refuses a URL that is not https (http only to a loopback host, in development)', async () => {
    const admin = await staffHeaders({ role: 'admin', tenant: 'binjiang' });
    for (const url of ['http://zwfw.binjiang.example.gov.cn/hook', 'ftp://example.com/x', 'https://user:pw@example.com/', 'not a url']) {
      const res = await send('PUT', '/v1/tenants/binjiang/webhook', admin, { url });
      expect([res.status, await errorCode(res)], url).toEqual([422, 'WEBHOOK_URL_INVALID']);
    }
    // The test worker runs with ENVIRONMENT = development (wrangler.toml), so a local receiver is fine.
    expect((await send('PUT', '/v1/tenants/binjiang/webhook', admin, { url: 'http://127.0.0.1:9/hook' })).status).toBe(200);
  });

  it('is the tenant’s own: another tenant’s administrator gets 404, other roles 403', async () => {
    const other = await send('GET', '/v1/tenants/binjiang/webhook', await staffHeaders({ role: 'admin', tenant: 'xiaoshan' }));
    expect([other.status, await errorCode(other)]).toEqual([404, 'TENANT_NOT_FOUND']);
    const put = await send('PUT', '/v1/tenants/binjiang/webhook', await staffHeaders({ role: 'admin', tenant: 'xiaoshan' }), { url: 'https://x.example/' });
    expect(put.status).toBe(404);
    expect((await send('GET', '/v1/tenants/binjiang/webhook', await staffHeaders({ role: 'front-desk', tenant: 'binjiang' }))).status).toBe(403);
    const { headers } = await createApiKey({ tenant: 'binjiang', scopes: ['admin'] });
    expect((await send('PUT', '/v1/tenants/binjiang/webhook', headers, { url: 'https://x.example/' })).status).toBe(200);
  });

  it('lists deliveries, and re-sends a failed one (same id and body) when the administrator asks', async () => {
    const bj = openReceiver();
    const secret = await setWebhook('binjiang', bj.url);
    const admin = await staffHeaders({ role: 'admin', tenant: 'binjiang' });
    await bj.failNext(MAX_DELIVERY_ATTEMPTS);
    await submitCrossRegionCase();
    await bj.waitFor(1);
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      await retryNow('binjiang');
      await bj.waitFor(attempt);
    }
    // The last failure is recorded just after the receiver answered it.
    await expect.poll(async () => (await readOutbox('binjiang'))[0]?.status).toBe('failed');

    const listed = await send('GET', '/v1/tenants/binjiang/webhook/deliveries?status=failed', admin);
    expect(listed.status).toBe(200);
    const [failed] = ((await listed.json()) as { items: DeliveryReply[] }).items;
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, lastError: 'HTTP 503: receiver told to fail', eventType: 'case.status_changed' });

    const retried = await send('POST', `/v1/tenants/binjiang/webhook/deliveries/${encodeURIComponent(failed!.id)}/retry`, admin);
    expect(retried.status, await retried.clone().text()).toBe(200);
    expect(await retried.json()).toMatchObject({ id: failed!.id, status: 'pending', attempts: 0 });
    const received = await bj.waitFor(MAX_DELIVERY_ATTEMPTS + 1);
    const last = received.at(-1)!;
    expect([last.status, last.headers['webhook-id'], last.body]).toEqual([204, failed!.id, failed!.body]);
    expect(await verifySignature(secret, last)).toBe(true);
    await expect.poll(async () => (await readOutbox('binjiang'))[0]?.status).toBe('delivered');

    const twice = await send('POST', `/v1/tenants/binjiang/webhook/deliveries/${encodeURIComponent(failed!.id)}/retry`, admin);
    expect([twice.status, await errorCode(twice)]).toEqual([409, 'WEBHOOK_DELIVERY_NOT_FAILED']);
    const unknown = await send('POST', '/v1/tenants/binjiang/webhook/deliveries/nope/retry', admin);
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'WEBHOOK_DELIVERY_NOT_FOUND']);
    const foreign = await send('GET', '/v1/tenants/binjiang/webhook/deliveries', await staffHeaders({ role: 'admin', tenant: 'xiaoshan' }));
    expect(foreign.status).toBe(404);
  });
});
