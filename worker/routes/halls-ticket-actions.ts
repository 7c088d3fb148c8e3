import type { ErrorCode, Result } from '../../core/index.ts';
import type { App } from '../app.ts';
import { defineRoute } from '../define-route.ts';
import type { TicketCommand } from '../hall-object.ts';
import { openHall } from '../hall/open-hall.ts';
import { replyError } from '../http-errors.ts';
import { completeBodySchema, heldTicketBodySchema, ticketParamsSchema, transferBodySchema } from '../schemas/hall.ts';
import { TICKET_ACTION_EXAMPLE } from '../schemas/hall-examples.ts';
import { ticketActionReplySchema, type TicketActionReply } from '../schemas/hall-replies.ts';
import { actorOf, hallOfActor } from '../tenant-guard.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { HALL_STAFF_NOTE } from './hall-staff-note.ts';
import { WINDOW_ACCESS } from './route-access.ts';

/** What a held (called or serving) ticket can be refused with. */
const HELD_ERRORS = [
  'HALL_NOT_FOUND',
  'TICKET_NOT_FOUND',
  'TICKET_EXPIRED',
  'TICKET_ALREADY_DONE',
  'TICKET_NOT_CALLED',
  'TICKET_NOT_AT_WINDOW',
] as const satisfies readonly ErrorCode[];

const REPLY = {
  200: {
    description: '号票及其新状态 The ticket after the action (and a recall’s announcement)',
    content: { 'application/json': { schema: ticketActionReplySchema, example: TICKET_ACTION_EXAMPLE } },
  },
};

const optionalBody = { required: false, content: { 'application/json': { schema: heldTicketBodySchema } } };

const recallRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/recall',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '重呼 Recall',
  description:
    '再次播报，最多 2 次；再重呼即过号。Announce again (at most twice); one more recall marks it a no-show (过号), and 60 s' +
    ' after the last recall the hall marks it one by itself.' + HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'TICKET_ALREADY_SERVING'],
  request: { params: ticketParamsSchema, body: optionalBody },
  responses: REPLY,
});

const startRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/start',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '开始办理 Start serving',
  description: '被叫号的群众到窗口，开始办理。The called citizen arrived at the window.' + HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'TICKET_ALREADY_SERVING'],
  request: { params: ticketParamsSchema, body: optionalBody },
  responses: REPLY,
});

const completeRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/complete',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '办结 Complete',
  description: '结束服务并记录结果；已办结的号票再办结为 409。Ends the service with its outcome; completing twice is 409.' + HALL_STAFF_NOTE,
  errors: HELD_ERRORS,
  request: { params: ticketParamsSchema, body: { required: true, content: { 'application/json': { schema: completeBodySchema } } } },
  responses: REPLY,
});

const noShowRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/no-show',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '过号 No-show',
  description: '叫号未到，标记过号，窗口可叫下一位。The called citizen did not come; the window is free again.' + HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'TICKET_ALREADY_SERVING'],
  request: { params: ticketParamsSchema, body: optionalBody },
  responses: REPLY,
});

const transferRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/transfer',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '转窗 Transfer',
  description:
    '转给另一窗口（其下一次叫号先叫它），或退回原队列原位置。To another window (which calls it before anything else;' +
    ' it may be paused, not closed), or `backToLine` at its original place.' + HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'UNKNOWN_WINDOW', 'WINDOW_CLOSED'],
  request: { params: ticketParamsSchema, body: { required: true, content: { 'application/json': { schema: transferBodySchema } } } },
  responses: REPLY,
});

const cancelRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/cancel',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '取消 Cancel',
  description: '群众放弃等候（等候中或已叫号，办理中不可取消）。The citizen gives up, while waiting or called.' + HALL_STAFF_NOTE,
  errors: ['HALL_NOT_FOUND', 'TICKET_NOT_FOUND', 'TICKET_EXPIRED', 'TICKET_ALREADY_DONE', 'TICKET_ALREADY_SERVING'],
  request: { params: ticketParamsSchema },
  responses: REPLY,
});

const runTicketCommand = async (c: Context<AppEnv>, hall: string, command: TicketCommand): Promise<Result<TicketActionReply>> => {
  const own = hallOfActor(actorOf(c), hall);
  if (!own.ok) return own;
  const stub = openHall(c.env, hall);
  if (!stub.ok) return stub;
  return (await stub.value.actOnTicket(hall, command)) as Result<TicketActionReply>;
};

/** `window` in a body names the acting window; absent, any holder may act. */
const actingWindow = (window: string | undefined) => (window === undefined ? {} : { windowId: window });

export const registerHallTicketActionRoutes = (app: App) => {
  app.openapi(recallRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const result = await runTicketCommand(c, hall, { type: 'recall', ticketId: id, ...actingWindow(c.req.valid('json').window) });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(startRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const result = await runTicketCommand(c, hall, { type: 'startServing', ticketId: id, ...actingWindow(c.req.valid('json').window) });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(completeRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const { outcome, caseNumber, window } = c.req.valid('json');
    const result = await runTicketCommand(c, hall, {
      type: 'complete',
      ticketId: id,
      outcome,
      ...(caseNumber === undefined ? {} : { caseNumber }),
      ...actingWindow(window),
    });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(noShowRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const result = await runTicketCommand(c, hall, { type: 'markNoShow', ticketId: id, ...actingWindow(c.req.valid('json').window) });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(transferRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const body = c.req.valid('json');
    const target = 'toWindow' in body ? { toWindowId: body.toWindow } : { backToLine: true as const };
    const result = await runTicketCommand(c, hall, { type: 'transfer', ticketId: id, ...target, ...actingWindow(body.window) });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(cancelRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const result = await runTicketCommand(c, hall, { type: 'cancel', ticketId: id });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });
};
