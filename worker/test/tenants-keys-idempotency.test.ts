import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { staffHeaders } from './credentials.ts';
import { call, expectError } from './helpers.ts';
import { readDocument, readErrorCodes } from './openapi-helpers.ts';

/** POST /v1/tenants/{tenant}/keys with Idempotency-Key: a retry after a lost reply never issues a second key. */

interface CreatedKey {
  id: string;
  key: string;
  label: string;
}

const issue = async (label: string, opts: { key?: string; tenant?: string; scopes?: string[] } = {}) => {
  const tenant = opts.tenant ?? 'xiaoshan';
  const headers: Record<string, string> = { ...(await staffHeaders({ role: 'admin', tenant })), 'content-type': 'application/json' };
  if (opts.key !== undefined) headers['idempotency-key'] = opts.key;
  return call(`/v1/tenants/${tenant}/keys`, { method: 'POST', headers, body: JSON.stringify({ label, scopes: opts.scopes ?? ['catalog:read'] }) });
};

/** Key rows with the label: what the database holds, whatever the replies said. */
const keysLabelled = async (label: string) =>
  (await env.DB.prepare('SELECT id, tenant_id AS tenant FROM api_keys WHERE label = ?1 ORDER BY id').bind(label).all<{ id: string; tenant: string }>()).results;

describe('POST /v1/tenants/{tenant}/keys with Idempotency-Key', () => {
  it('answers a retry with the very same key id and text, and issues one key', async () => {
    const first = await issue('重试门户', { key: 'admin-tool-4f1c9e' });
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replay')).toBeNull();
    const again = await issue('重试门户', { key: 'admin-tool-4f1c9e' });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    const [text, replayed] = [await first.text(), await again.text()];
    expect(replayed).toBe(text);
    const created = JSON.parse(text) as CreatedKey;
    expect(again.headers.get('Location')).toBe(`/v1/tenants/xiaoshan/keys/${created.id}`);
    expect(await keysLabelled('重试门户')).toEqual([{ id: created.id, tenant: 'xiaoshan' }]);
    // The replayed text is the one key that works.
    const me = await call('/v1/auth/me', { headers: { authorization: `Bearer ${created.key}` } });
    expect(await me.json()).toMatchObject({ kind: 'key', id: created.id });
  });

  it('issues one key for concurrent identical requests, all answering the same reply', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => issue('并发门户', { key: 'admin-tool-concurrent' })));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    const bodies = await Promise.all(replies.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('Idempotent-Replay') === 'true')).toHaveLength(7);
    expect(await keysLabelled('并发门户')).toHaveLength(1);
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and issues nothing more', async () => {
    await issue('原请求', { key: 'admin-tool-reused' });
    const error = await expectError(await issue('另一请求', { key: 'admin-tool-reused' }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(error.details).toEqual({ idempotencyKey: 'admin-tool-reused' });
    await expectError(await issue('原请求', { key: 'admin-tool-reused', scopes: ['admin'] }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await keysLabelled('原请求')).toHaveLength(1);
    expect(await keysLabelled('另一请求')).toHaveLength(0);
  });

  it('keeps keys apart per tenant: the same key and body from another tenant issues that tenant its own key', async () => {
    const xiaoshan = await issue('两区同键', { key: 'order-0001' });
    const binjiang = await issue('两区同键', { key: 'order-0001', tenant: 'binjiang' });
    expect(binjiang.status).toBe(201);
    expect(binjiang.headers.get('Idempotent-Replay')).toBeNull();
    const [mine, theirs] = (await Promise.all([xiaoshan.json(), binjiang.json()])) as CreatedKey[];
    expect(theirs!.id).not.toBe(mine!.id);
    expect(theirs!.key).not.toBe(mine!.key);
    expect((await keysLabelled('两区同键')).map((k) => k.tenant).sort()).toEqual(['binjiang', 'xiaoshan']);
    // Each tenant's retry replays its own key.
    const replay = (await (await issue('两区同键', { key: 'order-0001', tenant: 'binjiang' })).json()) as CreatedKey;
    expect(replay.id).toBe(theirs!.id);
  });

  it('keeps neither the idempotency key nor the key text readable in the stored reply', async () => {
    const created = (await (await issue('密封门户', { key: 'admin-tool-sealed-77' })).json()) as CreatedKey;
    const rows = await env.DB.prepare("SELECT * FROM idempotency_keys WHERE scope = 'xiaoshan POST /v1/tenants/{tenant}/keys'").all();
    expect(rows.results.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows.results);
    expect(text).not.toContain('admin-tool-sealed-77');
    expect(text).not.toContain(created.key.split('_')[2]!);
  });

  it('issues a new key on every POST without a key, as before', async () => {
    const first = await issue('无幂等键');
    const second = await issue('无幂等键');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('Idempotent-Replay')).toBeNull();
    const ids = ((await Promise.all([first.json(), second.json()])) as CreatedKey[]).map((k) => k.id);
    expect(new Set(ids).size).toBe(2);
    expect(await keysLabelled('无幂等键')).toHaveLength(2);
  });

  it('documents the optional header, the replay header and IDEMPOTENCY_KEY_REUSED', async () => {
    const op = (await readDocument()).paths['/v1/tenants/{tenant}/keys']!.post!;
    expect(op.parameters?.filter((p) => p.in === 'header').map((p) => [p.name, p.required ?? false])).toEqual([['idempotency-key', false]]);
    expect(readErrorCodes(op, '422')).toContain('IDEMPOTENCY_KEY_REUSED');
    expect(Object.keys((op.responses['201'] as { headers?: object }).headers ?? {})).toContain('Idempotent-Replay');
    expect(op.description).not.toContain('No Idempotency-Key');
  });
});
