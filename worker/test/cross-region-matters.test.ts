import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import type { CrossRegionMattersReply } from '../schemas/cross-region.ts';
import { createApiKey, staffHeaders } from './credentials.ts';

const get = (path: string, headers: Record<string, string>) =>
  Promise.resolve(app.fetch(new Request(`http://hall.test${path}`, { headers }), env, createExecutionContext()));

describe('GET /v1/tenants/{tenant}/cross-region-matters', () => {
  it('pages through the matters a partner may submit, only those open', async () => {
    const { headers } = await createApiKey({ tenant: 'binjiang', scopes: ['catalog:read'] });
    const first = await get('/v1/tenants/xiaoshan/cross-region-matters?limit=100', headers);
    expect(first.status, await first.clone().text()).toBe(200);
    const page = (await first.json()) as CrossRegionMattersReply;
    expect(page).toMatchObject({ tenant: 'xiaoshan', partners: ['binjiang'], minOnlineDepth: 'III', offset: 0, nextOffset: 100 });
    expect(page.items).toHaveLength(100);
    expect(page.items.every((m) => m.onlineDepth === 'III' || m.onlineDepth === 'IV')).toBe(true);

    const seen = new Set<string>();
    for (let offset: number | null = 0; offset !== null; ) {
      const res = await get(`/v1/tenants/xiaoshan/cross-region-matters?limit=200&offset=${offset}`, headers);
      const reply = (await res.json()) as CrossRegionMattersReply;
      for (const m of reply.items) seen.add(m.code);
      offset = reply.nextOffset;
    }
    expect(seen.size).toBe(page.total);
    expect(seen.has('330F99070001-330109000000-000-11330109MB2020959Q-1-00')).toBe(false);
  });

  it('filters by department', async () => {
    const res = await get('/v1/tenants/xiaoshan/cross-region-matters?department=scjg', await staffHeaders({ role: 'front-desk', tenant: 'xiaoshan' }));
    const reply = (await res.json()) as CrossRegionMattersReply;
    expect(reply.total).toBeGreaterThan(0);
    expect(reply.items.every((m) => m.departmentId === 'scjg')).toBe(true);
  });

  it('answers an unknown tenant as TENANT_NOT_FOUND, and a key without the scope as 403', async () => {
    const staff = await staffHeaders({ role: 'back-office', tenant: 'binjiang' });
    const unknown = await get('/v1/tenants/fuyang/cross-region-matters', staff);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('TENANT_NOT_FOUND');
    const { headers } = await createApiKey({ tenant: 'binjiang', scopes: ['hall:run'] });
    expect((await get('/v1/tenants/xiaoshan/cross-region-matters', headers)).status).toBe(403);
  });
});
