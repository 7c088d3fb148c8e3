import { beforeEach, describe, expect, it } from 'vitest';
import type { RectificationListReply } from '../schemas/evaluation-replies.ts';
import { call, postJson, resetCases, setBeijingTime } from './case-helpers.ts';
import { staffHeaders } from './credentials.ts';
import { decidedCase, rateCaseOk, stepPath } from './evaluation-helpers.ts';
import { postJson as hallPost } from './hall-helpers.ts';
import { expectError } from './helpers.ts';

/** Tenant and department isolation of evaluations and rectifications (差评整改). */

/** A Xiaoshan case of 市场监管局 (scjg) rated 不满意: its rectification is scjg's to handle. */
const negativeRating = async (): Promise<string> => {
  const accepted = await decidedCase();
  return (await rateCaseOk(accepted.number, { code: accepted.queryCode, level: 2 })).evaluation.id;
};

const evaluationPath = (id: string) => `/v1/evaluations/${encodeURIComponent(id)}`;

describe('a Xiaoshan 差评', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('is EVALUATION_NOT_FOUND to Binjiang’s staff, and in none of their lists', async () => {
    const id = await negativeRating();
    const manager = await staffHeaders({ role: 'hall-manager', tenant: 'binjiang' });
    const office = await staffHeaders({ role: 'back-office', tenant: 'binjiang', department: 'scjg' });
    await expectError(await call(evaluationPath(id), { headers: manager }), 404, 'EVALUATION_NOT_FOUND');
    await expectError(await postJson(stepPath(id, 'contact'), {}, office), 404, 'EVALUATION_NOT_FOUND');
    await expectError(await postJson(stepPath(id, 'appeal-decision'), { upheld: true, reason: '恶意' }, manager), 404, 'EVALUATION_NOT_FOUND');
    const theirs = (await (await call('/v1/rectifications', { headers: manager })).json()) as RectificationListReply;
    expect(theirs.rectifications).toEqual([]);
    const ours = (await (await call('/v1/rectifications', { headers: await staffHeaders({ role: 'hall-manager' }) })).json()) as RectificationListReply;
    expect(ours.rectifications.map((r) => r.evaluationId)).toEqual([id]);
  });

  it('is handled by the rated department’s back office only: another department gets 403 FORBIDDEN', async () => {
    const id = await negativeRating();
    const police = await staffHeaders({ role: 'back-office', department: 'gaj', id: 'gaj-chen' });
    await expectError(await call(evaluationPath(id), { headers: police }), 403, 'FORBIDDEN');
    await expectError(await postJson(stepPath(id, 'contact'), {}, police), 403, 'FORBIDDEN');
    await expectError(await call('/v1/rectifications?department=scjg', { headers: police }), 403, 'FORBIDDEN');
    // Without a filter a department sees its own: none of scjg's.
    const own = (await (await call('/v1/rectifications', { headers: police })).json()) as RectificationListReply;
    expect(own.rectifications).toEqual([]);
    const scjg = await staffHeaders({ role: 'back-office', department: 'scjg', id: 'scjg-wang' });
    expect((await call(evaluationPath(id), { headers: scjg })).status).toBe(200);
    const contacted = await postJson(stepPath(id, 'contact'), {}, scjg);
    expect(contacted.status, await contacted.clone().text()).toBe(200);
  });

  it('records the token’s staff member: a `by` naming someone else is 403, and the appeal is the hall manager’s to decide', async () => {
    const id = await negativeRating();
    const scjg = await staffHeaders({ role: 'back-office', department: 'scjg', id: 'scjg-wang' });
    const wrong = await expectError(await postJson(stepPath(id, 'contact'), { by: 'scjg-li' }, scjg), 403, 'FORBIDDEN');
    expect(wrong.details).toMatchObject({ expected: 'scjg-wang', given: 'scjg-li' });
    expect((await postJson(stepPath(id, 'appeal'), { reason: '评价人与办件无关' }, scjg)).status).toBe(200);
    await expectError(await postJson(stepPath(id, 'appeal-decision'), { upheld: true, reason: '属实' }, scjg), 403, 'FORBIDDEN');
    const manager = await staffHeaders({ role: 'hall-manager', id: 'zwfw-li' });
    const decided = await postJson(stepPath(id, 'appeal-decision'), { by: 'zwfw-li', upheld: true, reason: '经核实属恶意差评' }, manager);
    expect(decided.status, await decided.clone().text()).toBe(200);
  });

  it('of a Binjiang ticket is Binjiang’s: its hall manager reads and lists it, Xiaoshan’s does not', async () => {
    const taken = await hallPost('/v1/halls/binjiang/tickets', { class: 'normal' });
    const ticket = ((await taken.json()) as { id: string }).id;
    expect((await hallPost('/v1/halls/binjiang/windows/3/open')).status).toBe(200);
    expect((await hallPost('/v1/halls/binjiang/windows/3/call')).status).toBe(200);
    expect((await hallPost(`/v1/halls/binjiang/tickets/${ticket}/complete`, { outcome: 'referred' })).status).toBe(200);
    const rated = await hallPost(`/v1/halls/binjiang/tickets/${ticket}/evaluation`, { level: 1 });
    expect(rated.status, await rated.clone().text()).toBe(201);
    const id = ((await rated.json()) as { evaluation: { id: string } }).evaluation.id;
    const theirs = await staffHeaders({ role: 'hall-manager', tenant: 'binjiang' });
    expect((await call(evaluationPath(id), { headers: theirs })).status).toBe(200);
    const listed = (await (await call('/v1/rectifications', { headers: theirs })).json()) as RectificationListReply;
    expect(listed.rectifications.map((r) => r.evaluationId)).toContain(id);
    const xiaoshan = await staffHeaders({ role: 'hall-manager' });
    await expectError(await call(evaluationPath(id), { headers: xiaoshan }), 404, 'EVALUATION_NOT_FOUND');
    await expectError(await postJson(stepPath(id, 'contact'), {}, xiaoshan), 404, 'EVALUATION_NOT_FOUND');
    expect((await postJson(stepPath(id, 'contact'), {}, theirs)).status).toBe(200);
  });
});
