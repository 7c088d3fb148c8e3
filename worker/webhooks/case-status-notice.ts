import { eq } from 'drizzle-orm';
import { CASE_STATUS_CHANGED, describeCaseStatusChange, listCaseRecipients, toOutboxId, type CaseStatusChange } from '../../core/index.ts';
import type { Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import { cases } from '../db/schema.ts';
import { enqueueMessages } from '../db/webhooks.ts';

/** A status change's outbox statement (for the change's own batch) and whose dispatchers to wake after it. */
export interface StatusNotice {
  readonly statement: Statement;
  readonly recipients: readonly string[];
}

/**
 * The outbox rows announcing `change`, one per recipient tenant with a webhook, for the batch that commits the
 * change (same batch: the message exists if and only if the change does). `seq` is the change's last event seq.
 */
export const noticeStatusChange = (db: Database, change: CaseStatusChange, seq: number): StatusNotice => {
  const recipients = listCaseRecipients(change.ownerTenant, change.submittedByTenant);
  return {
    statement: enqueueMessages(db, {
      idPrefix: toOutboxId(change.caseNumber, seq, ''),
      recipients,
      eventType: CASE_STATUS_CHANGED,
      caseNumber: change.caseNumber,
      body: describeCaseStatusChange(change),
      now: change.at,
    }),
    recipients,
  };
};

/**
 * For a change of an existing case: reads the status it moves from and its tenants, and builds the notice if the
 * status really changes (null otherwise). Read before the batch, after the caller read the head: the batch is
 * conditional on that head, so if it commits, nothing changed the case in between and this read is exact.
 */
export const noticeIfStatusChanges = async (
  db: Database,
  number: string,
  status: string,
  seq: number,
  at: number,
): Promise<StatusNotice | null> => {
  const row = await db
    .select({ status: cases.status, tenantId: cases.tenantId, submittedByTenantId: cases.submittedByTenantId })
    .from(cases)
    .where(eq(cases.number, number))
    .get();
  if (row === undefined || row.status === status) return null;
  return noticeStatusChange(
    db,
    { caseNumber: number, status, previousStatus: row.status, ownerTenant: row.tenantId, submittedByTenant: row.submittedByTenantId, at },
    seq,
  );
};

/** Whether the batch result of a notice's statement inserted any row (else no dispatcher needs waking). */
export const enqueuedAny = (result: unknown): boolean => ((result as { meta?: { changes?: number } } | undefined)?.meta?.changes ?? 0) > 0;
