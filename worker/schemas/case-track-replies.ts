import { z } from '@hono/zod-openapi';
import { departmentRefSchema } from './catalog.ts';
import { trackCertificateSchema, trackDeliverySchema } from './certificate-replies.ts';
import { caseStatusSchema, duePendingField, isoDate, libraryItemSchema, taskStatusSchema } from './case-replies.ts';

/**
 * Reply schemas of the tracking side of a case (办件): the audit verdict over its event chain, the public
 * tracking reply (which carries no personal data at all) with its timeline, and the applicant's material library.
 */

export const auditSchema = z
  .union([
    z.object({
      number: z.string(),
      intact: z.literal(true),
      length: z.number().int().openapi({ description: 'Events checked' }),
      head: z.string().openapi({ description: 'Hash of the last event; equals the head kept on the case' }),
    }),
    z.object({
      number: z.string(),
      intact: z.literal(false),
      brokenAt: z.number().int().openapi({ description: 'seq of the first event that fails' }),
      reason: z
        .enum(['hash-mismatch', 'prev-hash-mismatch', 'sequence-gap', 'wrong-case', 'head-mismatch'])
        .openapi({ description: 'head-mismatch: the chain holds together but ends before (or beyond) the head kept on the case: events cut off or added' }),
    }),
  ])
  .openapi('AuditVerdict');

export const timelineEntrySchema = z
  .object({
    seq: z.number().int(),
    type: z.string().openapi({ example: 'task-released' }),
    date: isoDate('Beijing local date'),
    label: z.string().openapi({ example: '已分送市场监管局审批' }),
    labelEn: z.string(),
    departmentId: z.string().optional(),
    matterCode: z.string().optional(),
    matterName: z.string().optional(),
    dueOn: z.string().optional(),
    dueAfter: z.string().optional().openapi({ description: 'The due date was pending when this happened: later than this day' }),
    suspension: z.enum(['hearing', 'inspection', 'testing', 'expert-review', 'other']).optional(),
  })
  .openapi('TimelineEntry');

export const trackSchema = z
  .object({
    number: z.string().openapi({ example: 'XS-261127-0042-8' }),
    status: caseStatusSchema,
    applicant: z.object({ kind: z.enum(['person', 'organisation']), name: z.string().openapi({ description: 'Masked', example: '张*' }) }),
    acceptedOn: z.string().nullable(),
    dueOn: z.string().nullable().openapi({ description: '承诺办结日; null before acceptance or while pending (see duePending)' }),
    duePending: duePendingField('the case’s promised'),
    matters: z.array(
      z.object({
        matterName: z.string(),
        department: departmentRefSchema,
        status: taskStatusSchema,
        dueOn: z.string().nullable(),
        duePending: duePendingField('this matter’s'),
      }),
    ),
    timeline: z.array(timelineEntrySchema),
    certificates: z.array(trackCertificateSchema).openapi({ description: '电子证照 issued, without holder data (verify them at /v1/certificates/{identifier}/verify)' }),
    delivery: trackDeliverySchema.nullable().openapi({ description: '领取 / 邮寄: null until the results are ready' }),
  })
  .openapi('CaseTracking');

export const applicantLibrarySchema = z
  .object({
    applicant: z.object({ id: z.string(), kind: z.enum(['person', 'organisation']), name: z.string().openapi({ description: 'Masked' }) }),
    items: z.array(libraryItemSchema),
  })
  .openapi('ApplicantLibrary');

export type AuditReply = z.infer<typeof auditSchema>;
export type TrackReply = z.infer<typeof trackSchema>;
export type ApplicantLibraryReply = z.infer<typeof applicantLibrarySchema>;
export type TimelineEntryReply = z.infer<typeof timelineEntrySchema>;
