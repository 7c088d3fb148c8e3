import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseReply } from '../schemas/case-replies.ts';
import { expectError } from './helpers.ts';
import { readDocument, readErrorCodes } from './openapi-helpers.ts';
import { materialsFor, matterNamed, PERSON, postJson, resetCases, setBeijingTime, submitCase } from './case-helpers.ts';

/**
 * POST /v1/cases/{number}/corrections with Idempotency-Key: an incomplete correction leaves the case waiting, so
 * a retry without a key is reviewed again; with one it replays and writes nothing.
 */

const OPERATOR = matterNamed('特种设备作业人员资格认定取证');
const FORM = OPERATOR.materials[0]!.id;
const ALL = materialsFor([OPERATOR]);
const only = (id: string) => ALL.filter((m) => m.materialId === id);
/** Still short: the form is missing and the ID card unreadable. */
const STILL_SHORT = { materials: only('resident-id-card').map((m) => ({ ...m, readable: false })) };
const COMPLETING = { materials: only(FORM) };

/** Registers a case at the hall missing its application form (awaiting correction); answers its number. */
const registerIncomplete = async (hall = 'xiaoshan') => {
  const res = await submitCase({ hall, applicant: PERSON, matterCode: OPERATOR.code, materials: ALL.filter((m) => m.materialId !== FORM) });
  return ((await expectError(res, 422, 'MATERIALS_INCOMPLETE')).details as { number: string }).number;
};

const correct = (number: string, body: unknown, key?: string) =>
  postJson(`/v1/cases/${encodeURIComponent(number)}/corrections`, body, key === undefined ? {} : { 'Idempotency-Key': key });

/** What the case holds in D1: its notices, its visits (跑动: the window intake is the first), its events. */
const stateOf = async (number: string) => ({
  notices: await env.DB.prepare('SELECT count(*) AS n FROM notices WHERE case_number = ?1').bind(number).first<number>('n'),
  visits: await env.DB.prepare('SELECT visits FROM cases WHERE number = ?1').bind(number).first<number>('visits'),
  events: await env.DB.prepare('SELECT count(*) AS n FROM case_events WHERE case_number = ?1').bind(number).first<number>('n'),
});

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00');
});

describe('POST /v1/cases/{number}/corrections with Idempotency-Key', () => {
  it('answers a retried incomplete correction with the same notice, issuing one notice and counting one visit', async () => {
    const number = await registerIncomplete();
    const res = await correct(number, STILL_SHORT, 'window-3-0001');
    expect(res.headers.get('Idempotent-Replay')).toBeNull();
    const first = await expectError(res, 422, 'MATERIALS_INCOMPLETE');
    const after = await stateOf(number);
    expect(after).toMatchObject({ notices: 2, visits: 2 });

    const again = await correct(number, STILL_SHORT, 'window-3-0001');
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    const second = await expectError(again, 422, 'MATERIALS_INCOMPLETE');
    expect(second.details).toEqual(first.details);
    expect(await stateOf(number)).toEqual(after);
  });

  it('answers a retried complete correction with the case as it stands, accepting it once', async () => {
    const number = await registerIncomplete();
    const res = await correct(number, COMPLETING, 'window-3-0002');
    expect(res.status).toBe(200);
    const first = (await res.json()) as CaseReply;
    expect(first).toMatchObject({ number, status: 'in-review', acceptedOn: '2026-11-27' });
    const after = await stateOf(number);

    const again = await correct(number, COMPLETING, 'window-3-0002');
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    expect(await again.json()).toEqual(first);
    expect(await stateOf(number)).toEqual(after);
    // Without the key the same retry is refused, as it always was.
    await expectError(await correct(number, COMPLETING), 409, 'CASE_NOT_AWAITING_CORRECTION');
  });

  it('reviews concurrent identical corrections once, all answering the same notice', async () => {
    const number = await registerIncomplete();
    const replies = await Promise.all(Array.from({ length: 6 }, () => correct(number, STILL_SHORT, 'window-3-0003')));
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(422));
    expect(replies.filter((r) => r.headers.get('Idempotent-Replay') === 'true')).toHaveLength(5);
    const notices = await Promise.all(replies.map(async (r) => JSON.stringify(((await r.json()) as { error: { details: unknown } }).error.details)));
    expect(new Set(notices).size).toBe(1);
    expect(await stateOf(number)).toMatchObject({ notices: 2, visits: 2 });
  });

  it('refuses the same key with another body or for another case (422 IDEMPOTENCY_KEY_REUSED), writing nothing', async () => {
    const number = await registerIncomplete();
    const other = await registerIncomplete();
    await expectError(await correct(number, STILL_SHORT, 'window-3-0004'), 422, 'MATERIALS_INCOMPLETE');
    const before = [await stateOf(number), await stateOf(other)];
    const reused = await expectError(await correct(number, COMPLETING, 'window-3-0004'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(reused.details).toEqual({ idempotencyKey: 'window-3-0004' });
    await expectError(await correct(other, STILL_SHORT, 'window-3-0004'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect([await stateOf(number), await stateOf(other)]).toEqual(before);
  });

  it('keeps keys apart per tenant: the same key and body at another tenant corrects that tenant’s case', async () => {
    const xiaoshan = await registerIncomplete('xiaoshan');
    const binjiang = await registerIncomplete('binjiang');
    await expectError(await correct(xiaoshan, STILL_SHORT, 'correction-0001'), 422, 'MATERIALS_INCOMPLETE');
    const theirs = await correct(binjiang, STILL_SHORT, 'correction-0001');
    expect(theirs.headers.get('Idempotent-Replay')).toBeNull();
    const notice = await expectError(theirs, 422, 'MATERIALS_INCOMPLETE');
    expect(notice.details).toMatchObject({ number: binjiang });
    expect(await stateOf(binjiang)).toMatchObject({ notices: 2, visits: 2 });
    expect(await stateOf(xiaoshan)).toMatchObject({ notices: 2, visits: 2 });
  });

  it('reviews every retry again without a key, as before: a second notice and a second visit', async () => {
    const number = await registerIncomplete();
    const first = await expectError(await correct(number, STILL_SHORT), 422, 'MATERIALS_INCOMPLETE');
    const second = await expectError(await correct(number, STILL_SHORT), 422, 'MATERIALS_INCOMPLETE');
    expect(second.details).not.toEqual(first.details);
    expect(await stateOf(number)).toMatchObject({ notices: 3, visits: 3 });
  });

  it('documents the optional header, the replay header and IDEMPOTENCY_KEY_REUSED', async () => {
    const op = (await readDocument()).paths['/v1/cases/{number}/corrections']!.post!;
    expect(op.parameters?.filter((p) => p.in === 'header').map((p) => [p.name, p.required ?? false])).toEqual([['idempotency-key', false]]);
    expect(readErrorCodes(op, '422').sort()).toEqual(['CALENDAR_YEAR_UNKNOWN', 'IDEMPOTENCY_KEY_REUSED', 'MATERIALS_INCOMPLETE', 'MATTER_NOT_ACCEPTED_HERE']);
    expect(Object.keys((op.responses['200'] as { headers?: object }).headers ?? {})).toContain('Idempotent-Replay');
  });
});
