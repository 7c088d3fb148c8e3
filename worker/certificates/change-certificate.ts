import {
  addCalendarDays,
  cancelCertificate,
  describeCertificateForSigning,
  describeCertificateSeal,
  err,
  findMatter,
  issueCertificate,
  localDateOf,
  ok,
  reissueCertificate,
  revokeCertificate,
  type Certificate,
  type Result,
} from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { isConflict, retryOnConflict, RETRY } from '../cases/commit-case.ts';
import { normaliseCaseNumber } from '../cases/read-case.ts';
import { readCase, type Statement } from '../db/cases.ts';
import {
  endLibraryItems,
  insertCertificate,
  insertCertificateEvent,
  readLastCertificateSeq,
  relinkLibraryItems,
  toCertificateEventRow,
  updateCertificateStatus,
} from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import type { CertificateChangeBody, ReissueBody } from '../schemas/certificate.ts';
import type { CertificateChangeReply, ReissueReply } from '../schemas/certificate-replies.ts';
import type { TenantScope } from '../tenant-guard.ts';
import { findOwnCertificate } from './find-certificate.ts';
import { presentCertificateEvent, presentCertificateSummary, readRecord } from './present-certificate.ts';
import type { SignerState } from './signing-key.ts';

/**
 * 证照状态变更 by staff: 吊销 (revoke), 注销 (cancel), 变更换发 (reissue a new version). core decides whether the
 * status allows it; each change writes the certificate's next event (gap-free seq: the (identifier, seq) key
 * makes two concurrent changes collide, the loser re-reads and meets the new status) and the status update,
 * conditional on the status read, in one batch. Nothing is re-signed on revoke or cancel (status is outside
 * the signature); a reissue signs the new version.
 */

/** The effective day: today by default; never in the future (a status written now would anticipate it). */
const effectiveDay = (on: string | undefined, now: number): Result<string> => {
  const today = localDateOf(now);
  if (on === undefined) return ok(today);
  return on > today ? err('INVALID_INPUT', { issues: [{ location: 'json', path: ['on'], message: 'must not be after today' }] }) : ok(on);
};

/** Runs the batch; RETRY when a concurrent change took the event seq first. `guard` is the conditional update's index. */
const commit = async (db: Database, statements: Statement[], guard: number): Promise<readonly { meta?: { changes?: number } }[] | typeof RETRY> => {
  try {
    const results = (await db.batch(statements as [Statement, ...Statement[]])) as { meta?: { changes?: number } }[];
    if (results[guard]?.meta?.changes === 0) throw new Error('certificate status moved without an event: the batch committed');
    return results;
  } catch (error) {
    if (isConflict(error)) return RETRY;
    throw error;
  }
};

export const changeCertificateStatus = (
  db: Database,
  text: string,
  action: 'revoke' | 'cancel',
  body: CertificateChangeBody & { readonly officer: string },
  scope: TenantScope,
  now: number,
): Promise<Result<CertificateChangeReply>> =>
  retryOnConflict(async () => {
    const found = await findOwnCertificate(db, text, scope);
    if (!found.ok) return found;
    const day = effectiveDay(body.on, now);
    if (!day.ok) return day;
    const certificate = readRecord(found.value);
    const decision = { on: day.value, reason: body.reason };
    const changed = action === 'revoke' ? revokeCertificate(certificate, decision) : cancelCertificate(certificate, decision);
    if (!changed.ok) return changed;
    const seq = (await readLastCertificateSeq(db, certificate.identifier)) + 1;
    const actor = `officer:${body.officer}`;
    const results = await commit(
      db,
      [
        insertCertificateEvent(db, changed.value.event, seq, actor, now),
        updateCertificateStatus(db, changed.value.certificate, certificate.status, now),
        // 多报合一 stops offering it from the day it ended.
        endLibraryItems(db, certificate.identifier, addCalendarDays(day.value, -1)),
      ],
      1,
    );
    if (results === RETRY) return RETRY;
    return ok({
      certificate: presentCertificateSummary(changed.value.certificate),
      event: presentCertificateEvent(toCertificateEventRow(changed.value.event, seq, actor, now)),
    });
  });

/**
 * 变更换发: a new version (same serial, version + 1, new identifier and check character) with the changes,
 * signed anew; the previous one becomes 07 pointing to it; library items holding the previous identifier now
 * hold the new one. The change case (default: the case that issued the certificate) must exist: its query code
 * then opens the new version for the holder.
 */
export const reissueHeldCertificate = (
  db: Database,
  text: string,
  body: ReissueBody & { readonly officer: string },
  scope: TenantScope,
  signer: SignerState,
  now: number,
): Promise<Result<ReissueReply>> =>
  retryOnConflict(async () => {
    const found = await findOwnCertificate(db, text, scope);
    if (!found.ok) return found;
    if (!signer.ok) return err('CERTIFICATE_SIGNING_UNAVAILABLE', { reason: signer.reason });
    const day = effectiveDay(body.on, now);
    if (!day.ok) return day;
    const row = found.value;
    const certificate = readRecord(row);
    let caseNumber = certificate.caseNumber;
    if (body.caseNumber !== undefined) {
      caseNumber = normaliseCaseNumber(body.caseNumber);
      const changeCase = await readCase(db, caseNumber);
      // The change case must be the certificate tenant's own (its query code opens the new version).
      if (changeCase === undefined || changeCase.tenantId !== scope.tenant) return err('CASE_NOT_FOUND', { number: body.caseNumber });
    }
    let matterCode = certificate.matterCode;
    if (body.matterCode !== undefined) {
      const matter = findMatter(getCatalogStore().index, body.matterCode);
      if (!matter.ok) return matter;
      matterCode = matter.value.code;
    }
    const reissued = reissueCertificate(certificate, {
      on: day.value,
      matterCode,
      caseNumber,
      changes: body.changes,
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    });
    if (!reissued.ok) return reissued;
    const next = reissued.value.certificate;
    const [signature, sealSignature] = await Promise.all([
      signer.signer.sign(describeCertificateForSigning(next)),
      signer.signer.sign(describeCertificateSeal(next)),
    ]);
    const issued = issueCertificate(next, { signature, sealSignature });
    if (!issued.ok) return issued;
    const seq = (await readLastCertificateSeq(db, certificate.identifier)) + 1;
    const actor = `officer:${body.officer}`;
    const previous: Certificate = reissued.value.previous;
    const results = await commit(
      db,
      [
        insertCertificateEvent(db, reissued.value.event, seq, actor, now),
        updateCertificateStatus(db, previous, certificate.status, now),
        insertCertificate(
          db,
          issued.value.certificate,
          { tenantId: row.tenantId, taskId: row.taskId, applicantId: row.applicantId, materialId: row.materialId, serial: row.serial },
          now,
        ),
        insertCertificateEvent(db, issued.value.event, 1, actor, now),
        relinkLibraryItems(db, certificate.identifier, issued.value.certificate.identifier, issued.value.certificate.validTo),
      ],
      1,
    );
    if (results === RETRY) return RETRY;
    return ok({
      previous: presentCertificateSummary(previous),
      certificate: presentCertificateSummary(issued.value.certificate),
      event: presentCertificateEvent(toCertificateEventRow(reissued.value.event, seq, actor, now)),
      libraryItemsUpdated: results[4]?.meta?.changes ?? 0,
    });
  });
