/**
 * The one event type pushed so far: a case's status changed (受理, 补正, 办结…). The body is built once, when the
 * change commits, and stored in the outbox: every attempt sends these very bytes under the same id.
 */
export const CASE_STATUS_CHANGED = 'case.status_changed';

export interface CaseStatusChange {
  readonly caseNumber: string;
  readonly status: string;
  /** null when the case was just registered. */
  readonly previousStatus: string | null;
  readonly ownerTenant: string;
  /** The partner that submitted it (跨区域通办); null when the owner's own front desk did. */
  readonly submittedByTenant: string | null;
  /** When the change committed, epoch ms. */
  readonly at: number;
}

/** The message body: `{ type, timestamp, data }` with ISO times, keys in a fixed order (deterministic bytes). */
export const describeCaseStatusChange = (change: CaseStatusChange): string => {
  const at = new Date(change.at).toISOString();
  return JSON.stringify({
    type: CASE_STATUS_CHANGED,
    timestamp: at,
    data: {
      caseNumber: change.caseNumber,
      status: change.status,
      previousStatus: change.previousStatus,
      ownerTenant: change.ownerTenant,
      submittedByTenant: change.submittedByTenant,
      at,
    },
  });
};

/**
 * The message id, the same for every attempt and derivable from the change: the case, its event seq (unique per
 * change, so a replayed write cannot make a second message) and the recipient.
 */
export const toOutboxId = (caseNumber: string, seq: number, tenant: string): string => `${caseNumber}:${seq}:${tenant}`;

/** The tenants told of a case's changes: the owner and, for 跨区域通办, the partner that submitted it. */
export const listCaseRecipients = (ownerTenant: string, submittedByTenant: string | null): string[] =>
  submittedByTenant === null || submittedByTenant === ownerTenant ? [ownerTenant] : [ownerTenant, submittedByTenant];
