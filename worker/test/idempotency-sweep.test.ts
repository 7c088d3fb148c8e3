import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_TTL_MS } from '../cases/idempotent-replies.ts';
import { sweepIdempotencyKeys } from '../cases/sweep-idempotency-keys.ts';
import { openDatabase } from '../db/client.ts';
import worker from '../index.ts';
import { acceptCase, materialsFor, matterNamed, PERSON, resetCases, submitCase, type CaseBody } from './case-helpers.ts';

/** Replies kept under an Idempotency-Key go once expired, by the cron, even if their key is never sent again. */

const OPERATOR = matterNamed('特种设备作业人员资格认定取证');
const CASE: CaseBody = { applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) };

const insertReply = (scope: string, keyHash: string, expiresAt: number) =>
  env.DB.prepare(
    `INSERT INTO idempotency_keys (scope, key_hash, request_hash, status, reply, created_at, expires_at) VALUES (?, ?, 'r', 201, 'sealed', ?, ?)`,
  )
    .bind(scope, keyHash, expiresAt - IDEMPOTENCY_TTL_MS, expiresAt)
    .run();

const keysLeft = async (): Promise<string[]> =>
  (await env.DB.prepare('SELECT key_hash FROM idempotency_keys ORDER BY key_hash').all<{ key_hash: string }>()).results.map((r) => r.key_hash);

const runCron = async (scheduledTime = Date.now()) => {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime, cron: '*/5 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
};

describe('the cron sweep of expired idempotent replies', () => {
  beforeEach(async () => {
    await resetCases();
    await env.DB.prepare('DELETE FROM idempotency_keys').run();
  });

  it('deletes the expired replies and keeps the live ones', async () => {
    const now = Date.now();
    await insertReply('xiaoshan POST /v1/cases', 'expired-1', now - 1);
    await insertReply('binjiang POST /v1/cases', 'expired-2', now - IDEMPOTENCY_TTL_MS);
    await insertReply('xiaoshan POST /v1/cases', 'live-1', now + 60_000);
    await runCron();
    expect(await keysLeft()).toEqual(['live-1']);
  });

  it('takes at most a batch per run, oldest first', async () => {
    const now = Date.now();
    for (let i = 0; i < 5; i++) await insertReply('xiaoshan POST /v1/cases', `old-${i}`, now - 10_000 + i);
    expect(await sweepIdempotencyKeys(openDatabase(env.DB), now, 3)).toBe(3);
    expect(await keysLeft()).toEqual(['old-3', 'old-4']);
    expect(await sweepIdempotencyKeys(openDatabase(env.DB), now, 3)).toBe(2);
    expect(await sweepIdempotencyKeys(openDatabase(env.DB), now, 3)).toBe(0);
  });

  it('leaves a live intake replayable: the retry still gets the same case', async () => {
    const accepted = await acceptCase(CASE, 'kiosk-7-0001');
    await runCron();
    const retried = await submitCase(CASE, 'kiosk-7-0001');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('Idempotent-Replay')).toBe('true');
    expect(((await retried.json()) as { number: string }).number).toBe(accepted.number);
  });
});
