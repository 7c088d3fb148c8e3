import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseAcceptedReply } from '../schemas/case-replies.ts';
import { PERSON, materialsFor, matter, resetCases, setBeijingTime } from './case-helpers.ts';
import { staffHeaders } from './credentials.ts';
import { crossRegionCaseBody, send as sendAs } from './webhook-helpers.ts';

/** 离婚登记: depth II (the couple must appear in person), not open across regions. */
const CLOSED_MATTER = '330F99070001-330109000000-000-11330109MB2020959Q-1-00';

/** GET without a body, POST with one, through the app (webhook-helpers' `send`). */
const send = (path: string, headers: Record<string, string>, body?: unknown) => sendAs(body === undefined ? 'GET' : 'POST', path, headers, body);

/** 食品经营许可（新办）, 网上办理深度 IV: open to Xiaoshan's partners. */
const openCase = crossRegionCaseBody;

const countRows = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

describe('跨区域通办: a partner’s front desk files a matter of another tenant', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('registers the case with the owner, numbered by the owner, and both tenants can read it', async () => {
    const binjiang = await staffHeaders({ role: 'front-desk', tenant: 'binjiang' });
    const res = await send('/v1/cases', binjiang, openCase());
    expect(res.status, await res.clone().text()).toBe(201);
    const accepted = (await res.json()) as CaseAcceptedReply;
    expect(accepted.number).toMatch(/^XS-/);
    const row = await env.DB.prepare('SELECT tenant_id, submitted_by_tenant_id, hall_id FROM cases WHERE number = ?').bind(accepted.number).first();
    expect(row).toEqual({ tenant_id: 'xiaoshan', submitted_by_tenant_id: 'binjiang', hall_id: 'binjiang' });
    const applicant = await env.DB.prepare('SELECT tenant_id FROM applicants WHERE id = ?').bind(accepted.applicantId).first();
    expect(applicant).toEqual({ tenant_id: 'xiaoshan' });

    for (const tenant of ['xiaoshan', 'binjiang']) {
      const read = await send(`/v1/cases/${accepted.number}`, await staffHeaders({ role: 'front-desk', tenant }));
      expect(read.status, `${tenant}: ${await read.clone().text()}`).toBe(200);
    }
  });

  it('numbers a tenant’s own intake in its own hall, with no submitter recorded', async () => {
    const res = await send('/v1/cases', await staffHeaders({ role: 'front-desk', tenant: 'binjiang' }), openCase({ ownerTenant: undefined }));
    expect(res.status, await res.clone().text()).toBe(201);
    const { number } = (await res.json()) as CaseAcceptedReply;
    expect(number).toMatch(/^BJ-/);
    const row = await env.DB.prepare('SELECT tenant_id, submitted_by_tenant_id FROM cases WHERE number = ?').bind(number).first();
    expect(row).toEqual({ tenant_id: 'binjiang', submitted_by_tenant_id: null });
  });

  it('refuses a matter the owner does not open, and a tenant that is not a partner, writing nothing', async () => {
    const binjiang = await staffHeaders({ role: 'front-desk', tenant: 'binjiang' });
    const closed = await send('/v1/cases', binjiang, openCase({ matterCode: CLOSED_MATTER, applicant: PERSON, materials: materialsFor([matter(CLOSED_MATTER)]) }));
    expect(closed.status).toBe(403);
    expect(((await closed.json()) as { error: { code: string; details: unknown } }).error).toMatchObject({
      code: 'CROSS_REGION_NOT_ALLOWED',
      details: { reason: 'matter-not-open', matterCodes: [CLOSED_MATTER] },
    });
    const unknown = await send('/v1/cases', binjiang, openCase({ ownerTenant: 'fuyang' }));
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('CROSS_REGION_NOT_ALLOWED');
    for (const table of ['cases', 'applicants', 'case_events', 'idempotency_keys', 'webhook_outbox']) expect(await countRows(table), table).toBe(0);
  });

  it('takes `hall` only from the caller’s own tenant', async () => {
    const res = await send('/v1/cases', await staffHeaders({ role: 'front-desk', tenant: 'xiaoshan' }), openCase({ ownerTenant: undefined }));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HALL_NOT_FOUND');
  });

  it('keeps Idempotency-Keys apart per tenant: the same key from another tenant is another key', async () => {
    const key = { 'idempotency-key': 'order-0001' };
    const xiaoshan = { ...(await staffHeaders({ role: 'front-desk', tenant: 'xiaoshan' })), ...key };
    const binjiang = { ...(await staffHeaders({ role: 'front-desk', tenant: 'binjiang' })), ...key };
    const first = await send('/v1/cases', xiaoshan, openCase({ hall: 'xiaoshan', ownerTenant: undefined }));
    expect(first.status, await first.clone().text()).toBe(201);
    // Another body under the same key: within one tenant that is IDEMPOTENCY_KEY_REUSED; across tenants, a new case.
    const other = await send('/v1/cases', binjiang, openCase());
    expect(other.status, await other.clone().text()).toBe(201);
    expect(other.headers.get('Idempotent-Replay')).toBeNull();
    const replay = await send('/v1/cases', xiaoshan, openCase({ hall: 'xiaoshan', ownerTenant: undefined }));
    expect(replay.headers.get('Idempotent-Replay')).toBe('true');
    const [mine, theirs, replayed] = (await Promise.all([first.json(), other.json(), replay.json()])) as CaseAcceptedReply[];
    expect(replayed!.number).toBe(mine!.number);
    expect(theirs!.number).not.toBe(mine!.number);
  });
});
