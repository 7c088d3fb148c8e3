/**
 * 证照状态 (GB/T 36903): the codes this system writes, with their labels, and the status as of a given day.
 * 02 and 06 are not used here: no rule of this system produces them.
 */
import type { IsoDate } from '../clock/types.ts';
import type { CertificateStatusCode, UnsignedCertificate } from './types.ts';

/** Chinese first, then English, as everywhere labels are shown. */
export const CERTIFICATE_STATUS_LABELS = {
  /** 有效（在用）: issued and in force. */
  '01': ['有效', 'valid'],
  /** 吊销: taken away as an administrative penalty (行政处罚法 Art. 9). */
  '03': ['已吊销', 'revoked'],
  /** 注销: the licence ended (行政许可法 Art. 70: expired unrenewed, holder dissolved, after revocation, …). */
  '04': ['已注销', 'cancelled'],
  /** 过期: past its last valid day. */
  '05': ['已过期', 'expired'],
  /** 撤回（作废）: withdrawn from use; here, a version replaced by a newer one (换发). */
  '07': ['已撤回', 'withdrawn'],
} as const satisfies Record<CertificateStatusCode, readonly [zh: string, en: string]>;

/** The label of a status code. */
export const describeCertificateStatus = (
  code: CertificateStatusCode,
): { code: CertificateStatusCode; label: string; labelEn: string } => {
  const [label, labelEn] = CERTIFICATE_STATUS_LABELS[code];
  return { code, label, labelEn };
};

/** True for a text that is one of the status codes (for rows read back from storage). */
export const isCertificateStatusCode = (code: string): code is CertificateStatusCode =>
  Object.hasOwn(CERTIFICATE_STATUS_LABELS, code);

/**
 * The status as of `today`: a valid (01) certificate whose last valid day has passed reads 05, even before the
 * expiry sweep writes it. ISO dates compare as text. Every other status stands as stored.
 */
export const findEffectiveStatus = (certificate: UnsignedCertificate, today: IsoDate): CertificateStatusCode =>
  certificate.status === '01' && certificate.validTo !== null && today > certificate.validTo ? '05' : certificate.status;
