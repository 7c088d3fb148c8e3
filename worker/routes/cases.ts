import type { App } from '../app.ts';
import { auditCase } from '../cases/audit-case.ts';
import { caseClock } from '../cases/case-clock.ts';
import { correctCase } from '../cases/correct-case.ts';
import { readCaseView } from '../cases/read-case.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { caseParamsSchema, correctionBodySchema, correctionIdempotencyHeadersSchema } from '../schemas/case.ts';
import { AUDIT_EXAMPLE, CASE_EXAMPLE } from '../schemas/case-examples.ts';
import { caseSchema } from '../schemas/case-replies.ts';
import { auditSchema } from '../schemas/case-track-replies.ts';
import { actorOf } from '../tenant-guard.ts';
import { CASE_AUDIT_ACCESS, CASE_INTAKE_ACCESS, CASE_READ_ACCESS, TENANT_NOTE } from './route-access.ts';
import { NOTICE_NOTE } from './notice-note.ts';
import { PENDING_DUE_NOTE } from './pending-due-note.ts';

const getCaseRoute = defineRoute({
  method: 'get',
  path: '/v1/cases/{number}',
  access: CASE_READ_ACCESS,
  tags: ['cases'],
  summary: '办件详情 A case',
  description:
    '工作人员查看办件：状态、各部门任务及到期日与预警、材料、告知书。 The staff view: status, every task with its due date' +
    ' and deadline level, the materials received / pending / reused, the notices. The number may be typed loosely' +
    ' (lowercase, spaces, full-width). Applicant numbers are masked (staff see what they need at the window). Due dates pending next year’s' +
    ' holiday schedule show `duePending` and deadline level `awaiting-calendar`, and are filled in here once the' +
    ' calendar covers them.' +
    TENANT_NOTE,
  errors: ['CASE_NOT_FOUND'],
  request: { params: caseParamsSchema },
  responses: {
    200: { description: '办件 The case', content: { 'application/json': { schema: caseSchema, example: CASE_EXAMPLE } } },
  },
});

const correctCaseRoute = defineRoute({
  method: 'post',
  path: '/v1/cases/{number}/corrections',
  access: CASE_INTAKE_ACCESS,
  tags: ['cases'],
  summary: '补正 Hand in a correction',
  description:
    '按一次性告知书补正材料。受理前的补正：连同已交材料重新形式审查，齐全即受理并自当日起计时；后台退回的补正：齐全后该任务自当日重新计时。' +
    '可带 `Idempotency-Key`：重试返回原答复，不再出具第二份告知书、不重复计跑动次数。' +
    ' Before acceptance the whole application is reviewed again with everything received so far: complete → accepted' +
    ' today, tasks released, clocks start today. After a back office sent the case back: complete → that task’s' +
    ' clock restarts today and its reviewer gets it back. Still incomplete: 422 with a new notice.' +
    PENDING_DUE_NOTE +
    NOTICE_NOTE +
    ' Send `Idempotency-Key`: an incomplete correction leaves the case waiting, so a retry without one is reviewed' +
    ' again (a second notice, and at a window a second visit counted). With it, a retry answers the first reply with' +
    ' `Idempotent-Replay: true` and changes nothing: the same 422 notice, or for a complete correction the case as' +
    ' it now stands (without a key that retry is 409 CASE_NOT_AWAITING_CORRECTION). The same key with another body' +
    ' or case: 422 IDEMPOTENCY_KEY_REUSED. Keys are per tenant.' +
    TENANT_NOTE,
  errors: [
    'CASE_NOT_FOUND',
    'CASE_NOT_AWAITING_CORRECTION',
    'CASE_ALREADY_CLOSED',
    'MATERIALS_INCOMPLETE',
    'MATTER_NOT_ACCEPTED_HERE',
    'IDEMPOTENCY_KEY_REUSED',
    'CALENDAR_YEAR_UNKNOWN',
  ],
  request: {
    params: caseParamsSchema,
    headers: correctionIdempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: correctionBodySchema } } },
  },
  responses: {
    200: {
      description: '补正齐全 Complete: the case as it now stands',
      headers: { 'Idempotent-Replay': { schema: { type: 'string', enum: ['true'] }, description: 'Present on a replay' } },
      content: { 'application/json': { schema: caseSchema, example: CASE_EXAMPLE } },
    },
  },
});

const auditCaseRoute = defineRoute({
  method: 'get',
  path: '/v1/cases/{number}/audit',
  access: CASE_AUDIT_ACCESS,
  tags: ['cases'],
  summary: '留痕核验 Verify a case’s event chain',
  description:
    '重新计算每条办件事件的哈希并校验哈希链，任何事后修改都会被发现。 Recomputes every event’s SHA-256 over its canonical' +
    ' text (RFC 8785 JSON with the previous hash) and checks the chain, then its end against the head kept on the' +
    ' case: `{ intact, length, head }`, or `{ intact: false, brokenAt, reason }` at the first event that fails.' +
    TENANT_NOTE,
  errors: ['CASE_NOT_FOUND'],
  request: { params: caseParamsSchema },
  responses: {
    200: { description: '核验结果 The verdict', content: { 'application/json': { schema: auditSchema, example: AUDIT_EXAMPLE } } },
  },
});

export const registerCaseRoutes = (app: App) => {
  app.openapi(getCaseRoute, async (c) => {
    const { number } = c.req.valid('param');
    const view = await readCaseView(openDatabase(c.env.DB), number, { tenant: actorOf(c).tenant, as: 'party' }, caseClock.now());
    if (!view.ok) return replyError(c, view.error);
    c.header('Cache-Control', 'no-store');
    return c.json(view.value, 200);
  });

  app.openapi(correctCaseRoute, async (c) => {
    const now = caseClock.now();
    const { number } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const outcome = await correctCase(openDatabase(c.env.DB), number, c.req.valid('json'), { tenant: actorOf(c).tenant, as: 'party' }, key, now);
    if (!outcome.ok) return replyError(c, outcome.error);
    if (outcome.value.replay) c.header('Idempotent-Replay', 'true');
    c.header('Cache-Control', 'no-store');
    if (outcome.value.status === 422) return replyError(c, 'MATERIALS_INCOMPLETE', { ...outcome.value.details });
    return c.json(outcome.value.body, 200);
  });

  app.openapi(auditCaseRoute, async (c) => {
    const { number } = c.req.valid('param');
    const verdict = await auditCase(openDatabase(c.env.DB), number, { tenant: actorOf(c).tenant, as: 'party' });
    if (!verdict.ok) return replyError(c, verdict.error);
    c.header('Cache-Control', 'no-store');
    return c.json(verdict.value, 200);
  });
};
