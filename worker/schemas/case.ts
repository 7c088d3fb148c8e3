import { z } from '@hono/zod-openapi';
import { parseIsoDate } from '../../core/index.ts';
import { listCaseHallIds } from '../cases/hall-codes.ts';
import { certificateFieldsSchema } from './certificate.ts';
import { buildIdempotencyHeaders } from './idempotency-key.ts';

/**
 * Request schemas of the case routes (办件): intake, correction, claim, decision, and their paths and queries.
 * The applicant's numbers are only shape-checked here: whether an ID number or credit code is valid is formal
 * review's call, reported in the one-time notice with every other defect (一次性告知), not as a 400.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((text) => parseIsoDate(text).ok, 'not a calendar date');

const caseNumber = z
  .string()
  .min(1)
  .max(64)
  .openapi({ description: '办件编号 (hall code, yymmdd, daily sequence, check digit)', example: 'XS-261127-0042-8' });

const taskId = z.string().min(1).max(64).openapi({ description: '审批任务 id', example: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' });

const reviewer = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .optional()
  .openapi({ description: '审批人: optional; the token’s staff id acts, and a value given must equal it (else 403)', example: 'scjg-wang' });

export const caseParamsSchema = z.object({ number: caseNumber });
export const taskParamsSchema = z.object({ id: taskId });
export const departmentTasksParamsSchema = z.object({
  id: z.string().min(1).max(32).openapi({ description: '部门 id', example: 'scjg' }),
});
export const applicantParamsSchema = z.object({
  id: z.string().min(1).max(64).openapi({ description: '申请人 id, as a case reply gives it', example: 'a7c3e1d2-0f4b-4c5d-8e9f-001122334455' }),
});

export const trackQuerySchema = z.object({
  code: z
    .string()
    .max(32)
    .optional()
    .openapi({ description: '查询码: the six digits printed on the receipt (回执). Missing or wrong: 404, as for an unknown number.', example: '480913' }),
});

export const INBOX_STATUSES = ['open', 'claimed', 'suspended', 'awaiting-correction'] as const;

export const departmentTasksQuerySchema = z.object({
  status: z
    .enum(INBOX_STATUSES)
    .optional()
    .openapi({ description: 'Only tasks in this status; default all released, undecided ones (待领取、办理中、暂停计时、待补正)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: 'At most this many, soonest due first', example: 100 }),
});

const applicantSchema = z
  .object({
    kind: z.enum(['person', 'organisation']).openapi({ description: 'person 自然人 / organisation 法人' }),
    name: z.string().trim().min(1).max(100).openapi({ description: '姓名或单位名称', example: '杭州萧然餐饮有限公司' }),
    idNumber: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .optional()
      .openapi({ description: '居民身份证号码: required for a person; for an organisation, the representative’s (optional)', example: '11010519491231002X' }),
    creditCode: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .optional()
      .openapi({ description: '统一社会信用代码: required for an organisation', example: '91330109MA2GXXXX0X' }),
    phone: z.string().trim().min(1).max(32).optional().openapi({ description: '联系电话 (mobile or landline)', example: '13800138000' }),
  })
  .openapi('CaseApplicant');

const referenceSchema = z
  .union([
    z.object({ libraryItemId: z.string().min(1).max(64).openapi({ description: '申请人材料库 item id' }) }).strict(),
    z.object({ certificateId: z.string().min(1).max(128).openapi({ description: '电子证照标识 (GB/T 36904)' }) }).strict(),
  ])
  .openapi({ description: 'Instead of handing the document in: an item of the applicant’s library, or a certificate' });

export const submittedMaterialSchema = z
  .object({
    materialId: z.string().min(1).max(128).openapi({ description: 'The checklist’s material id (GET /v1/matters/{code} → materials[].id)', example: 'business-licence' }),
    form: z.enum(['paper', 'electronic']).default('paper').openapi({ description: '纸质 / 电子 (default paper)' }),
    originals: z.number().int().min(0).max(20).default(0).openapi({ description: '原件份数' }),
    copies: z.number().int().min(0).max(50).default(0).openapi({ description: '复印件份数' }),
    validUntil: isoDate.optional().openapi({ description: '有效期至 (YYYY-MM-DD), for documents that expire' }),
    readable: z.boolean().optional().openapi({ description: 'false when the front desk cannot read a scan or copy (default true)' }),
    reference: referenceSchema.optional(),
  })
  .openapi('SubmittedMaterial');

const materialsSchema = z.array(submittedMaterialSchema).max(100);

const bundleChoiceSchema = z
  .object({
    id: z.string().min(1).max(64).openapi({ description: '“一件事” id (GET /v1/bundles)', example: 'open-restaurant' }),
    choices: z
      .record(z.string().min(1).max(64), z.string().min(1).max(128))
      .optional()
      .openapi({ description: 'Member key → the chosen matter (实施编码 or 基本编码), for members offering alternatives' }),
    include: z.array(z.string().min(1).max(64)).max(20).optional().openapi({ description: 'Optional members applied for' }),
  })
  .openapi('CaseBundleChoice');

/** Where a window intake happened: 综合受理窗口 (any matter, 无差别全科受理) or a department's own window. */
export const intakeWindowSchema = z.enum(['general', 'department']);

/** 跑动: a correction handed in at a window is a trip to the hall; one sent online is not. */
const correctionChannelSchema = z.enum(['window', 'online']);

export const createCaseBodySchema = z
  .object({
    hall: z.string().min(1).max(64).openapi({ description: '受理大厅', example: listCaseHallIds()[0] ?? 'xiaoshan' }),
    channel: z.enum(['window', 'online']).openapi({ description: 'window 窗口受理 / online 网上申报' }),
    intakeWindow: intakeWindowSchema
      .optional()
      .openapi({
        description:
          '受理窗口 (channel window only): general 综合受理窗口 (default) / department 部门窗口. Counts toward the' +
          ' 前台集中受理率 of the hall report; an online declaration has none',
      }),
    applicant: applicantSchema,
    matterCode: z.string().min(1).max(128).optional().openapi({ description: 'One matter (实施编码 or 基本编码); or `bundle`' }),
    bundle: bundleChoiceSchema.optional(),
    materials: materialsSchema.default([]).openapi({ description: '所交材料: what the applicant hands in or references' }),
    ownerTenant: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({
        description:
          '跨区域通办: the tenant whose departments handle the case (default: the caller’s own). Another tenant must list' +
          ' the caller’s as a partner and accept every matter of the case (GET /v1/tenants/{tenant}/cross-region-matters)',
        example: 'xiaoshan',
      }),
  })
  .superRefine((body, ctx) => {
    if ((body.matterCode === undefined) === (body.bundle === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['matterCode'], message: 'exactly one of matterCode and bundle is required' });
    }
    if (body.channel === 'online' && body.intakeWindow !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['intakeWindow'], message: 'only a window intake has an intake window' });
    }
  })
  .openapi('CreateCaseRequest', {
    example: {
      hall: 'xiaoshan',
      channel: 'window',
      applicant: { kind: 'organisation', name: '杭州萧然餐饮有限公司', creditCode: '91330109MA2GXXXX0X', phone: '13800138000' },
      bundle: { id: 'open-restaurant', choices: { 'business-licence': '511A0064100070-330109000000-000-11330109MB20201373-1-00' } },
      materials: [{ materialId: 'resident-id-card', form: 'paper', originals: 1, copies: 0 }],
    },
  });

export const correctionBodySchema = z
  .object({
    materials: materialsSchema.min(1).openapi({ description: '补正材料: what the notice asked for' }),
    applicant: applicantSchema
      .optional()
      .openapi({ description: 'The corrected applicant, when the notice was about the applicant’s numbers (before acceptance only)' }),
    channel: correctionChannelSchema.optional().openapi({
      description:
        'window 窗口补正 (the applicant came: one more visit, 最多跑一次) / online 网上补正; default the channel the case was' +
        ' declared on',
    }),
  })
  .openapi('CorrectionRequest', {
    example: { materials: [{ materialId: 'resident-id-card', form: 'paper', originals: 1, copies: 0 }] },
  });

export const claimBodySchema = z.object({ reviewer }).openapi('ClaimRequest', { example: {} });

const reason = z.string().trim().min(1).max(500);

export const decisionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('approve'), note: z.string().max(500).optional() }).openapi({ description: '准予 Approve' }),
    z.object({ kind: z.literal('reject'), reason: reason.openapi({ description: '不予许可的理由' }) }).openapi({ description: '不予 Reject' }),
    z
      .object({
        kind: z.literal('request-correction'),
        reason: reason.openapi({ description: '需补正的原因' }),
        materialIds: z.array(z.string().min(1).max(128)).min(1).max(50).openapi({ description: 'Materials of the case’s checklist to hand in again' }),
      })
      .openapi({ description: '退回补正 Send back for correction: the clock stops and restarts when complete' }),
    z
      .object({
        kind: z.literal('suspend'),
        reason: reason.openapi({ description: '暂停计时的说明' }),
        suspension: z
          .enum(['hearing', 'inspection', 'testing', 'expert-review', 'other'])
          .openapi({ description: '行政许可法第45条: 听证 / 现场核查 / 检验检测 / 专家评审 / 其他' }),
      })
      .openapi({ description: '暂停计时 Suspend the clock' }),
    z.object({ kind: z.literal('resume'), note: z.string().max(500).optional() }).openapi({ description: '恢复计时 Resume the clock' }),
  ])
  .openapi('TaskDecision');

/** 证照信息 an approval may give for its certificate (审批结果类型 10): validity and the printed fields. */
const certificateOptionsSchema = z
  .object({
    validTo: isoDate
      .nullable()
      .optional()
      .openapi({ description: '有效期截止 (inclusive); null: 长期. Default: the result’s statutory term, else 长期' }),
    fields: certificateFieldsSchema.optional(),
  })
  .strict()
  .openapi({ description: 'Only for an approval whose matter issues a certificate; ignored otherwise' });

export const decisionBodySchema = z
  .object({ reviewer, decision: decisionSchema, certificate: certificateOptionsSchema.optional() })
  .openapi('DecisionRequest', { example: { reviewer: 'scjg-wang', decision: { kind: 'approve' } } });

export type CreateCaseBody = z.infer<typeof createCaseBodySchema>;
export type CorrectionBody = z.infer<typeof correctionBodySchema>;
export type SubmittedMaterialBody = z.infer<typeof submittedMaterialSchema>;
export type ApplicantBody = z.infer<typeof applicantSchema>;
export type DecisionBody = z.infer<typeof decisionBodySchema>;

/** Kiosks, partner systems and the online portal send one: a retried intake must never register a second case. */
export const caseIdempotencyHeadersSchema = buildIdempotencyHeaders(
  '幂等键: a fresh random key per application, the same key on every retry of it. The same key with the same ' +
    'body returns the very same reply (201 or the 422 notice, `Idempotent-Replay: true`) for 24 hours; with ' +
    'another body, 422 IDEMPOTENCY_KEY_REUSED. Without a key every POST registers a new case.',
  'portal-7f3e2a10-9c4b-4d1e-8a6f-2b5c7d9e0f11',
);

/** A correction handed in twice would issue a second notice and count a second visit: its retries send the same key. */
export const correctionIdempotencyHeadersSchema = buildIdempotencyHeaders(
  '幂等键：每次补正一个新的随机值，重试时原样再发。 A fresh random key per correction, the same key on every retry of it.' +
    ' The same key with the same body (and case) answers again without acting again (`Idempotent-Replay: true`) for' +
    ' 24 hours: the same 422 notice, or for a complete correction the case as it now stands; with another body or' +
    ' case, 422 IDEMPOTENCY_KEY_REUSED.',
  'window-12-20261201-0042',
);
