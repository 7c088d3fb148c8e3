import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectError } from './helpers.ts';
import { materialsFor, matterNamed, PERSON, resetCases, setBeijingTime, submitCase, type CaseBody } from './case-helpers.ts';

const OPERATOR = matterNamed('特种设备作业人员资格认定取证');
const COMPLETE: CaseBody = { applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) };
const INCOMPLETE: CaseBody = { ...COMPLETE, materials: [] };

const countCases = async () => env.DB.prepare('SELECT count(*) AS n FROM cases').first<number>('n');

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00');
});

describe('POST /v1/cases with Idempotency-Key', () => {
  it('never duplicates a case: concurrent identical requests register one and all answer the same reply', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => submitCase(COMPLETE, 'kiosk-7-000123')));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
    const bodies = await Promise.all(replies.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('Idempotent-Replay') === 'true')).toHaveLength(11);
    expect(await countCases()).toBe(1);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM applicants').first('n')).toBe(1);
    // A later retry gets the very same reply too.
    const retry = await submitCase(COMPLETE, 'kiosk-7-000123');
    expect(retry.headers.get('Idempotent-Replay')).toBe('true');
    expect(await retry.text()).toBe(bodies[0]);
  });

  it('replays the one-time notice of a registered case with its number and query code', async () => {
    const first = await expectError(await submitCase(INCOMPLETE, 'portal-abc'), 422, 'MATERIALS_INCOMPLETE');
    const again = await submitCase(INCOMPLETE, 'portal-abc');
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    const second = await expectError(again, 422, 'MATERIALS_INCOMPLETE');
    expect(second.details).toEqual(first.details);
    expect(second.requestId).not.toBe(first.requestId);
    expect(await countCases()).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    await submitCase(COMPLETE, 'kiosk-7-000124');
    const reused = await submitCase({ ...COMPLETE, channel: 'online' }, 'kiosk-7-000124');
    await expectError(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await countCases()).toBe(1);
  });

  it('stores neither the key nor the query code readable', async () => {
    const res = await submitCase(COMPLETE, 'kiosk-7-000125');
    const { queryCode } = (await res.json()) as { queryCode: string };
    const rows = await env.DB.prepare('SELECT * FROM idempotency_keys').all();
    const text = JSON.stringify(rows.results);
    expect(text).not.toContain('kiosk-7-000125');
    expect(text).not.toContain(queryCode);
  });

  it('registers a new case on every POST without a key, numbered without gaps even when concurrent', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => submitCase(COMPLETE)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    const numbers = (await Promise.all(replies.map((r) => r.json() as Promise<{ number: string }>))).map((b) => b.number);
    const sequences = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await countCases()).toBe(10);
    // One applicant, however many intakes raced to create it.
    expect(await env.DB.prepare('SELECT count(*) AS n FROM applicants').first('n')).toBe(1);
  });
});
