import type { TypedResponse } from 'hono';
import type { App } from '../app.ts';
import { acceptCase } from '../cases/accept-case.ts';
import { caseClock } from '../cases/case-clock.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { caseIdempotencyHeadersSchema, createCaseBodySchema } from '../schemas/case.ts';
import { CASE_ACCEPTED_EXAMPLE } from '../schemas/case-examples.ts';
import { caseAcceptedSchema, type CaseAcceptedReply } from '../schemas/case-replies.ts';
import { NOTICE_NOTE } from './notice-note.ts';
import { PENDING_DUE_NOTE } from './pending-due-note.ts';
import { actorOf } from '../tenant-guard.ts';
import { wakeDispatchers } from '../webhooks/wake-dispatchers.ts';

const createCaseRoute = defineRoute({
  method: 'post',
  path: '/v1/cases',
  // Online declarations come from the portal's key (cases:submit); windows are front-desk staff.
  access: { roles: ['front-desk'], scopes: ['cases:submit'] },
  tags: ['cases'],
  summary: '受理 Submit a case',
  description:
    '前台综合受理或网上申报：单一事项（matterCode）或“一件事”（bundle）。形式审查通过即受理，无前置的事项当日分送各部门后台并开始计时；' +
    '承诺办结日按关键路径（并联审批）计算。 Front-desk intake or online declaration of one matter or a bundle. Formal' +
    ' review against the shared checklist (each material asked once; government-issued ones already in the' +
    ' applicant’s library are not asked again). Accepted: 201 with the case number, the query code (given only here:' +
    ' print it on the receipt), each task’s due date and the promised completion date of the whole case along its' +
    ' critical path.' +
    PENDING_DUE_NOTE +
    NOTICE_NOTE +
    ' Kiosks, partner systems and the portal must send `Idempotency-Key`: without one a retried POST registers a' +
    ' second case. Keys are per tenant: another tenant’s identical key is another key.' +
    ' 前台工作人员（front-desk）或持 cases:submit 的接口密钥。`hall` 须为调用方所属租户的大厅（否则 HALL_NOT_FOUND）。' +
    ' Front-desk staff or a key with cases:submit; `hall` (where the applicant stands, or the submitting system’s hall)' +
    ' must be one of the caller’s tenant’s halls, else 404 HALL_NOT_FOUND.' +
    ' 跨区域通办: `ownerTenant` names the tenant whose departments handle the case (default the caller’s). Another' +
    ' tenant must list the caller’s as a partner and accept every matter (网上办理深度 at least its minimum, or listed:' +
    ' GET /v1/tenants/{tenant}/cross-region-matters), else 403 CROSS_REGION_NOT_ALLOWED and nothing is written. The' +
    ' case is then numbered by the owner (its hall code), handled by its departments, and both tenants track it;' +
    ' status changes go to both tenants’ webhooks.',
  errors: [
    'HALL_NOT_FOUND',
    'CROSS_REGION_NOT_ALLOWED',
    'MATERIALS_INCOMPLETE',
    'MATTER_NOT_ACCEPTED_HERE',
    'BUNDLE_CHOICE_INVALID',
    'IDEMPOTENCY_KEY_REUSED',
    'CALENDAR_YEAR_UNKNOWN',
  ],
  request: {
    headers: caseIdempotencyHeadersSchema,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: createCaseBodySchema,
          examples: {
            window: {
              summary: '本区窗口受理 Intake at the caller’s own hall',
              value: {
                hall: 'xiaoshan',
                channel: 'window',
                applicant: { kind: 'organisation', name: '杭州萧然餐饮有限公司', creditCode: '91330109MA2GXXXX0X', phone: '13800138000' },
                bundle: { id: 'open-restaurant', choices: { 'business-licence': '511A0064100070-330109000000-000-11330109MB20201373-1-00' } },
                materials: [{ materialId: 'resident-id-card', form: 'paper', originals: 1, copies: 0 }],
              },
            },
            crossRegion: {
              summary: '跨区域通办 A Binjiang front desk files a Xiaoshan matter',
              value: {
                hall: 'binjiang',
                ownerTenant: 'xiaoshan',
                channel: 'window',
                applicant: { kind: 'organisation', name: '杭州萧然餐饮有限公司', creditCode: '91330109MA2GXXXX0X', phone: '13800138000' },
                matterCode: '511A0005200004-330109000000-000-11330109MB20201373-1-00',
                materials: [],
              },
            },
          },
        },
      },
    },
  },
  responses: {
    201: {
      description:
        '已受理 Accepted. A replay (same Idempotency-Key and body) answers the very same reply with' +
        ' `Idempotent-Replay: true`, the 422 notice included. `Location` is the case’s URL.',
      headers: {
        Location: { schema: { type: 'string' }, description: 'The case’s URL' },
        'Idempotent-Replay': { schema: { type: 'string', enum: ['true'] }, description: 'Present on a replay' },
      },
      content: { 'application/json': { schema: caseAcceptedSchema, example: CASE_ACCEPTED_EXAMPLE } },
    },
  },
});

/** POST /v1/cases: intake at a window, online, or from a partner (跨区域通办). */
export const registerCaseIntakeRoutes = (app: App) => {
  app.openapi(createCaseRoute, async (c) => {
    const now = caseClock.now();
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const outcome = await acceptCase(openDatabase(c.env.DB), body, actorOf(c).tenant, key, now);
    if (!outcome.ok) return replyError(c, outcome.error);
    const { reply, replay, notify } = outcome.value;
    wakeDispatchers(notify);
    if (replay) c.header('Idempotent-Replay', 'true');
    c.header('Cache-Control', 'no-store');
    if (reply.status !== 201) return replyError(c, 'MATERIALS_INCOMPLETE', reply.body as Record<string, unknown>);
    const accepted = reply.body as CaseAcceptedReply;
    c.header('Location', `/v1/cases/${encodeURIComponent(accepted.number)}`);
    return c.json(accepted, 201) as unknown as TypedResponse<CaseAcceptedReply, 201, 'json'>;
  });

};
