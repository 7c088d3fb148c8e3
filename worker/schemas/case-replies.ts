import { z } from '@hono/zod-openapi';
import { departmentRefSchema } from './catalog.ts';
import { certificatePendingSchema, certificateSummarySchema, deliverySchema } from './certificate-replies.ts';

/**
 * Reply schemas of the case routes (办件). They mirror core's types (CasePlan, TaskState, Defect, TimelineEntry);
 * the presenters in worker/cases/present-case.ts are typed by them. Dates are Beijing local `YYYY-MM-DD`; times are
 * ISO 8601 (UTC). Staff replies mask the applicant's numbers (present-case.ts says why). The public tracking side (audit verdict, tracking, applicant library) is in case-track-replies.ts.
 */

export const isoDate = (description: string) => z.string().openapi({ description, example: '2026-11-30' });
const isoTime = (description: string) => z.string().openapi({ description, example: '2026-11-27T02:15:00.000Z' });

export const caseStatusSchema = z
  .enum(['awaiting-correction', 'in-review', 'approved', 'partly-approved', 'rejected'])
  .openapi({ description: '待补正 / 审批中 / 已办结（准予）/ 部分准予 / 不予许可' });

export const taskStatusSchema = z
  .enum(['waiting', 'open', 'claimed', 'suspended', 'awaiting-correction', 'approved', 'rejected', 'withdrawn'])
  .openapi({ description: '待前置 / 待领取 / 办理中 / 暂停计时 / 待补正 / 准予 / 不予 / 撤回（前置不予）' });

export const deadlineSchema = z
  .object({
    level: z.enum(['on-track', 'near', 'due-today', 'overdue', 'awaiting-calendar']).openapi({
      description:
        '正常 / 临期 / 今日到期 / 超期 / 到期日待定（待次年法定节假日安排公布）. `awaiting-calendar`: the due date lies past the ' +
        'working-day calendar’s data (next year’s official holiday schedule not published yet), so it is later than every ' +
        'known date; see the task’s `duePending`',
    }),
    workingDaysLeft: z.number().int().nullable().openapi({
      description: 'Working days to the due date, today not counted; negative when overdue; null at level awaiting-calendar (never guessed)',
      example: 3,
    }),
  })
  .openapi('Deadline');

/** 到期日待定: a due date past the calendar's data, explained. */
export const duePendingSchema = z
  .object({
    dueAfter: isoDate('The due date is later than this day: the last day the working-day calendar has official data for').openapi({ example: '2026-12-31' }),
    awaitsYear: z.number().int().openapi({ description: 'The year whose official holiday schedule (国务院办公厅节假日安排) is awaited', example: 2027 }),
    message: z.string().openapi({ example: '到期日待2027年法定节假日安排公布后确定（晚于2026-12-31）' }),
    messageEn: z.string().openapi({ example: 'Due date pending the official 2027 holiday schedule (later than 2026-12-31)' }),
  })
  .openapi('DuePending');

export const duePendingField = (whose: string) =>
  duePendingSchema.nullable().openapi({
    description:
      `到期日待定: set (and dueOn null) while ${whose} due date lies past the calendar’s data; the clock runs regardless. ` +
      'Filled in on a later read once the next year’s schedule is added; null otherwise',
  });

const suspensionSchema = z.object({
  from: isoDate('First day not counted'),
  to: z.string().nullable().openapi({ description: 'Last day not counted; null while suspended' }),
  reason: z.enum(['hearing', 'inspection', 'testing', 'expert-review', 'other']),
});

export const taskSchema = z
  .object({
    id: z.string().openapi({ description: 'Task id (use it in /v1/tasks/{id})', example: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' }),
    caseNumber: z.string().openapi({ example: 'XS-261127-0042-8' }),
    key: z.string().openapi({ description: 'Bundle member key, or the matter code for a single-matter case', example: 'food-licence' }),
    matterCode: z.string().openapi({ description: '实施编码' }),
    matterName: z.string().openapi({ example: '食品经营许可（新办）' }),
    department: departmentRefSchema,
    stage: z.number().int().openapi({ description: '0 goes out at acceptance; n once its predecessors are approved' }),
    dependsOn: z.array(z.string()).openapi({ description: 'Keys that must be approved first' }),
    status: taskStatusSchema,
    claimedBy: z.string().nullable().openapi({ description: 'The reviewer holding it' }),
    startedOn: z.string().nullable().openapi({ description: 'The day its clock (re)started; null while waiting' }),
    limit: z
      .object({ value: z.number().int(), unit: z.enum(['working_days', 'calendar_days', 'on_the_spot']) })
      .nullable()
      .openapi({ description: '承诺时限 its clock runs against' }),
    suspensions: z.array(suspensionSchema).openapi({ description: '暂停计时 (行政许可法 Art. 45)' }),
    dueOn: z.string().nullable().openapi({ description: 'Due date; null while waiting, awaiting correction, or pending (see duePending)', example: '2026-12-02' }),
    duePending: duePendingField('its'),
    deadline: deadlineSchema.nullable().openapi({ description: 'How it stands today; null without a due date (or pending one) or once decided' }),
    reason: z.string().nullable().openapi({ description: 'The last decision’s reason (rejection, correction, suspension)' }),
    correctionMaterialIds: z.array(z.string()).openapi({ description: 'While awaiting correction: the materials sent back' }),
  })
  .openapi('Task');

export const defectSchema = z
  .object({
    reason: z.enum([
      'missing',
      'expired',
      'wrong-form',
      'too-few-originals',
      'too-few-copies',
      'unreadable',
      'invalid-id-number',
      'invalid-credit-code',
      'invalid-phone',
      'applicant-kind-not-served',
      'not-this-hall',
      'unknown-reference',
    ]),
    materialId: z.string().optional(),
    materialName: z.string().optional(),
    field: z.string().optional().openapi({ description: 'The applicant field concerned' }),
    matterCode: z.string().optional(),
    message: z.string().openapi({ example: '缺少必要材料《营业执照》' }),
    messageEn: z.string().openapi({ example: 'Required material missing: 营业执照' }),
    fix: z.string().openapi({ example: '请提交纸质或电子《营业执照》（原件1份）' }),
    fixEn: z.string(),
  })
  .openapi('Defect');

export const noticeSchema = z
  .object({
    id: z.string(),
    taskId: z.string().nullable().openapi({ description: 'The back-office task that sent the case back; null for the front desk’s notice' }),
    reason: z.string().nullable().openapi({ description: 'The reviewer’s words, for a back-office correction' }),
    defects: z.array(defectSchema).openapi({ description: '一次性告知: every defect at once' }),
    issuedAt: isoTime('出具时间'),
    resolvedAt: z.string().nullable().openapi({ description: 'When a correction completed it (or a newer notice replaced it)' }),
  })
  .openapi('Notice');

const reusedMaterialSchema = z.object({
  materialId: z.string().openapi({ example: 'business-licence' }),
  name: z.string().openapi({ example: '营业执照' }),
  libraryItemId: z.string(),
  certificateId: z.string().nullable(),
  validUntil: z.string().nullable(),
});

export const planSummarySchema = z
  .object({
    bundleId: z.string().nullable(),
    stages: z.array(z.array(z.string())).openapi({ description: 'Task keys per stage: each stage goes out when the one before is approved' }),
    inspections: z
      .array(z.object({ name: z.string(), taskKeys: z.array(z.string()), departmentIds: z.array(z.string()) }))
      .openapi({ description: '联合踏勘: site inspections done in one visit' }),
    criticalPath: z.array(z.string()),
    criticalPathDays: z.number().int().openapi({ description: 'Working days along the longest chain (parallel approval)' }),
    sequentialDays: z.number().int().openapi({ description: 'One after another: the sum of the matters’ promised days' }),
    daysSaved: z.number().int(),
    promisedDays: z.number().int().openapi({ description: 'The bundle’s own promise where it has one, else the critical path' }),
    checklistItems: z.number().int().openapi({ description: 'Materials asked for, each once' }),
    requestedBeforeDedup: z.number().int().openapi({ description: 'What the matters ask for before sharing (多报合一)' }),
    reusedMaterials: z.array(reusedMaterialSchema).openapi({ description: 'Taken from the applicant’s library, not asked for again' }),
    producedMaterials: z
      .array(z.object({ materialId: z.string(), name: z.string(), producedBy: z.string().openapi({ description: 'The task key whose approval issues it' }) }))
      .openapi({ description: '本“一件事”内核发：issued by an earlier member of the bundle, so never asked of the applicant' }),
  })
  .openapi('CasePlanSummary');

const pendingMaterialSchema = z.object({
  materialId: z.string(),
  name: z.string(),
  matterCodes: z.array(z.string()),
});

export const caseAcceptedSchema = z
  .object({
    number: z.string().openapi({ description: '办件编号: read it over the phone; printed on the receipt', example: 'XS-261127-0042-8' }),
    queryCode: z.string().openapi({ description: '查询码: given once, here; print it on the receipt. Stored only as a hash.', example: '480913' }),
    hall: z.string().openapi({ example: 'xiaoshan' }),
    channel: z.enum(['window', 'online']),
    status: caseStatusSchema,
    applicantId: z.string(),
    bundleId: z.string().nullable(),
    acceptedOn: isoDate('受理日: the clock starts here, this day not counted'),
    dueOn: z.string().nullable().openapi({
      description: '承诺办结日 of the whole case: the plan’s promised days after acceptance (critical path, not the sum); null while pending (see duePending)',
      example: '2026-11-30',
    }),
    duePending: duePendingField('the case’s promised'),
    tasks: z.array(taskSchema),
    pendingMaterials: z.array(pendingMaterialSchema).openapi({ description: '容缺后补: to follow after acceptance' }),
    plan: planSummarySchema,
  })
  .openapi('CaseAccepted');

const caseMaterialSchema = z.object({
  materialId: z.string(),
  name: z.string(),
  status: z.enum(['received', 'pending', 'reused', 'produced']).openapi({
    description: '已收 / 容缺后补 / 材料库复用 / 一件事内产出 (an earlier member of the bundle issues it: not asked of the applicant)',
  }),
  producedBy: z.string().optional().openapi({
    description: 'Only on `produced`: the key of the task whose approved result this document is; libraryItemId and certificateId are filled once it is issued',
    example: 'business-licence',
  }),
  form: z.enum(['paper', 'electronic']).nullable(),
  originals: z.number().int(),
  copies: z.number().int(),
  validUntil: z.string().nullable(),
  libraryItemId: z.string().nullable(),
  certificateId: z.string().nullable(),
});

export const caseApplicantSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'organisation']),
    name: z.string().openapi({ description: 'Masked (张*三)', example: '杭**********司' }),
    idNumber: z.string().nullable().openapi({ description: 'Masked', example: '110105********002X' }),
    creditCode: z.string().nullable().openapi({ description: 'Masked' }),
    phone: z.string().nullable().openapi({ description: 'Masked', example: '138****8000' }),
  })
  .openapi('CaseApplicantView');

export const caseSchema = z
  .object({
    number: z.string().openapi({ example: 'XS-261127-0042-8' }),
    hall: z.string(),
    channel: z.enum(['window', 'online']),
    status: caseStatusSchema,
    bundleId: z.string().nullable(),
    applicant: caseApplicantSchema,
    acceptedOn: z.string().nullable().openapi({ description: 'null while the first one-time notice is open' }),
    dueOn: z.string().nullable().openapi({ description: 'Promised completion date of the whole case; null before acceptance or while pending (see duePending)' }),
    duePending: duePendingField('the case’s promised'),
    createdAt: isoTime('登记时间'),
    updatedAt: isoTime('最后变更'),
    plan: planSummarySchema,
    tasks: z.array(taskSchema),
    materials: z.array(caseMaterialSchema),
    notices: z.array(noticeSchema),
    events: z.object({ count: z.number().int(), head: z.string().openapi({ description: 'Hash of the last event' }) }),
    completedOn: z.string().nullable().openapi({ description: '办结日: the day every task reached a final decision' }),
    closedOn: z.string().nullable().openapi({ description: 'The day its results were delivered (picked up, or the mail delivered): closed' }),
    visits: z.number().int().openapi({ description: 'Trips to the hall so far (intake, window corrections, pickup): 最多跑一次' }),
    certificates: z.array(certificateSummarySchema).openapi({ description: '电子证照 this case issued, every version' }),
    delivery: deliverySchema.nullable().openapi({ description: '统一出证 / 送达: null until every task is final and every certificate issued' }),
  })
  .openapi('Case');

export const inboxSchema = z
  .object({
    department: departmentRefSchema,
    today: isoDate('The day deadlines are assessed on'),
    tasks: z.array(taskSchema).openapi({ description: 'Soonest due first' }),
  })
  .openapi('DepartmentInbox');

export const libraryItemSchema = z
  .object({
    id: z.string(),
    materialId: z.string().openapi({ example: 'business-licence' }),
    name: z.string().openapi({ example: '营业执照' }),
    certificateId: z
      .string()
      .nullable()
      .openapi({ description: '电子证照标识 (GB/T 36904); `provisional:<case>:<task>` while the certificate waits to be issued' }),
    validUntil: z.string().nullable(),
    sourceCaseNumber: z.string().nullable().openapi({ description: 'The case whose approval issued it' }),
    createdAt: isoTime('入库时间'),
    valid: z.boolean().openapi({ description: 'Usable today (not expired)' }),
  })
  .openapi('LibraryItem');

export const decisionReplySchema = z
  .object({
    task: taskSchema,
    case: z.object({ number: z.string(), status: caseStatusSchema, dueOn: z.string().nullable(), duePending: duePendingField('the case’s promised') }),
    released: z.array(taskSchema).openapi({ description: 'Tasks this approval let go out (their predecessors are all approved)' }),
    withdrawn: z.array(taskSchema).openapi({ description: 'Tasks that will never go out (a predecessor was rejected)' }),
    issued: libraryItemSchema
      .nullable()
      .openapi({ description: '材料库: the library item an approval added for a certificate other matters ask for (多报合一)' }),
    certificate: certificateSummarySchema
      .nullable()
      .openapi({ description: '电子证照: the signed certificate this approval issued (result type 10); null otherwise or while pending' }),
    certificatePending: certificatePendingSchema
      .nullable()
      .openapi({ description: '待签发: the approval stands but its certificate waits (no signing key, or data missing); POST /v1/cases/{number}/certificates issues it later' }),
  })
  .openapi('DecisionReply');

export type TaskReply = z.infer<typeof taskSchema>;
export type CaseAcceptedReply = z.infer<typeof caseAcceptedSchema>;
export type CaseReply = z.infer<typeof caseSchema>;
export type NoticeReply = z.infer<typeof noticeSchema>;
export type PlanSummaryReply = z.infer<typeof planSummarySchema>;
export type InboxReply = z.infer<typeof inboxSchema>;
export type DecisionReply = z.infer<typeof decisionReplySchema>;
export type LibraryItemReply = z.infer<typeof libraryItemSchema>;
export type DuePendingReply = z.infer<typeof duePendingSchema>;
