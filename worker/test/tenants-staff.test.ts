import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { staffHeaders } from './credentials.ts';
import { call, expectError } from './helpers.ts';

const post = (path: string, headers: Record<string, string>, body: unknown) =>
  call(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const PASSWORD = 'correct-horse-battery';

describe('staff account administration', () => {
  it('opens an account that can sign in with its roles and department', async () => {
    const admin = await staffHeaders({ role: 'admin' });
    const res = await post('/v1/tenants/xiaoshan/staff', admin, { id: 'scjg-li', name: '李审批', roles: ['back-office'], department: 'scjg', password: PASSWORD });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'scjg-li', tenant: 'xiaoshan', roles: ['back-office'], department: 'scjg', disabled: false });
    const signedIn = await post('/v1/auth/token', {}, { username: 'scjg-li', password: PASSWORD });
    expect(((await signedIn.json()) as { staff: unknown }).staff).toEqual({ id: 'scjg-li', tenant: 'xiaoshan', roles: ['back-office'], department: 'scjg', name: '李审批' });
    const row = await env.DB.prepare('SELECT password_hash FROM staff_accounts WHERE id = ?').bind('scjg-li').first<{ password_hash: string }>();
    expect(row!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
  });

  it('lists the tenant’s accounts without password hashes, and not another tenant’s', async () => {
    await post('/v1/tenants/binjiang/staff', await staffHeaders({ role: 'admin', tenant: 'binjiang' }), { id: 'bj-list', name: '滨江', roles: ['front-desk'], password: PASSWORD });
    await post('/v1/tenants/xiaoshan/staff', await staffHeaders({ role: 'admin' }), { id: 'xs-list', name: '萧山', roles: ['front-desk', 'hall-manager'], password: PASSWORD });
    const res = await call('/v1/tenants/xiaoshan/staff', { headers: await staffHeaders({ role: 'admin' }) });
    const text = await res.text();
    const { staff } = JSON.parse(text) as { staff: { id: string }[] };
    expect(staff.map((s) => s.id)).toContain('xs-list');
    expect(staff.map((s) => s.id)).not.toContain('bj-list');
    expect(text).not.toContain('pbkdf2');
  });

  it('answers 409 for a user name taken in any tenant', async () => {
    await post('/v1/tenants/xiaoshan/staff', await staffHeaders({ role: 'admin' }), { id: 'taken-name', name: 'a', roles: ['admin'], password: PASSWORD });
    const res = await post('/v1/tenants/binjiang/staff', await staffHeaders({ role: 'admin', tenant: 'binjiang' }), { id: 'taken-name', name: 'b', roles: ['admin'], password: PASSWORD });
    expect((await expectError(res, 409, 'STAFF_ACCOUNT_EXISTS')).details).toEqual({ id: 'taken-name' });
  });

  it.each([
    [{ id: 'x-1', name: 'x', roles: ['back-office'], password: PASSWORD }, 'department'],
    [{ id: 'x-2', name: 'x', roles: ['front-desk'], department: 'scjg', password: PASSWORD }, 'department'],
    [{ id: 'x-3', name: 'x', roles: ['back-office'], department: 'no-such-department', password: PASSWORD }, 'department'],
    [{ id: 'x-4', name: 'x', roles: ['front-desk'], password: 'short-pass' }, 'password'],
    [{ id: 'x-5', name: 'x', roles: ['superuser'], password: PASSWORD }, 'roles'],
    [{ id: 'x-6', name: 'x', roles: [], password: PASSWORD }, 'roles'],
    [{ id: 'Bad Name', name: 'x', roles: ['front-desk'], password: PASSWORD }, 'id'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const error = await expectError(await post('/v1/tenants/xiaoshan/staff', await staffHeaders({ role: 'admin' }), body), 400, 'INVALID_INPUT');
    expect(error.details?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.arrayContaining([field]) })]));
  });

  it('is for the tenant’s own administrators only', async () => {
    const body = { id: 'x-cross', name: 'x', roles: ['admin'], password: PASSWORD };
    await expectError(await post('/v1/tenants/xiaoshan/staff', await staffHeaders({ role: 'admin', tenant: 'binjiang' }), body), 404, 'TENANT_NOT_FOUND');
    await expectError(await post('/v1/tenants/xiaoshan/staff', await staffHeaders({ role: 'hall-manager' }), body), 403, 'FORBIDDEN');
    await expectError(await call('/v1/tenants/xiaoshan/staff', { headers: await staffHeaders({ role: 'admin', tenant: 'binjiang' }) }), 404, 'TENANT_NOT_FOUND');
  });
});

describe('GET /v1/tenants/{tenant}', () => {
  it('shows a tenant to its own callers and to its partners', async () => {
    const own = await call('/v1/tenants/xiaoshan', { headers: await staffHeaders({ role: 'front-desk' }) });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      id: 'xiaoshan',
      name: '杭州市萧山区',
      halls: ['xiaoshan'],
      catalog: { id: 'xiaoshan', version: expect.any(String) },
      crossRegion: { partners: ['binjiang'], minOnlineDepth: 'III', matterCodes: [] },
    });
    const partner = await call('/v1/tenants/xiaoshan', { headers: await staffHeaders({ role: 'front-desk', tenant: 'binjiang' }) });
    expect(partner.status).toBe(200);
  });

  it('answers 404 for an unknown tenant and 401 for an anonymous caller', async () => {
    await expectError(await call('/v1/tenants/atlantis', { headers: await staffHeaders({ role: 'admin' }) }), 404, 'TENANT_NOT_FOUND');
    await expectError(await call('/v1/tenants/xiaoshan'), 401, 'UNAUTHENTICATED');
  });

  it('answers 404 to a tenant that is not a partner', async () => {
    const outsider = await staffHeaders({ role: 'admin', tenant: 'fuyang' });
    await expectError(await call('/v1/tenants/xiaoshan', { headers: outsider }), 404, 'TENANT_NOT_FOUND');
  });
});
