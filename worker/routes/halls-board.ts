import type { Result } from '../../core/index.ts';
import type { App } from '../app.ts';
import { defineRoute } from '../define-route.ts';
import { openHall } from '../hall/open-hall.ts';
import { replyError } from '../http-errors.ts';
import { hallParamsSchema } from '../schemas/hall.ts';
import { QUEUE_EXAMPLE } from '../schemas/hall-examples.ts';
import { queueReplySchema, statsReplySchema, type QueueReply, type StatsReply } from '../schemas/hall-replies.ts';

const getQueueRoute = defineRoute({
  method: 'get',
  path: '/v1/halls/{hall}/queue',
  access: 'public',
  tags: ['hall'],
  summary: '叫号屏 Queue snapshot',
  description:
    '等候中的号票（按叫号顺序的位置与预计等候）、各窗口状态、最近叫号。No personal data. `seq` is the last event' +
    ' of the hall’s log included: the live feed continues from `seq + 1`.',
  errors: ['HALL_NOT_FOUND'],
  request: { params: hallParamsSchema },
  responses: {
    200: { description: '队列快照 The board', content: { 'application/json': { schema: queueReplySchema, example: QUEUE_EXAMPLE } } },
  },
});

const getStatsRoute = defineRoute({
  method: 'get',
  path: '/v1/halls/{hall}/stats',
  access: 'public',
  tags: ['hall'],
  summary: '统计 Today’s figures',
  description:
    '当日各窗口与全厅：叫号、办结、过号、取消、转窗、等候与办理时间、空闲时间。Per window and for the hall; waits from' +
    ' take to first call (p95 from a bounded histogram).',
  errors: ['HALL_NOT_FOUND'],
  request: { params: hallParamsSchema },
  responses: {
    200: { description: '统计 Today’s figures', content: { 'application/json': { schema: statsReplySchema } } },
  },
});

const liveRoute = defineRoute({
  method: 'get',
  path: '/v1/halls/{hall}/live',
  access: 'public',
  tags: ['hall'],
  summary: '实时推送 Live feed (WebSocket)',
  description:
    'WebSocket（须 `Upgrade: websocket`）。连接后先收到快照 `{"type":"snapshot","seq":N,"queue":{…}}`，之后每个事件' +
    ' `{"type":"event","seq":N+1,"event":{…}}`，序号连续。On connect a snapshot after event N, then every event of the' +
    ' hall’s log numbered N+1, N+2 … without gaps; calls carry the announcement text and its place in one announcement' +
    ' order. A client that sees a gap sends `{"type":"since","seq":<last applied>}` (gets the missed events, or a' +
    ' snapshot if more than 500 are missing) or `{"type":"resync"}`; `ping` is answered `pong`. No phone numbers.',
  errors: ['HALL_NOT_FOUND', 'UPGRADE_REQUIRED'],
  request: { params: hallParamsSchema },
  responses: {
    101: { description: '切换为 WebSocket Switching Protocols: the feed' },
  },
});

export const registerHallBoardRoutes = (app: App) => {
  app.openapi(getQueueRoute, async (c) => {
    const { hall } = c.req.valid('param');
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    const result = (await stub.value.getQueue(hall)) as Result<QueueReply>;
    if (!result.ok) return replyError(c, result.error);
    c.header('Cache-Control', 'no-store');
    return c.json(result.value, 200);
  });

  app.openapi(getStatsRoute, async (c) => {
    const { hall } = c.req.valid('param');
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    const result = (await stub.value.getStats(hall, 'today')) as Result<StatsReply | null>;
    if (!result.ok) return replyError(c, result.error);
    if (result.value === null) return replyError(c, 'INTERNAL', { reason: 'no statistics for today' });
    c.header('Cache-Control', 'no-store');
    return c.json(result.value, 200);
  });

  app.openapi(liveRoute, async (c) => {
    const { hall } = c.req.valid('param');
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      c.header('Upgrade', 'websocket');
      return replyError(c, 'UPGRADE_REQUIRED');
    }
    // The Durable Object accepts the socket itself (hibernation API); the route only forwards the request.
    return (await stub.value.fetch(c.req.raw)) as unknown as ReturnType<typeof c.body>;
  });
};
