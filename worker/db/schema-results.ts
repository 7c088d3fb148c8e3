import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Certificate, Evaluation, Rectification } from '../../core/index.ts';

// ---------------------------------------------------------------------------------------------------------------
// Results (issue 5): electronic certificates (电子证照) and their status events, delivery of a case's results
// (领取 / 邮寄), evaluations (好差评) and rectifications (差评整改). Times are epoch milliseconds; dates Beijing
// `YYYY-MM-DD`. JSON columns hold core's shapes whole; the columns beside them are what queries filter on.
// ---------------------------------------------------------------------------------------------------------------

/** 电子证照 (GB/T 36903 metadata in `record`, GB/T 36904 identifier as the key), one row per version. */
export const certificates = sqliteTable(
  'certificates',
  {
    identifier: text('identifier').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    caseNumber: text('case_number').notNull(),
    /** The task whose approval issued it (null for a certificate reissued outside a case). */
    taskId: text('task_id'),
    applicantId: text('applicant_id').notNull(),
    matterCode: text('matter_code').notNull(),
    /** The catalog material kind it satisfies in later cases (`business-licence`), if any (多报合一). */
    materialId: text('material_id'),
    /** core CertificateStatusCode: 01 valid, 03 revoked, 04 cancelled, 05 expired, 07 withdrawn. */
    status: text('status').notNull(),
    version: integer('version').notNull(),
    serial: text('serial').notNull(),
    validTo: text('valid_to'),
    /** core Certificate: the signed record, both signatures included. */
    record: text('record', { mode: 'json' }).$type<Certificate>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('certificates_case').on(table.caseNumber),
    index('certificates_applicant').on(table.applicantId, table.status),
    index('certificates_serial').on(table.tenantId, table.serial),
  ],
);

/** Status changes of a certificate (issued, revoked, cancelled, reissued, expired): gap-free per identifier. */
export const certificateEvents = sqliteTable(
  'certificate_events',
  {
    identifier: text('identifier').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** The day the change takes effect. */
    on: text('on').notNull(),
    reason: text('reason'),
    replacedBy: text('replaced_by'),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.seq] })],
);

/** Daily per-issuer serial counters for GB/T 36904 serials (yyyymmdd + sequence). */
export const certificateCounters = sqliteTable(
  'certificate_counters',
  {
    issuerCode: text('issuer_code').notNull(),
    typeCode: text('type_code').notNull(),
    day: text('day').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (table) => [primaryKey({ columns: [table.issuerCode, table.typeCode, table.day] })],
);

/**
 * 统一出证 / 送达: a case's results leave the hall once, at the issuing window or by mail. `ready` when the last
 * result is issued; `picked-up` (by the holder or an authorised agent) or `mailed` → `delivered` close the case.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    caseNumber: text('case_number').primaryKey(),
    status: text('status', { enum: ['ready', 'picked-up', 'mailed', 'delivered'] }).notNull(),
    method: text('method', { enum: ['window', 'mail'] }),
    readyAt: integer('ready_at').notNull(),
    /** 'holder' or 'agent'; the collector's ID number is kept masked only. */
    collectorKind: text('collector_kind'),
    collectorName: text('collector_name'),
    collectorIdMasked: text('collector_id_masked'),
    /** The agent's written authorisation (授权委托书) as checked at the window: its reference. */
    authorisationRef: text('authorisation_ref'),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    deliveredAt: integer('delivered_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('deliveries_status').on(table.status)],
);

/** 好差评: one per case (一事一评) or per on-site ticket (一次一评); `id` is core's findEvaluationId. */
export const evaluations = sqliteTable(
  'evaluations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    hallId: text('hall_id').notNull(),
    subjectKind: text('subject_kind', { enum: ['case', 'ticket'] }).notNull(),
    caseNumber: text('case_number'),
    ticketId: text('ticket_id'),
    /** The department rated, when one is (the case's first department, the ticket's matter's department). */
    departmentId: text('department_id'),
    level: integer('level').notNull(),
    evaluatedOn: text('evaluated_on').notNull(),
    /** An upheld appeal excludes the rating from statistics. */
    excluded: integer('excluded', { mode: 'boolean' }).notNull().default(false),
    record: text('record', { mode: 'json' }).$type<Evaluation>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('evaluations_hall_day').on(table.hallId, table.evaluatedOn)],
);

/** 差评整改: one per 差评, keyed by its evaluation; `record` is core's Rectification. */
export const rectifications = sqliteTable(
  'rectifications',
  {
    evaluationId: text('evaluation_id').primaryKey(),
    hallId: text('hall_id').notNull(),
    departmentId: text('department_id'),
    status: text('status').notNull(),
    record: text('record', { mode: 'json' }).$type<Rectification>().notNull(),
    /**
     * Hex SHA-256 of the follow-up code (追评码) handed to the citizen with a ticket's 差评: how they identify for the
     * one follow-up rating, as a case's citizen does with its query code (null for a case's rectification).
     */
    followUpCodeHash: text('follow_up_code_hash'),
    /** Bumped by every change: updates are conditional on it (D1 has no interactive transactions). */
    version: integer('version').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('rectifications_hall_status').on(table.hallId, table.status)],
);
