import {
  describeCertificateStatus,
  encodeCertificateQr,
  isCertificateStatusCode,
  maskIdNumber,
  maskName,
  type Certificate,
  type CertificateStatusCode,
} from '../../core/index.ts';
import type { CertificateEventRow, CertificateRow, DeliveryRow } from '../db/certificates.ts';
import type {
  CertificatePendingReply,
  CertificateEventReply,
  CertificateSummaryReply,
  CertificateViewReply,
  DeliveryReply,
  TrackCertificateReply,
  TrackDeliveryReply,
} from '../schemas/certificate-replies.ts';

/** Presenters: stored certificate and delivery rows → the reply shapes of worker/schemas/certificate-replies.ts. */

const iso = (ms: number): string => new Date(ms).toISOString();

/** The status a stored row holds (the column is written with the record; an unknown code is a corrupt row). */
const statusOf = (row: CertificateRow): CertificateStatusCode => {
  if (!isCertificateStatusCode(row.status)) throw new Error(`certificate ${row.identifier}: unknown status ${row.status}`);
  return row.status;
};

/** The record as stored, its status from the column queries filter on (they are written together). */
export const readRecord = (row: CertificateRow): Certificate => ({ ...row.record, status: statusOf(row) });

/** What anyone may see: a person holder masked, an organisation whole. */
export const presentCertificateSummary = (certificate: Certificate): CertificateSummaryReply => {
  const person = certificate.holderCodeType === '111';
  return {
    identifier: certificate.identifier,
    name: certificate.name,
    number: certificate.number,
    holderName: person ? maskName(certificate.holderName) : certificate.holderName,
    holderCodeType: certificate.holderCodeType,
    holderCode: person ? maskIdNumber(certificate.holderCode) : certificate.holderCode,
    issuerName: certificate.issuerName,
    issuerCode: certificate.issuerCode,
    issuedOn: certificate.issuedOn,
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
    version: certificate.version,
    status: describeCertificateStatus(certificate.status),
    replacedBy: certificate.replacedBy ?? null,
  };
};

export const presentCertificateEvent = (row: CertificateEventRow): CertificateEventReply => ({
  seq: row.seq,
  type: row.type as CertificateEventReply['type'],
  from: row.fromStatus,
  to: row.toStatus,
  on: row.on,
  reason: row.reason,
  replacedBy: row.replacedBy,
  at: iso(row.at),
});

export const certificatePath = (identifier: string): string => `/v1/certificates/${encodeURIComponent(identifier)}`;

/** The holder's view: everything, both signatures, the QR payload and the history. */
export const presentCertificateView = (certificate: Certificate, events: readonly CertificateEventRow[]): CertificateViewReply => ({
  identifier: certificate.identifier,
  name: certificate.name,
  typeCode: certificate.typeCode,
  number: certificate.number,
  holderName: certificate.holderName,
  holderCodeType: certificate.holderCodeType,
  holderCode: certificate.holderCode,
  issuerName: certificate.issuerName,
  issuerCode: certificate.issuerCode,
  issuedOn: certificate.issuedOn,
  validFrom: certificate.validFrom,
  validTo: certificate.validTo,
  version: certificate.version,
  matterCode: certificate.matterCode,
  caseNumber: certificate.caseNumber,
  fields: { ...certificate.fields },
  algorithm: certificate.algorithm,
  signature: certificate.signature,
  sealSignature: certificate.sealSignature,
  qrPayload: encodeCertificateQr(certificate),
  status: describeCertificateStatus(certificate.status),
  replacedBy: certificate.replacedBy ?? null,
  events: events.map(presentCertificateEvent),
  links: { verify: `${certificatePath(certificate.identifier)}/verify`, pdf: `${certificatePath(certificate.identifier)}/pdf` },
});

/** Staff view of a delivery: the collector as stored (masked ID) with the name masked too. */
export const presentDelivery = (row: DeliveryRow): DeliveryReply => ({
  status: row.status,
  method: row.method,
  readyAt: iso(row.readyAt),
  collector:
    row.collectorKind === null
      ? null
      : {
          kind: row.collectorKind as 'holder' | 'agent',
          name: maskName(row.collectorName ?? ''),
          idNumber: row.collectorIdMasked ?? '',
          authorisationRef: row.authorisationRef,
        },
  carrier: row.carrier,
  trackingNumber: row.trackingNumber,
  deliveredAt: row.deliveredAt === null ? null : iso(row.deliveredAt),
});

/** Keeps the last four characters: enough for the citizen to recognise the parcel, not to query the carrier. */
const maskTrackingNumber = (text: string): string => (text.length <= 4 ? '****' : `${'*'.repeat(text.length - 4)}${text.slice(-4)}`);

const beijingDay = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Delivery on the public tracking page: no collector, no address, the tracking number masked. */
export const presentTrackDelivery = (row: DeliveryRow): TrackDeliveryReply => ({
  status: row.status,
  method: row.method,
  readyOn: beijingDay(row.readyAt),
  carrier: row.carrier,
  trackingNumber: row.trackingNumber === null ? null : maskTrackingNumber(row.trackingNumber),
  deliveredOn: row.deliveredAt === null ? null : beijingDay(row.deliveredAt),
});

export const presentTrackCertificate = (certificate: Certificate): TrackCertificateReply => ({
  identifier: certificate.identifier,
  name: certificate.name,
  status: describeCertificateStatus(certificate.status),
  validTo: certificate.validTo,
});

const PENDING_MESSAGES: Readonly<Record<CertificatePendingReply['reason'], readonly [string, string]>> = {
  'signing-key-missing': ['电子证照签名密钥未配置，证照待签发', 'No signing key is configured: the certificate waits to be issued'],
  'signing-key-invalid': ['电子证照签名密钥无法读取，证照待签发', 'The signing key cannot be read: the certificate waits to be issued'],
  'holder-code-invalid': ['持证主体证件号码无效，证照待签发', 'The holder’s ID number or credit code is not valid: the certificate waits'],
  'type-unknown': ['未配置该证照类型代码，证照待签发', 'No type code for this certificate: it waits to be issued'],
  'data-invalid': ['证照信息不完整，证照待签发', 'The certificate data are incomplete: it waits to be issued'],
};

export const presentCertificatePending = (taskKey: string, reason: CertificatePendingReply['reason']): CertificatePendingReply => {
  const [message, messageEn] = PENDING_MESSAGES[reason];
  return { taskKey, reason, message, messageEn };
};
