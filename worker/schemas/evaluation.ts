import { z } from '@hono/zod-openapi';
import { EVALUATION_TEXT_LIMIT, REPLY_TEXT_LIMIT } from '../../core/index.ts';
import { buildIdempotencyHeaders } from './idempotency-key.ts';
import { evaluationChannelSchema, indicatorsSchema, levelSchema, rectificationStatusSchema } from './evaluation-replies.ts';

/**
 * Request schemas of 好差评 and 差评整改. Texts are limited here as core limits them (code points; core checks
 * again, so the CLI and benches get the same rules); blank optional text counts as none.
 */

const text = (limit: number) =>
  z
    .string()
    .max(limit * 2) // UTF-16 units: a code point is at most two; core counts code points exactly
    .refine((value) => [...value.trim()].length <= limit, `at most ${limit} characters`);

const comment = text(EVALUATION_TEXT_LIMIT).optional().openapi({ description: `评价内容 (at most ${EVALUATION_TEXT_LIMIT} characters)`, example: '办事很快，窗口人员耐心' });

const actor = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .optional()
  .openapi({ description: '经办人: optional; the token’s staff id acts, and a value given must equal it (else 403)', example: 'scjg-wang' });

const requiredText = (limit: number, description: string, example: string) =>
  text(limit)
    .refine((value) => value.trim().length > 0, 'required')
    .openapi({ description, example });

export const evaluationIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: '评价 id: `case:<case number>` or `ticket:<hall>:<ticket id>`', example: 'case:XS-261127-0042-8' }),
});

export const rectificationParamsSchema = z.object({
  evaluationId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: 'The 差评’s evaluation id', example: 'case:XS-261127-0042-8' }),
});

export const caseEvaluationBodySchema = z
  .object({
    code: z.string().max(32).openapi({ description: '查询码: the six digits on the receipt. Wrong: 404, as for an unknown case', example: '480913' }),
    level: levelSchema,
    indicators: indicatorsSchema.optional(),
    comment,
    channel: evaluationChannelSchema.default('online').openapi({ description: 'Where the citizen rated (default online)' }),
  })
  .openapi('CaseEvaluationRequest', { example: { code: '480913', level: 5, indicators: { efficiency: 5, attitude: 5 }, comment: '一次办成', channel: 'online' } });

export const ticketEvaluationBodySchema = z
  .object({
    level: levelSchema,
    indicators: indicatorsSchema.optional(),
    comment,
    channel: z
      .enum(['window-pad', 'kiosk', 'sms'])
      .default('window-pad')
      .openapi({ description: 'window-pad 窗口评价器 (default) / kiosk 自助终端 / sms 短信评价' }),
  })
  .openapi('TicketEvaluationRequest', { example: { level: 4, indicators: { efficiency: 4, quality: 4, attitude: 5 }, channel: 'window-pad' } });

/** A rating is refused on repeat (409), so a client that lost the reply sends its key again to get that reply. */
export const caseEvaluationIdempotencyHeadersSchema = buildIdempotencyHeaders(
  '幂等键：每次评价一个新的随机值，重试时原样再发。 A fresh random key per rating, the same key on every retry of it.' +
    ' The same key with the same case and body (query code included) answers the first 201 again' +
    ' (`Idempotent-Replay: true`) for 24 hours, writing nothing; with another body or case, 422' +
    ' IDEMPOTENCY_KEY_REUSED. The stored reply is sealed with this key, which is stored only hashed.',
  'portal-7f3c9a2e-rating',
);

/** A 差评's follow-up code is shown once: a pad or kiosk that lost the reply gets it again only with its key. */
export const ticketEvaluationIdempotencyHeadersSchema = buildIdempotencyHeaders(
  '幂等键：每次评价一个新的随机值，重试时原样再发；差评的追评码随重放一并返回。 A fresh random key per rating, the same key' +
    ' on every retry of it. The same key with the same hall, ticket and body answers the first 201 again, follow-up' +
    ' code included (`Idempotent-Replay: true`), for 24 hours, writing nothing; with another body or ticket, 422' +
    ' IDEMPOTENCY_KEY_REUSED. The stored reply (it holds the code) is sealed with this key, which is stored only' +
    ' hashed: make it random.',
  'pad-12-20261127-9b41e0',
);

export const contactBodySchema = z
  .object({ by: actor, note: text(EVALUATION_TEXT_LIMIT).optional().openapi({ description: '联系情况', example: '已电话联系群众，了解不满意原因' }) })
  .openapi('RectificationContactRequest', { example: { by: 'scjg-wang', note: '已电话联系群众，了解不满意原因' } });

export const replyBodySchema = z
  .object({ by: actor, text: requiredText(REPLY_TEXT_LIMIT, '整改答复: what was rectified, as told to the citizen', '已对窗口人员进行业务培训，并优化材料清单') })
  .openapi('RectificationReplyRequest', { example: { by: 'scjg-wang', text: '已对窗口人员进行业务培训，并优化材料清单' } });

export const closeBodySchema = z.object({ by: actor }).openapi('RectificationCloseRequest', { example: { by: 'scjg-wang' } });

export const appealBodySchema = z
  .object({ by: actor, reason: requiredText(EVALUATION_TEXT_LIMIT, '申诉理由: why the rating is malicious', '评价人与办件无关，系恶意差评') })
  .openapi('RectificationAppealRequest', { example: { by: 'scjg-wang', reason: '评价人与办件无关，系恶意差评' } });

export const appealDecisionBodySchema = z
  .object({
    by: actor.openapi({ description: '裁定人: the supervisor deciding (not the department that appealed)', example: 'zwfw-li' }),
    upheld: z.boolean().openapi({ description: 'true 申诉成立 (the rating is excluded, the rectification closes) / false 不成立 (it continues)' }),
    reason: requiredText(EVALUATION_TEXT_LIMIT, '裁定理由', '经核实，评价内容与办件无关'),
  })
  .openapi('AppealDecisionRequest', { example: { by: 'zwfw-li', upheld: true, reason: '经核实，评价内容与办件无关' } });

export const followUpBodySchema = z
  .object({
    code: z.string().max(64).openapi({
      description: 'A case’s query code (查询码), or for a ticket the follow-up code (追评码) its 差评 reply gave. Wrong: 404',
      example: '480913',
    }),
    level: levelSchema,
    comment,
  })
  .openapi('FollowUpRequest', { example: { code: '480913', level: 4, comment: '整改后满意' } });

export const rectificationListQuerySchema = z.object({
  hall: z.string().min(1).max(64).optional().openapi({ description: '服务大厅', example: 'xiaoshan' }),
  department: z.string().min(1).max(32).optional().openapi({ description: '部门 id: the department’s own list', example: 'scjg' }),
  status: rectificationStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: only those that missed a limit (超期整改); false: only those that did not' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: 'At most this many', example: 100 }),
});

export type CaseEvaluationBody = z.infer<typeof caseEvaluationBodySchema>;
export type TicketEvaluationBody = z.infer<typeof ticketEvaluationBodySchema>;
export type FollowUpBody = z.infer<typeof followUpBodySchema>;
