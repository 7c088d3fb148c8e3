import { err, formatCertificateIdentifier, ok, parseCertificateIdentifier, type Result } from '../../core/index.ts';
import { readCertificate, type CertificateRow } from '../db/certificates.ts';
import type { Database } from '../db/client.ts';

/**
 * A certificate by its identifier as typed or pasted (core's parse tolerates blanks, full width, lowercase):
 * 400 CERTIFICATE_IDENTIFIER_INVALID when it is no identifier (shape, or the MOD 37,36 check character: a
 * typo), 404 CERTIFICATE_NOT_FOUND when no certificate has it.
 */
export const findCertificate = async (db: Database, text: string): Promise<Result<CertificateRow>> => {
  const parts = parseCertificateIdentifier(text);
  if (!parts.ok) return parts;
  const identifier = formatCertificateIdentifier(parts.value);
  const row = await readCertificate(db, identifier);
  return row === undefined ? err('CERTIFICATE_NOT_FOUND', { identifier }) : ok(row);
};

/** A certificate a staff member of `tenant` may change: another tenant's is CERTIFICATE_NOT_FOUND, as for an unknown one. */
export const findOwnCertificate = async (db: Database, text: string, tenant: string): Promise<Result<CertificateRow>> => {
  const found = await findCertificate(db, text);
  if (found.ok && found.value.tenantId !== tenant) return err('CERTIFICATE_NOT_FOUND', { identifier: found.value.identifier });
  return found;
};
