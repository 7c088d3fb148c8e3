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
import { CASE_STAFF_ACCESS, CASE_STAFF_NOTE } from './cases-access.ts';
import { NOTICE_NOTE } from './notice-note.ts';
import { PENDING_DUE_NOTE } from './pending-due-note.ts';

const createCaseRoute = defineRoute({
  method: 'post',
  path: '/v1/cases',
  access: CASE_STAFF_ACCESS,
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
    ' second case.' +
    CASE_STAFF_NOTE,
  errors: [
    'HALL_NOT_FOUND',
    'MATERIALS_INCOMPLETE',
    'MATTER_NOT_ACCEPTED_HERE',
    'BUNDLE_CHOICE_INVALID',
    'IDEMPOTENCY_KEY_REUSED',
    'CALENDAR_YEAR_UNKNOWN',
  ],
  request: {
    headers: caseIdempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: createCaseBodySchema } } },
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
    const outcome = await acceptCase(openDatabase(c.env.DB), body, key, now);
    if (!outcome.ok) return replyError(c, outcome.error);
    const { reply, replay } = outcome.value;
    if (replay) c.header('Idempotent-Replay', 'true');
    c.header('Cache-Control', 'no-store');
    if (reply.status !== 201) return replyError(c, 'MATERIALS_INCOMPLETE', reply.body as Record<string, unknown>);
    const accepted = reply.body as CaseAcceptedReply;
    c.header('Location', `/v1/cases/${encodeURIComponent(accepted.number)}`);
    return c.json(accepted, 201) as unknown as TypedResponse<CaseAcceptedReply, 201, 'json'>;
  });

};
