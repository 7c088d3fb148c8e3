import type { App } from '../app.ts';
import { defineRoute } from '../define-route.ts';
import type { WindowCommand } from '../hall-object.ts';
import { runHallCommand } from '../hall/send-command-reply.ts';
import { commandIdempotencyHeadersSchema, describeReplay, idempotentReplayHeaders, pauseBodySchema, windowParamsSchema } from '../schemas/hall.ts';
import { CALL_EXAMPLE, WINDOW_EXAMPLE } from '../schemas/hall-examples.ts';
import { callReplySchema, windowSchema, type CallReply, type WindowReply } from '../schemas/hall-replies.ts';
import type { Context, TypedResponse } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { HALL_STAFF_NOTE } from './hall-staff-note.ts';
import { WINDOW_ACCESS } from './route-access.ts';

const callRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/windows/{window}/call',
  access: WINDOW_ACCESS,
  tags: ['hall'],
  summary: '叫号 Call the next ticket',
  description:
    '空闲窗口叫下一位：先叫转给本窗口的号，再叫到时的预约号，再按 2:1 在普通与优先队列间叫号，同队列先到先叫。' +
    ' Many windows calling at once never get the same ticket. 204 when nobody waits.' +
    describeReplay(
      '返回首次叫到的同一号票与播报，而非 409 WINDOW_BUSY，也不会再叫下一位（204 无人等候不保存，重试照常叫号）',
      'returns the first reply, the same ticket and announcement, not 409 WINDOW_BUSY, and calls nobody else (a 204 is not stored: its retry calls as usual)',
    ) +
    HALL_STAFF_NOTE,
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_CLOSED', 'WINDOW_PAUSED', 'WINDOW_BUSY', 'IDEMPOTENCY_KEY_REUSED'],
  request: { params: windowParamsSchema, headers: commandIdempotencyHeadersSchema },
  responses: {
    200: {
      description: '被叫的号票与播报 The called ticket and its announcement (请 A023 号到 5 号窗口办理); a replay is the first reply, the same',
      headers: idempotentReplayHeaders,
      content: { 'application/json': { schema: callReplySchema, example: CALL_EXAMPLE } },
    },
    204: { description: '无人等候 Nobody waits for this window' },
  },
});

const windowRoute = <P extends string>(path: P, summary: string, description: string) =>
  ({
    method: 'post' as const,
    path,
    access: WINDOW_ACCESS,
    tags: ['hall'],
    summary,
    description:
      description +
      describeReplay(
        '返回首次的答复（当时的窗口），不再执行（与当前状态相同的请求不改变什么，也不保存）',
        'returns the first reply (the window as it was then) and does not act again (a request for the state the window is already in changes nothing and is not stored)',
      ) +
      HALL_STAFF_NOTE,
    responses: {
      200: {
        description: '窗口 The window after the action; a replay is the first reply, the same',
        headers: idempotentReplayHeaders,
        content: { 'application/json': { schema: windowSchema, example: WINDOW_EXAMPLE } },
      },
    },
  });

const openRoute = defineRoute({
  ...windowRoute('/v1/halls/{hall}/windows/{window}/open', '开窗 Open a window', '开始叫号；每天日切后所有窗口关闭。Every window starts the day closed; opening a paused window resumes it.'),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'IDEMPOTENCY_KEY_REUSED'],
  request: { params: windowParamsSchema, headers: commandIdempotencyHeadersSchema },
});

const pauseRoute = defineRoute({
  ...windowRoute('/v1/halls/{hall}/windows/{window}/pause', '暂停 Pause a window', '暂停叫号（手中的号票可继续办完）。Stops calling; a ticket it holds may still be finished.'),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_CLOSED', 'IDEMPOTENCY_KEY_REUSED'],
  request: {
    params: windowParamsSchema,
    headers: commandIdempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: pauseBodySchema } } },
  },
});

const resumeRoute = defineRoute({
  ...windowRoute('/v1/halls/{hall}/windows/{window}/resume', '恢复 Resume a window', '暂停后恢复叫号。Paused → open.'),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_CLOSED', 'IDEMPOTENCY_KEY_REUSED'],
  request: { params: windowParamsSchema, headers: commandIdempotencyHeadersSchema },
});

const closeRoute = defineRoute({
  ...windowRoute(
    '/v1/halls/{hall}/windows/{window}/close',
    '关窗 Close a window',
    '手中无号票时关闭；转给本窗口未叫的号退回原队列原位置。Only when holding no ticket; tickets transferred to it go back to their lines.',
  ),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_BUSY', 'IDEMPOTENCY_KEY_REUSED'],
  request: { params: windowParamsSchema, headers: commandIdempotencyHeadersSchema },
});

/** Runs one window command in the hall's object (at most once per Idempotency-Key) and sends its reply. */
const runWindowCommand = (c: Context<AppEnv>, hall: string, command: WindowCommand, key: string | null) =>
  runHallCommand<WindowReply>(c, hall, (stub) => stub.actOnWindow(hall, command, key));

export const registerHallWindowRoutes = (app: App) => {
  app.openapi(callRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    return runHallCommand<CallReply, Response & TypedResponse<null, 204, 'body'>>(c, hall, (stub) => stub.callNext(hall, window, key), () => c.body(null, 204));
  });

  app.openapi(openRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    return runWindowCommand(c, hall, { type: 'openWindow', windowId: window }, c.req.valid('header')['idempotency-key'] ?? null);
  });

  app.openapi(pauseRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return runWindowCommand(c, hall, { type: 'pauseWindow', windowId: window, reason }, c.req.valid('header')['idempotency-key'] ?? null);
  });

  app.openapi(resumeRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    return runWindowCommand(c, hall, { type: 'resumeWindow', windowId: window }, c.req.valid('header')['idempotency-key'] ?? null);
  });

  app.openapi(closeRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    return runWindowCommand(c, hall, { type: 'closeWindow', windowId: window }, c.req.valid('header')['idempotency-key'] ?? null);
  });
};
