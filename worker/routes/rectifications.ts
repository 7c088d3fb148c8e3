import type { z } from '@hono/zod-openapi';
import { closeRectification, decideAppeal, fileAppeal, recordContact, recordReply } from '../../core/index.ts';
import type { Context } from 'hono';
import type { App } from '../app.ts';
import type { AppEnv } from '../app-env.ts';
import type { Access } from '../access.ts';
import { caseClock } from '../cases/case-clock.ts';
import { openQueryCodeGate } from '../cases/query-code-gate.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { advanceRectification, type RectificationStepFn } from '../evaluations/advance-rectification.ts';
import { followUpRectification } from '../evaluations/follow-up-rectification.ts';
import { listRectifications } from '../evaluations/list-rectifications.ts';
import { normaliseEvaluationId } from '../evaluations/read-evaluation.ts';
import { replyError } from '../http-errors.ts';
import {
  appealBodySchema,
  appealDecisionBodySchema,
  closeBodySchema,
  contactBodySchema,
  followUpBodySchema,
  rectificationListQuerySchema,
  rectificationParamsSchema,
  replyBodySchema,
} from '../schemas/evaluation.ts';
import { RECTIFICATION_EXAMPLE, RECTIFICATION_LIST_EXAMPLE } from '../schemas/evaluation-examples.ts';
import { rectificationListSchema, rectificationSchema } from '../schemas/evaluation-replies.ts';
import { actingStaffId, actorOf, checkDepartment, hallOfActor, scopeOf } from '../tenant-guard.ts';
import { ACTING_STAFF_NOTE, APPEAL_DECISION_ACCESS, RECTIFICATION_ACCESS, TENANT_NOTE } from './route-access.ts';

const STATE_NOTE =
  ' 状态不允许时返回 409 RECTIFICATION_STATE_CONFLICT（`details` 含当前状态）；两人同时操作只有一人成功。' +
  ' A step the rectification’s state does not allow is 409 RECTIFICATION_STATE_CONFLICT with the current status in' +
  ' `details`; of two staff taking the same step at once exactly one succeeds (a conditional update on the version).' +
  ' No rectification under the id (unknown, or a rating that was no 差评): 404 EVALUATION_NOT_FOUND.';

const DEPARTMENT_NOTE =
  ' 仅限本租户；部门后台只能处理本部门的差评（其他部门 403）。 Own tenant only (another tenant’s: 404 EVALUATION_NOT_FOUND);' +
  ' a back-office member acts on their own department’s 差评 only (another department: 403 FORBIDDEN).';

const listRoute = defineRoute({
  method: 'get',
  path: '/v1/rectifications',
  access: RECTIFICATION_ACCESS,
  tags: ['evaluation'],
  summary: '差评整改台账 Rectifications',
  description:
    '按大厅、部门、状态列出差评整改，今日判断联系与答复时限，超期的排在前面。' +
    ' 差评 rectifications by hall, department and status, each with its contact and reply deadlines judged today;' +
    ' `overdue=true` keeps those that missed a limit (超期整改, late or still open past it). Overdue first, then by' +
    ' the next deadline. The caller’s tenant’s halls only (`hall` of another tenant: 404 HALL_NOT_FOUND); a back-office' +
    ' member sees their own department’s (another `department`: 403 FORBIDDEN).' +
    TENANT_NOTE,
  errors: ['HALL_NOT_FOUND'],
  request: { query: rectificationListQuerySchema },
  responses: {
    200: { description: '整改列表 The rectifications', content: { 'application/json': { schema: rectificationListSchema, example: RECTIFICATION_LIST_EXAMPLE } } },
  },
});

/** A staff step on a rectification: its route and what core does with the body. */
const stepRoute = <P extends string, B extends z.ZodType>(path: P, summary: string, description: string, body: B, access: Access = RECTIFICATION_ACCESS) =>
  defineRoute({
    method: 'post',
    path,
    access,
    tags: ['evaluation'],
    summary,
    description: description + STATE_NOTE + DEPARTMENT_NOTE + ACTING_STAFF_NOTE,
    errors: ['EVALUATION_NOT_FOUND', 'RECTIFICATION_STATE_CONFLICT'],
    request: {
      params: rectificationParamsSchema,
      body: { required: true, content: { 'application/json': { schema: body } } },
    },
    responses: {
      200: { description: '整改 The rectification as it now stands', content: { 'application/json': { schema: rectificationSchema, example: RECTIFICATION_EXAMPLE } } },
    },
  });

const contactRoute = stepRoute(
  '/v1/rectifications/{evaluationId}/contact',
  '联系群众 Record the contact',
  '部门已联系评价人，了解不满意原因（时限默认1个工作日）。 The department reached the citizen (due within 1 working day by default).',
  contactBodySchema,
);

const replyRoute = stepRoute(
  '/v1/rectifications/{evaluationId}/reply',
  '整改答复 Reply with the rectification',
  '联系后，告知群众整改情况（时限默认15个工作日）。 After the contact: what was rectified, as told to the citizen (due within 15 working days by default).',
  replyBodySchema,
);

const closeRoute = stepRoute(
  '/v1/rectifications/{evaluationId}/close',
  '办结 Close without a follow-up',
  '答复后群众不再追评（或追评期已过），整改办结。 After the reply, when the citizen declines the follow-up rating (or the hall’s follow-up window has passed). Not while an appeal is pending.',
  closeBodySchema,
);

const appealRoute = stepRoute(
  '/v1/rectifications/{evaluationId}/appeal',
  '申诉 Appeal a malicious rating',
  '部门认为属恶意差评的，可申诉一次；申诉期间时限照常计算。 The department contests the rating as malicious, once, before the end. The clock does not stop: contact and reply stay due.',
  appealBodySchema,
);

const appealDecisionRoute = stepRoute(
  '/v1/rectifications/{evaluationId}/appeal-decision',
  '申诉裁定 Decide the appeal',
  '申诉成立：该评价不计入统计，整改办结；不成立：整改继续，时限不变。 Upheld: the rating counts in no statistic and the rectification closes where it stood. Rejected: it continues, deadlines unchanged.',
  appealDecisionBodySchema,
  APPEAL_DECISION_ACCESS,
);

const followUpRoute = defineRoute({
  method: 'post',
  path: '/v1/rectifications/{evaluationId}/follow-up',
  access: 'public',
  tags: ['evaluation'],
  summary: '追评 The citizen’s follow-up rating',
  description:
    '收到整改答复后，群众可追加评价一次：办件凭查询码，现场评价凭差评时给出的追评码。' +
    ' After the department’s reply the citizen may rate once more: with the case’s query code for a case, with the' +
    ' follow-up code (追评码) the 差评 reply gave for a ticket. A wrong code is 404 EVALUATION_NOT_FOUND, as for an' +
    ' unknown id; a case’s wrong query codes count against its hourly allowance shared with tracking (then 429' +
    ' TOO_MANY_CODE_ATTEMPTS). Before the reply, a second time or while an appeal is pending: 409' +
    ' RECTIFICATION_STATE_CONFLICT.',
  errors: ['EVALUATION_NOT_FOUND', 'RECTIFICATION_STATE_CONFLICT', 'TOO_MANY_CODE_ATTEMPTS'],
  request: {
    params: rectificationParamsSchema,
    body: { required: true, content: { 'application/json': { schema: followUpBodySchema } } },
  },
  responses: {
    200: { description: '整改 The rectification, followed up', content: { 'application/json': { schema: rectificationSchema, example: RECTIFICATION_EXAMPLE } } },
  },
});

/**
 * One staff step: core decides the next state, written conditionally on the version read. The acting staff member
 * (`by`) is the token's; the rectification must be of the caller's tenant and, for back office, department.
 */
const takeStep = async <B extends { readonly by?: string | undefined }>(
  c: Context<AppEnv>,
  evaluationId: string,
  body: B,
  step: (body: B & { readonly by: string }) => RectificationStepFn,
) => {
  const actor = actorOf(c);
  const by = actingStaffId(actor, body.by);
  if (!by.ok) return replyError(c, by.error);
  const id = normaliseEvaluationId(evaluationId);
  const result = await advanceRectification(openDatabase(c.env.DB), id, step({ ...body, by: by.value }), scopeOf(actor), caseClock.now());
  if (!result.ok) return replyError(c, result.error);
  c.header('Cache-Control', 'no-store');
  return c.json(result.value, 200);
};

export const registerRectificationRoutes = (app: App) => {
  app.openapi(listRoute, async (c) => {
    const { hall, department, status, overdue, limit } = c.req.valid('query');
    const actor = actorOf(c);
    const scope = scopeOf(actor);
    if (hall !== undefined) {
      const own = hallOfActor(actor, hall);
      if (!own.ok) return replyError(c, own.error);
    }
    if (department !== undefined) {
      const allowed = checkDepartment(scope, department);
      if (!allowed.ok) return replyError(c, allowed.error);
    }
    const ownDepartment = department ?? scope.department;
    const filter = {
      tenantId: actor.tenant,
      ...(hall === undefined ? {} : { hallId: hall }),
      ...(ownDepartment === undefined ? {} : { departmentId: ownDepartment }),
      ...(status === undefined ? {} : { status }),
      ...(overdue === undefined ? {} : { overdue: overdue === 'true' }),
    };
    const list = await listRectifications(openDatabase(c.env.DB), filter, limit, caseClock.now());
    c.header('Cache-Control', 'no-store');
    return c.json(list, 200);
  });

  app.openapi(contactRoute, (c) => takeStep(c, c.req.valid('param').evaluationId, c.req.valid('json'), (body) => (r, now) => recordContact(r, body, now)));
  app.openapi(replyRoute, (c) => takeStep(c, c.req.valid('param').evaluationId, c.req.valid('json'), (body) => (r, now) => recordReply(r, body, now)));
  app.openapi(closeRoute, (c) => takeStep(c, c.req.valid('param').evaluationId, c.req.valid('json'), (body) => (r, now) => closeRectification(r, body, now)));
  app.openapi(appealRoute, (c) => takeStep(c, c.req.valid('param').evaluationId, c.req.valid('json'), (body) => (r, now) => fileAppeal(r, body, now)));
  app.openapi(appealDecisionRoute, (c) => takeStep(c, c.req.valid('param').evaluationId, c.req.valid('json'), (body) => (r, now) => decideAppeal(r, body, now)));

  app.openapi(followUpRoute, async (c) => {
    const { evaluationId } = c.req.valid('param');
    const result = await followUpRectification(
      openDatabase(c.env.DB),
      normaliseEvaluationId(evaluationId),
      c.req.valid('json'),
      caseClock.now(),
      openQueryCodeGate(c.env),
    );
    if (!result.ok) return replyError(c, result.error);
    c.header('Cache-Control', 'no-store');
    return c.json(result.value, 200);
  });
};
