import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, DEMO_PASSWORD, DEMO_STAFF } from '../../scripts/demo-credentials.ts';
import { buildSeedSql } from '../../scripts/seed-local.ts';
import { call } from './helpers.ts';

/** The `npm start` seed, run on the test D1 as wrangler would (twice: it is idempotent). */
const seed = async () => {
  const statements = buildSeedSql()
    .split(/;\n/)
    .map((text) => text.trim())
    .filter(Boolean);
  await env.DB.batch(statements.map((text) => env.DB.prepare(text)));
};

describe('the demo credentials npm start seeds and prints', () => {
  it('sign every demo account in with the documented password (hashes written by Node’s PBKDF2)', async () => {
    await seed();
    await seed();
    for (const staff of DEMO_STAFF) {
      const res = await call('/v1/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: staff.username, password: DEMO_PASSWORD }),
      });
      expect(res.status, staff.username).toBe(200);
      const { token } = (await res.json()) as { token: string };
      const me = await call('/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toEqual({
        kind: 'staff',
        id: staff.username,
        tenant: staff.tenant,
        roles: [...staff.roles],
        scopes: [],
        department: staff.department,
        name: staff.name,
      });
    }
  });

  it('cover every role in both demo tenants, with scjg-wang in market supervision', () => {
    for (const tenant of ['xiaoshan', 'binjiang']) {
      const roles = DEMO_STAFF.filter((s) => s.tenant === tenant).flatMap((s) => s.roles);
      expect(new Set(roles)).toEqual(new Set(['front-desk', 'back-office', 'issuing-window', 'hall-manager', 'admin']));
    }
    expect(DEMO_STAFF.find((s) => s.username === 'scjg-wang')).toMatchObject({ tenant: 'xiaoshan', department: 'scjg' });
  });

  it('let each demo key in with every scope', async () => {
    await seed();
    for (const demo of DEMO_KEYS) {
      const me = await call('/v1/auth/me', { headers: { authorization: `Bearer ${demo.key}` } });
      expect(await me.json()).toMatchObject({ kind: 'key', id: demo.id, tenant: demo.tenant, scopes: ['catalog:read', 'cases:submit', 'hall:run', 'admin'] });
    }
  });
});
