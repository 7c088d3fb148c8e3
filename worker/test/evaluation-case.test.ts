import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rectificationPolicy } from '../evaluations/evaluation-config.ts';
import { DEFAULT_RECTIFICATION_POLICY } from '../../core/index.ts';
import type { EvaluationViewReply } from '../schemas/evaluation-replies.ts';
import { acceptCase, call, claim, decide, materialsFor, PERSON, resetCases, setBeijingTime } from './case-helpers.ts';
import { decidedCase, OPERATOR, rateCase, rateCaseOk } from './evaluation-helpers.ts';
import { expectError } from './helpers.ts';

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // Friday
});

afterEach(() => {
  rectificationPolicy.current = DEFAULT_RECTIFICATION_POLICY;
});

const count = (table: string) => env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<number>('n');

describe('POST /v1/cases/{number}/evaluation (一事一评)', () => {
  it('opens only once the case has a final decision', async () => {
    const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });
    const early = await expectError(await rateCase(accepted.number, { code: accepted.queryCode, level: 5 }), 409, 'EVALUATION_NOT_OPEN');
    expect(early.details).toMatchObject({ evaluationId: `case:${accepted.number}`, status: 'in-review' });
    await claim(accepted.tasks[0]!.id, 'scjg-wang');
    await decide(accepted.tasks[0]!.id, 'scjg-wang', { kind: 'approve' });

    const res = await rateCase(accepted.number, { code: accepted.queryCode, level: 5, indicators: { efficiency: 5, attitude: 4 }, comment: '  一次办成  ' });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = `case:${accepted.number}`;
    expect(res.headers.get('Location')).toBe(`/v1/evaluations/${encodeURIComponent(id)}`);
    const body = (await res.json()) as { evaluation: Record<string, unknown>; rectification: unknown; followUpCode: unknown };
    expect(body.evaluation).toEqual({
      id,
      subject: { kind: 'case', caseNumber: accepted.number, ticketId: null },
      hall: 'xiaoshan',
      department: { id: 'scjg', name: '市场监管局' },
      level: 5,
      levelName: '非常满意',
      indicators: { efficiency: 5, attitude: 4 },
      comment: '一次办成',
      channel: 'online',
      evaluatedAt: '2026-11-27T02:00:00.000Z',
      evaluatedOn: '2026-11-27',
      excluded: false,
    });
    expect(body.rectification).toBeNull();
    expect(body.followUpCode).toBeNull();
    expect(await count('rectifications')).toBe(0);

    const view = await call(`/v1/evaluations/${encodeURIComponent(id)}`);
    expect(view.status).toBe(200);
    expect(((await view.json()) as EvaluationViewReply).evaluation).toEqual(body.evaluation);
    // The id works unencoded and with the case number typed loosely.
    expect((await call(`/v1/evaluations/case:${accepted.number.toLowerCase()}`)).status).toBe(200);
  });

  it('lets a rejected case be rated too', async () => {
    const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });
    await claim(accepted.tasks[0]!.id, 'scjg-wang');
    await decide(accepted.tasks[0]!.id, 'scjg-wang', { kind: 'reject', reason: '不符合法定条件' });
    expect((await rateCaseOk(accepted.number, { code: accepted.queryCode, level: 3 })).evaluation.level).toBe(3);
  });

  it('takes one evaluation per case: of two submitted at once exactly one lands', async () => {
    const { number, queryCode } = await decidedCase();
    const [a, b] = await Promise.all([
      rateCase(number, { code: queryCode, level: 5 }),
      rateCase(number, { code: queryCode, level: 1, comment: '太慢' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    const refused = await expectError(loser, 409, 'EVALUATION_ALREADY_GIVEN');
    expect(refused.details).toEqual({ evaluationId: `case:${number}` });
    expect(await count('evaluations')).toBe(1);
    // A 差评 that lost the race left no rectification behind; one that won has exactly one.
    const level = await env.DB.prepare('SELECT level FROM evaluations').first<number>('level');
    expect(await count('rectifications')).toBe(level === 1 ? 1 : 0);
    await expectError(await rateCase(number, { code: queryCode, level: 4 }), 409, 'EVALUATION_ALREADY_GIVEN');
  });

  it('answers a wrong or missing code exactly like an unknown case', async () => {
    const { number, queryCode } = await decidedCase();
    const wrong = queryCode === '000000' ? '000001' : '000000';
    await expectError(await rateCase(number, { code: wrong, level: 5 }), 404, 'CASE_NOT_FOUND');
    await expectError(await rateCase(number, { code: '', level: 5 }), 404, 'CASE_NOT_FOUND');
    await expectError(await rateCase('XS-261127-0099-0', { code: queryCode, level: 5 }), 404, 'CASE_NOT_FOUND');
    expect(await count('evaluations')).toBe(0);
  });

  it('opens a rectification with working-day due dates for a 差评, in the same write', async () => {
    const { number, queryCode } = await decidedCase();
    const { evaluation, rectification } = await rateCaseOk(number, { code: queryCode, level: 2, comment: '材料来回补了两次' });
    expect(evaluation.level).toBe(2);
    // Friday 27 November, not counted: contact by Monday 30 November, reply within 15 working days: Friday 18 December.
    expect(rectification).toMatchObject({
      evaluationId: `case:${number}`,
      hall: 'xiaoshan',
      department: { id: 'scjg' },
      status: 'opened',
      statusName: '待联系',
      level: 2,
      openedOn: '2026-11-27',
      policy: { contactWithinWorkingDays: 1, replyWithinWorkingDays: 15 },
      contactDue: { dueOn: '2026-11-30', duePending: null },
      replyDue: { dueOn: '2026-12-18', duePending: null },
      deadlines: { contact: { state: 'pending', workingDaysLeft: 1 }, reply: { state: 'pending', workingDaysLeft: 15 }, overdue: false },
      version: 0,
    });
    const row = await env.DB.prepare('SELECT hall_id, department_id, status FROM rectifications').first();
    expect(row).toEqual({ hall_id: 'xiaoshan', department_id: 'scjg', status: 'opened' });
  });

  it('counts a 差评 given on a holiday from that day, and takes the configured limits', async () => {
    rectificationPolicy.current = { contactWithinWorkingDays: 2, replyWithinWorkingDays: 10 };
    const { number, queryCode } = await decidedCase();
    setBeijingTime('2026-11-28T20:00'); // Saturday
    const { rectification } = await rateCaseOk(number, { code: queryCode, level: 1 });
    // From Saturday: Monday 30 November is the 1st working day, Tuesday 1 December the 2nd, Friday 11 December the 10th.
    expect(rectification).toMatchObject({
      openedOn: '2026-11-28',
      policy: { contactWithinWorkingDays: 2, replyWithinWorkingDays: 10 },
      contactDue: { dueOn: '2026-12-01' },
      replyDue: { dueOn: '2026-12-11' },
    });
  });

  it('refuses bad input with the error model', async () => {
    const { number, queryCode } = await decidedCase();
    for (const body of [
      { code: queryCode },
      { code: queryCode, level: 0 },
      { code: queryCode, level: 6 },
      { code: queryCode, level: 4.5 },
      { code: queryCode, level: '5' },
      { code: queryCode, level: 5, indicators: { overall: 5 } },
      { code: queryCode, level: 5, indicators: { attitude: 9 } },
      { code: queryCode, level: 5, channel: 'fax' },
      { code: queryCode, level: 5, comment: '长'.repeat(501) },
      { level: 5 },
    ]) {
      await expectError(await rateCase(number, body), 400, 'INVALID_INPUT');
    }
    // 500 characters are fine, emoji counted once each.
    expect((await rateCase(number, { code: queryCode, level: 5, comment: '👍'.repeat(500) })).status).toBe(201);
    await expectError(await call(`/v1/evaluations/case:XS-261127-0099-0`), 404, 'EVALUATION_NOT_FOUND');
  });
});
