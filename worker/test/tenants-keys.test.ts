import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApiKey, staffHeaders } from './credentials.ts';
import { call, expectError } from './helpers.ts';

const json = (headers: Record<string, string>, body: unknown, method = 'POST') => ({
  method,
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

interface CreatedKey {
  id: string;
  key: string;
  scopes: string[];
  rateLimitPerMinute: number;
  createdBy: string;
  revokedAt: string | null;
}

const issue = async (headers: Record<string, string>, body: unknown = { label: '门户', scopes: ['catalog:read'] }, tenant = 'xiaoshan') => {
  const res = await call(`/v1/tenants/${tenant}/keys`, json(headers, body));
  expect(res.status).toBe(201);
  return { res, key: (await res.json()) as CreatedKey };
};

describe('API key administration', () => {
  it('issues a key whose text is shown once and works at once', async () => {
    const admin = await staffHeaders({ role: 'admin' });
    const { res, key } = await issue(admin, { label: '滨江门户', scopes: ['cases:submit', 'catalog:read'] });
    expect(key).toMatchObject({ scopes: ['cases:submit', 'catalog:read'], rateLimitPerMinute: 600, createdBy: 'xiaoshan-admin', revokedAt: null });
    expect(res.headers.get('Location')).toBe(`/v1/tenants/xiaoshan/keys/${key.id}`);
    expect(key.key).toMatch(new RegExp(`^ow_${key.id}_[a-z2-7]{32}$`));
    const me = await call('/v1/auth/me', { headers: { authorization: `Bearer ${key.key}` } });
    expect(await me.json()).toMatchObject({ kind: 'key', id: key.id, tenant: 'xiaoshan', scopes: ['cases:submit', 'catalog:read'] });
  });

  it('lists keys without their text, secret or hash', async () => {
    const admin = await staffHeaders({ role: 'admin' });
    const { key } = await issue(admin);
    const res = await call('/v1/tenants/xiaoshan/keys', { headers: admin });
    expect(res.status).toBe(200);
    const text = await res.text();
    const { keys } = JSON.parse(text) as { keys: Record<string, unknown>[] };
    const listed = keys.find((k) => k.id === key.id);
    expect(Object.keys(listed!).sort()).toEqual(['createdAt', 'createdBy', 'id', 'label', 'rateLimitPerMinute', 'revokedAt', 'scopes']);
    const row = await env.DB.prepare('SELECT secret_hash FROM api_keys WHERE id = ?').bind(key.id).first<{ secret_hash: string }>();
    expect(text).not.toContain(key.key.split('_')[2]!);
    expect(text).not.toContain(row!.secret_hash);
    expect(row!.secret_hash).not.toContain(key.key.split('_')[2]!);
  });

  it('revokes a key: its next request is 401 key-revoked, and revoking again keeps the first time', async () => {
    const admin = await staffHeaders({ role: 'admin' });
    const { key } = await issue(admin);
    const headers = { authorization: `Bearer ${key.key}` };
    expect((await call('/v1/auth/me', { headers })).status).toBe(200);
    const first = await call(`/v1/tenants/xiaoshan/keys/${key.id}`, { method: 'DELETE', headers: admin });
    expect(first.status).toBe(200);
    const revoked = (await first.json()) as CreatedKey;
    expect(revoked.revokedAt).toEqual(expect.any(String));
    const error = await expectError(await call('/v1/matters', { headers }), 401, 'UNAUTHENTICATED');
    expect(error.details).toEqual({ reason: 'key-revoked' });
    const again = (await (await call(`/v1/tenants/xiaoshan/keys/${key.id}`, { method: 'DELETE', headers: admin })).json()) as CreatedKey;
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it('lets a key with the admin scope manage keys, and no other key or role', async () => {
    const adminKey = await createApiKey({ scopes: ['admin'] });
    const { key } = await issue(adminKey.headers);
    expect(key.createdBy).toBe(adminKey.id);
    const portal = await createApiKey({ scopes: ['cases:submit', 'catalog:read', 'hall:run'] });
    await expectError(await call('/v1/tenants/xiaoshan/keys', { headers: portal.headers }), 403, 'FORBIDDEN');
    await expectError(await call('/v1/tenants/xiaoshan/keys', { headers: await staffHeaders({ role: 'hall-manager' }) }), 403, 'FORBIDDEN');
    await expectError(await call('/v1/tenants/xiaoshan/keys'), 401, 'UNAUTHENTICATED');
  });

  it('keeps each tenant’s keys to itself (404, never 403)', async () => {
    const xiaoshanAdmin = await staffHeaders({ role: 'admin' });
    const binjiangAdmin = await staffHeaders({ role: 'admin', tenant: 'binjiang' });
    const { key } = await issue(xiaoshanAdmin);
    await expectError(await call('/v1/tenants/xiaoshan/keys', { headers: binjiangAdmin }), 404, 'TENANT_NOT_FOUND');
    await expectError(await call('/v1/tenants/xiaoshan/keys', json(binjiangAdmin, { label: 'x', scopes: ['admin'] })), 404, 'TENANT_NOT_FOUND');
    await expectError(await call(`/v1/tenants/xiaoshan/keys/${key.id}`, { method: 'DELETE', headers: binjiangAdmin }), 404, 'TENANT_NOT_FOUND');
    const notOurs = await call(`/v1/tenants/binjiang/keys/${key.id}`, { method: 'DELETE', headers: binjiangAdmin });
    expect((await expectError(notOurs, 404, 'API_KEY_NOT_FOUND')).details).toEqual({ id: key.id });
    const { keys } = (await (await call('/v1/tenants/binjiang/keys', { headers: binjiangAdmin })).json()) as { keys: { id: string }[] };
    expect(keys.map((k) => k.id)).not.toContain(key.id);
    expect((await call('/v1/auth/me', { headers: { authorization: `Bearer ${key.key}` } })).status).toBe(200);
    await expectError(await call('/v1/tenants/nowhere/keys', { headers: xiaoshanAdmin }), 404, 'TENANT_NOT_FOUND');
  });

  it.each([
    [{ label: 'x', scopes: [] }],
    [{ label: 'x', scopes: ['root'] }],
    [{ label: 'x', scopes: ['admin', 'admin'] }],
    [{ label: '', scopes: ['admin'] }],
    [{ label: 'x', scopes: ['admin'], rateLimitPerMinute: 0 }],
    [{ label: 'x', scopes: ['admin'], rateLimitPerMinute: 1.5 }],
  ])('refuses an invalid key request %j with 400', async (body) => {
    await expectError(await call('/v1/tenants/xiaoshan/keys', json(await staffHeaders({ role: 'admin' }), body)), 400, 'INVALID_INPUT');
  });
});
