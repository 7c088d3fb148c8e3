import { z } from '@hono/zod-openapi';
import { departmentRefSchema } from './catalog.ts';
import { duePendingSchema } from './case-replies.ts';

/**
 * Reply schemas of 好差评 (evaluations) and 差评整改 (rectifications). They mirror core/evaluation's Evaluation and
 * Rectification; the presenters in worker/evaluations/present-evaluation.ts are typed by them. Dates are Beijing
 * `YYYY-MM-DD`; times ISO 8601 (UTC).
 */

const isoDate = (description: string) => z.string().openapi({ description, example: '2026-11-30' });
const isoTime = (description: string) => z.string().openapi({ description, example: '2026-11-30T02:15:00.000Z' });

export const levelSchema = z
  .number()
  .int()
  .min(1)
  .max(5)
  .openapi({ description: '5 非常满意 / 4 满意 / 3 基本满意 / 2 不满意 / 1 非常不满意; 1-2 are 差评', example: 4 });

export const evaluationChannelSchema = z
  .enum(['online', 'kiosk', 'window-pad', 'sms'])
  .openapi({ description: 'online 网上评价 / kiosk 自助终端 / window-pad 窗口评价器 / sms 短信评价' });

export const indicatorsSchema = z
  .object({
    efficiency: levelSchema.optional().openapi({ description: '服务效率 Efficiency (1-5)' }),
    quality: levelSchema.optional().openapi({ description: '服务水平 Competence (1-5)' }),
    attitude: levelSchema.optional().openapi({ description: '服务态度 Attitude (1-5)' }),
  })
  .strict()
  .openapi('EvaluationIndicators', { description: '线下评价指标 (besides 整体满意度, which is `level`), each optional' });

export const rectificationStatusSchema = z
  .enum(['opened', 'contacted', 'replied', 'followed-up', 'closed'])
  .openapi({ description: '待联系 / 整改中 / 已答复 / 已追评 / 已办结' });

const subjectSchema = z
  .object({
    kind: z.enum(['case', 'ticket']).openapi({ description: 'case 一事一评 (a case) / ticket 一次一评 (an on-site service)' }),
    caseNumber: z.string().nullable().openapi({ description: '办件编号 (kind case)', example: 'XS-261127-0042-8' }),
    ticketId: z.string().nullable().openapi({ description: 'The ticket (kind ticket)' }),
  })
  .openapi('EvaluationSubject');

export const evaluationSchema = z
  .object({
    id: z.string().openapi({ description: '`case:<case number>` or `ticket:<hall>:<ticket id>`: one evaluation per subject', example: 'case:XS-261127-0042-8' }),
    subject: subjectSchema,
    hall: z.string().openapi({ example: 'xiaoshan' }),
    department: departmentRefSchema.nullable().openapi({ description: 'The department rated: the case’s first, or the ticket’s matter’s; null when unknown' }),
    level: levelSchema,
    levelName: z.string().openapi({ example: '满意' }),
    indicators: indicatorsSchema,
    comment: z.string().nullable(),
    channel: evaluationChannelSchema,
    evaluatedAt: isoTime('When it was given'),
    evaluatedOn: isoDate('Its Beijing date: rectification deadlines count working days from it (not counted)'),
    excluded: z.boolean().openapi({ description: '申诉成立: an appeal against a malicious rating was upheld; it counts in no statistic' }),
  })
  .openapi('Evaluation');

const dueSchema = z
  .object({
    dueOn: z.string().nullable().openapi({ description: 'The last day the step is on time; null while pending the calendar', example: '2026-12-01' }),
    duePending: duePendingSchema.nullable(),
  })
  .openapi('RectificationDue');

const stepDeadlineSchema = z
  .object({
    state: z.enum(['met', 'late', 'pending', 'overdue', 'waived']).openapi({
      description: '按时完成 / 逾期完成 / 未到期 / 已超期 / 申诉成立免办. Done after the due date stays `late` for good',
    }),
    workingDaysLeft: z.number().int().nullable().openapi({ description: 'While pending: working days left, today not counted', example: 1 }),
  })
  .openapi('RectificationStepDeadline');

const stepSchema = z.object({ at: isoTime('When'), on: isoDate('Its Beijing date'), by: z.string().openapi({ example: 'scjg-wang' }) });

export const rectificationSchema = z
  .object({
    evaluationId: z.string().openapi({ example: 'case:XS-261127-0042-8' }),
    hall: z.string().openapi({ example: 'xiaoshan' }),
    department: departmentRefSchema.nullable(),
    status: rectificationStatusSchema,
    statusName: z.string().openapi({ example: '待联系' }),
    level: levelSchema.openapi({ description: 'The 差评 being rectified' }),
    openedAt: isoTime('When the 差评 was given'),
    openedOn: isoDate('Its Beijing date, the day the working days count from'),
    policy: z
      .object({
        contactWithinWorkingDays: z.number().int().openapi({ example: 1 }),
        replyWithinWorkingDays: z.number().int().openapi({ example: 15 }),
      })
      .openapi({ description: 'The limits it was opened with (a later change of configuration never moves them)' }),
    contactDue: dueSchema.openapi({ description: '联系群众 due' }),
    replyDue: dueSchema.openapi({ description: '整改答复 due' }),
    deadlines: z
      .object({ contact: stepDeadlineSchema, reply: stepDeadlineSchema, overdue: z.boolean().openapi({ description: '超期整改: a limit was missed (late or still open past it)' }) })
      .nullable()
      .openapi({ description: 'How both limits stand today; null only when a pending deadline would be needed past the calendar’s data' }),
    contact: stepSchema.extend({ note: z.string().nullable() }).nullable(),
    reply: stepSchema.extend({ text: z.string() }).nullable(),
    followUp: z
      .object({ at: isoTime('When'), on: isoDate('Its date'), level: levelSchema, comment: z.string().nullable() })
      .nullable()
      .openapi({ description: '追评: the citizen’s one follow-up rating' }),
    closed: stepSchema
      .extend({ reason: z.enum(['no-follow-up', 'appeal-upheld']).openapi({ description: '答复后未追评 / 申诉成立' }) })
      .nullable(),
    appeal: z
      .object({
        status: z.enum(['pending', 'upheld', 'rejected']).openapi({ description: '待裁定 / 申诉成立 / 申诉不成立' }),
        reason: z.string(),
        filed: stepSchema,
        decided: stepSchema.extend({ reason: z.string() }).nullable(),
      })
      .nullable()
      .openapi({ description: '申诉: the department contests a malicious rating; the clock does not stop meanwhile' }),
    version: z.number().int().openapi({ description: 'Bumped by every change', example: 0 }),
  })
  .openapi('Rectification');

export const evaluationCreatedSchema = z
  .object({
    evaluation: evaluationSchema,
    rectification: rectificationSchema.nullable().openapi({ description: 'Opened by a 差评 (levels 1-2); null otherwise' }),
    followUpCode: z.string().nullable().openapi({
      description:
        '追评码: for a ticket’s 差评 only — the code the citizen gives for the one follow-up rating (print it or send it' +
        ' by SMS). It is stored only hashed and never shown again, except in the 24-hour replay of a request sent with an' +
        ' Idempotency-Key (sealed with that key). A case’s citizen uses the case’s query code. Null otherwise',
      example: '7K3M-Q9TX-2WHC-R4PA',
    }),
  })
  .openapi('EvaluationCreated');

export const evaluationViewSchema = z
  .object({ evaluation: evaluationSchema, rectification: rectificationSchema.nullable() })
  .openapi('EvaluationView');

export const rectificationListSchema = z
  .object({
    asOf: isoDate('The day the deadlines are judged on (today)'),
    rectifications: z.array(rectificationSchema).openapi({ description: 'Overdue first, then by the next deadline' }),
    truncated: z.boolean().openapi({
      description: 'True when more matched than are listed: raise `limit` (at most 500) or narrow the filter (at most 1000 rows are judged per request)',
    }),
  })
  .openapi('RectificationList');

export type EvaluationReply = z.infer<typeof evaluationSchema>;
export type RectificationReply = z.infer<typeof rectificationSchema>;
export type EvaluationCreatedReply = z.infer<typeof evaluationCreatedSchema>;
export type EvaluationViewReply = z.infer<typeof evaluationViewSchema>;
export type RectificationListReply = z.infer<typeof rectificationListSchema>;
