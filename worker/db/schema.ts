import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CasePlan, Defect, LegalClock } from '../../core/index.ts';

// Certificates, deliveries, evaluations and rectifications (issue 5) live in their own file.
export * from './schema-results.ts';
// API keys, staff accounts and the webhook outbox (issue 6).
export * from './schema-access.ts';

/** Which catalog versions this deployment has served: one row per (catalog, version), written at load/seed time. */
export const catalogReleases = sqliteTable(
  'catalog_releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    catalogId: text('catalog_id').notNull(),
    version: text('version').notNull(),
    matterCount: integer('matter_count').notNull(),
    departmentCount: integer('department_count').notNull(),
    /** When the release was first recorded (epoch milliseconds). */
    loadedAt: integer('loaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('catalog_releases_catalog_version').on(table.catalogId, table.version)],
);

export type CatalogReleaseRow = typeof catalogReleases.$inferSelect;

// ---------------------------------------------------------------------------------------------------------------
// Cases (办件), issue 4. Times are epoch milliseconds; dates are Beijing local `YYYY-MM-DD` text; JSON columns hold
// core's shapes (CasePlan, LegalClock, Defect[]), written and read whole. Every state change of a case writes a
// case_events row in the same D1 batch; the (case_number, seq) key makes concurrent writers of one case collide,
// so the loser retries from a fresh read (D1 has no interactive transactions).
// ---------------------------------------------------------------------------------------------------------------

/** The demo tenant (Xiaoshan): the column default of rows written before tenants arrived (issue 6). */
export const DEFAULT_TENANT = 'xiaoshan';

/** 申请人: a person (居民身份证) or an organisation (统一社会信用代码); one row per identity per tenant. */
export const applicants = sqliteTable(
  'applicants',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().default(DEFAULT_TENANT),
    kind: text('kind', { enum: ['person', 'organisation'] }).notNull(),
    name: text('name').notNull(),
    /** A person's 居民身份证号码 (its identity here; unique per tenant). */
    idNumber: text('id_number'),
    /** An organisation's 统一社会信用代码 (its identity here; unique per tenant). */
    creditCode: text('credit_code'),
    /** An organisation's legal representative or agent, when given (not an identity: one person may act for many). */
    representativeIdNumber: text('representative_id_number'),
    phone: text('phone'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('applicants_tenant_id_number').on(table.tenantId, table.idNumber),
    uniqueIndex('applicants_tenant_credit_code').on(table.tenantId, table.creditCode),
  ],
);

/** 申请人材料库: documents and certificates the applicant need not hand in again (来源渠道 20, 多报合一). */
export const applicantMaterials = sqliteTable(
  'applicant_materials',
  {
    id: text('id').primaryKey(),
    applicantId: text('applicant_id').notNull(),
    /** The catalog material kind it satisfies (`business-licence`). */
    materialId: text('material_id').notNull(),
    name: text('name').notNull(),
    certificateId: text('certificate_id'),
    validUntil: text('valid_until'),
    /** The case whose approval issued it, if any. */
    sourceCaseNumber: text('source_case_number'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('applicant_materials_applicant').on(table.applicantId, table.materialId)],
);

/** 办件. `number` is the readable case number (`XS-261128-0042-7`). */
export const cases = sqliteTable(
  'cases',
  {
    number: text('number').primaryKey(),
    /** The owning tenant: its departments handle the case. */
    tenantId: text('tenant_id').notNull().default(DEFAULT_TENANT),
    /** 跨区域通办: the partner tenant whose front desk or system submitted it (null when the owner did). Both track it. */
    submittedByTenantId: text('submitted_by_tenant_id'),
    hallId: text('hall_id').notNull(),
    bundleId: text('bundle_id'),
    applicantId: text('applicant_id').notNull(),
    channel: text('channel', { enum: ['window', 'online'] }).notNull(),
    /** core CaseStatus. */
    status: text('status').notNull(),
    /** Hex SHA-256 of the citizen's query code; the code itself is never stored. */
    queryCodeHash: text('query_code_hash').notNull(),
    /** core CasePlan as JSON: tasks, stages, inspections, checklist, critical path. */
    plan: text('plan', { mode: 'json' }).$type<CasePlan>().notNull(),
    /** The day complete materials arrived (受理日); null while the first one-time notice is open. */
    acceptedOn: text('accepted_on'),
    /** Promised completion date of the whole case (the plan's promised days from acceptance). */
    dueOn: text('due_on'),
    /**
     * 到期日待定: set instead of `due_on` when the promised date lies past the working-day calendar's data (next
     * year's official holiday schedule not published yet): the date is later than this day. Replaced by `due_on`
     * on a later read once the calendar covers it (core findPromisedDate).
     */
    dueAfter: text('due_after'),
    /**
     * Where it was accepted (issue 5's 前台集中受理率): `general` — a 综合受理 window; `department` — a department's
     * own window; null for an online declaration.
     */
    intakeWindow: text('intake_window', { enum: ['general', 'department'] }),
    /** Trips the applicant made for it so far (intake, corrections and pickup at a window): 最多跑一次. */
    visits: integer('visits').notNull().default(0),
    /** The day every task reached a final decision (approved, partly approved or rejected). */
    completedOn: text('completed_on'),
    /** The day its results were delivered (picked up, or the mail delivered): the case is closed. */
    closedOn: text('closed_on'),
    /** The last event's seq and hash: the audit compares them with the chain, which alone cannot show a cut-off tail. */
    eventSeq: integer('event_seq').notNull().default(0),
    eventHead: text('event_head').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('cases_applicant').on(table.applicantId),
    index('cases_hall_status').on(table.hallId, table.status),
    index('cases_submitted_by').on(table.submittedByTenantId),
  ],
);

/** The matters a case applies for: one per bundle member chosen (or the one matter). */
export const caseMatters = sqliteTable(
  'case_matters',
  {
    caseNumber: text('case_number').notNull(),
    /** The bundle member key, or the matter code for a single-matter case (= the task key). */
    key: text('key').notNull(),
    matterCode: text('matter_code').notNull(),
    matterName: text('matter_name').notNull(),
    departmentId: text('department_id').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseNumber, table.key] })],
);

/** 后台审批任务: one per matter of a case, at the matter's department. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    key: text('key').notNull(),
    matterCode: text('matter_code').notNull(),
    matterName: text('matter_name').notNull(),
    departmentId: text('department_id').notNull(),
    stage: integer('stage').notNull(),
    dependsOn: text('depends_on', { mode: 'json' }).$type<string[]>().notNull(),
    /** core TaskStatus. */
    status: text('status').notNull(),
    claimedBy: text('claimed_by'),
    /** core LegalClock as JSON; null while waiting. */
    clock: text('clock', { mode: 'json' }).$type<LegalClock>(),
    dueOn: text('due_on'),
    /** core TaskState.dueAfter: the due date is pending the next year's holiday schedule and later than this day. */
    dueAfter: text('due_after'),
    /** The day of the final decision (approve, reject, withdraw), for on-time figures. */
    decidedOn: text('decided_on'),
    reason: text('reason'),
    /** While awaiting a correction the back office asked for: the materials it sent back. */
    correctionMaterialIds: text('correction_material_ids', { mode: 'json' }).$type<string[]>(),
    /** Bumped on every change: updates are conditional on the version read. */
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('tasks_inbox').on(table.departmentId, table.status, table.dueOn),
    uniqueIndex('tasks_case_key').on(table.caseNumber, table.key),
  ],
);

/**
 * What a case received: handed in, to follow (容缺后补), reused from the library, or produced inside the bundle
 * (an earlier member issues it; the producing task's key is the plan checklist's `producedBy`).
 */
export const caseMaterials = sqliteTable(
  'case_materials',
  {
    caseNumber: text('case_number').notNull(),
    materialId: text('material_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['received', 'pending', 'reused', 'produced'] }).notNull(),
    form: text('form', { enum: ['paper', 'electronic'] }),
    originals: integer('originals').notNull().default(0),
    copies: integer('copies').notNull().default(0),
    validUntil: text('valid_until'),
    libraryItemId: text('library_item_id'),
    certificateId: text('certificate_id'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseNumber, table.materialId] })],
);

/** 一次性告知书: every defect at once; resolved when a correction completes it (or a newer notice replaces it). */
export const notices = sqliteTable(
  'notices',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    /** The back-office task that asked for the correction; null for the front desk's notice. */
    taskId: text('task_id'),
    /** core Defect[] as JSON. */
    defects: text('defects', { mode: 'json' }).$type<Defect[]>().notNull(),
    /** The reviewer's words when a back office sent the case back (staff only: never on the public page). */
    reason: text('reason'),
    issuedAt: integer('issued_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (table) => [index('notices_case').on(table.caseNumber)],
);

/** 办件事件, hash-chained per case: `hash` = SHA-256 of the event's canonical text with `prev_hash`. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    caseNumber: text('case_number').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseNumber, table.seq] })],
);

/** The last daily sequence used per hall: case numbers are gap-free per hall and day. */
export const caseCounters = sqliteTable(
  'case_counters',
  {
    hallId: text('hall_id').notNull(),
    day: text('day').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (table) => [primaryKey({ columns: [table.hallId, table.day] })],
);

/**
 * Replies stored under an Idempotency-Key. The key is stored only as its SHA-256 and the reply encrypted with a
 * key derived from it (the reply carries the citizen's query code, which is never stored readable).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    keyHash: text('key_hash').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** AES-GCM ciphertext of the reply (base64), IV prefixed. */
    reply: text('reply').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  // By expiry: the cron's sweep deletes expired replies without scanning the table.
  (table) => [primaryKey({ columns: [table.scope, table.keyHash] }), index('idempotency_keys_expiry').on(table.expiresAt)],
);

export type ApplicantRow = typeof applicants.$inferSelect;
export type ApplicantMaterialRow = typeof applicantMaterials.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type CaseMatterRow = typeof caseMatters.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type CaseMaterialRow = typeof caseMaterials.$inferSelect;
export type NoticeRow = typeof notices.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
