import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatCaseNumber } from '../../core/index.ts';
import { openQueryCodeGate, QUERY_CODE_FAILURES_PER_HOUR } from '../cases/query-code-gate.ts';
import { expectError } from './helpers.ts';
import { acceptCase, call, materialsFor, matterNamed, PERSON, postJson, resetCases, setBeijingTime, type CaseBody } from './case-helpers.ts';
import { issueDogLicence, pathOf } from './certificate-helpers.ts';
import { decidedCase, rateCase, rateCaseOk, stepPath } from './evaluation-helpers.ts';

/** Guessing a receipt's six-digit query code: every route that takes one shares one allowance per case. */

const OPERATOR = matterNamed('特种设备作业人员资格认定取证');
const CASE: CaseBody = { applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) };
const MINUTE = 60_000;

const wrongCode = (code: string, step = 1) => String((Number(code) + step) % 1_000_000).padStart(6, '0');
const track = (number: string, code: string) => call(`/v1/track/${number}?code=${code}`);

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00');
});

describe('query-code guesses (GET /v1/track/{number})', () => {
  it(`allows ${QUERY_CODE_FAILURES_PER_HOUR} wrong codes, then refuses every attempt, right or wrong, with 429 and Retry-After`, async () => {
    const accepted = await acceptCase(CASE);
    for (let i = 1; i <= QUERY_CODE_FAILURES_PER_HOUR; i++) {
      await expectError(await track(accepted.number, wrongCode(accepted.queryCode, i)), 404, 'CASE_NOT_FOUND');
    }
    const locked = await track(accepted.number, wrongCode(accepted.queryCode, 99));
    const error = await expectError(locked.clone(), 429, 'TOO_MANY_CODE_ATTEMPTS');
    expect(error.message).toContain('查询码');
    const retryAfter = Number(locked.headers.get('Retry-After'));
    // One more attempt refills every 12 minutes.
    expect(retryAfter).toBeGreaterThan(11 * 60);
    expect(retryAfter).toBeLessThanOrEqual(12 * 60);
    expect(error.details).toMatchObject({ limitPerHour: QUERY_CODE_FAILURES_PER_HOUR, retryAfterSeconds: retryAfter });
    // The right code now tells a guesser nothing either.
    await expectError(await track(accepted.number, accepted.queryCode), 429, 'TOO_MANY_CODE_ATTEMPTS');
  });

  it('never counts the right code: a citizen checking often is never locked out', async () => {
    const accepted = await acceptCase(CASE);
    for (let i = 1; i < QUERY_CODE_FAILURES_PER_HOUR; i++) await track(accepted.number, wrongCode(accepted.queryCode, i));
    for (let i = 0; i < 8; i++) expect((await track(accepted.number, accepted.queryCode)).status).toBe(200);
    await expectError(await track(accepted.number, wrongCode(accepted.queryCode, 50)), 404, 'CASE_NOT_FOUND');
    await expectError(await track(accepted.number, wrongCode(accepted.queryCode, 51)), 429, 'TOO_MANY_CODE_ATTEMPTS');
  });

  it('locks an unknown but well-formed number the same way (the lockout does not tell which numbers exist)', async () => {
    const unknown = formatCaseNumber({ hallCode: 'XS', date: '2026-11-27', sequence: 99 });
    for (let i = 0; i < QUERY_CODE_FAILURES_PER_HOUR; i++) await expectError(await track(unknown, '123456'), 404, 'CASE_NOT_FOUND');
    await expectError(await track(unknown, '123456'), 429, 'TOO_MANY_CODE_ATTEMPTS');
  });

  it('keeps each case its own allowance, and never gates a malformed number', async () => {
    const [a, b] = [await acceptCase(CASE), await acceptCase(CASE)];
    for (let i = 0; i <= QUERY_CODE_FAILURES_PER_HOUR; i++) await track(a.number, wrongCode(a.queryCode, i + 1));
    await expectError(await track(a.number, a.queryCode), 429, 'TOO_MANY_CODE_ATTEMPTS');
    expect((await track(b.number, b.queryCode)).status).toBe(200);
    for (let i = 0; i < QUERY_CODE_FAILURES_PER_HOUR + 3; i++) await expectError(await track('not-a-number', '123456'), 404, 'CASE_NOT_FOUND');
  });
});

describe('one allowance per case across routes', () => {
  it('counts wrong codes at the holder’s certificate, its PDF and tracking against the same case', async () => {
    const issued = await issueDogLicence();
    const { number, queryCode } = issued.accepted;
    await expectError(await call(`${pathOf(issued.identifier)}?code=${wrongCode(queryCode, 1)}`), 404, 'CERTIFICATE_NOT_FOUND');
    await expectError(await call(`${pathOf(issued.identifier)}/pdf?code=${wrongCode(queryCode, 2)}`), 404, 'CERTIFICATE_NOT_FOUND');
    for (let i = 3; i <= QUERY_CODE_FAILURES_PER_HOUR; i++) await track(number, wrongCode(queryCode, i));
    await expectError(await call(`${pathOf(issued.identifier)}?code=${queryCode}`), 429, 'TOO_MANY_CODE_ATTEMPTS');
    await expectError(await call(`${pathOf(issued.identifier)}/pdf?code=${queryCode}`), 429, 'TOO_MANY_CODE_ATTEMPTS');
    await expectError(await track(number, queryCode), 429, 'TOO_MANY_CODE_ATTEMPTS');
  });
});

describe('ratings take the same allowance', () => {
  it('counts wrong codes at a case’s rating and its follow-up with tracking’s', async () => {
    const accepted = await decidedCase();
    const { number, queryCode } = accepted;
    await expectError(await rateCase(number, { code: wrongCode(queryCode, 1), level: 5 }), 404, 'CASE_NOT_FOUND');
    // A 差评 opens a rectification: its follow-up takes the case's query code.
    const { evaluation } = await rateCaseOk(number, { code: queryCode, level: 2 });
    const followUp = (code: string) => postJson(stepPath(evaluation.id, 'follow-up'), { code, level: 4 });
    await expectError(await followUp(wrongCode(queryCode, 2)), 404, 'EVALUATION_NOT_FOUND');
    for (let i = 3; i <= QUERY_CODE_FAILURES_PER_HOUR; i++) await track(number, wrongCode(queryCode, i));
    await expectError(await followUp(queryCode), 429, 'TOO_MANY_CODE_ATTEMPTS');
    await expectError(await rateCase(number, { code: queryCode, level: 5 }), 429, 'TOO_MANY_CODE_ATTEMPTS');
  });
});

describe('the gate over time', () => {
  it('refills one attempt every 12 minutes and keeps its count in storage (an evicted gate forgets nothing)', async () => {
    let now = Date.parse('2026-11-27T02:00:00Z');
    const gate = openQueryCodeGate(env, () => now);
    const number = formatCaseNumber({ hallCode: 'XS', date: '2026-11-27', sequence: 42 });
    for (let i = 0; i < QUERY_CODE_FAILURES_PER_HOUR; i++) expect((await gate(number, false)).ok).toBe(true);
    const refused = await gate(number, true);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'TOO_MANY_CODE_ATTEMPTS', details: { retryAfterSeconds: 12 * 60 } });
    // The bucket is in the object's storage, not only in memory.
    const stub = env.KEY_GATE.get(env.KEY_GATE.idFromName(`query-code:${number}`));
    const stored = await runInDurableObject(stub, (_instance, state) => state.storage.kv.get<{ units: number }>('attempts'));
    expect(stored?.units).toBe(0);
    now += 12 * MINUTE - 1;
    expect((await gate(number, false)).ok).toBe(false);
    now += 1;
    expect((await gate(number, false)).ok).toBe(true);
    expect((await gate(number, true)).ok).toBe(false);
    now += 60 * MINUTE;
    for (let i = 0; i < QUERY_CODE_FAILURES_PER_HOUR; i++) expect((await gate(number, false)).ok).toBe(true);
    expect((await gate(number, false)).ok).toBe(false);
  });
});
