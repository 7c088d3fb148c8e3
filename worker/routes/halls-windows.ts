import type { Result } from '../../core/index.ts';
import type { App } from '../app.ts';
import { defineRoute } from '../define-route.ts';
import type { WindowCommand } from '../hall-object.ts';
import { openHall } from '../hall/open-hall.ts';
import { replyError } from '../http-errors.ts';
import { pauseBodySchema, windowParamsSchema } from '../schemas/hall.ts';
import { CALL_EXAMPLE, WINDOW_EXAMPLE } from '../schemas/hall-examples.ts';
import { callReplySchema, windowSchema, type CallReply, type WindowReply } from '../schemas/hall-replies.ts';
import { actorOf, hallOfActor } from '../tenant-guard.ts';
import type { Context } from 'hono';
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
    ' Many windows calling at once never get the same ticket. 204 when nobody waits.' + HALL_STAFF_NOTE,
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_CLOSED', 'WINDOW_PAUSED', 'WINDOW_BUSY'],
  request: { params: windowParamsSchema },
  responses: {
    200: {
      description: '被叫的号票与播报 The called ticket and its announcement (请 A023 号到 5 号窗口办理)',
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
    description: description + HALL_STAFF_NOTE,
    responses: {
      200: { description: '窗口 The window after the action', content: { 'application/json': { schema: windowSchema, example: WINDOW_EXAMPLE } } },
    },
  });

const openRoute = defineRoute({
  ...windowRoute('/v1/halls/{hall}/windows/{window}/open', '开窗 Open a window', '开始叫号；每天日切后所有窗口关闭。Every window starts the day closed; opening a paused window resumes it.'),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW'],
  request: { params: windowParamsSchema },
});

const pauseRoute = defineRoute({
  ...windowRoute('/v1/halls/{hall}/windows/{window}/pause', '暂停 Pause a window', '暂停叫号（手中的号票可继续办完）。Stops calling; a ticket it holds may still be finished.'),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_CLOSED'],
  request: { params: windowParamsSchema, body: { required: true, content: { 'application/json': { schema: pauseBodySchema } } } },
});

const resumeRoute = defineRoute({
  ...windowRoute('/v1/halls/{hall}/windows/{window}/resume', '恢复 Resume a window', '暂停后恢复叫号。Paused → open.'),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_CLOSED'],
  request: { params: windowParamsSchema },
});

const closeRoute = defineRoute({
  ...windowRoute(
    '/v1/halls/{hall}/windows/{window}/close',
    '关窗 Close a window',
    '手中无号票时关闭；转给本窗口未叫的号退回原队列原位置。Only when holding no ticket; tickets transferred to it go back to their lines.',
  ),
  errors: ['HALL_NOT_FOUND', 'UNKNOWN_WINDOW', 'WINDOW_BUSY'],
  request: { params: windowParamsSchema },
});

const runWindowCommand = async (c: Context<AppEnv>, hall: string, command: WindowCommand): Promise<Result<WindowReply>> => {
  const own = hallOfActor(actorOf(c), hall);
  if (!own.ok) return own;
  const stub = openHall(c.env, hall);
  if (!stub.ok) return stub;
  return (await stub.value.actOnWindow(hall, command)) as Result<WindowReply>;
};

export const registerHallWindowRoutes = (app: App) => {
  app.openapi(callRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    const own = hallOfActor(actorOf(c), hall);
    if (!own.ok) return replyError(c, own.error);
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    const result = (await stub.value.callNext(hall, window)) as Result<CallReply | null>;
    if (!result.ok) return replyError(c, result.error);
    return result.value === null ? c.body(null, 204) : c.json(result.value, 200);
  });

  app.openapi(openRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    const result = await runWindowCommand(c, hall, { type: 'openWindow', windowId: window });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(pauseRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const result = await runWindowCommand(c, hall, { type: 'pauseWindow', windowId: window, reason });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(resumeRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    const result = await runWindowCommand(c, hall, { type: 'resumeWindow', windowId: window });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });

  app.openapi(closeRoute, async (c) => {
    const { hall, window } = c.req.valid('param');
    const result = await runWindowCommand(c, hall, { type: 'closeWindow', windowId: window });
    return result.ok ? c.json(result.value, 200) : replyError(c, result.error);
  });
};
