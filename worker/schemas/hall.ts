import { z } from '@hono/zod-openapi';
import { outcomeSchema, priorityReasonSchema, ticketClassSchema } from './hall-replies.ts';
import { buildIdempotencyHeaders } from './idempotency-key.ts';

/** Request schemas of the hall routes: paths, the Idempotency-Key header, bodies. */

const hall = z.string().min(1).max(64).openapi({ description: '服务大厅 id', example: 'xiaoshan' });
const ticketId = z.string().min(1).max(128).openapi({ description: 'Ticket id, as the take returned it' });
const windowId = z.string().min(1).max(16).openapi({ description: '窗口 id', example: '5' });

export const hallParamsSchema = z.object({ hall });
export const ticketParamsSchema = z.object({ hall, id: ticketId });
export const windowParamsSchema = z.object({ hall, window: windowId });

/** A kiosk's retry must send the same key. */
export const idempotencyHeadersSchema = buildIdempotencyHeaders(
  '幂等键: a kiosk sends a fresh random key per ticket and the same key on every retry of it. The same key with ' +
    'the same body returns the same ticket (201, `Idempotent-Replay: true`) for 24 hours; with another body (or a key' +
    ' a window action of this hall already used: takes and actions share one key space per hall), 422.',
  'kiosk-3-20260302-000187',
);

/** A window console's retry must send the same key (ticket and window actions, 叫号 included). */
export const commandIdempotencyHeadersSchema = buildIdempotencyHeaders(
  '幂等键: a window console sends a fresh random key per action and the same key on every retry of it. The same key ' +
    'with the same request (route, ticket or window, body) answers the first reply again (the same status and body, ' +
    '`Idempotent-Replay: true`) without acting again, for 24 hours; with another request, 422 IDEMPOTENCY_KEY_REUSED. ' +
    'Keys are per hall, shared with takes.',
  'window-5-20260302-000042',
);

/** The response header a keyed hall route sets on a replay. */
export const idempotentReplayHeaders = {
  'Idempotent-Replay': { schema: { type: 'string' as const, enum: ['true'] }, description: 'Present on a replay' },
};

/**
 * What a keyed staff command's description says a retry gets (`zh` and `en` say what the first reply was and
 * what is not done again), Chinese first, then English, like the other notes of the hall routes.
 */
export const describeReplay = (zh: string, en: string): string =>
  ` 可带 \`Idempotency-Key\`：24 小时内以同一键重试同一请求，${zh}（标头 \`Idempotent-Replay: true\`）；同一键用于其他请求返回 422 IDEMPOTENCY_KEY_REUSED。` +
  ` With an \`Idempotency-Key\`, a retry of the same request within 24 hours ${en} (header \`Idempotent-Replay: true\`);` +
  ' the same key with another request (route, ticket or window, body) is 422 IDEMPOTENCY_KEY_REUSED.';

export const takeTicketBodySchema = z
  .object({
    class: ticketClassSchema,
    matterCode: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .openapi({ description: '事项: 实施编码 or 基本编码 from the catalog (GET /v1/matters); stored as the 实施编码' }),
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/, 'a mainland mobile number, 11 digits starting 13-19')
      .optional()
      .openapi({ description: '手机号 for SMS notices; never shown on boards or returned', example: '13800138000' }),
    priorityReason: priorityReasonSchema
      .optional()
      .openapi({ description: 'Required for, and only for, class `priority`: elderly 老年人 / disabled 残疾人 / military 军人' }),
    appointmentSlot: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'Required for, and only for, class `appointment`: the slot start (today); taking it is the check-in', example: '2026-03-02T02:00:00Z' }),
  })
  .openapi('TakeTicketRequest', { example: { class: 'normal', matterCode: '511A0005200004' } });

/** The acting window, optional: when given, the ticket must be held by it (a stale counter screen cannot act on another window's citizen). */
const actingWindow = windowId.optional().openapi({ description: 'The window acting; if given, it must hold the ticket' });

export const heldTicketBodySchema = z.object({ window: actingWindow }).openapi('TicketActionRequest');

export const completeBodySchema = z
  .object({
    outcome: outcomeSchema,
    caseNumber: z.string().min(1).max(64).optional().openapi({ description: '受理的办件编号, when a case was accepted' }),
    window: actingWindow,
  })
  .openapi('CompleteRequest', { example: { outcome: 'case_accepted', window: '5' } });

export const transferBodySchema = z
  .union([
    z.object({ toWindow: windowId.openapi({ description: '转窗: the window that calls it next, before anything else' }), window: actingWindow }).strict(),
    z.object({ backToLine: z.literal(true).openapi({ description: 'Back to its line at its original place' }), window: actingWindow }).strict(),
  ])
  .openapi('TransferRequest', { example: { toWindow: '12', window: '5' } });

export const pauseBodySchema = z
  .object({ reason: z.string().trim().min(1).max(200).openapi({ example: '午休' }) })
  .openapi('PauseRequest', { example: { reason: '系统维护' } });
