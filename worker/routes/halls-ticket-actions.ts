import type { ErrorCode } from '../../core/index.ts';
import type { App } from '../app.ts';
import { defineRoute } from '../define-route.ts';
import type { TicketCommand } from '../hall-object.ts';
import { runHallCommand } from '../hall/send-command-reply.ts';
import {
  commandIdempotencyHeadersSchema,
  completeBodySchema,
  describeReplay,
  heldTicketBodySchema,
  idempotentReplayHeaders,
  ticketParamsSchema,
  transferBodySchema,
} from '../schemas/hall.ts';
import { TICKET_ACTION_EXAMPLE } from '../schemas/hall-examples.ts';
import { ticketActionReplySchema, type TicketActionReply } from '../schemas/hall-replies.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { HALL_STAFF_NOTE } from './hall-staff-note.ts';
import { WINDOW_ACCESS } from './route-access.ts';

/** What an action on a held (called or serving) ticket can be refused with (a reused Idempotency-Key included). */
const HELD_ERRORS = [
  'HALL_NOT_FOUND',
  'TICKET_NOT_FOUND',
  'TICKET_EXPIRED',
  'TICKET_ALREADY_DONE',
  'TICKET_NOT_CALLED',
  'TICKET_NOT_AT_WINDOW',
  'IDEMPOTENCY_KEY_REUSED',
] as const satisfies readonly ErrorCode[];

const REPLY = {
  200: {
    description: '号票及其新状态 The ticket after the action (and a recall’s announcement); a replay is the first reply, the same',
    headers: idempotentReplayHeaders,
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
    ' after the last recall the hall marks it one by itself.' +
    describeReplay(
      '返回首次的答复（同一播报与重呼次数），不再播报、不再计次，到上限时也不会因此过号',
      'returns the first reply (the same announcement and recall count) and does not act again: nothing is announced, no recall is counted, and at the limit the ticket is not made a no-show',
    ) +
    HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'TICKET_ALREADY_SERVING'],
  request: { params: ticketParamsSchema, headers: commandIdempotencyHeadersSchema, body: optionalBody },
  responses: REPLY,
});

const startRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/start',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '开始办理 Start serving',
  description:
    '被叫号的群众到窗口，开始办理。The called citizen arrived at the window.' +
    describeReplay('返回首次的答复（办理中的号票），而非 409 TICKET_ALREADY_SERVING', 'returns the first reply (the ticket being served), not 409 TICKET_ALREADY_SERVING') +
    HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'TICKET_ALREADY_SERVING'],
  request: { params: ticketParamsSchema, headers: commandIdempotencyHeadersSchema, body: optionalBody },
  responses: REPLY,
});

const completeRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/complete',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '办结 Complete',
  description:
    '结束服务并记录结果；已办结的号票再办结为 409。Ends the service with its outcome; completing twice is 409.' +
    describeReplay('返回首次的答复（已办结的号票），而非 409 TICKET_ALREADY_DONE', 'returns the first reply (the completed ticket), not 409 TICKET_ALREADY_DONE') +
    HALL_STAFF_NOTE,
  errors: HELD_ERRORS,
  request: {
    params: ticketParamsSchema,
    headers: commandIdempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: completeBodySchema } } },
  },
  responses: REPLY,
});

const noShowRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/no-show',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '过号 No-show',
  description:
    '叫号未到，标记过号，窗口可叫下一位。The called citizen did not come; the window is free again.' +
    describeReplay('返回首次的答复（已过号的号票），而非 409 TICKET_ALREADY_DONE', 'returns the first reply (the ticket marked a no-show), not 409 TICKET_ALREADY_DONE') +
    HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'TICKET_ALREADY_SERVING'],
  request: { params: ticketParamsSchema, headers: commandIdempotencyHeadersSchema, body: optionalBody },
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
    ' it may be paused, not closed), or `backToLine` at its original place.' +
    describeReplay('返回首次的答复（转出后的号票），不再转第二次', 'returns the first reply (the ticket as transferred) and never transfers it a second time') +
    HALL_STAFF_NOTE,
  errors: [...HELD_ERRORS, 'UNKNOWN_WINDOW', 'WINDOW_CLOSED'],
  request: {
    params: ticketParamsSchema,
    headers: commandIdempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: transferBodySchema } } },
  },
  responses: REPLY,
});

const cancelRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets/{id}/cancel',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '取消 Cancel',
  description:
    '群众放弃等候（等候中或已叫号，办理中不可取消）。The citizen gives up, while waiting or called.' +
    describeReplay('返回首次的答复（已取消的号票），而非 409 TICKET_ALREADY_DONE', 'returns the first reply (the cancelled ticket), not 409 TICKET_ALREADY_DONE') +
    HALL_STAFF_NOTE,
  errors: ['HALL_NOT_FOUND', 'TICKET_NOT_FOUND', 'TICKET_EXPIRED', 'TICKET_ALREADY_DONE', 'TICKET_ALREADY_SERVING', 'IDEMPOTENCY_KEY_REUSED'],
  request: { params: ticketParamsSchema, headers: commandIdempotencyHeadersSchema },
  responses: REPLY,
});

/** Runs one ticket command in the hall's object (at most once per Idempotency-Key) and sends its reply. */
const runTicketCommand = (c: Context<AppEnv>, hall: string, command: TicketCommand, key: string | null) =>
  runHallCommand<TicketActionReply>(c, hall, (stub) => stub.actOnTicket(hall, command, key));

/** `window` in a body names the acting window; absent, any holder may act. */
const actingWindow = (window: string | undefined) => (window === undefined ? {} : { windowId: window });

export const registerHallTicketActionRoutes = (app: App) => {
  app.openapi(recallRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    return runTicketCommand(c, hall, { type: 'recall', ticketId: id, ...actingWindow(c.req.valid('json').window) }, key);
  });

  app.openapi(startRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    return runTicketCommand(c, hall, { type: 'startServing', ticketId: id, ...actingWindow(c.req.valid('json').window) }, key);
  });

  app.openapi(completeRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const { outcome, caseNumber, window } = c.req.valid('json');
    const command: TicketCommand = {
      type: 'complete',
      ticketId: id,
      outcome,
      ...(caseNumber === undefined ? {} : { caseNumber }),
      ...actingWindow(window),
    };
    return runTicketCommand(c, hall, command, key);
  });

  app.openapi(noShowRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    return runTicketCommand(c, hall, { type: 'markNoShow', ticketId: id, ...actingWindow(c.req.valid('json').window) }, key);
  });

  app.openapi(transferRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const body = c.req.valid('json');
    const target = 'toWindow' in body ? { toWindowId: body.toWindow } : { backToLine: true as const };
    return runTicketCommand(c, hall, { type: 'transfer', ticketId: id, ...target, ...actingWindow(body.window) }, key);
  });

  app.openapi(cancelRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    return runTicketCommand(c, hall, { type: 'cancel', ticketId: id }, key);
  });
};
