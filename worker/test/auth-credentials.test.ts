import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { signStaffToken, STAFF_TOKEN_LIFETIME_SECONDS } from '../auth/staff-token.ts';
import { createApiKey, staffHeaders, staffToken } from './credentials.ts';
import { call, expectError } from './helpers.ts';

const me = (headers: Record<string, string>) => call('/v1/auth/me', { headers });
const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

describe('anonymous callers', () => {
  it('are served on public routes and refused on the others', async () => {
    expect((await call('/v1/departments')).status).toBe(200);
    await expectError(await call('/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('staff tokens', () => {
  it('identify the staff member with roles, tenant and department', async () => {
    const res = await me(await staffHeaders({ role: 'back-office', id: 'scjg-wang', name: '王审批' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kind: 'staff',
      id: 'scjg-wang',
      tenant: 'xiaoshan',
      roles: ['back-office'],
      scopes: [],
      department: 'scjg',
      name: '王审批',
    });
  });

  it('refuses an expired token with reason token-expired, on a public route too', async () => {
    const issued = Math.floor(Date.now() / 1000) - STAFF_TOKEN_LIFETIME_SECONDS - 5;
    const headers = await staffHeaders({ role: 'front-desk', issuedAtSeconds: issued });
    const res = await call('/v1/departments', { headers });
    expect((await expectError(res, 401, 'UNAUTHENTICATED')).details).toEqual({ reason: 'token-expired' });
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a token whose claims were changed (roles raised to admin)', async () => {
    const [header, payload, signature] = (await staffToken({ role: 'front-desk' })).split('.');
    const claims = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const forged = btoa(JSON.stringify({ ...claims, roles: ['admin'] })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const error = await expectError(await me(bearer(`${header}.${forged}.${signature}`)), 401, 'UNAUTHENTICATED');
    expect(error.details).toEqual({ reason: 'token-invalid' });
  });

  it('refuses a token signed with another secret', async () => {
    const signed = await signStaffToken('another-secret-of-at-least-32-bytes!!', { id: 'x', tenant: 'xiaoshan', roles: ['admin'], name: 'x' });
    const error = await expectError(await me(bearer(signed!.token)), 401, 'UNAUTHENTICATED');
    expect(error.details).toEqual({ reason: 'token-invalid' });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    const now = Math.floor(Date.now() / 1000);
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', ten: 'xiaoshan', roles: ['admin'], name: 'x', iat: now, exp: now + 60 })}.`;
    await expectError(await me(bearer(token)), 401, 'UNAUTHENTICATED');
  });

  it.each([['garbage'], ['a.b.c']])('refuses a malformed token (%s)', async (token) => {
    const error = await expectError(await call('/v1/matters', { headers: bearer(token) }), 401, 'UNAUTHENTICATED');
    expect(error.details).toEqual({ reason: 'token-invalid' });
  });

  it.each([['Basic eC14'], ['Bearer'], ['Bearer  '], ['Token abc']])('refuses another scheme or a missing credential (%j)', async (header) => {
    const error = await expectError(await call('/v1/departments', { headers: { authorization: header } }), 401, 'UNAUTHENTICATED');
    expect(error.details).toEqual({ reason: 'scheme-unsupported' });
  });

  it('does not sign without a secret of at least 32 bytes', async () => {
    expect(await signStaffToken(undefined, { id: 'x', tenant: 'xiaoshan', roles: ['admin'], name: 'x' })).toBeUndefined();
    expect(await signStaffToken('short', { id: 'x', tenant: 'xiaoshan', roles: ['admin'], name: 'x' })).toBeUndefined();
    expect(env.AUTH_TOKEN_SECRET?.length).toBeGreaterThanOrEqual(32);
  });
});

describe('API keys', () => {
  it('identify the key with its tenant, scopes and label', async () => {
    const key = await createApiKey({ tenant: 'binjiang', scopes: ['cases:submit', 'catalog:read'], label: '滨江门户' });
    expect(key.key).toMatch(/^ow_[a-z2-7]{12}_[a-z2-7]{32}$/);
    const res = await me(key.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kind: 'key',
      id: key.id,
      tenant: 'binjiang',
      roles: [],
      scopes: ['cases:submit', 'catalog:read'],
      department: null,
      name: '滨江门户',
    });
  });

  it('refuses a malformed key, an unknown id and a wrong secret, on public routes too', async () => {
    const key = await createApiKey({ scopes: ['catalog:read'] });
    const wrongSecret = `ow_${key.id}_${'a'.repeat(32)}`;
    const cases: [string, string][] = [
      ['ow_short', 'key-malformed'],
      [`ow_${'b'.repeat(12)}_${'c'.repeat(32)}`, 'key-unknown'],
      [wrongSecret, 'key-unknown'],
    ];
    for (const [text, reason] of cases) {
      const error = await expectError(await call('/v1/matters', { headers: bearer(text) }), 401, 'UNAUTHENTICATED');
      expect(error.details).toEqual({ reason });
    }
  });

  it('stores only the SHA-256 of the secret, never the key text', async () => {
    const key = await createApiKey({ scopes: ['admin'] });
    const row = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?').bind(key.id).first<Record<string, unknown>>();
    const secret = key.key.split('_')[2]!;
    expect(row?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('is refused at once when its gate revokes it, though the row is still cached', async () => {
    const key = await createApiKey({ scopes: ['catalog:read'] });
    expect((await me(key.headers)).status).toBe(200);
    await env.KEY_GATE.get(env.KEY_GATE.idFromName(key.id)).revoke();
    const error = await expectError(await me(key.headers), 401, 'UNAUTHENTICATED');
    expect(error.details).toEqual({ reason: 'key-revoked' });
  });

  it('answers 429 with Retry-After past its limit, and lets the key in again once the bucket refills', async () => {
    const key = await createApiKey({ scopes: ['catalog:read'], rateLimitPerMinute: 60 });
    const burst = await Promise.all(Array.from({ length: 60 }, () => me(key.headers)));
    expect(burst.map((res) => res.status)).toEqual(Array(60).fill(200));
    const refused = await me(key.headers);
    const error = await expectError(refused, 429, 'RATE_LIMITED');
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(error.details).toEqual({ retryAfterSeconds: 1, limitPerMinute: 60 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await me(key.headers)).status).toBe(200);
  });

  it('limits each key on its own', async () => {
    const small = await createApiKey({ scopes: ['catalog:read'], rateLimitPerMinute: 1 });
    const other = await createApiKey({ scopes: ['catalog:read'], rateLimitPerMinute: 1 });
    expect((await me(small.headers)).status).toBe(200);
    await expectError(await me(small.headers), 429, 'RATE_LIMITED');
    expect((await me(other.headers)).status).toBe(200);
  });
});
