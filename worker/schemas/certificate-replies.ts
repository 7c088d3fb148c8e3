import { z } from '@hono/zod-openapi';

/**
 * Reply schemas of the certificate routes (电子证照) and of delivery (统一出证 / 送达). Public replies (verify, QR
 * verify, tracking) mask a person holder's name and ID number; an organisation's name and credit code are public
 * registers (国家企业信用信息公示系统) and a checker must compare them with the paper, so they stay whole, as in the
 * QR seal. The holder's own view (with the case's query code) is whole.
 */

const isoDate = (description: string) => z.string().openapi({ description, example: '2026-11-27' });

export const certificateStatusSchema = z
  .object({
    code: z.enum(['01', '03', '04', '05', '07']).openapi({ description: 'GB/T 36903: 01 有效 / 03 已吊销 / 04 已注销 / 05 已过期 / 07 已撤回（换发新版本）' }),
    label: z.string().openapi({ example: '有效' }),
    labelEn: z.string().openapi({ example: 'valid' }),
  })
  .openapi('CertificateStatus');

export const certificateReasonSchema = z
  .object({
    code: z.enum(['signature-invalid', 'revoked', 'cancelled', 'expired', 'withdrawn', 'not-yet-valid']),
    message: z.string().openapi({ example: '该证照已被吊销' }),
    messageEn: z.string().openapi({ example: 'The certificate has been revoked' }),
  })
  .openapi('CertificateReason');

/** What anyone may see of a certificate (verify, staff lists, tracking). */
export const certificateSummarySchema = z
  .object({
    identifier: z.string().openapi({ description: '电子证照标识 (GB/T 36904)' }),
    name: z.string().openapi({ example: '营业执照' }),
    number: z.string().openapi({ description: '证照编号' }),
    holderName: z.string().openapi({ description: '持证主体: a person’s name masked (张*三); an organisation’s whole' }),
    holderCodeType: z.enum(['111', '001']).openapi({ description: '111 居民身份证 / 001 统一社会信用代码' }),
    holderCode: z.string().openapi({ description: 'A resident ID masked (110105********002X); a credit code whole' }),
    issuerName: z.string().openapi({ example: '杭州市萧山区市场监督管理局' }),
    issuerCode: z.string().openapi({ example: '11330109MB20201373' }),
    issuedOn: isoDate('颁证日期'),
    validFrom: isoDate('有效期起始'),
    validTo: z.string().nullable().openapi({ description: '有效期截止 (inclusive); null: 长期' }),
    version: z.number().int().openapi({ example: 1 }),
    status: certificateStatusSchema.openapi({ description: 'As stored (see the verify reply for the status as of today)' }),
    replacedBy: z.string().nullable().openapi({ description: 'Status 07: the identifier of the version that replaced it' }),
  })
  .openapi('CertificateSummary');

export const certificateEventSchema = z
  .object({
    seq: z.number().int(),
    type: z.enum(['issued', 'revoked', 'cancelled', 'reissued', 'expired']),
    from: z.string().nullable().openapi({ description: 'Status before (null for issued)' }),
    to: z.string().openapi({ example: '01' }),
    on: isoDate('The day it took effect'),
    reason: z.string().nullable(),
    replacedBy: z.string().nullable(),
    at: z.string().openapi({ description: 'When it was recorded (ISO 8601)' }),
  })
  .openapi('CertificateEvent');

/** The holder's full view: the signed record, both signatures, the QR payload, the status history. */
export const certificateViewSchema = z
  .object({
    identifier: z.string(),
    name: z.string(),
    typeCode: z.string().openapi({ description: '证照类型代码: the defining body’s credit code + 3 digits' }),
    number: z.string(),
    holderName: z.string(),
    holderCodeType: z.enum(['111', '001']),
    holderCode: z.string(),
    issuerName: z.string(),
    issuerCode: z.string(),
    issuedOn: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    version: z.number().int(),
    matterCode: z.string().openapi({ description: '实施编码 of the matter whose approval issued it' }),
    caseNumber: z.string(),
    fields: z.record(z.string(), z.unknown()).openapi({ description: '照面信息 (matter-specific, signed)' }),
    algorithm: z.literal('ECDSA-P256-SHA256'),
    signature: z.string().openapi({ description: 'base64url IEEE P1363 signature over the canonical record (GET /v1/certificates/public-key explains)' }),
    sealSignature: z.string().openapi({ description: 'base64url signature over the QR seal text' }),
    qrPayload: z.string().openapi({ description: 'What the QR code carries: the seal and its signature, checkable offline with the public key' }),
    status: certificateStatusSchema,
    replacedBy: z.string().nullable(),
    events: z.array(certificateEventSchema),
    links: z.object({ verify: z.string(), pdf: z.string() }),
  })
  .openapi('CertificateView');

export const verifyReplySchema = z
  .object({
    identifier: z.string().openapi({ description: 'The identifier in its canonical spelling' }),
    valid: z.boolean().openapi({ description: 'Signature holds, status 01 as of today, and today within the validity period' }),
    status: certificateStatusSchema.openapi({ description: 'The status as of today: a 01 certificate past its last day reads 05' }),
    statusLabel: z.string().openapi({ description: 'Chinese label of the status', example: '有效' }),
    reasons: z.array(certificateReasonSchema).openapi({ description: 'Why it is not valid, every reason (signature first, then status, then validity)' }),
    signatureValid: z.boolean().openapi({ description: 'The record signature verifies with the published key (status is outside the signature)' }),
    certificate: certificateSummarySchema,
    verifiedAt: z.string().openapi({ description: 'ISO 8601 time of this check' }),
    keyId: z.string().openapi({ description: 'JWK thumbprint of the key checked against (GET /v1/certificates/public-key)' }),
  })
  .openapi('CertificateVerification');

export const qrVerifyReplySchema = z
  .object({
    identifier: z.string(),
    valid: z.boolean().openapi({ description: 'Seal signature holds, the seal matches the stored record, and the record verifies as valid today' }),
    sealValid: z.boolean().openapi({ description: 'The QR’s seal signature verifies with the published key (what an offline checker can know)' }),
    matchesRecord: z.boolean().openapi({ description: 'The seal’s fields are those of the stored certificate' }),
    status: certificateStatusSchema,
    statusLabel: z.string(),
    reasons: z.array(certificateReasonSchema),
    seal: z
      .object({
        name: z.string(),
        number: z.string(),
        holderName: z.string(),
        holderCodeType: z.enum(['111', '001']),
        holderCode: z.string().openapi({ description: 'As printed in the QR: a resident ID masked' }),
        issuerName: z.string(),
        issuedOn: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
      })
      .openapi({ description: 'What the QR code says, in clear' }),
    verifiedAt: z.string(),
    keyId: z.string(),
  })
  .openapi('QrVerification');

export const publicKeyReplySchema = z
  .object({
    algorithm: z.literal('ECDSA-P256-SHA256').openapi({ description: 'ECDSA over P-256 with SHA-256 (WebCrypto); signatures IEEE P1363 r‖s, 64 bytes, base64url' }),
    keyId: z.string().openapi({ description: 'RFC 7638 JWK thumbprint' }),
    jwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') }),
    spkiPem: z.string().openapi({ description: 'The same key as an SPKI PEM (openssl, Java, Go)' }),
    signedTexts: z
      .object({ record: z.string(), seal: z.string() })
      .openapi({ description: 'What each signature covers, so a verifier can rebuild the text' }),
  })
  .openapi('CertificatePublicKey');

export const certificateChangeReplySchema = z
  .object({
    certificate: certificateSummarySchema,
    event: certificateEventSchema,
  })
  .openapi('CertificateChange');

export const reissueReplySchema = z
  .object({
    previous: certificateSummarySchema.openapi({ description: 'The replaced version, now 07 (withdrawn) and pointing to the new one' }),
    certificate: certificateSummarySchema.openapi({ description: 'The new version: same serial, version + 1, a new identifier, signed anew' }),
    event: certificateEventSchema.openapi({ description: 'The `reissued` event of the previous version' }),
    libraryItemsUpdated: z.number().int().openapi({ description: 'Library items now holding the new identifier (多报合一)' }),
  })
  .openapi('CertificateReissue');

/** Delivery of a case's results (统一出证 / 送达), staff view. */
export const deliverySchema = z
  .object({
    status: z.enum(['ready', 'picked-up', 'mailed', 'delivered']).openapi({ description: '待领取 / 已领取 / 已寄出 / 已送达' }),
    method: z.enum(['window', 'mail']).nullable(),
    readyAt: z.string().openapi({ description: 'When the results became ready (ISO 8601)' }),
    collector: z
      .object({
        kind: z.enum(['holder', 'agent']),
        name: z.string().openapi({ description: 'Masked' }),
        idNumber: z.string().openapi({ description: 'Masked: only the masked number is ever stored' }),
        authorisationRef: z.string().nullable(),
      })
      .nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    deliveredAt: z.string().nullable().openapi({ description: 'Picked up, or the mail delivered (ISO 8601)' }),
  })
  .openapi('Delivery');

/** What a delivery step answers: the delivery, the case's closing, its certificates. */
export const deliveryReplySchema = z
  .object({
    caseNumber: z.string(),
    delivery: deliverySchema,
    closedOn: z.string().nullable().openapi({ description: 'The day the case closed (on delivery)' }),
    visits: z.number().int().openapi({ description: 'Trips to the hall so far (intake, window corrections, pickup): 最多跑一次' }),
    certificates: z.array(certificateSummarySchema),
    replay: z.boolean().openapi({ description: 'true when this repeated a step already done (same collector or tracking number): nothing changed' }),
  })
  .openapi('DeliveryReply');

/** Delivery on the public tracking page: no collector, no address, the tracking number masked. */
export const trackDeliverySchema = z
  .object({
    status: z.enum(['ready', 'picked-up', 'mailed', 'delivered']),
    method: z.enum(['window', 'mail']).nullable(),
    readyOn: z.string(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable().openapi({ description: 'Masked (last four characters)' }),
    deliveredOn: z.string().nullable(),
  })
  .openapi('TrackDelivery');

export const trackCertificateSchema = z
  .object({
    identifier: z.string(),
    name: z.string(),
    status: certificateStatusSchema,
    validTo: z.string().nullable(),
  })
  .openapi('TrackCertificate');

/** Why an approval's certificate waits (待签发): the key is missing, or the data cannot make one. */
export const certificatePendingSchema = z
  .object({
    taskKey: z.string(),
    reason: z.enum(['signing-key-missing', 'signing-key-invalid', 'holder-code-invalid', 'type-unknown', 'data-invalid']),
    message: z.string(),
    messageEn: z.string(),
  })
  .openapi('CertificatePending');

export const issuePendingReplySchema = z
  .object({
    caseNumber: z.string(),
    issued: z.array(certificateSummarySchema).openapi({ description: 'Certificates issued by this call' }),
    pending: z.array(certificatePendingSchema).openapi({ description: 'Still waiting, and why' }),
    certificates: z.array(certificateSummarySchema).openapi({ description: 'Every certificate of the case now' }),
    delivery: deliverySchema.nullable().openapi({ description: 'Ready once the case is complete and nothing waits' }),
    completedOn: z.string().nullable(),
  })
  .openapi('IssuePendingReply');

export const issuePendingBodySchema = z
  .object({
    officer: z.string().trim().min(1).max(64).optional().openapi({ description: '经办人: optional; must equal the token’s staff id', example: 'window-30' }),
  })
  .openapi('IssuePendingRequest', { example: {} });

export type IssuePendingReply = z.infer<typeof issuePendingReplySchema>;
export type CertificateStatusReply = z.infer<typeof certificateStatusSchema>;
export type CertificateSummaryReply = z.infer<typeof certificateSummarySchema>;
export type CertificateEventReply = z.infer<typeof certificateEventSchema>;
export type CertificateViewReply = z.infer<typeof certificateViewSchema>;
export type VerifyReply = z.infer<typeof verifyReplySchema>;
export type QrVerifyReply = z.infer<typeof qrVerifyReplySchema>;
export type PublicKeyReply = z.infer<typeof publicKeyReplySchema>;
export type CertificateChangeReply = z.infer<typeof certificateChangeReplySchema>;
export type ReissueReply = z.infer<typeof reissueReplySchema>;
export type DeliveryReply = z.infer<typeof deliverySchema>;
export type DeliveryStepReply = z.infer<typeof deliveryReplySchema>;
export type TrackDeliveryReply = z.infer<typeof trackDeliverySchema>;
export type TrackCertificateReply = z.infer<typeof trackCertificateSchema>;
export type CertificatePendingReply = z.infer<typeof certificatePendingSchema>;
