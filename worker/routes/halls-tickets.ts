import { findMatter, type Result } from '../../core/index.ts';
import type { TypedResponse } from 'hono';
import type { App } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { defineRoute } from '../define-route.ts';
import type { TakeReply } from '../hall-object.ts';
import type { TakeTicketInput } from '../hall/hall-engine.ts';
import { openHall } from '../hall/open-hall.ts';
import { replyError } from '../http-errors.ts';
import { hallParamsSchema, idempotencyHeadersSchema, takeTicketBodySchema, ticketParamsSchema } from '../schemas/hall.ts';
import { TICKET_EXAMPLE } from '../schemas/hall-examples.ts';
import { ticketSchema, type TicketReply } from '../schemas/hall-replies.ts';

const takeTicketRoute = defineRoute({
  method: 'post',
  path: '/v1/halls/{hall}/tickets',
  access: 'public',
  tags: ['hall'],
  summary: '取号 Take a ticket',
  description:
    '统一取号：一张号票办任何事项，任一空闲窗口叫号。Kiosks send `Idempotency-Key` so a retry never prints two tickets.' +
    ' One ticket for whatever the citizen came for; the next free window of the hall calls it (2 normal : 1 priority' +
    ' when both wait, appointments when due, FCFS within each line). `position` and `estimatedWaitMinutes` are the' +
    ' place in that call order and the expected wait at the moment of taking.',
  errors: ['HALL_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'HALL_NOT_OPEN', 'APPOINTMENT_NOT_TODAY'],
  request: {
    params: hallParamsSchema,
    headers: idempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: takeTicketBodySchema } } },
  },
  responses: {
    201: {
      description:
        '号票 The ticket. A replay of a stored take (same Idempotency-Key and body) is 201 with the very same body and' +
        ' the header `Idempotent-Replay: true`. `Location` is the ticket’s URL.',
      headers: {
        Location: { schema: { type: 'string' }, description: 'The ticket’s URL' },
        'Idempotent-Replay': { schema: { type: 'string', enum: ['true'] }, description: 'Present on a replay' },
      },
      content: { 'application/json': { schema: ticketSchema, example: TICKET_EXAMPLE } },
    },
  },
});

const getTicketRoute = defineRoute({
  method: 'get',
  path: '/v1/halls/{hall}/tickets/{id}',
  access: 'public',
  tags: ['hall'],
  summary: '查询号票 A ticket',
  description:
    '号票状态、前面还有几位与预计等候时间。Status, place in the call order and expected wait. Tickets of today and' +
    ' the previous day are kept; older ones are `TICKET_NOT_FOUND`.',
  errors: ['HALL_NOT_FOUND', 'TICKET_NOT_FOUND'],
  request: { params: ticketParamsSchema },
  responses: {
    200: { description: '号票 The ticket', content: { 'application/json': { schema: ticketSchema, example: TICKET_EXAMPLE } } },
  },
});

export const registerHallTicketRoutes = (app: App) => {
  app.openapi(takeTicketRoute, async (c) => {
    const { hall } = c.req.valid('param');
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'] ?? null;
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    let matterCode: string | undefined;
    if (body.matterCode !== undefined) {
      const matter = findMatter(getCatalogStore().index, body.matterCode);
      if (!matter.ok) {
        // A body field that names nothing: a bad request (the hall exists), listed like zod's issues.
        const issue = { location: 'json', path: ['matterCode'], message: 'No matter in the catalog has this code' };
        return replyError(c, 'INVALID_INPUT', { issues: [issue] });
      }
      matterCode = matter.value.code;
    }
    const input: TakeTicketInput = {
      class: body.class,
      ...(matterCode === undefined ? {} : { matterCode }),
      ...(body.phone === undefined ? {} : { phone: body.phone }),
      ...(body.priorityReason === undefined ? {} : { priorityReason: body.priorityReason }),
      ...(body.appointmentSlot === undefined ? {} : { appointmentSlot: Date.parse(body.appointmentSlot) }),
    };
    const taken = (await stub.value.takeTicket(hall, input, key)) as Result<TakeReply>;
    if (!taken.ok) return replyError(c, taken.error);
    const { ticketId, reply, replay } = taken.value;
    if (replay) c.header('Idempotent-Replay', 'true');
    c.header('Location', `/v1/halls/${encodeURIComponent(hall)}/tickets/${encodeURIComponent(ticketId)}`);
    // The object's JSON text is the body as is (a TicketReply, see HallObject.takeTicket).
    return c.body(reply, 201, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<TicketReply, 201, 'json'>;
  });

  app.openapi(getTicketRoute, async (c) => {
    const { hall, id } = c.req.valid('param');
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    const found = (await stub.value.getTicket(hall, id)) as Result<TicketReply>;
    if (!found.ok) return replyError(c, found.error);
    c.header('Cache-Control', 'no-store');
    return c.json(found.value, 200);
  });
};
