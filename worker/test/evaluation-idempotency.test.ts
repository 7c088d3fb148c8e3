import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { QUERY_CODE_FAILURES_PER_HOUR } from '../cases/query-code-gate.ts';
import type { EvaluationCreatedReply, EvaluationViewReply } from '../schemas/evaluation-replies.ts';
import { acceptCase, call, claim, decide, materialsFor, PERSON, postJson, resetCases, setBeijingTime } from './case-helpers.ts';
import { decidedCase, OPERATOR, stepPath, takeStep } from './evaluation-helpers.ts';
import { callNext, HALL, openWindows, postJson as hallPost, takeTicket, ticketAction } from './hall-helpers.ts';
import { expectError } from './helpers.ts';
import { readDocument, readErrorCodes } from './openapi-helpers.ts';

/**
 * The rating routes with Idempotency-Key: a second rating is refused (409), so a pad, kiosk or portal that lost
 * the reply retries under its key and gets that reply again (a ticket's 差评: its one-time follow-up code), and
 * nothing is written twice.
 */

const keyed = (key?: string): Record<string, string> => (key === undefined ? {} : { 'Idempotency-Key': key });

const rateCase = (number: string, body: Record<string, unknown>, key?: string) =>
  postJson(`/v1/cases/${encodeURIComponent(number)}/evaluation`, body, keyed(key));

const rateTicket = (ticketId: string, body: Record<string, unknown>, key?: string, hall = HALL) =>
  hallPost(`/v1/halls/${hall}/tickets/${encodeURIComponent(ticketId)}/evaluation`, body, keyed(key));

const created = async (res: Response): Promise<EvaluationCreatedReply> => {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as EvaluationCreatedReply;
};

const count = (table: string) => env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<number>('n');

/** What the ratings wrote: evaluations, the rectifications 差评 opened, and the replies stored under keys. */
const written = async () => ({
  evaluations: await count('evaluations'),
  rectifications: await count('rectifications'),
  keys: await count('idempotency_keys'),
});

/** Tickets taken at window 1 of the Xiaoshan hall, each called and completed: open for rating. */
const servedTickets = async (n: number) => {
  await openWindows(['1']);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const ticket = await takeTicket();
    await callNext('1');
    await ticketAction(ticket.id, 'complete', { outcome: 'consultation_only' });
    ids.push(ticket.id);
  }
  return ids;
};

/** A ticket served at window 3 of the Binjiang hall (another tenant). */
const binjiangTicket = async () => {
  const id = ((await (await hallPost('/v1/halls/binjiang/tickets', { class: 'normal' })).json()) as { id: string }).id;
  expect((await hallPost('/v1/halls/binjiang/windows/3/open')).status).toBe(200);
  expect((await hallPost('/v1/halls/binjiang/windows/3/call')).status).toBe(200);
  expect((await hallPost(`/v1/halls/binjiang/tickets/${id}/complete`, { outcome: 'referred' })).status).toBe(200);
  return id;
};

const wrongCode = (code: string, step = 1) => String((Number(code) + step) % 1_000_000).padStart(6, '0');

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // Friday
});

describe('POST /v1/cases/{number}/evaluation with Idempotency-Key', () => {
  it('answers a retried 差评 with the same reply, storing one rating and one rectification', async () => {
    const { number, queryCode } = await decidedCase();
    const body = { code: queryCode, level: 2, comment: '材料退回了两次' };
    const res = await rateCase(number, body, 'portal-rating-0001');
    expect(res.headers.get('Idempotent-Replay')).toBeNull();
    const first = await created(res);
    expect(first.rectification).toMatchObject({ status: 'opened' });
    const after = await written();
    expect(after).toEqual({ evaluations: 1, rectifications: 1, keys: 1 });

    setBeijingTime('2026-11-27T10:05');
    const again = await rateCase(number, body, 'portal-rating-0001');
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    expect(again.headers.get('Location')).toBe(res.headers.get('Location'));
    expect(await created(again)).toEqual(first);
    expect(await written()).toEqual(after);
    const view = (await (await call(`/v1/evaluations/${encodeURIComponent(first.evaluation.id)}`)).json()) as EvaluationViewReply;
    expect(view.evaluation).toEqual(first.evaluation);
  });

  it('stores no refusal: a rating refused before the decision lands under the same key once the case is decided', async () => {
    const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });
    const body = { code: accepted.queryCode, level: 5 };
    await expectError(await rateCase(accepted.number, body, 'portal-rating-0002'), 409, 'EVALUATION_NOT_OPEN');
    expect(await written()).toEqual({ evaluations: 0, rectifications: 0, keys: 0 });
    await claim(accepted.tasks[0]!.id, 'scjg-wang');
    await decide(accepted.tasks[0]!.id, 'scjg-wang', { kind: 'approve' });
    const res = await rateCase(accepted.number, body, 'portal-rating-0002');
    expect(res.headers.get('Idempotent-Replay')).toBeNull();
    const first = await created(res);
    expect(first.evaluation.level).toBe(5);
    // That landing, and only it, is what the key now replays.
    const again = await rateCase(accepted.number, body, 'portal-rating-0002');
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    expect(await created(again)).toEqual(first);
  });

  it('refuses the same key with another body or for another case (422 IDEMPOTENCY_KEY_REUSED), writing nothing', async () => {
    const [a, b] = [await decidedCase(), await decidedCase()];
    await created(await rateCase(a.number, { code: a.queryCode, level: 5 }, 'portal-rating-0003'));
    const before = await written();
    const reused = await expectError(await rateCase(a.number, { code: a.queryCode, level: 1 }, 'portal-rating-0003'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(reused.details).toEqual({ idempotencyKey: 'portal-rating-0003' });
    await expectError(await rateCase(b.number, { code: b.queryCode, level: 5 }, 'portal-rating-0003'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await written()).toEqual(before);
    expect(await env.DB.prepare('SELECT level FROM evaluations').first<number>('level')).toBe(5);
  });

  it('gives no replay without the right query code: a wrong one is 404 CASE_NOT_FOUND and counts against the allowance', async () => {
    const { number, queryCode } = await decidedCase();
    const body = { code: queryCode, level: 1 };
    const first = await created(await rateCase(number, body, 'portal-rating-0004'));
    const replay = await rateCase(number, body, 'portal-rating-0004');
    expect(replay.headers.get('Idempotent-Replay')).toBe('true');
    expect(await created(replay)).toEqual(first);
    for (let i = 1; i <= QUERY_CODE_FAILURES_PER_HOUR; i++) {
      const guess = await rateCase(number, { ...body, code: wrongCode(queryCode, i) }, 'portal-rating-0004');
      expect(guess.headers.get('Idempotent-Replay')).toBeNull();
      await expectError(guess, 404, 'CASE_NOT_FOUND');
    }
    // The guesses were counted: now even the right code's replay waits.
    await expectError(await rateCase(number, body, 'portal-rating-0004'), 429, 'TOO_MANY_CODE_ATTEMPTS');
  });

  it('keeps keys apart per tenant: the same key rates a Binjiang case after a Xiaoshan one', async () => {
    const xiaoshan = await decidedCase();
    const binjiang = await decidedCase({ hall: 'binjiang' });
    await created(await rateCase(xiaoshan.number, { code: xiaoshan.queryCode, level: 5 }, 'rating-0001'));
    const theirs = await rateCase(binjiang.number, { code: binjiang.queryCode, level: 5 }, 'rating-0001');
    expect(theirs.headers.get('Idempotent-Replay')).toBeNull();
    expect((await created(theirs)).evaluation.subject.caseNumber).toBe(binjiang.number);
    expect(await written()).toEqual({ evaluations: 2, rectifications: 0, keys: 2 });
  });

  it('refuses a repeat without a key (or under a new one) with 409 EVALUATION_ALREADY_GIVEN, as before', async () => {
    const { number, queryCode } = await decidedCase();
    const body = { code: queryCode, level: 4 };
    await created(await rateCase(number, body));
    await expectError(await rateCase(number, body), 409, 'EVALUATION_ALREADY_GIVEN');
    await expectError(await rateCase(number, body, 'portal-rating-0005'), 409, 'EVALUATION_ALREADY_GIVEN');
    expect(await written()).toEqual({ evaluations: 1, rectifications: 0, keys: 0 });
  });

  it('forgets a key after 24 hours: the retry is then refused like any repeat', async () => {
    const { number, queryCode } = await decidedCase();
    const body = { code: queryCode, level: 5 };
    await created(await rateCase(number, body, 'portal-rating-0006'));
    setBeijingTime('2026-11-28T09:59');
    expect((await rateCase(number, body, 'portal-rating-0006')).headers.get('Idempotent-Replay')).toBe('true');
    setBeijingTime('2026-11-28T10:01');
    await expectError(await rateCase(number, body, 'portal-rating-0006'), 409, 'EVALUATION_ALREADY_GIVEN');
    expect(await written()).toEqual({ evaluations: 1, rectifications: 0, keys: 0 });
  });
});

describe('POST /v1/halls/{hall}/tickets/{id}/evaluation with Idempotency-Key', () => {
  it('answers a retried 差评 with the same follow-up code, which then lets its citizen follow up', async () => {
    const [ticket] = await servedTickets(1);
    const body = { level: 1, comment: '等了很久没人理', channel: 'window-pad' };
    const first = await created(await rateTicket(ticket!, body, 'pad-1-0001'));
    expect(first.followUpCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const after = await written();
    expect(after).toEqual({ evaluations: 1, rectifications: 1, keys: 1 });

    const again = await rateTicket(ticket!, body, 'pad-1-0001');
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    const replayed = await created(again);
    expect(replayed).toEqual(first);
    expect(await written()).toEqual(after);
    // The stored reply is sealed: the code is not in the row in clear.
    const sealed = await env.DB.prepare('SELECT reply FROM idempotency_keys').first<string>('reply');
    expect(sealed).not.toContain(first.followUpCode!);

    const id = first.evaluation.id;
    await takeStep(id, 'contact', { by: 'hall-zhao', note: '已电话致歉' });
    await takeStep(id, 'reply', { by: 'hall-zhao', text: '高峰时段增开两个窗口' });
    const followed = await postJson(stepPath(id, 'follow-up'), { code: replayed.followUpCode, level: 4 });
    expect(followed.status, await followed.clone().text()).toBe(200);
  });

  it('stores one rating when a pad’s retries arrive at once, all answering the same follow-up code', async () => {
    const [ticket] = await servedTickets(1);
    const replies = await Promise.all(Array.from({ length: 5 }, () => rateTicket(ticket!, { level: 2 }, 'pad-1-0002')));
    expect(replies.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(replies.filter((r) => r.headers.get('Idempotent-Replay') === 'true')).toHaveLength(4);
    const codes = await Promise.all(replies.map(async (r) => ((await r.json()) as EvaluationCreatedReply).followUpCode));
    expect(new Set(codes).size).toBe(1);
    expect(codes[0]).not.toBeNull();
    expect(await written()).toEqual({ evaluations: 1, rectifications: 1, keys: 1 });
  });

  it('refuses the same key with another body or for another ticket (422 IDEMPOTENCY_KEY_REUSED), writing nothing', async () => {
    const [a, b] = await servedTickets(2);
    await created(await rateTicket(a!, { level: 2 }, 'pad-1-0003'));
    const before = await written();
    await expectError(await rateTicket(a!, { level: 5 }, 'pad-1-0003'), 422, 'IDEMPOTENCY_KEY_REUSED');
    await expectError(await rateTicket(b!, { level: 2 }, 'pad-1-0003'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await written()).toEqual(before);
    // The other ticket is still open for rating under its own key.
    await created(await rateTicket(b!, { level: 2 }, 'pad-1-0004'));
  });

  it('keeps keys apart per tenant: the same key and body rate a Binjiang ticket after a Xiaoshan one', async () => {
    const [ours] = await servedTickets(1);
    const theirs = await binjiangTicket();
    const first = await created(await rateTicket(ours!, { level: 1 }, 'pad-0001'));
    const res = await rateTicket(theirs, { level: 1 }, 'pad-0001', 'binjiang');
    expect(res.headers.get('Idempotent-Replay')).toBeNull();
    const second = await created(res);
    expect(second.evaluation.id).toBe(`ticket:binjiang:${theirs}`);
    expect(second.followUpCode).not.toBe(first.followUpCode);
    expect(await written()).toEqual({ evaluations: 2, rectifications: 2, keys: 2 });
  });

  it('refuses a repeat without a key with 409 EVALUATION_ALREADY_GIVEN, as before', async () => {
    const [ticket] = await servedTickets(1);
    await created(await rateTicket(ticket!, { level: 1 }));
    await expectError(await rateTicket(ticket!, { level: 1 }), 409, 'EVALUATION_ALREADY_GIVEN');
    expect(await written()).toEqual({ evaluations: 1, rectifications: 1, keys: 0 });
  });
});

describe('the rating routes in the OpenAPI document', () => {
  it('document the optional header, the replay header and IDEMPOTENCY_KEY_REUSED', async () => {
    const doc = await readDocument();
    for (const path of ['/v1/cases/{number}/evaluation', '/v1/halls/{hall}/tickets/{id}/evaluation']) {
      const op = doc.paths[path]!.post!;
      expect(op.parameters?.filter((p) => p.in === 'header').map((p) => [p.name, p.required ?? false]), path).toEqual([['idempotency-key', false]]);
      expect(readErrorCodes(op, '422'), path).toContain('IDEMPOTENCY_KEY_REUSED');
      expect(Object.keys((op.responses['201'] as { headers?: object }).headers ?? {}), path).toEqual(['Location', 'Idempotent-Replay']);
      expect(op.description, path).toContain('Idempotency-Key');
    }
  });
});
