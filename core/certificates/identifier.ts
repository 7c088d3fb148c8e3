/**
 * 电子证照标识 (GB/T 36904): `1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>`.
 *
 * Check coverage: the MOD 37,36 check character is computed over type code + issuer code + serial + version,
 * concatenated without dots (the four data segments after the fixed OID prefix, which the standard numbers 1-4).
 * Worked out from the known-good `1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0`:
 * of the coverages tried — that one ('0'), with the OID prefix in front ('D'), prefix + type + issuer + serial
 * ('G'), type + issuer + serial ('5'), prefix + type + issuer ('T'), issuer + serial + version ('F'), the prefix
 * alone ('U'), `1 2 156 3005` ('H') — only it gives the printed '0'. One example cannot rule out a coincidence
 * (a wrong coverage matches by chance 1 time in 36); a second official identifier would settle it.
 */
import { parseIsoDate } from '../clock/iso-date.ts';
import { err, ok, type Result } from '../result.ts';
import { readCreditCode } from '../review/credit-code.ts';
import { computeMod3736Check } from './mod-37-36.ts';
import type { CertificateIdentifierParts } from './types.ts';

/** ISO 1, member body 2, China 156, 电子证照 3005, 证照标识 2: the same for every certificate. */
export const CERTIFICATE_OID_PREFIX = '1.2.156.3005.2';

const CREDIT = '[0-9A-HJ-NPQRTUWXY]{18}';
const TYPE_CODE = new RegExp(`^${CREDIT}\\d{3}$`);
const ISSUER_CODE = new RegExp(`^${CREDIT}$`);
/** Serials from other issuers are read as they come (alphanumeric); this system mints only digits. */
const SERIAL = /^[0-9A-Z]{1,32}$/;
/** Shape first, loosely (any 0-9A-Z), so a typo in a code reads as a check failure rather than a format one. */
const SHAPE = /^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{18})\.([0-9A-Z]{1,32})\.(\d{3})\.([0-9A-Z])$/;

const pad3 = (n: number): string => String(n).padStart(3, '0');

/** The text the check character covers: the four data segments, no dots. */
const checkedTextOf = (p: CertificateIdentifierParts): string => p.typeCode + p.issuerCode + p.serial + pad3(p.version);

/**
 * Formats an identifier. Parts come from the system (catalog codes, counters), so bad parts are a caller's bug
 * and throw RangeError: codes must be valid credit codes (GB 32100 check included), version 1..999.
 */
export const formatCertificateIdentifier = (parts: CertificateIdentifierParts): string => {
  const { typeCode, issuerCode, serial, version } = parts;
  if (!TYPE_CODE.test(typeCode) || typeof readCreditCode(typeCode.slice(0, 18)) === 'string') {
    throw new RangeError(`type code must be a credit code + 3 digits: ${typeCode}`);
  }
  if (!ISSUER_CODE.test(issuerCode) || typeof readCreditCode(issuerCode) === 'string') {
    throw new RangeError(`issuer code must be a credit code: ${issuerCode}`);
  }
  if (!SERIAL.test(serial)) throw new RangeError(`serial must be 1-32 characters 0-9A-Z: ${serial}`);
  if (!Number.isInteger(version) || version < 1 || version > 999) throw new RangeError(`version must be 1..999: ${version}`);
  const body = checkedTextOf(parts);
  return `${CERTIFICATE_OID_PREFIX}.${typeCode}.${issuerCode}.${serial}.${pad3(version)}.${computeMod3736Check(body)}`;
};

const invalid = (reason: 'format' | 'check', segment?: 'typeCode' | 'issuerCode' | 'version') =>
  err('CERTIFICATE_IDENTIFIER_INVALID', segment === undefined ? { reason } : { reason, segment });

/**
 * Reads an identifier as pasted or typed: surrounding blanks, full-width characters (NFKC) and lowercase
 * letters are tolerated; `formatCertificateIdentifier(parts)` gives the one canonical spelling to look up.
 * Refused with CERTIFICATE_IDENTIFIER_INVALID, `details.reason`: `format` (shape, version 000, or a code that
 * is not a credit code) or `check` (the check character disagrees: a typo). The check is judged before the
 * credit codes, so a mistyped code reads as the typo it is.
 */
export const parseCertificateIdentifier = (text: string): Result<CertificateIdentifierParts> => {
  if (typeof text !== 'string' || text.length > 128) return invalid('format');
  const compact = text.normalize('NFKC').trim().toUpperCase();
  const match = SHAPE.exec(compact);
  if (!match) return invalid('format');
  const [, typeCode, issuerCode, serial, versionText, check] = match as unknown as [string, string, string, string, string, string];
  if (computeMod3736Check(typeCode + issuerCode + serial + versionText) !== check) return invalid('check');
  if (!TYPE_CODE.test(typeCode) || typeof readCreditCode(typeCode.slice(0, 18)) === 'string') return invalid('format', 'typeCode');
  if (typeof readCreditCode(issuerCode) === 'string') return invalid('format', 'issuerCode');
  const version = Number(versionText);
  if (version < 1) return invalid('format', 'version');
  return ok({ typeCode, issuerCode, serial, version });
};

/**
 * 顺序号 as this system mints it: the issue date as `yyyymmdd`, then the issuer's sequence for that type and day,
 * padded to two digits and no further (`2025052201`, …, `2025052299`, `20250522100`). The date has a fixed width
 * and the sequence one spelling, so two (date, sequence) pairs never give the same serial.
 * Throws RangeError on a bad date or a sequence outside 1..999999 (a caller's bug).
 */
export const formatCertificateSerial = (date: string, sequence: number): string => {
  if (!parseIsoDate(date).ok) throw new RangeError(`date must be YYYY-MM-DD: ${date}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence must be 1..999999: ${sequence}`);
  return date.replaceAll('-', '') + String(sequence).padStart(2, '0');
};
