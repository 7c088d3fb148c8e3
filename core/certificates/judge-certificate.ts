/**
 * 核验: what a verification says, once the worker has checked the signature with the public key. Valid means
 * the signature holds, the status as of `today` is 01, and `today` is inside the validity period; otherwise
 * every reason is listed (a certificate can be both tampered with and revoked).
 */
import { parseIsoDate } from '../clock/iso-date.ts';
import type { IsoDate } from '../clock/types.ts';
import { describeCertificateStatus, findEffectiveStatus } from './statuses.ts';
import type { CertificateReason, CertificateReasonCode, CertificateVerdict, UnsignedCertificate } from './types.ts';

const MESSAGES: Readonly<Record<Exclude<CertificateReasonCode, 'withdrawn'>, readonly [string, string]>> = {
  'signature-invalid': ['电子签名验证失败，证照内容可能被篡改', 'The signature does not verify: the certificate may have been altered'],
  revoked: ['该证照已被吊销', 'The certificate has been revoked'],
  cancelled: ['该证照已注销', 'The certificate has been cancelled'],
  expired: ['该证照已超过有效期', 'The certificate has expired'],
  'not-yet-valid': ['该证照尚未到有效期起始日', 'The certificate is not valid yet'],
};

const reasonOf = (code: Exclude<CertificateReasonCode, 'withdrawn'>): CertificateReason => {
  const [message, messageEn] = MESSAGES[code];
  return { code, message, messageEn };
};

/** A replaced version says which one replaced it, so the checker can look that one up. */
const withdrawnReason = (replacedBy: string | undefined): CertificateReason =>
  replacedBy === undefined
    ? { code: 'withdrawn', message: '该证照已撤回', messageEn: 'The certificate has been withdrawn' }
    : {
        code: 'withdrawn',
        message: `该证照已换发新版本，请以新版本为准：${replacedBy}`,
        messageEn: `The certificate was replaced by a newer version: ${replacedBy}`,
      };

/**
 * The verdict on a certificate. `signatureValid` is the worker's WebCrypto check of `signature` over
 * describeCertificateForSigning; `today` is the Beijing local date (a malformed one is a caller's bug: RangeError).
 * Reasons come in a fixed order: signature first, then status, then the validity window.
 */
export const judgeCertificate = (input: {
  readonly certificate: UnsignedCertificate;
  readonly signatureValid: boolean;
  readonly today: IsoDate;
}): CertificateVerdict => {
  const { certificate, signatureValid, today } = input;
  if (!parseIsoDate(today).ok) throw new RangeError(`today must be YYYY-MM-DD: ${today}`);
  const status = findEffectiveStatus(certificate, today);
  const reasons: CertificateReason[] = [];
  if (!signatureValid) reasons.push(reasonOf('signature-invalid'));
  if (status === '03') reasons.push(reasonOf('revoked'));
  if (status === '04') reasons.push(reasonOf('cancelled'));
  if (status === '07') reasons.push(withdrawnReason(certificate.replacedBy));
  // 05 also when stored 01 but past the last day (findEffectiveStatus): the sweep may not have run yet.
  if (status === '05') reasons.push(reasonOf('expired'));
  if (today < certificate.validFrom) reasons.push(reasonOf('not-yet-valid'));
  return { valid: reasons.length === 0, status: describeCertificateStatus(status), reasons };
};
