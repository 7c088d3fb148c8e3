/**
 * The QR code (二维码) of a certificate, checkable offline with the published public key and nothing else.
 *
 * A QR code cannot hold the whole signed record (经营范围 alone may run to hundreds of characters), and a
 * signature over text the checker does not have proves nothing offline. So the QR carries a seal: the
 * essentials printed on the certificate's face, in clear, followed by a second ECDSA P-256 / SHA-256 signature
 * (`sealSignature`) over exactly those characters:
 *
 *   OWC1|<identifier>|<name>|<number>|<holder name>|<holder code type>|<holder code>|<issuer name>|
 *   <issued yyyymmdd>|<valid from yyyymmdd>|<valid to yyyymmdd, or - for 长期>|<seal signature, base64url>
 *
 * (one line; shown wrapped). An offline checker splits at the last `|`, verifies the signature over the UTF-8
 * bytes before it, then compares the fields with the paper or screen in front of it. Inside fields `%`, `|`
 * and control characters are written as `%XX` (uppercase hex). A resident ID is masked (`110105********002X`):
 * the QR can be read by any phone from a photo; a credit code is public and stays whole. The record
 * signature (`signature`, over describeCertificateForSigning) stays the authority online; the seal binds the
 * identifier, so an online check reaches the full record. Offline, status cannot be known: a revoked
 * certificate's seal still verifies, and the checker says the status needs GET /v1/certificates/{id}/verify.
 * `OWC1` names this layout and the algorithm; a new layout or algorithm gets a new prefix.
 */
import { maskIdNumber } from '../review/mask.ts';
import { parseIsoDate } from '../clock/iso-date.ts';
import { err, ok, type Result } from '../result.ts';
import { isCertificateSignature } from './build-certificate.ts';
import { formatCertificateIdentifier, parseCertificateIdentifier } from './identifier.ts';
import type { Certificate, CertificateQr, HolderCodeType, UnsignedCertificate } from './types.ts';

/** The first field of every seal: layout version 1, ECDSA P-256 / SHA-256. */
export const CERTIFICATE_QR_PREFIX = 'OWC1';

const FIELD_COUNT = 12;

const escapeField = (text: string): string =>
  text.replace(/[%|\p{Cc}]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** Undoes escapeField; undefined when a `%` is not followed by two uppercase hex digits. */
const unescapeField = (text: string): string | undefined => {
  if (/%(?![0-9A-F]{2})/.test(text)) return undefined;
  return text.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
};

const compactDate = (date: string): string => date.replaceAll('-', '');

const readCompactDate = (text: string): string | undefined => {
  if (!/^\d{8}$/.test(text)) return undefined;
  const date = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  return parseIsoDate(date).ok ? date : undefined;
};

/** The holder code as the seal shows it: resident IDs masked, credit codes whole. */
const sealHolderCode = (code: string, codeType: HolderCodeType): string => (codeType === '111' ? maskIdNumber(code) : code);

/** The text the worker signs for the QR code (UTF-8 bytes, ECDSA P-256 / SHA-256): the QR payload without its signature. */
export const describeCertificateSeal = (certificate: UnsignedCertificate): string =>
  [
    CERTIFICATE_QR_PREFIX,
    certificate.identifier,
    certificate.name,
    certificate.number,
    certificate.holderName,
    certificate.holderCodeType,
    sealHolderCode(certificate.holderCode, certificate.holderCodeType),
    certificate.issuerName,
    compactDate(certificate.issuedOn),
    compactDate(certificate.validFrom),
    certificate.validTo === null ? '-' : compactDate(certificate.validTo),
  ]
    .map(escapeField)
    .join('|');

/**
 * The QR payload of an issued certificate: its seal and seal signature. A malformed seal signature is a
 * caller's bug (issueCertificate refuses one) and throws RangeError.
 */
export const encodeCertificateQr = (certificate: Certificate): string => {
  if (!isCertificateSignature(certificate.sealSignature)) throw new RangeError('the seal signature is not 86 base64url characters');
  return `${describeCertificateSeal(certificate)}|${certificate.sealSignature}`;
};

const refuse = (reason: string) => err('INVALID_INPUT', { field: 'qr', reason });

/**
 * Reads a scanned payload (surrounding whitespace, which some scanners add, is dropped). Refused with
 * INVALID_INPUT (`details.reason`: `prefix` not OWC1, `format` wrong field count or escape, `signature`, `date`,
 * `holder-code-type`) or with the identifier's own CERTIFICATE_IDENTIFIER_INVALID. The identifier must be in
 * its canonical spelling: the seal signs exact characters. Checking the signature is the caller's (WebCrypto).
 */
export const decodeCertificateQr = (text: string): Result<CertificateQr> => {
  if (typeof text !== 'string' || text.length > 4096) return refuse('format');
  const payload = text.trim();
  const raw = payload.split('|');
  if (raw[0] !== CERTIFICATE_QR_PREFIX) return refuse('prefix');
  if (raw.length !== FIELD_COUNT) return refuse('format');
  const fields = raw.map(unescapeField);
  if (fields.some((f) => f === undefined || f === '')) return refuse('format');
  const [, identifier, name, number, holderName, holderCodeType, holderCode, issuerName, issued, from, to, signature] =
    fields as [string, string, string, string, string, string, string, string, string, string, string, string];
  const parts = parseCertificateIdentifier(identifier);
  if (!parts.ok) return parts;
  if (formatCertificateIdentifier(parts.value) !== identifier) return err('CERTIFICATE_IDENTIFIER_INVALID', { reason: 'format' });
  if (!isCertificateSignature(signature)) return refuse('signature');
  if (holderCodeType !== '111' && holderCodeType !== '001') return refuse('holder-code-type');
  const issuedOn = readCompactDate(issued);
  const validFrom = readCompactDate(from);
  const validTo = to === '-' ? null : readCompactDate(to);
  if (issuedOn === undefined || validFrom === undefined || validTo === undefined) return refuse('date');
  return ok({
    identifier,
    signature,
    signedText: payload.slice(0, payload.lastIndexOf('|')),
    name,
    number,
    holderName,
    holderCodeType,
    holderCode,
    issuerName,
    issuedOn,
    validFrom,
    validTo,
  });
};
