/**
 * A certificate's life after issue, as events (证照状态变更): revoke (吊销), cancel (注销), reissue on change
 * (变更换发: a new version), expire (过期). Each returns the changed certificate and the one event to store;
 * nothing is re-signed, since status is outside the signature.
 *
 * Allowed, judged on the status as of the event's day (a 01 certificate past its last day counts as 05):
 *   revoke   01 → 03
 *   cancel   01, 03, 05 → 04   (行政许可法 Art. 70: a licence expired unrenewed or revoked is then 注销)
 *   reissue  01 → 07, and a new version 01 (same serial, version + 1)
 *   expire   01 → 05 once the last valid day has passed; otherwise nothing happens (a sweep may call it on any)
 * Anything else is CERTIFICATE_STATUS_CONFLICT (details: status, action). Events carry the stored status as
 * `from`, so the worker can write them with a conditional update (`… WHERE status = :from`).
 */
import { parseIsoDate } from '../clock/iso-date.ts';
import type { IsoDate } from '../clock/types.ts';
import { err, ok, type Result } from '../result.ts';
import { isFieldRecord, isPrintable } from './build-certificate.ts';
import { formatCertificateIdentifier, parseCertificateIdentifier } from './identifier.ts';
import { findEffectiveStatus } from './statuses.ts';
import type {
  CertificateChanges,
  CertificateEvent,
  CertificateEventType,
  CertificateStatusCode,
  UnsignedCertificate,
} from './types.ts';

type Action = 'revoke' | 'cancel' | 'reissue';

const ALLOWED_FROM: Readonly<Record<Action, readonly CertificateStatusCode[]>> = {
  revoke: ['01'],
  cancel: ['01', '03', '05'],
  reissue: ['01'],
};

/** The event day must be a date, and not before the certificate was issued. */
const checkEventDay = (certificate: UnsignedCertificate, on: IsoDate): Result<IsoDate> => {
  if (!parseIsoDate(on).ok) return err('INVALID_INPUT', { field: 'on', reason: 'date' });
  if (on < certificate.issuedOn) return err('INVALID_INPUT', { field: 'on', reason: 'before-issue' });
  return ok(on);
};

/** Shared path of revoke and cancel: check, then one status change. */
const changeStatus = <C extends UnsignedCertificate>(
  certificate: C,
  action: 'revoke' | 'cancel',
  decision: { readonly on: IsoDate; readonly reason: string },
): Result<{ certificate: C; event: CertificateEvent }> => {
  const day = checkEventDay(certificate, decision.on);
  if (!day.ok) return day;
  if (!isPrintable(decision.reason)) return err('INVALID_INPUT', { field: 'reason', reason: 'empty' });
  const status = findEffectiveStatus(certificate, decision.on);
  if (!ALLOWED_FROM[action].includes(status)) return err('CERTIFICATE_STATUS_CONFLICT', { status, action });
  const to: CertificateStatusCode = action === 'revoke' ? '03' : '04';
  const type: CertificateEventType = action === 'revoke' ? 'revoked' : 'cancelled';
  const event: CertificateEvent = {
    type,
    identifier: certificate.identifier,
    on: decision.on,
    from: certificate.status,
    to,
    reason: decision.reason,
  };
  return ok({ certificate: { ...certificate, status: to }, event });
};

/** 吊销: the issuer takes the certificate away (a penalty decision, whose reason is recorded). */
export const revokeCertificate = <C extends UnsignedCertificate>(
  certificate: C,
  decision: { readonly on: IsoDate; readonly reason: string },
): Result<{ certificate: C; event: CertificateEvent }> => changeStatus(certificate, 'revoke', decision);

/** 注销: the licence ends (holder dissolved, surrendered, expired unrenewed, after a revocation). */
export const cancelCertificate = <C extends UnsignedCertificate>(
  certificate: C,
  decision: { readonly on: IsoDate; readonly reason: string },
): Result<{ certificate: C; event: CertificateEvent }> => changeStatus(certificate, 'cancel', decision);

/**
 * 过期: marks a 01 certificate 05 once `today` is past its last valid day. Not due, 长期, or not 01: the
 * certificate comes back unchanged with `event: null`, so a daily sweep can call it on every row.
 * INVALID_INPUT only when `today` is not a date.
 */
export const expireIfDue = <C extends UnsignedCertificate>(
  certificate: C,
  today: IsoDate,
): Result<{ certificate: C; event: CertificateEvent | null }> => {
  if (!parseIsoDate(today).ok) return err('INVALID_INPUT', { field: 'today', reason: 'date' });
  if (certificate.status !== '01' || findEffectiveStatus(certificate, today) !== '05') return ok({ certificate, event: null });
  const event: CertificateEvent = { type: 'expired', identifier: certificate.identifier, on: today, from: '01', to: '05' };
  return ok({ certificate: { ...certificate, status: '05' }, event });
};

/** What a change (变更) case supplies to reissue. */
export interface ReissueDecision {
  /** The new version's issue day; also the day the old one is withdrawn. */
  readonly on: IsoDate;
  /** The change matter and case that approved the new version. */
  readonly matterCode: string;
  readonly caseNumber: string;
  readonly changes: CertificateChanges;
  readonly reason?: string;
}

const checkChanges = (changes: CertificateChanges): Result<CertificateChanges> => {
  for (const key of ['name', 'number', 'holderName'] as const) {
    if (changes[key] !== undefined && !isPrintable(changes[key])) return err('INVALID_INPUT', { field: `changes.${key}`, reason: 'empty' });
  }
  if (changes.validFrom !== undefined && !parseIsoDate(changes.validFrom).ok) {
    return err('INVALID_INPUT', { field: 'changes.validFrom', reason: 'date' });
  }
  if (changes.validTo !== undefined && changes.validTo !== null && !parseIsoDate(changes.validTo).ok) {
    return err('INVALID_INPUT', { field: 'changes.validTo', reason: 'date' });
  }
  if (changes.fields !== undefined && !isFieldRecord(changes.fields)) {
    return err('INVALID_INPUT', { field: 'changes.fields', reason: 'not-json' });
  }
  return ok(changes);
};

/**
 * 变更换发: a new version of a valid certificate — same type, issuer, serial and holder code, version + 1, a new
 * identifier (the check character follows), the changes applied, issued on `decision.on`, unsigned for the
 * worker to sign. The previous version becomes 07 (withdrawn, 作废) with `replacedBy` naming the new one:
 * 07 rather than 04, since the licence itself lives on in the new version; 04 means it ended.
 * Refused: CERTIFICATE_STATUS_CONFLICT unless 01 as of that day; INVALID_INPUT for bad changes, a validity
 * ending before it starts, or version 999 already used (`details.reason` 'version-exhausted').
 */
export const reissueCertificate = <C extends UnsignedCertificate>(
  certificate: C,
  decision: ReissueDecision,
): Result<{ certificate: UnsignedCertificate; previous: C; event: CertificateEvent }> => {
  const day = checkEventDay(certificate, decision.on);
  if (!day.ok) return day;
  const status = findEffectiveStatus(certificate, decision.on);
  if (!ALLOWED_FROM.reissue.includes(status)) return err('CERTIFICATE_STATUS_CONFLICT', { status, action: 'reissue' });
  if (!isPrintable(decision.matterCode)) return err('INVALID_INPUT', { field: 'matterCode', reason: 'empty' });
  if (!isPrintable(decision.caseNumber)) return err('INVALID_INPUT', { field: 'caseNumber', reason: 'empty' });
  if (decision.reason !== undefined && !isPrintable(decision.reason)) return err('INVALID_INPUT', { field: 'reason', reason: 'empty' });
  const checked = checkChanges(decision.changes);
  if (!checked.ok) return checked;
  const parts = parseCertificateIdentifier(certificate.identifier);
  if (!parts.ok) return parts;
  if (parts.value.version >= 999) return err('INVALID_INPUT', { field: 'version', reason: 'version-exhausted' });

  const { changes } = decision;
  const validFrom = changes.validFrom ?? certificate.validFrom;
  const validTo = changes.validTo === undefined ? certificate.validTo : changes.validTo;
  if (validTo !== null && validTo < validFrom) return err('INVALID_INPUT', { field: 'changes.validTo', reason: 'before-valid-from' });
  const version = parts.value.version + 1;
  const identifier = formatCertificateIdentifier({ ...parts.value, version });
  const next: UnsignedCertificate = {
    identifier,
    name: changes.name ?? certificate.name,
    typeCode: certificate.typeCode,
    number: changes.number ?? certificate.number,
    holderName: changes.holderName ?? certificate.holderName,
    holderCode: certificate.holderCode,
    holderCodeType: certificate.holderCodeType,
    issuerName: certificate.issuerName,
    issuerCode: certificate.issuerCode,
    issuedOn: decision.on,
    validFrom,
    validTo,
    status: '01',
    version,
    matterCode: decision.matterCode,
    caseNumber: decision.caseNumber,
    algorithm: certificate.algorithm,
    fields: changes.fields ?? certificate.fields,
  };
  const event: CertificateEvent = {
    type: 'reissued',
    identifier: certificate.identifier,
    on: decision.on,
    from: certificate.status,
    to: '07',
    replacedBy: identifier,
    ...(decision.reason === undefined ? {} : { reason: decision.reason }),
  };
  return ok({ certificate: next, previous: { ...certificate, status: '07', replacedBy: identifier }, event });
};
