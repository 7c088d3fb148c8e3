/**
 * Electronic certificates (电子证照, GB/T 36901-36905): identifiers with their MOD 37,36 check character,
 * metadata, the canonical texts the worker signs (record and QR seal), lifecycle events and the verification
 * verdict. Pure: the worker signs and verifies with WebCrypto (ECDSA P-256 / SHA-256); the core says what is
 * signed and what a result means.
 */
export type * from './types.ts';
export { computeMod3736Check } from './mod-37-36.ts';
export {
  CERTIFICATE_OID_PREFIX,
  formatCertificateIdentifier,
  formatCertificateSerial,
  parseCertificateIdentifier,
} from './identifier.ts';
export {
  canonicalizeJson,
  describeCertificateForSigning,
  SIGNED_CERTIFICATE_KEYS,
  UNSIGNED_CERTIFICATE_KEYS,
} from './canonical-text.ts';
export {
  CERTIFICATE_STATUS_LABELS,
  describeCertificateStatus,
  findEffectiveStatus,
  isCertificateStatusCode,
} from './statuses.ts';
export { buildCertificate, CERTIFICATE_ALGORITHM, isCertificateSignature, issueCertificate } from './build-certificate.ts';
export { cancelCertificate, expireIfDue, reissueCertificate, revokeCertificate } from './lifecycle.ts';
export type { ReissueDecision } from './lifecycle.ts';
export { CERTIFICATE_QR_PREFIX, decodeCertificateQr, describeCertificateSeal, encodeCertificateQr } from './qr-seal.ts';
export { judgeCertificate } from './judge-certificate.ts';
