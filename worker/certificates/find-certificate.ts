import { err, findMatter, formatCertificateIdentifier, ok, parseCertificateIdentifier, type Result } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { readCertificate, type CertificateRow } from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import { checkDepartment, type TenantScope } from '../tenant-guard.ts';

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

/**
 * A certificate a staff member may change: another tenant's is CERTIFICATE_NOT_FOUND, as for an unknown one; a
 * back-office member changes only certificates of their department's matters (吊销 is the issuing department's
 * act), else 403.
 */
export const findOwnCertificate = async (db: Database, text: string, scope: TenantScope): Promise<Result<CertificateRow>> => {
  const found = await findCertificate(db, text);
  if (!found.ok) return found;
  if (found.value.tenantId !== scope.tenant) return err('CERTIFICATE_NOT_FOUND', { identifier: found.value.identifier });
  const matter = findMatter(getCatalogStore().index, found.value.matterCode);
  const department = checkDepartment(scope, matter.ok ? matter.value.departmentId : null);
  return department.ok ? found : department;
};
