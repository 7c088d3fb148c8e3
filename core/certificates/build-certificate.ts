/**
 * 出证: from an approved matter's data to an unsigned certificate, and from the worker's two signatures to an
 * issued one. The core never signs: the worker signs describeCertificateForSigning and describeCertificateSeal.
 */
import { parseIsoDate } from '../clock/iso-date.ts';
import { err, ok, type Result } from '../result.ts';
import { readCreditCode } from '../review/credit-code.ts';
import { readResidentId } from '../review/resident-id.ts';
import { isCanonicalJson } from './canonical-text.ts';
import { formatCertificateIdentifier, formatCertificateSerial } from './identifier.ts';
import type { Certificate, CertificateEvent, CertificateIssueInput, HolderCodeType, UnsignedCertificate } from './types.ts';

/** The signature scheme every certificate names (the algorithm is signed, so it cannot be swapped). */
export const CERTIFICATE_ALGORITHM = 'ECDSA-P256-SHA256';

/** 64 bytes (P-256 r‖s, IEEE P1363) in base64url without padding: 86 characters, the last carrying 2 bits (A, Q, g or w). */
const SIGNATURE = /^[A-Za-z0-9_-]{85}[AQgw]$/;
const TYPE_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}\d{3}$/;

const invalid = (field: string, reason: string) => err('INVALID_INPUT', { field, reason });

/** True for an IEEE P1363 P-256 signature as base64url (the worker's WebCrypto output, encoded). */
export const isCertificateSignature = (text: string): boolean => typeof text === 'string' && SIGNATURE.test(text);

/** Non-empty, no surrounding blanks, no control characters (they would make the printed and the signed text differ). */
export const isPrintable = (text: unknown): text is string =>
  typeof text === 'string' && text.trim() !== '' && text === text.trim() && !/\p{Cc}/u.test(text);

/** `fields` must be a plain JSON object (not an array, not null). */
export const isFieldRecord = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && isCanonicalJson(value);

/** Why a holder or issuer code is refused, if it is: valid for its type and already in normal form (signed as stored). */
const findCodeProblem = (code: string, codeType: HolderCodeType, today: string): string | undefined => {
  if (codeType === '001') {
    const read = readCreditCode(code);
    return typeof read === 'string' || read.value !== code ? 'credit-code' : undefined;
  }
  if (codeType === '111') {
    const read = readResidentId(code, today);
    return typeof read === 'string' || read.value !== code ? 'resident-id' : undefined;
  }
  return 'code-type';
};

/**
 * Builds the certificate an approved case issues, status 01, unsigned. Refused with INVALID_INPUT
 * (`details.field`, `details.reason`) when the matter's result is not a certificate (审批结果类型 10), a code
 * or date is malformed, the validity ends before it starts, or `fields` is not plain JSON. The serial is
 * `yyyymmdd` of `issuedOn` + the sequence (formatCertificateSerial); the number defaults to the serial.
 */
export const buildCertificate = (input: CertificateIssueInput): Result<UnsignedCertificate> => {
  const { matter, holder, issuer, issuedOn, sequence } = input;
  const version = input.version ?? 1;
  const validFrom = input.validFrom ?? issuedOn;
  if (matter.result.type !== '10') return invalid('matter', 'result-not-certificate');
  if (!isPrintable(matter.result.name)) return invalid('matter.result.name', 'empty');
  if (!isPrintable(matter.code)) return invalid('matter.code', 'empty');
  if (!isPrintable(input.caseNumber)) return invalid('caseNumber', 'empty');
  if (!isPrintable(holder.name)) return invalid('holder.name', 'empty');
  if (!parseIsoDate(issuedOn).ok) return invalid('issuedOn', 'date');
  const holderProblem = findCodeProblem(holder.code, holder.codeType, issuedOn);
  if (holderProblem !== undefined) return invalid('holder.code', holderProblem);
  if (!isPrintable(issuer.fullName)) return invalid('issuer.fullName', 'empty');
  if (findCodeProblem(issuer.creditCode, '001', issuedOn) !== undefined) return invalid('issuer.creditCode', 'credit-code');
  if (!TYPE_CODE.test(input.typeCode) || typeof readCreditCode(input.typeCode.slice(0, 18)) === 'string') {
    return invalid('typeCode', 'format');
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) return invalid('sequence', 'range');
  if (!Number.isInteger(version) || version < 1 || version > 999) return invalid('version', 'range');
  if (!parseIsoDate(validFrom).ok) return invalid('validFrom', 'date');
  if (input.validTo !== null && !parseIsoDate(input.validTo).ok) return invalid('validTo', 'date');
  if (input.validTo !== null && input.validTo < validFrom) return invalid('validTo', 'before-valid-from');
  const fields = input.fields === undefined ? {} : input.fields;
  if (!isFieldRecord(fields)) return invalid('fields', 'not-json');

  const serial = formatCertificateSerial(issuedOn, sequence);
  const number = input.number ?? serial;
  if (!isPrintable(number)) return invalid('number', 'empty');
  const identifier = formatCertificateIdentifier({ typeCode: input.typeCode, issuerCode: issuer.creditCode, serial, version });
  return ok({
    identifier,
    name: matter.result.name,
    typeCode: input.typeCode,
    number,
    holderName: holder.name,
    holderCode: holder.code,
    holderCodeType: holder.codeType,
    issuerName: issuer.fullName,
    issuerCode: issuer.creditCode,
    issuedOn,
    validFrom,
    validTo: input.validTo,
    status: '01',
    version,
    matterCode: matter.code,
    caseNumber: input.caseNumber,
    algorithm: CERTIFICATE_ALGORITHM,
    fields,
  });
};

/**
 * Attaches the worker's two signatures (record and seal, base64url P1363) to a built certificate: the
 * certificate is issued (status 01) and an `issued` event dated its issue day says so. Refused with
 * INVALID_INPUT when a signature is not 86 base64url characters, or CERTIFICATE_STATUS_CONFLICT when the
 * certificate is not 01 (a replaced or ended one is never signed again).
 */
export const issueCertificate = (
  certificate: UnsignedCertificate,
  signatures: { readonly signature: string; readonly sealSignature: string },
): Result<{ certificate: Certificate; event: CertificateEvent }> => {
  if (certificate.status !== '01') return err('CERTIFICATE_STATUS_CONFLICT', { status: certificate.status, action: 'issue' });
  if (!isCertificateSignature(signatures.signature)) return invalid('signature', 'format');
  if (!isCertificateSignature(signatures.sealSignature)) return invalid('sealSignature', 'format');
  const issued: Certificate = { ...certificate, signature: signatures.signature, sealSignature: signatures.sealSignature };
  const event: CertificateEvent = { type: 'issued', identifier: certificate.identifier, on: certificate.issuedOn, from: null, to: '01' };
  return ok({ certificate: issued, event });
};
