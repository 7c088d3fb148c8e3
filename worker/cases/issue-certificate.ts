import {
  buildCertificate,
  describeCertificateForSigning,
  describeCertificateSeal,
  formatCertificateSerial,
  issueCertificate,
  type Certificate,
  type CertificateFieldValue,
  type HolderCodeType,
  type IsoDate,
  type Material,
  type Matter,
} from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { findCertificateTypeCode, findDefaultValidTo } from '../certificates/certificate-types.ts';
import type { SignerState } from '../certificates/signing-key.ts';
import type { Statement } from '../db/cases.ts';
import { claimCertificateSequence, insertCertificate, insertCertificateEvent } from '../db/certificates.ts';
import type { Database } from '../db/client.ts';
import type { ApplicantMaterialRow, ApplicantRow } from '../db/schema.ts';
import type { CertificatePendingReply } from '../schemas/certificate-replies.ts';

/**
 * 出证 on approval: a matter whose result is a certificate (审批结果类型 10) issues a signed electronic
 * certificate (GB/T 36904 identifier, GB/T 36903 metadata) in the same D1 batch as the approval, with its
 * `issued` event; when other matters ask for it as a government-issued material (来源渠道 20, e.g. 营业执照 →
 * business-licence) it also joins the applicant's library under its real identifier (多报合一).
 *
 * Holder: the applicant (a person by resident ID, code type 111; an organisation by credit code, 001). Issuer:
 * the matter's department (full name and credit code from the catalog). Type code and default validity:
 * worker/certificates/certificate-types.ts; the decision may give `validTo` and the printed fields.
 *
 * Without a usable signing key (or with data that cannot make a certificate) the approval still commits: the
 * certificate is pending (`certificatePending` in the reply, `certificatePending` on the approval's event),
 * the library item carries a provisional id, and POST /v1/cases/{number}/certificates issues it later.
 */
let byResultName: ReadonlyMap<string, Material> | undefined;

const indexIssuedMaterials = (): ReadonlyMap<string, Material> => {
  const map = new Map<string, Material>();
  for (const matter of getCatalogStore().catalog.matters) {
    for (const material of matter.materials) {
      if (material.source === '20' && !map.has(material.name)) map.set(material.name, material);
    }
  }
  return map;
};

/** The material an approval of `matter` puts in the applicant's library, if its result is such a certificate. */
export const findIssuedMaterial = (matter: Matter): Material | undefined => {
  if (matter.result.type !== '10') return undefined;
  byResultName ??= indexIssuedMaterials();
  return byResultName.get(matter.result.name);
};

/** True when approving the matter owes the applicant an electronic certificate. */
export const issuesCertificate = (matterCode: string): boolean => getCatalogStore().index.byCode.get(matterCode)?.result.type === '10';

/** A placeholder certificate id, recognisable as such, for a certificate that waits to be issued (待签发). */
export const mintProvisionalCertificateId = (caseNumber: string, taskKey: string): string =>
  `provisional:${caseNumber}:${taskKey}`;

export const isProvisionalCertificateId = (id: string | null): boolean => id !== null && id.startsWith('provisional:');

/** What the decision may say about the certificate (照面信息, 有效期). */
export interface CertificateOptions {
  readonly validTo?: IsoDate | null;
  readonly fields?: { readonly [key: string]: CertificateFieldValue };
}

export interface CertificateRequest {
  readonly caseNumber: string;
  readonly tenantId: string;
  readonly applicant: ApplicantRow;
  readonly task: { readonly id: string; readonly key: string; readonly matterCode: string };
  readonly today: IsoDate;
  readonly now: number;
  readonly actor: string;
  readonly signer: SignerState;
  /**
   * Serial sequences already claimed by this operation, by issuer, type and day: an approval retried after
   * losing a race keeps its serial instead of burning another.
   */
  readonly sequences: Map<string, number>;
  readonly options?: CertificateOptions;
}

export type CertificateOutcome =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'issued';
      readonly certificate: Certificate;
      readonly statements: readonly Statement[];
      readonly libraryItem: ApplicantMaterialRow | null;
    }
  | { readonly kind: 'pending'; readonly reason: CertificatePendingReply['reason']; readonly libraryItem: ApplicantMaterialRow | null };

const holderOf = (applicant: ApplicantRow): { name: string; code: string; codeType: HolderCodeType } | undefined => {
  if (applicant.kind === 'person') return applicant.idNumber === null ? undefined : { name: applicant.name, code: applicant.idNumber, codeType: '111' };
  return applicant.creditCode === null ? undefined : { name: applicant.name, code: applicant.creditCode, codeType: '001' };
};

const libraryItemOf = (
  request: CertificateRequest,
  material: Material | undefined,
  certificateId: string,
  validUntil: IsoDate | null,
): ApplicantMaterialRow | null =>
  material === undefined
    ? null
    : {
        id: crypto.randomUUID(),
        applicantId: request.applicant.id,
        materialId: material.id,
        name: material.name,
        certificateId,
        validUntil,
        sourceCaseNumber: request.caseNumber,
        createdAt: request.now,
      };

/**
 * Builds, signs and issues the certificate an approval owes, as statements for the approval's batch (the
 * certificate row, its `issued` event at seq 1, and the library item when the result is a reusable material).
 * `none` for a matter whose result is not a certificate; `pending` (with a provisional library item) when it
 * cannot be issued now. The serial's sequence is claimed here, before the batch (the serial is signed).
 */
export const prepareCertificate = async (db: Database, request: CertificateRequest): Promise<CertificateOutcome> => {
  const { index } = getCatalogStore();
  const matter = index.byCode.get(request.task.matterCode);
  if (matter === undefined || matter.result.type !== '10') return { kind: 'none' };
  const material = findIssuedMaterial(matter);
  const pending = (reason: CertificatePendingReply['reason']): CertificateOutcome => ({
    kind: 'pending',
    reason,
    libraryItem: libraryItemOf(request, material, mintProvisionalCertificateId(request.caseNumber, request.task.key), null),
  });

  if (!request.signer.ok) return pending(request.signer.reason === 'missing' ? 'signing-key-missing' : 'signing-key-invalid');
  const signer = request.signer.signer;
  const department = index.departments.get(matter.departmentId);
  const typeCode = findCertificateTypeCode(matter.departmentId, matter.result.name);
  if (department === undefined || typeCode === undefined) return pending('type-unknown');
  const holder = holderOf(request.applicant);
  if (holder === undefined) return pending('holder-code-invalid');

  const validTo = request.options?.validTo !== undefined ? request.options.validTo : findDefaultValidTo(matter.result.name, request.today);
  const input = {
    matter: { code: matter.code, result: matter.result },
    caseNumber: request.caseNumber,
    holder,
    issuer: { fullName: department.fullName, creditCode: department.creditCode },
    typeCode,
    issuedOn: request.today,
    validTo,
    ...(request.options?.fields === undefined ? {} : { fields: request.options.fields }),
  };
  // Checked with a placeholder sequence first, so data that cannot make a certificate burns no serial.
  const dryRun = buildCertificate({ ...input, sequence: 1 });
  if (!dryRun.ok) {
    const field = String(dryRun.error.details?.field ?? '');
    return pending(field === 'holder.code' ? 'holder-code-invalid' : 'data-invalid');
  }

  const counterKey = `${department.creditCode}|${typeCode}|${request.today}`;
  let sequence = request.sequences.get(counterKey);
  if (sequence === undefined) {
    sequence = await claimCertificateSequence(db, department.creditCode, typeCode, request.today);
    request.sequences.set(counterKey, sequence);
  }
  const built = buildCertificate({ ...input, sequence });
  if (!built.ok) return pending('data-invalid');
  const [signature, sealSignature] = await Promise.all([
    signer.sign(describeCertificateForSigning(built.value)),
    signer.sign(describeCertificateSeal(built.value)),
  ]);
  const issued = issueCertificate(built.value, { signature, sealSignature });
  if (!issued.ok) throw new Error(`certificate for ${request.caseNumber}/${request.task.key}: ${issued.error.code}`);
  const { certificate, event } = issued.value;
  const origin = {
    tenantId: request.tenantId,
    taskId: request.task.id,
    applicantId: request.applicant.id,
    materialId: material?.id ?? null,
    serial: formatCertificateSerial(request.today, sequence),
  };
  return {
    kind: 'issued',
    certificate,
    statements: [insertCertificate(db, certificate, origin, request.now), insertCertificateEvent(db, event, 1, request.actor, request.now)],
    libraryItem: libraryItemOf(request, material, certificate.identifier, certificate.validTo),
  };
};
