import { err, localDateOf, ok, summarizeCaseStatus, type Result } from '../../core/index.ts';
import { presentCertificatePending, presentCertificateSummary, presentDelivery, readRecord } from '../certificates/present-certificate.ts';
import type { SignerState } from '../certificates/signing-key.ts';
import { readApplicant } from '../db/applicants.ts';
import { readCase, type Statement } from '../db/cases.ts';
import { insertDelivery, readCertificatesOfCase, readDelivery, relinkLibraryItems } from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import type { IssuePendingReply } from '../schemas/certificate-replies.ts';
import type { CaseScope } from '../tenant-guard.ts';
import { loadCase } from './case-record.ts';
import { commitCaseWrite, retryOnConflict, RETRY } from './commit-case.ts';
import { findWaitingCertificates } from './decide-task.ts';
import type { EventDraft } from './event-chain.ts';
import { mintProvisionalCertificateId, prepareCertificate, type CertificateOutcome } from './issue-certificate.ts';
import { normaliseCaseNumber } from './read-case.ts';

const FINAL_CASE = new Set(['approved', 'partly-approved', 'rejected']);

/**
 * 补签发: issues the certificates a case's approvals left pending (待签发: no signing key then, or data the
 * certificate could not be made from). Each one gets its certificate row and `issued` event, the provisional
 * library item takes the real identifier, the case's chain a `certificate-issued` event; when the case is
 * complete and nothing waits any more, its results become ready at the issuing window. Idempotent: with
 * nothing waiting it changes nothing. Written through the case's head, so two calls never issue twice.
 */
export const issuePendingCertificates = (
  db: Database,
  numberText: string,
  officer: string,
  scope: CaseScope,
  signer: SignerState,
  now: number,
): Promise<Result<IssuePendingReply>> => {
  const sequences = new Map<string, number>();
  const today = localDateOf(now);
  return retryOnConflict(async () => {
    const loaded = await loadCase(db, normaliseCaseNumber(numberText), scope);
    if (!loaded.ok) return loaded;
    const record = loaded.value;
    if (!signer.ok) return err('CERTIFICATE_SIGNING_UNAVAILABLE', { reason: signer.reason });
    const states = record.tasks.map((t) => t.state);
    const waiting = new Set(await findWaitingCertificates(db, record, states));
    const applicant = await readApplicant(db, record.row.applicantId);
    if (applicant === undefined) throw new Error(`case ${record.row.number}: applicant missing`);
    const actor = `officer:${officer}`;
    const statements: Statement[] = [];
    const events: EventDraft[] = [];
    const issued: CertificateOutcome[] = [];
    const pending: ReturnType<typeof presentCertificatePending>[] = [];
    for (const task of record.tasks.filter((t) => waiting.has(t.row.key))) {
      const outcome = await prepareCertificate(db, {
        caseNumber: record.row.number,
        tenantId: record.row.tenantId,
        applicant,
        task: { id: task.row.id, key: task.row.key, matterCode: task.row.matterCode },
        today,
        now,
        actor,
        signer,
        sequences,
      });
      if (outcome.kind === 'pending') pending.push(presentCertificatePending(task.row.key, outcome.reason));
      if (outcome.kind !== 'issued') continue;
      issued.push(outcome);
      statements.push(...outcome.statements);
      const provisional = mintProvisionalCertificateId(record.row.number, task.row.key);
      // The approval's provisional library item takes the identifier; none existed if the result is no reusable material.
      if (outcome.libraryItem !== null) statements.push(relinkLibraryItems(db, provisional, outcome.certificate.identifier, outcome.certificate.validTo));
      events.push({
        type: 'certificate-issued',
        actor,
        payload: { taskKey: task.row.key, matterCode: task.row.matterCode, certificate: outcome.certificate.identifier },
      });
    }
    const status = summarizeCaseStatus(states);
    const delivery = await readDelivery(db, record.row.number);
    if (FINAL_CASE.has(status) && delivery === undefined && pending.length === 0 && (issued.length > 0 || waiting.size === 0)) {
      statements.push(insertDelivery(db, record.row.number, now));
      events.push({ type: 'results-ready', actor: 'system', payload: { status } });
    }
    if (events.length > 0 && !(await commitCaseWrite(db, record.row.number, record.head, { change: {}, statements, events }, now))) return RETRY;
    const [after, certificates, ready] = await Promise.all([
      readCase(db, record.row.number),
      readCertificatesOfCase(db, record.row.number),
      readDelivery(db, record.row.number),
    ]);
    return ok({
      caseNumber: record.row.number,
      issued: issued.flatMap((o) => (o.kind === 'issued' ? [presentCertificateSummary(o.certificate)] : [])),
      pending,
      certificates: certificates.map((c) => presentCertificateSummary(readRecord(c))),
      delivery: ready === undefined ? null : presentDelivery(ready),
      completedOn: after?.completedOn ?? null,
    });
  });
};
