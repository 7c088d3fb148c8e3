import type { Context } from 'hono';
import type { App } from '../app.ts';
import type { AppEnv } from '../app-env.ts';
import { caseClock } from '../cases/case-clock.ts';
import { openQueryCodeGate } from '../cases/query-code-gate.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { evaluateCase } from '../evaluations/evaluate-case.ts';
import { evaluateTicket } from '../evaluations/evaluate-ticket.ts';
import type { RatingOutcome } from '../evaluations/rating-replay.ts';
import { readEvaluationView } from '../evaluations/read-evaluation.ts';
import { openHall } from '../hall/open-hall.ts';
import { replyError } from '../http-errors.ts';
import { caseParamsSchema } from '../schemas/case.ts';
import {
  caseEvaluationBodySchema,
  caseEvaluationIdempotencyHeadersSchema,
  evaluationIdParamsSchema,
  ticketEvaluationBodySchema,
  ticketEvaluationIdempotencyHeadersSchema,
} from '../schemas/evaluation.ts';
import { EVALUATION_CREATED_EXAMPLE, EVALUATION_VIEW_EXAMPLE } from '../schemas/evaluation-examples.ts';
import { evaluationCreatedSchema, evaluationViewSchema, type EvaluationCreatedReply } from '../schemas/evaluation-replies.ts';
import { ticketParamsSchema } from '../schemas/hall.ts';
import { actorOf, scopeOf } from '../tenant-guard.ts';
import { RECTIFICATION_ACCESS, TENANT_NOTE } from './route-access.ts';

const NEGATIVE_NOTE =
  ' 差评（1-2级）当即生成整改工单：1个工作日内联系群众，15个工作日内整改答复（按配置）。' +
  ' A 差评 (levels 1-2) opens its rectification in the same write: contact within 1 working day, rectify and' +
  ' reply within 15 (configurable), counted from the rating’s day (not counted).';

const created = (description: string) => ({
  201: {
    description,
    headers: {
      Location: { schema: { type: 'string' as const }, description: 'The evaluation’s URL' },
      'Idempotent-Replay': { schema: { type: 'string' as const, enum: ['true'] }, description: 'Present on a replay' },
    },
    content: { 'application/json': { schema: evaluationCreatedSchema, example: EVALUATION_CREATED_EXAMPLE } },
  },
});

const evaluateCaseRoute = defineRoute({
  method: 'post',
  path: '/v1/cases/{number}/evaluation',
  access: 'public',
  tags: ['evaluation'],
  summary: '一事一评 Rate a case',
  description:
    '办结后（准予、部分准予或不予许可）群众凭回执上的查询码评价一次：五级满意度与服务效率、服务水平、服务态度指标。' +
    '可带 `Idempotency-Key`：24 小时内以同一键重试同一请求（同一办件、同一请求体，含查询码），返回首次的 201 答复（同一评价），' +
    '不再返回 409，也不重复写入；同一键用于其他请求返回 422 IDEMPOTENCY_KEY_REUSED。' +
    ' The citizen rates a case once it has a final decision (approved, partly approved or rejected), with the' +
    ' query code from the receipt: five levels and the optional offline indicators. A wrong or missing code is 404' +
    ' CASE_NOT_FOUND, as for an unknown number; wrong codes count against the case’s hourly allowance shared with' +
    ' tracking (then 429 TOO_MANY_CODE_ATTEMPTS). Before the decision: 409 EVALUATION_NOT_OPEN; a second rating' +
    ' (also two submitted at once: exactly one lands): 409 EVALUATION_ALREADY_GIVEN.' +
    NEGATIVE_NOTE +
    ' Send `Idempotency-Key` so a retry after a lost reply is not that 409: the same key, case and body (query code' +
    ' included) within 24 hours answer the very same 201 — the same evaluation and rectification — with' +
    ' `Idempotent-Replay: true`, and write nothing. The code is checked (and counted) before any replay, so a replay' +
    ' needs the right code. The same key with another body or case: 422 IDEMPOTENCY_KEY_REUSED. Refusals are not' +
    ' stored (a rating refused before the decision may be sent again with its key). Keys are per tenant of the case.',
  errors: [
    'CASE_NOT_FOUND',
    'EVALUATION_NOT_OPEN',
    'EVALUATION_ALREADY_GIVEN',
    'IDEMPOTENCY_KEY_REUSED',
    'CALENDAR_YEAR_UNKNOWN',
    'TOO_MANY_CODE_ATTEMPTS',
  ],
  request: {
    params: caseParamsSchema,
    headers: caseEvaluationIdempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: caseEvaluationBodySchema } } },
  },
  responses: created('已评价 Recorded; with the rectification a 差评 opened'),
});

const evaluateTicketRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/evaluation',
  access: 'public',
  tags: ['evaluation'],
  summary: '一次一评 Rate an on-site service',
  description:
    '窗口评价器或自助终端：窗口办结该号后群众评价一次；部门为号票所选事项的部门。' +
    '可带 `Idempotency-Key`：24 小时内以同一键重试同一请求（同一大厅、号票与请求体），返回首次的 201 答复，差评的追评码一并返回，' +
    '不再返回 409，也不重复写入；同一键用于其他请求返回 422 IDEMPOTENCY_KEY_REUSED。' +
    ' From the window’s rating pad or a kiosk: once the window has completed the ticket, its citizen rates that' +
    ' service once (a cancelled, missed or expired ticket: 409 EVALUATION_NOT_OPEN). The department rated is the' +
    ' ticket’s matter’s, when it named one. Tickets are kept for today and the previous day. A 差评 also answers' +
    ' `followUpCode` (追评码), the citizen’s key to the one follow-up rating: print it on the pad’s slip or send it' +
    ' by SMS; it is stored only hashed.' +
    NEGATIVE_NOTE +
    ' Send `Idempotency-Key`: the follow-up code is shown once, so a pad that lost the reply and retried without a key' +
    ' would get 409 and the code would be lost. With it, the same key, hall, ticket and body within 24 hours answer' +
    ' the very same 201 — the same evaluation, rectification and `followUpCode` — with `Idempotent-Replay: true`, and' +
    ' write nothing; that reply is kept sealed with the key, which is stored only hashed. The same key with another' +
    ' body or ticket: 422 IDEMPOTENCY_KEY_REUSED. Refusals are not stored. Keys are per tenant of the hall.',
  errors: [
    'HALL_NOT_FOUND',
    'TICKET_NOT_FOUND',
    'EVALUATION_NOT_OPEN',
    'EVALUATION_ALREADY_GIVEN',
    'IDEMPOTENCY_KEY_REUSED',
    'CALENDAR_YEAR_UNKNOWN',
  ],
  request: {
    params: ticketParamsSchema,
    headers: ticketEvaluationIdempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: ticketEvaluationBodySchema } } },
  },
  responses: created('已评价 Recorded; a 差评 also carries its rectification and the follow-up code'),
});

const getEvaluationRoute = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}',
  access: RECTIFICATION_ACCESS,
  tags: ['evaluation'],
  summary: '评价详情 An evaluation',
  description:
    '查看一条评价及其整改情况（时限按今日判断）。 A rating and, for a 差评, its rectification with both deadlines' +
    ' judged today. The id is `case:<case number>` or `ticket:<hall>:<ticket id>` (URL-encode it or not). A back-office' +
    ' member reads their own department’s ratings only (another department: 403 FORBIDDEN).' +
    TENANT_NOTE,
  errors: ['EVALUATION_NOT_FOUND'],
  request: { params: evaluationIdParamsSchema },
  responses: {
    200: { description: '评价 The evaluation', content: { 'application/json': { schema: evaluationViewSchema, example: EVALUATION_VIEW_EXAMPLE } } },
  },
});

/** The evaluation's URL: where GET /v1/evaluations/{id} reads it. */
const locate = (reply: EvaluationCreatedReply) => `/v1/evaluations/${encodeURIComponent(reply.evaluation.id)}`;

/** A rating's 201, the first answer or its replay alike: only the replay header tells them apart. */
const replyCreated = (c: Context<AppEnv>, { reply, replay }: RatingOutcome) => {
  if (replay) c.header('Idempotent-Replay', 'true');
  c.header('Location', locate(reply));
  c.header('Cache-Control', 'no-store');
  return c.json(reply, 201);
};

export const registerEvaluationRoutes = (app: App) => {
  app.openapi(evaluateCaseRoute, async (c) => {
    const now = caseClock.now();
    const { number } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const outcome = await evaluateCase(openDatabase(c.env.DB), number, c.req.valid('json'), key, now, openQueryCodeGate(c.env));
    if (!outcome.ok) return replyError(c, outcome.error);
    return replyCreated(c, outcome.value);
  });

  app.openapi(evaluateTicketRoute, async (c) => {
    const now = caseClock.now();
    const { hall, id } = c.req.valid('param');
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const outcome = await evaluateTicket(openDatabase(c.env.DB), stub.value, hall, id, c.req.valid('json'), key, now);
    if (!outcome.ok) return replyError(c, outcome.error);
    return replyCreated(c, outcome.value);
  });

  app.openapi(getEvaluationRoute, async (c) => {
    const { id } = c.req.valid('param');
    const view = await readEvaluationView(openDatabase(c.env.DB), id, scopeOf(actorOf(c)), caseClock.now());
    if (!view.ok) return replyError(c, view.error);
    c.header('Cache-Control', 'no-store');
    return c.json(view.value, 200);
  });
};
