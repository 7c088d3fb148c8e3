import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationViewReply, RectificationReply } from '../schemas/evaluation-replies.ts';
import { staffHeaders } from './credentials.ts';
import { call, postJson, resetCases, setBeijingTime } from './case-helpers.ts';
import { decidedCase, listRectifications, rateCaseOk, stepPath, takeStep } from './evaluation-helpers.ts';
import { expectError } from './helpers.ts';

/** A decided case rated 不满意 on Friday 27 November: contact due Monday 30 November, reply Friday 18 December. */
const negativeCase = async () => {
  const accepted = await decidedCase();
  const { evaluation } = await rateCaseOk(accepted.number, { code: accepted.queryCode, level: 2 });
  return { id: evaluation.id, code: accepted.queryCode, number: accepted.number };
};

const step = (id: string, name: string, body: Record<string, unknown>) => postJson(stepPath(id, name), body);

const viewOf = async (id: string): Promise<EvaluationViewReply> => {
  const res = await call(`/v1/evaluations/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as EvaluationViewReply;
};

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // Friday
});

describe('差评整改: contact, reply, the citizen’s one follow-up', () => {
  it('runs contact → reply → follow-up, each step on time, and only once', async () => {
    const { id, code } = await negativeCase();
    await expectError(await step(id, 'reply', { by: 'scjg-wang', text: '已整改' }), 409, 'RECTIFICATION_STATE_CONFLICT');
    await expectError(await step(id, 'follow-up', { code, level: 4 }), 409, 'RECTIFICATION_STATE_CONFLICT');

    setBeijingTime('2026-11-30T09:00');
    const contacted = await takeStep(id, 'contact', { by: 'scjg-wang', note: '已电话联系' });
    expect(contacted).toMatchObject({
      status: 'contacted',
      contact: { on: '2026-11-30', by: 'scjg-wang', note: '已电话联系' },
      deadlines: { contact: { state: 'met' }, reply: { state: 'pending', workingDaysLeft: 14 } },
      version: 1,
    });
    await expectError(await step(id, 'contact', { by: 'scjg-li' }), 409, 'RECTIFICATION_STATE_CONFLICT');

    setBeijingTime('2026-12-10T15:00');
    const replied = await takeStep(id, 'reply', { by: 'scjg-wang', text: '已优化一次性告知书' });
    expect(replied).toMatchObject({ status: 'replied', reply: { on: '2026-12-10', text: '已优化一次性告知书' }, deadlines: { reply: { state: 'met' }, overdue: false } });

    const wrong = code === '000000' ? '000001' : '000000';
    await expectError(await step(id, 'follow-up', { code: wrong, level: 5 }), 404, 'EVALUATION_NOT_FOUND');
    const followed = await takeStep(id, 'follow-up', { code, level: 4, comment: '满意' });
    expect(followed).toMatchObject({ status: 'followed-up', statusName: '已追评', followUp: { on: '2026-12-10', level: 4, comment: '满意' }, version: 3 });
    await expectError(await step(id, 'follow-up', { code, level: 5 }), 409, 'RECTIFICATION_STATE_CONFLICT');
    await expectError(await step(id, 'close', { by: 'scjg-wang' }), 409, 'RECTIFICATION_STATE_CONFLICT');
    expect((await viewOf(id)).rectification).toEqual({ ...followed, deadlines: followed.deadlines });
  });

  it('closes a replied rectification the citizen does not follow up', async () => {
    const { id, code } = await negativeCase();
    await takeStep(id, 'contact', { by: 'scjg-wang' });
    await takeStep(id, 'reply', { by: 'scjg-wang', text: '已整改' });
    const closed = await takeStep(id, 'close', { by: 'scjg-wang' });
    expect(closed).toMatchObject({ status: 'closed', closed: { reason: 'no-follow-up', by: 'scjg-wang' } });
    await expectError(await step(id, 'follow-up', { code, level: 5 }), 409, 'RECTIFICATION_STATE_CONFLICT');
  });

  it('lets exactly one of two staff record the same step at once', async () => {
    const { id } = await negativeCase();
    const replies = await Promise.all([step(id, 'contact', { by: 'scjg-wang' }), step(id, 'contact', { by: 'scjg-li' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const row = await env.DB.prepare('SELECT version, status FROM rectifications').first();
    expect(row).toEqual({ version: 1, status: 'contacted' });
  });

  it('answers EVALUATION_NOT_FOUND for an unknown id and a rating that was no 差评, and 400 for bad bodies', async () => {
    const accepted = await decidedCase();
    const { evaluation } = await rateCaseOk(accepted.number, { code: accepted.queryCode, level: 5 });
    await expectError(await step(evaluation.id, 'contact', { by: 'scjg-wang' }), 404, 'EVALUATION_NOT_FOUND');
    await expectError(await step(evaluation.id, 'follow-up', { code: accepted.queryCode, level: 5 }), 404, 'EVALUATION_NOT_FOUND');
    await expectError(await step('case:XS-261127-0099-0', 'contact', { by: 'scjg-wang' }), 404, 'EVALUATION_NOT_FOUND');
    const { id } = await (async () => {
      const other = await decidedCase();
      return { id: (await rateCaseOk(other.number, { code: other.queryCode, level: 1 })).evaluation.id };
    })();
    await expectError(await step(id, 'contact', { by: 42 }), 400, 'INVALID_INPUT');
    await expectError(await step(id, 'contact', { by: '   ' }), 400, 'INVALID_INPUT');
    // Without `by` the token's staff member acts, and is recorded.
    const asWang = await staffHeaders({ role: 'back-office', department: 'scjg', id: 'scjg-wang' });
    const contacted = await postJson(stepPath(id, 'contact'), {}, asWang);
    expect(contacted.status, await contacted.clone().text()).toBe(200);
    expect(((await contacted.json()) as RectificationReply).contact?.by).toBe('scjg-wang');
    await expectError(await step(id, 'reply', { by: 'scjg-wang', text: '  ' }), 400, 'INVALID_INPUT');
    await expectError(await step(id, 'reply', { by: 'scjg-wang', text: '改'.repeat(2001) }), 400, 'INVALID_INPUT');
    await expectError(await step(id, 'appeal-decision', { by: 'zwfw-li', upheld: 'yes', reason: 'x' }), 400, 'INVALID_INPUT');
    await expectError(await call('/v1/rectifications?overdue=maybe'), 400, 'INVALID_INPUT');
    await expectError(await call('/v1/rectifications?status=lost'), 400, 'INVALID_INPUT');
  });
});

describe('申诉 (appeal against a malicious rating)', () => {
  it('upheld: the rating is excluded and the rectification closes where it stood', async () => {
    const { id, code } = await negativeCase();
    const filed = await takeStep(id, 'appeal', { by: 'scjg-wang', reason: '评价人与办件无关' });
    expect(filed).toMatchObject({ status: 'opened', appeal: { status: 'pending', reason: '评价人与办件无关', decided: null } });
    await expectError(await step(id, 'appeal', { by: 'scjg-wang', reason: '再次申诉' }), 409, 'RECTIFICATION_STATE_CONFLICT');
    const decided = await takeStep(id, 'appeal-decision', { by: 'zwfw-li', upheld: true, reason: '经核实属恶意差评' });
    expect(decided).toMatchObject({
      status: 'closed',
      closed: { reason: 'appeal-upheld', by: 'zwfw-li' },
      appeal: { status: 'upheld', decided: { by: 'zwfw-li', reason: '经核实属恶意差评' } },
      deadlines: { contact: { state: 'waived' }, reply: { state: 'waived' }, overdue: false },
    });
    expect((await viewOf(id)).evaluation.excluded).toBe(true);
    await expectError(await step(id, 'contact', { by: 'scjg-wang' }), 409, 'RECTIFICATION_STATE_CONFLICT');
    await expectError(await step(id, 'follow-up', { code, level: 5 }), 409, 'RECTIFICATION_STATE_CONFLICT');
  });

  it('rejected: the rectification goes on, its deadlines unchanged; nothing waits for the appeal but the follow-up', async () => {
    const { id, code } = await negativeCase();
    await takeStep(id, 'appeal', { by: 'scjg-wang', reason: '恶意差评' });
    // The clock does not stop: contact and reply stay possible while the appeal is pending.
    await takeStep(id, 'contact', { by: 'scjg-wang' });
    await takeStep(id, 'reply', { by: 'scjg-wang', text: '已整改' });
    await expectError(await step(id, 'follow-up', { code, level: 5 }), 409, 'RECTIFICATION_STATE_CONFLICT');
    await expectError(await step(id, 'close', { by: 'scjg-wang' }), 409, 'RECTIFICATION_STATE_CONFLICT');
    const rejected = await takeStep(id, 'appeal-decision', { by: 'zwfw-li', upheld: false, reason: '评价属实' });
    expect(rejected).toMatchObject({ status: 'replied', appeal: { status: 'rejected' }, replyDue: { dueOn: '2026-12-18' } });
    expect((await viewOf(id)).evaluation.excluded).toBe(false);
    expect((await takeStep(id, 'follow-up', { code, level: 3 })).status).toBe('followed-up');
  });
});

describe('GET /v1/rectifications', () => {
  it('flags a missed contact as overdue (超期整改), first in the list, and it stays late once done', async () => {
    const late = await negativeCase();
    const onTime = await negativeCase();
    await takeStep(onTime.id, 'contact', { by: 'scjg-wang' });

    setBeijingTime('2026-12-01T10:00'); // Tuesday: Monday's contact deadline has passed
    const all = await listRectifications('?hall=xiaoshan');
    expect(all.asOf).toBe('2026-12-01');
    expect(all.rectifications.map((r) => [r.evaluationId, r.deadlines?.overdue])).toEqual([
      [late.id, true],
      [onTime.id, false],
    ]);
    expect(all.rectifications[0]?.deadlines?.contact).toEqual({ state: 'overdue', workingDaysLeft: null });

    expect((await listRectifications('?overdue=true')).rectifications.map((r) => r.evaluationId)).toEqual([late.id]);
    expect((await listRectifications('?overdue=false')).rectifications.map((r) => r.evaluationId)).toEqual([onTime.id]);
    expect((await listRectifications('?status=contacted')).rectifications.map((r) => r.evaluationId)).toEqual([onTime.id]);
    expect((await listRectifications('?department=scjg&limit=1')).rectifications).toHaveLength(1);
    expect((await listRectifications('?department=scjg&limit=1')).truncated).toBe(true);
    // A hall that is not the caller's tenant's (unknown, or another tenant's) is not found, as for `{hall}` routes.
    await expectError(await call('/v1/rectifications?hall=elsewhere'), 404, 'HALL_NOT_FOUND');
    await expectError(await call('/v1/rectifications?hall=binjiang'), 404, 'HALL_NOT_FOUND');

    const contacted = await takeStep(late.id, 'contact', { by: 'scjg-wang' });
    expect(contacted.deadlines).toMatchObject({ contact: { state: 'late' }, overdue: true });
    expect((await listRectifications('?overdue=true')).rectifications.map((r) => r.evaluationId)).toEqual([late.id]);
  });
});
