import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { app } from '../app.ts';
import type { CaseAcceptedReply } from '../schemas/case-replies.ts';
import { COMPANY, materialsFor, matter } from './case-helpers.ts';
import { staffHeaders } from './credentials.ts';
import type { ReceivedRequest } from './webhook-receiver.ts';

/** Helpers for the webhook tests: real requests through the app, the dispatchers, and an independent verifier. */

export const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  Promise.resolve(
    app.fetch(
      new Request(`http://hall.test${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      env,
      createExecutionContext(),
    ),
  );

/** 食品经营许可（新办）: open across regions, handled by Xiaoshan's 市场监管局 (scjg). */
export const OPEN_MATTER = '511A0005200004-330109000000-000-11330109MB20201373-1-00';

/** Sets the tenant's webhook as its administrator; answers the secret. */
export const setWebhook = async (tenant: string, url: string): Promise<string> => {
  const res = await send('PUT', `/v1/tenants/${tenant}/webhook`, await staffHeaders({ role: 'admin', tenant }), { url });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { secret: string }).secret;
};

/** The body of a Binjiang front desk's intake of a Xiaoshan matter (跨区域通办), with `extra` fields replaced. */
export const crossRegionCaseBody = (extra: Record<string, unknown> = {}) => ({
  hall: 'binjiang',
  ownerTenant: 'xiaoshan',
  channel: 'window',
  applicant: COMPANY,
  matterCode: OPEN_MATTER,
  materials: materialsFor([matter(OPEN_MATTER)]),
  ...extra,
});

/** Lets a stray extra delivery (or a dispatcher round already under way) show itself before asserting. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** A Binjiang front desk files a Xiaoshan matter (跨区域通办). */
export const submitCrossRegionCase = async (): Promise<CaseAcceptedReply> => {
  const res = await send('POST', '/v1/cases', await staffHeaders({ role: 'front-desk', tenant: 'binjiang' }), crossRegionCaseBody());
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as CaseAcceptedReply;
};

/** Claims and approves a task as a Xiaoshan back-office member of its department. */
export const approveTask = async (taskId: string): Promise<void> => {
  const headers = await staffHeaders({ role: 'back-office', tenant: 'xiaoshan', department: 'scjg' });
  const claimed = await send('POST', `/v1/tasks/${taskId}/claim`, headers, {});
  expect(claimed.status, await claimed.clone().text()).toBe(200);
  const decided = await send('POST', `/v1/tasks/${taskId}/decision`, headers, { decision: { kind: 'approve' } });
  expect(decided.status, await decided.clone().text()).toBe(200);
};

export const dispatcher = (tenant: string) => env.WEBHOOKS.get(env.WEBHOOKS.idFromName(tenant));

/** Makes every pending message due now and wakes the tenant's dispatcher (instead of waiting out the backoff). */
export const retryNow = async (tenant: string): Promise<void> => {
  await env.DB.prepare("UPDATE webhook_outbox SET next_attempt_at = 0 WHERE status = 'pending' AND tenant_id = ?").bind(tenant).run();
  await dispatcher(tenant).wake(tenant);
};

export interface OutboxRowView {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  body: string;
}

export const readOutbox = async (tenant: string): Promise<OutboxRowView[]> =>
  (await env.DB.prepare('SELECT id, status, attempts, next_attempt_at, last_error, body FROM webhook_outbox WHERE tenant_id = ? ORDER BY created_at, id').bind(tenant).all<OutboxRowView>()).results;

/**
 * Verifies a received request as a partner would, written from the Standard Webhooks spec rather than with the
 * worker's signing code: HMAC-SHA256 keyed by the base64 after `whsec_`, over `id.timestamp.body`.
 */
export const verifySignature = async (secret: string, request: ReceivedRequest): Promise<boolean> => {
  const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', fromBase64(secret.slice('whsec_'.length)), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = new TextEncoder().encode(`${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`);
  // The header may carry several space-separated signatures (during a secret rotation); one valid v1 suffices.
  for (const candidate of (request.headers['webhook-signature'] ?? '').split(' ')) {
    const [version, signature] = candidate.split(',');
    if (version === 'v1' && signature !== undefined && (await crypto.subtle.verify('HMAC', key, fromBase64(signature), signed))) return true;
  }
  return false;
};
