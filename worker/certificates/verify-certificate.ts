import {
  decodeCertificateQr,
  describeCertificateForSigning,
  describeCertificateSeal,
  err,
  judgeCertificate,
  localDateOf,
  ok,
  type Certificate,
  type Result,
} from '../../core/index.ts';
import { readCertificate } from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import type { QrVerifyReply, VerifyReply } from '../schemas/certificate-replies.ts';
import { findCertificate } from './find-certificate.ts';
import { presentCertificateSummary, readRecord } from './present-certificate.ts';
import type { SignerState } from './signing-key.ts';

/**
 * 核验 (public): by identifier, or by a scanned QR code. The record signature is checked with the published key
 * over core's canonical text; a record whose signed identifier is not the row's key counts as tampered (a
 * valid record copied under another identifier). Status and validity come from core's judgeCertificate, as of
 * the Beijing day of `now`: a revoked, cancelled or withdrawn certificate verifies as such (signature still
 * valid), one past its last day as expired.
 */
export const checkRecordSignature = async (signer: SignerState & { ok: true }, certificate: Certificate, key: string): Promise<boolean> =>
  certificate.identifier === key && (await signer.signer.verify(describeCertificateForSigning(certificate), certificate.signature));

const unavailable = (signer: SignerState & { ok: false }) => err('CERTIFICATE_SIGNING_UNAVAILABLE', { reason: signer.reason });

export const verifyCertificate = async (db: Database, text: string, signer: SignerState, now: number): Promise<Result<VerifyReply>> => {
  const found = await findCertificate(db, text);
  if (!found.ok) return found;
  if (!signer.ok) return unavailable(signer);
  const certificate = readRecord(found.value);
  const signatureValid = await checkRecordSignature(signer, certificate, found.value.identifier);
  const verdict = judgeCertificate({ certificate, signatureValid, today: localDateOf(now) });
  return ok({
    identifier: found.value.identifier,
    valid: verdict.valid,
    status: verdict.status,
    statusLabel: verdict.status.label,
    reasons: [...verdict.reasons],
    signatureValid,
    certificate: presentCertificateSummary(certificate),
    verifiedAt: new Date(now).toISOString(),
    keyId: signer.signer.publicKey.keyId,
  });
};

/**
 * 扫码核验: the QR payload's seal signature (what an offline checker can know), then the stored record: the
 * seal must be the record's own (describeCertificateSeal of the stored certificate), and the record must
 * verify and be valid today. A payload that is no seal: 400 (INVALID_INPUT with `details.reason`, or
 * CERTIFICATE_IDENTIFIER_INVALID); a seal naming no stored certificate: 404.
 */
export const verifyCertificateQr = async (db: Database, payload: string, signer: SignerState, now: number): Promise<Result<QrVerifyReply>> => {
  const decoded = decodeCertificateQr(payload);
  if (!decoded.ok) return decoded;
  const qr = decoded.value;
  const row = await readCertificate(db, qr.identifier);
  if (row === undefined) return err('CERTIFICATE_NOT_FOUND', { identifier: qr.identifier });
  if (!signer.ok) return unavailable(signer);
  const sealValid = await signer.signer.verify(qr.signedText, qr.signature);
  const certificate = readRecord(row);
  const matchesRecord = describeCertificateSeal(certificate) === qr.signedText && certificate.sealSignature === qr.signature;
  const signatureValid = await checkRecordSignature(signer, certificate, row.identifier);
  const verdict = judgeCertificate({ certificate, signatureValid: signatureValid && sealValid && matchesRecord, today: localDateOf(now) });
  return ok({
    identifier: qr.identifier,
    valid: verdict.valid,
    sealValid,
    matchesRecord,
    status: verdict.status,
    statusLabel: verdict.status.label,
    reasons: [...verdict.reasons],
    seal: {
      name: qr.name,
      number: qr.number,
      holderName: qr.holderName,
      holderCodeType: qr.holderCodeType,
      holderCode: qr.holderCode,
      issuerName: qr.issuerName,
      issuedOn: qr.issuedOn,
      validFrom: qr.validFrom,
      validTo: qr.validTo,
    },
    verifiedAt: new Date(now).toISOString(),
    keyId: signer.signer.publicKey.keyId,
  });
};
