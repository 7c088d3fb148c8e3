import { EXAMPLE_IDENTIFIER } from './certificate.ts';
import { SIGNED_TEXTS } from './signed-texts.ts';
import type {
  CertificateChangeReply,
  CertificateSummaryReply,
  CertificateViewReply,
  DeliveryStepReply,
  PublicKeyReply,
  QrVerifyReply,
  ReissueReply,
  VerifyReply,
} from './certificate-replies.ts';

/**
 * Success examples for the OpenAPI document: the business licence (营业执照) that the 开办餐饮店 case of
 * case-examples.ts issued on Friday 2026-11-27 (市场监管局, serial 2026112701, version 1), then its pickup.
 * Signatures are shaped as real ones (86 base64url characters) but sign nothing.
 */

const NUMBER = 'XS-261127-0042-8';
const HOLDER_CODE = '91330109MA2H3K4L52';
const SIGNATURE = 'EpXdAMDlH5RAcurAnEPNPfcee7RvQeD8Q4V73YeOrYnc4tM7vN4tJdwb0yGnQKd-6wunhfdovIre4hFPfdXd4w';
const SEAL_SIGNATURE = 'EqSoqTMepwy-kicIvsoGQx5gBGgN2xKpR4qbfYBicTEgHBnOoxPop5FiuIM4K5QD1CeMyE4cCLHbO4qI_v8dIQ';
const NEXT_VERSION = '1.2.156.3005.2.11100000000013338W009.11330109MB20201373.2026112701.002.X';

export const CERTIFICATE_SUMMARY_EXAMPLE: CertificateSummaryReply = {
  identifier: EXAMPLE_IDENTIFIER,
  name: '营业执照',
  number: '2026112701',
  holderName: '杭州萧然餐饮有限公司',
  holderCodeType: '001',
  holderCode: HOLDER_CODE,
  issuerName: '杭州市萧山区市场监督管理局',
  issuerCode: '11330109MB20201373',
  issuedOn: '2026-11-27',
  validFrom: '2026-11-27',
  validTo: null,
  version: 1,
  status: { code: '01', label: '有效', labelEn: 'valid' },
  replacedBy: null,
};

const QR_PAYLOAD =
  `OWC1|${EXAMPLE_IDENTIFIER}|营业执照|2026112701|杭州萧然餐饮有限公司|001|${HOLDER_CODE}|杭州市萧山区市场监督管理局|20261127|20261127|-|${SEAL_SIGNATURE}`;

export const CERTIFICATE_VIEW_EXAMPLE: CertificateViewReply = {
  ...CERTIFICATE_SUMMARY_EXAMPLE,
  typeCode: '11100000000013338W009',
  matterCode: '511A0064100070-330109000000-000-11330109MB20201373-1-00',
  caseNumber: NUMBER,
  fields: { legalRepresentative: '张三', address: '浙江省杭州市萧山区城厢街道示例路1号', businessScope: ['餐饮服务'] },
  algorithm: 'ECDSA-P256-SHA256',
  signature: SIGNATURE,
  sealSignature: SEAL_SIGNATURE,
  qrPayload: QR_PAYLOAD,
  events: [{ seq: 1, type: 'issued', from: null, to: '01', on: '2026-11-27', reason: null, replacedBy: null, at: '2026-11-27T03:40:00.000Z' }],
  links: { verify: `/v1/certificates/${EXAMPLE_IDENTIFIER}/verify`, pdf: `/v1/certificates/${EXAMPLE_IDENTIFIER}/pdf` },
};

export const VERIFY_EXAMPLE: VerifyReply = {
  identifier: EXAMPLE_IDENTIFIER,
  valid: false,
  status: { code: '03', label: '已吊销', labelEn: 'revoked' },
  statusLabel: '已吊销',
  reasons: [{ code: 'revoked', message: '该证照已被吊销', messageEn: 'The certificate has been revoked' }],
  signatureValid: true,
  certificate: { ...CERTIFICATE_SUMMARY_EXAMPLE, status: { code: '03', label: '已吊销', labelEn: 'revoked' } },
  verifiedAt: '2026-12-01T01:00:00.000Z',
  keyId: 'oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U',
};

export const QR_VERIFY_EXAMPLE: QrVerifyReply = {
  identifier: EXAMPLE_IDENTIFIER,
  valid: true,
  sealValid: true,
  matchesRecord: true,
  status: { code: '01', label: '有效', labelEn: 'valid' },
  statusLabel: '有效',
  reasons: [],
  seal: {
    name: '营业执照',
    number: '2026112701',
    holderName: '杭州萧然餐饮有限公司',
    holderCodeType: '001',
    holderCode: HOLDER_CODE,
    issuerName: '杭州市萧山区市场监督管理局',
    issuedOn: '2026-11-27',
    validFrom: '2026-11-27',
    validTo: null,
  },
  verifiedAt: '2026-11-30T02:00:00.000Z',
  keyId: VERIFY_EXAMPLE.keyId,
};

export const PUBLIC_KEY_EXAMPLE: PublicKeyReply = {
  algorithm: 'ECDSA-P256-SHA256',
  keyId: VERIFY_EXAMPLE.keyId,
  jwk: {
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    kid: VERIFY_EXAMPLE.keyId,
    alg: 'ES256',
    use: 'sig',
  },
  spkiPem:
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEf83OJ3D2xF1Bg8vub9tLe1gHMzV7\n6e8Tus9uPHvRVEXH8UTNG72bfocs3+257rn0s2ldbqkLJK2KRiMohYjlrQ==\n-----END PUBLIC KEY-----\n',
  signedTexts: SIGNED_TEXTS,
};

export const REVOKE_EXAMPLE: CertificateChangeReply = {
  certificate: VERIFY_EXAMPLE.certificate,
  event: { seq: 2, type: 'revoked', from: '01', to: '03', on: '2026-12-01', reason: '行政处罚决定书 萧市监罚〔2026〕88号', replacedBy: null, at: '2026-12-01T01:00:00.000Z' },
};

export const REISSUE_EXAMPLE: ReissueReply = {
  previous: { ...CERTIFICATE_SUMMARY_EXAMPLE, status: { code: '07', label: '已撤回', labelEn: 'withdrawn' }, replacedBy: NEXT_VERSION },
  certificate: { ...CERTIFICATE_SUMMARY_EXAMPLE, identifier: NEXT_VERSION, version: 2, issuedOn: '2026-12-01' },
  event: { seq: 2, type: 'reissued', from: '01', to: '07', on: '2026-12-01', reason: '住所变更', replacedBy: NEXT_VERSION, at: '2026-12-01T01:00:00.000Z' },
  libraryItemsUpdated: 1,
};

export const PICKUP_EXAMPLE: DeliveryStepReply = {
  caseNumber: NUMBER,
  delivery: {
    status: 'picked-up',
    method: 'window',
    readyAt: '2026-11-27T06:10:00.000Z',
    collector: { kind: 'agent', name: '李*', idNumber: '110105********002X', authorisationRef: 'WT-2026-1130-0007' },
    carrier: null,
    trackingNumber: null,
    deliveredAt: '2026-11-30T01:30:00.000Z',
  },
  closedOn: '2026-11-30',
  visits: 2,
  certificates: [CERTIFICATE_SUMMARY_EXAMPLE],
  replay: false,
};

export const MAIL_EXAMPLE: DeliveryStepReply = {
  ...PICKUP_EXAMPLE,
  delivery: { ...PICKUP_EXAMPLE.delivery, status: 'mailed', method: 'mail', collector: null, carrier: 'EMS', trackingNumber: '1151234567890', deliveredAt: null },
  closedOn: null,
  visits: 1,
};
