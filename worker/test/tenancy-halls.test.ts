import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { createApiKey, staffHeaders } from './credentials.ts';
import { expectError } from './helpers.ts';
import { call, postJson, takeTicket } from './hall-helpers.ts';

/** Tenant isolation of the hall routes: the `{hall}` of a window or report route must be the caller's tenant's. */

/** A request with no credential at all (the helpers would add the route's default staff member's). */
const anonymous = (method: string, path: string, body?: unknown) =>
  Promise.resolve(
    app.fetch(
      new Request(`http://hall.test${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      }),
      env,
      createExecutionContext(),
    ),
  );

describe('a hall of another tenant', () => {
  it('is HALL_NOT_FOUND to Binjiang’s window staff and hall manager, as an unknown hall is', async () => {
    const ticket = await takeTicket();
    const desk = await staffHeaders({ role: 'front-desk', tenant: 'binjiang' });
    const manager = await staffHeaders({ role: 'hall-manager', tenant: 'binjiang' });
    for (const action of ['open', 'call', 'resume', 'close']) {
      await expectError(await postJson(`/v1/halls/xiaoshan/windows/1/${action}`, undefined, desk), 404, 'HALL_NOT_FOUND');
    }
    await expectError(await postJson('/v1/halls/xiaoshan/windows/1/pause', { reason: '午休' }, manager), 404, 'HALL_NOT_FOUND');
    for (const action of ['recall', 'start', 'no-show', 'cancel']) {
      await expectError(await postJson(`/v1/halls/xiaoshan/tickets/${ticket.id}/${action}`, undefined, desk), 404, 'HALL_NOT_FOUND');
    }
    await expectError(await postJson(`/v1/halls/xiaoshan/tickets/${ticket.id}/complete`, { outcome: 'referred' }, desk), 404, 'HALL_NOT_FOUND');
    await expectError(await postJson(`/v1/halls/xiaoshan/tickets/${ticket.id}/transfer`, { backToLine: true }, desk), 404, 'HALL_NOT_FOUND');
    await expectError(await call('/v1/halls/xiaoshan/report?from=2026-11-23&to=2026-11-27', { headers: manager }), 404, 'HALL_NOT_FOUND');
    // Their own hall answers them; the ticket Binjiang's desk could not touch still waits in Xiaoshan.
    expect((await postJson('/v1/halls/binjiang/windows/1/open', undefined, desk)).status).toBe(200);
    expect((await call(`/v1/halls/xiaoshan/tickets/${ticket.id}`)).status).toBe(200);
  });

  it('lets a hall:run key call windows of its own tenant’s hall only', async () => {
    const xiaoshanKey = await createApiKey({ scopes: ['hall:run'] });
    const binjiangKey = await createApiKey({ tenant: 'binjiang', scopes: ['hall:run'] });
    expect((await postJson('/v1/halls/binjiang/windows/2/open', undefined, binjiangKey.headers)).status).toBe(200);
    const called = await postJson('/v1/halls/binjiang/windows/2/call', undefined, binjiangKey.headers);
    expect([200, 204]).toContain(called.status);
    await expectError(await postJson('/v1/halls/binjiang/windows/2/call', undefined, xiaoshanKey.headers), 404, 'HALL_NOT_FOUND');
    await expectError(await postJson('/v1/halls/xiaoshan/windows/2/open', undefined, binjiangKey.headers), 404, 'HALL_NOT_FOUND');
    expect((await postJson('/v1/halls/xiaoshan/windows/2/open', undefined, xiaoshanKey.headers)).status).toBe(200);
    // A key without hall:run is refused before any hall is looked at.
    const submitter = await createApiKey({ scopes: ['cases:submit'] });
    await expectError(await postJson('/v1/halls/xiaoshan/windows/2/call', undefined, submitter.headers), 403, 'FORBIDDEN');
  });
});

/** Every route issue 6 converted from public, with a path and body that would otherwise pass validation. */
const CONVERTED: readonly (readonly [string, string, unknown?])[] = [
  ['GET', '/v1/cases/XS-261127-0001-5'],
  ['POST', '/v1/cases/XS-261127-0001-5/corrections', { materials: [] }],
  ['GET', '/v1/cases/XS-261127-0001-5/audit'],
  ['GET', '/v1/applicants/someone/materials'],
  ['GET', '/v1/departments/scjg/tasks'],
  ['POST', '/v1/tasks/some-task/claim', {}],
  ['POST', '/v1/tasks/some-task/decision', { decision: { kind: 'approve' } }],
  ['POST', '/v1/cases/XS-261127-0001-5/pickup', {}],
  ['POST', '/v1/cases/XS-261127-0001-5/mail', {}],
  ['POST', '/v1/cases/XS-261127-0001-5/delivered', {}],
  ['POST', '/v1/cases/XS-261127-0001-5/certificates', {}],
  ['POST', '/v1/certificates/some-id/revoke', { reason: 'x' }],
  ['POST', '/v1/certificates/some-id/cancel', { reason: 'x' }],
  ['POST', '/v1/certificates/some-id/reissue', { reason: 'x' }],
  ...['call', 'open', 'pause', 'resume', 'close'].map((a) => ['POST', `/v1/halls/xiaoshan/windows/1/${a}`] as const),
  ...['recall', 'start', 'complete', 'no-show', 'transfer', 'cancel'].map((a) => ['POST', `/v1/halls/xiaoshan/tickets/t1/${a}`] as const),
  ['GET', '/v1/halls/xiaoshan/report?from=2026-11-23&to=2026-11-27'],
  ['GET', '/v1/evaluations/case:XS-261127-0001-5'],
  ['GET', '/v1/rectifications'],
  ...['contact', 'reply', 'close', 'appeal', 'appeal-decision'].map((s) => ['POST', `/v1/rectifications/case:XS-261127-0001-5/${s}`, {}] as const),
];

describe('anonymous callers', () => {
  it('get 401 UNAUTHENTICATED on every converted route, before validation or lookup', async () => {
    for (const [method, path, body] of CONVERTED) {
      const res = await anonymous(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      await expectError(res, 401, 'UNAUTHENTICATED');
    }
  });

  it('still take tickets and read the board, the ticket and the tracking page', async () => {
    const taken = await anonymous('POST', '/v1/halls/binjiang/tickets', { class: 'normal' });
    expect(taken.status, await taken.clone().text()).toBe(201);
    const ticket = (await taken.json()) as { id: string };
    for (const path of ['/v1/halls/binjiang/queue', '/v1/halls/binjiang/stats', `/v1/halls/binjiang/tickets/${ticket.id}`]) {
      expect((await anonymous('GET', path)).status, path).toBe(200);
    }
    await expectError(await anonymous('GET', '/v1/track/XS-261127-0001-5?code=0000-0000'), 404, 'CASE_NOT_FOUND');
  });
});
