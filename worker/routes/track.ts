import type { App } from '../app.ts';
import { openQueryCodeGate, QUERY_CODE_FAILURES_PER_HOUR } from '../cases/query-code-gate.ts';
import { trackCase } from '../cases/track-case.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { caseParamsSchema, trackQuerySchema } from '../schemas/case.ts';
import { TRACK_EXAMPLE } from '../schemas/case-examples.ts';
import { trackSchema } from '../schemas/case-track-replies.ts';

const trackRoute = defineRoute({
  method: 'get',
  path: '/v1/track/{number}',
  access: 'public',
  tags: ['cases'],
  summary: '办件进度查询 Track a case',
  description:
    '群众凭办件编号与回执上的查询码查询办理进度；个人信息已脱敏。 Public: the case number and the query code from the receipt.' +
    ' Status, the due date and the timeline, with no personal data (the applicant’s name masked; no numbers, reviewers' +
    ' or reasons). A due date pending next year’s official holiday schedule shows `dueOn` null and `duePending`' +
    ' (到期日待2027年法定节假日安排公布后确定) and is filled in once the schedule is added. A wrong or missing code answers' +
    ' 404 CASE_NOT_FOUND exactly like an unknown number. 查询码错误过多即暂停：' +
    `after ${QUERY_CODE_FAILURES_PER_HOUR} wrong codes for a case within an hour (shared with the certificate and` +
    ' rating routes) every attempt, right or wrong, is 429 TOO_MANY_CODE_ATTEMPTS with Retry-After until the' +
    ' allowance refills (one more every 12 minutes), so the six digits cannot be guessed.',
  errors: ['CASE_NOT_FOUND', 'TOO_MANY_CODE_ATTEMPTS'],
  request: { params: caseParamsSchema, query: trackQuerySchema },
  responses: {
    200: { description: '办件进度 The case’s progress', content: { 'application/json': { schema: trackSchema, example: TRACK_EXAMPLE } } },
  },
});

export const registerTrackRoutes = (app: App) => {
  app.openapi(trackRoute, async (c) => {
    const { number } = c.req.valid('param');
    const tracked = await trackCase(openDatabase(c.env.DB), number, c.req.valid('query').code, openQueryCodeGate(c.env));
    c.header('Cache-Control', 'no-store');
    if (!tracked.ok) return replyError(c, tracked.error);
    return c.json(tracked.value, 200);
  });
};
