/**
 * What the worker signs for a certificate (电子签名的签名原文): the record as canonical JSON — object keys sorted
 * by UTF-16 code units at every depth, no whitespace, numbers in their shortest round-trip form (the RFC 8785
 * rules for the JSON this record holds). The worker signs the UTF-8 bytes of this text with ECDSA P-256 /
 * SHA-256 and stores the IEEE P1363 signature (r‖s) as base64url.
 */
import type { CertificateFieldValue, UnsignedCertificate } from './types.ts';

/**
 * The keys the signature covers, named one by one so extra properties on a stored row (timestamps, ids) can
 * never slip into the signed text. Left out: `status` and `replacedBy`, which change over the certificate's
 * life (revoked, cancelled, expired, replaced): were they signed, every status change would invalidate the
 * signature. Status is reported beside the signature check instead. The signatures cannot sign themselves.
 */
export const SIGNED_CERTIFICATE_KEYS = [
  'identifier',
  'name',
  'typeCode',
  'number',
  'holderName',
  'holderCode',
  'holderCodeType',
  'issuerName',
  'issuerCode',
  'issuedOn',
  'validFrom',
  'validTo',
  'version',
  'matterCode',
  'caseNumber',
  'algorithm',
  'fields',
] as const satisfies readonly (keyof UnsignedCertificate)[];

/** The certificate keys outside the signature. */
export const UNSIGNED_CERTIFICATE_KEYS = ['status', 'replacedBy', 'signature', 'sealSignature'] as const;

/**
 * Canonical JSON of a plain JSON value. Anything else (undefined, NaN, ±Infinity, functions, class instances,
 * cycles) throws TypeError: a signed text must never depend on how a value happened to be coerced.
 */
export const canonicalizeJson = (value: unknown): string => writeValue(value, new Set());

const writeValue = (value: unknown, stack: Set<object>): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
  const object = value as object;
  if (stack.has(object)) throw new TypeError('a cycle cannot be written as JSON');
  stack.add(object);
  let out: string;
  if (Array.isArray(object)) {
    out = `[${object.map((item) => writeValue(item, stack)).join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) throw new TypeError('only plain objects are JSON objects');
    const entries = Object.entries(object).filter(([, v]) => v !== undefined);
    // `<` on strings compares UTF-16 code units: RFC 8785's key order.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${writeValue(v, stack)}`).join(',')}}`;
  }
  stack.delete(object);
  return out;
};

/** True when a value is plain JSON that canonicalizeJson accepts (for validating `fields` on input). */
export const isCanonicalJson = (value: unknown): value is CertificateFieldValue => {
  try {
    canonicalizeJson(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * The signed text of a certificate: SIGNED_CERTIFICATE_KEYS as canonical JSON. Same record, same text,
 * whatever order its keys were built or stored in. Text is signed as stored (no Unicode normalisation), so
 * storage must keep it exact. A missing signed key (undefined) throws TypeError: `validTo` is null for 长期,
 * never absent.
 */
export const describeCertificateForSigning = (certificate: UnsignedCertificate): string => {
  const signed: Record<string, unknown> = {};
  for (const key of SIGNED_CERTIFICATE_KEYS) {
    if (certificate[key] === undefined) throw new TypeError(`a certificate to sign needs ${key}`);
    signed[key] = certificate[key];
  }
  return canonicalizeJson(signed);
};
