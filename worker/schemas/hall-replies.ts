import { z } from '@hono/zod-openapi';

/**
 * Reply schemas of the hall routes (统一取号). They mirror core/hall's types; the presenters in
 * worker/hall/present-hall.ts are typed by these schemas, so the compiler holds the two together.
 * Times are ISO 8601 (UTC); waits are whole minutes. No reply carries a citizen's phone number.
 */

const isoTime = (description: string) => z.string().openapi({ description, example: '2026-03-02T01:12:05.000Z' });

export const ticketClassSchema = z
  .enum(['normal', 'priority', 'appointment'])
  .openapi({ description: 'normal 普通 (A) / priority 优先 (B: elderly, disabled, military) / appointment 预约 (C)' });

export const ticketStatusSchema = z
  .enum(['waiting', 'called', 'serving', 'completed', 'cancelled', 'no_show', 'expired'])
  .openapi({ description: '等候 / 已叫号 / 办理中 / 办结 / 已取消 / 过号 / 过期 (closed out at the day’s end)' });

export const priorityReasonSchema = z.enum(['elderly', 'disabled', 'military']);
export const outcomeSchema = z
  .enum(['case_accepted', 'consultation_only', 'referred'])
  .openapi({ description: '受理 (a case was accepted) / 咨询 (advice only) / 转办 (referred elsewhere)' });

export const announcementSchema = z
  .object({
    seq: z.number().int().openapi({ description: 'Hall-wide order: displays speak one at a time in this order and drop repeats', example: 57 }),
    text: z.string().openapi({ example: '请 A023 号到 5 号窗口办理' }),
    textEn: z.string().openapi({ example: 'Number A023, please go to window 5' }),
  })
  .openapi('Announcement');

export const ticketSchema = z
  .object({
    id: z.string().openapi({ description: 'Ticket id (use it in the ticket URLs)', example: '5b0c1f4e-8d1e-4f5a-9a53-0c2b7e1d9a10' }),
    hall: z.string().openapi({ example: 'xiaoshan' }),
    number: z.string().openapi({ description: '号码, per class per day', example: 'A023' }),
    class: ticketClassSchema,
    line: ticketClassSchema.openapi({ description: 'The line it waits in: a late appointment waits in the normal line' }),
    status: ticketStatusSchema,
    position: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '1-based place in the call order while waiting (by the hall’s 2:1 policy); null otherwise', example: 7 }),
    estimatedWaitMinutes: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Expected wait from now while waiting; null when not waiting or no window is open', example: 4 }),
    window: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'The window holding it (called or serving)', example: { id: '5', name: '5 号窗口' } }),
    transferTo: z.string().nullable().openapi({ description: 'While waiting after a transfer: the window that calls it first' }),
    matterCode: z.string().nullable().openapi({ description: '事项实施编码, when the citizen chose a matter' }),
    priorityReason: priorityReasonSchema.nullable(),
    appointmentSlot: z.string().nullable().openapi({ description: 'ISO 8601 start of the appointment slot' }),
    smsNotice: z.boolean().openapi({ description: 'Whether a phone number was left for SMS notices (the number itself is never returned)' }),
    takenAt: isoTime('取号时间'),
    calledAt: z.string().nullable().openapi({ description: 'Latest call or recall' }),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    recalls: z.number().int(),
    outcome: outcomeSchema.nullable(),
    caseNumber: z.string().nullable(),
  })
  .openapi('Ticket');

export const ticketActionReplySchema = z
  .object({
    ticket: ticketSchema,
    announcement: announcementSchema.nullable().openapi({ description: 'The announcement a recall made; null for other actions' }),
  })
  .openapi('TicketActionReply');

export const callReplySchema = z
  .object({
    ticket: ticketSchema,
    announcement: announcementSchema,
    source: z
      .enum(['transfer', 'appointment', 'priority', 'normal'])
      .openapi({ description: 'Where the call came from: a transfer to this window, a due appointment, or a line' }),
  })
  .openapi('CallReply');

export const windowSchema = z
  .object({
    id: z.string().openapi({ example: '5' }),
    name: z.string().openapi({ example: '5 号窗口' }),
    status: z.enum(['closed', 'open', 'paused']),
    pauseReason: z.string().nullable(),
    ticket: z
      .object({ id: z.string(), number: z.string(), status: ticketStatusSchema, calledAt: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The ticket it holds (called or serving)' }),
    transfersWaiting: z.number().int().openapi({ description: 'Tickets transferred to it, not yet called' }),
  })
  .openapi('Window');

export const waitingEntrySchema = z.object({
  id: z.string(),
  number: z.string(),
  class: ticketClassSchema,
  line: ticketClassSchema,
  takenAt: z.string(),
  appointmentSlot: z.string().nullable(),
  transferTo: z.string().nullable(),
  position: z.number().int().openapi({ description: 'Place in the call order (in the transfer window’s own order for transfers)' }),
  estimatedWaitMinutes: z.number().int().nullable(),
});

export const callRecordSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  windowId: z.string(),
  windowName: z.string(),
  at: z.string(),
  announcementSeq: z.number().int(),
  text: z.string(),
  recall: z.boolean(),
});

export const queueReplySchema = z
  .object({
    hall: z.string().openapi({ example: 'xiaoshan' }),
    day: z.string().nullable().openapi({ description: 'Local (Beijing) date the queue is on; null before the first ticket', example: '2026-03-02' }),
    at: isoTime('When the snapshot was taken'),
    seq: z.number().int().openapi({ description: 'The last event in the hall’s log this snapshot includes (the live feed continues from seq + 1)' }),
    waitingTotal: z.number().int(),
    waiting: z.object({
      normal: z.array(waitingEntrySchema),
      priority: z.array(waitingEntrySchema),
      appointment: z.array(waitingEntrySchema),
    }),
    windows: z.array(windowSchema),
    recentCalls: z.array(callRecordSchema).openapi({ description: 'Newest first' }),
    lastAnnouncementSeq: z.number().int(),
    estimate: z.object({
      serviceTimeMinutes: z.number().openapi({ description: 'Observed mean service time (8-minute prior until observed)' }),
      openWindows: z.number().int(),
      arrivalsPerHour: z.number(),
      predictedMeanWaitMinutes: z.number().nullable().openapi({ description: 'Allen-Cunneen mean wait for a ticket taken now; null with no window open' }),
    }),
  })
  .openapi('QueueSnapshot');

const serviceSummarySchema = z.object({
  calls: z.number().int(),
  served: z.number().int().openapi({ description: '办结' }),
  noShows: z.number().int(),
  cancellations: z.number().int(),
  expired: z.number().int(),
  transfers: z.number().int(),
  meanWaitMinutes: z.number().nullable().openapi({ description: 'Take → first call, over tickets called' }),
  p95WaitMinutes: z.number().nullable(),
  meanHandlingMinutes: z.number().nullable(),
  idleMinutes: z.number(),
  outcomes: z.object({ case_accepted: z.number().int(), consultation_only: z.number().int(), referred: z.number().int() }),
});

export const statsReplySchema = z
  .object({
    hall: z.string().openapi({ example: 'xiaoshan' }),
    day: z.string().openapi({ example: '2026-03-02' }),
    totals: serviceSummarySchema,
    windows: z.array(serviceSummarySchema.extend({ windowId: z.string(), name: z.string() })),
  })
  .openapi('HallStats');

export type TicketReply = z.infer<typeof ticketSchema>;
export type TicketActionReply = z.infer<typeof ticketActionReplySchema>;
export type CallReply = z.infer<typeof callReplySchema>;
export type WindowReply = z.infer<typeof windowSchema>;
export type QueueReply = z.infer<typeof queueReplySchema>;
export type StatsReply = z.infer<typeof statsReplySchema>;
