import { z } from '@hono/zod-openapi';
import { canonicalizeJson, parseIsoDate, type CertificateFieldValue } from '../../core/index.ts';

/**
 * Request schemas of the certificate routes (电子证照) and of delivery (统一出证 / 送达). Identifiers are only
 * length-checked here: whether one is a GB/T 36904 identifier (shape and MOD 37,36 check character) is core's
 * call, answered as 400 CERTIFICATE_IDENTIFIER_INVALID with the reason.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((text) => parseIsoDate(text).ok, 'not a calendar date');

export const EXAMPLE_IDENTIFIER = '1.2.156.3005.2.11100000000013338W009.11330109MB20201373.2026112701.001.Z';

export const certificateParamsSchema = z.object({
  identifier: z
    .string()
    .min(1)
    .max(160)
    .openapi({
      description:
        '电子证照标识 (GB/T 36904): `1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>`; blanks, full-width characters and lowercase are tolerated',
      example: EXAMPLE_IDENTIFIER,
    }),
});

export const holderQuerySchema = z.object({
  code: z
    .string()
    .max(32)
    .optional()
    .openapi({
      description:
        '查询码 of the case that issued the certificate (the six digits on the receipt): citizens have no login.' +
        ' Missing or wrong: 404, as for an unknown identifier',
      example: '480913',
    }),
});

const officer = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .optional()
  .openapi({ description: '经办人: optional; the token’s staff id acts, and a value given must equal it (else 403)', example: 'scjg-wang' });

const reason = z.string().trim().min(1).max(500);

export const certificateChangeBodySchema = z
  .object({
    officer,
    reason: reason.openapi({ description: '决定理由 (required): the penalty decision or the reason the licence ends', example: '行政处罚决定书 萧市监罚〔2026〕88号' }),
    on: isoDate.optional().openapi({ description: 'The day it takes effect (default today, Beijing); not before the issue day', example: '2026-11-30' }),
  })
  .openapi('CertificateChangeRequest', { example: { officer: 'scjg-wang', reason: '行政处罚决定书 萧市监罚〔2026〕88号' } });

/** Plain JSON only (what core signs as canonical JSON): no undefined, NaN or Infinity can slip through. */
const isPlainJson = (value: unknown): boolean => {
  try {
    canonicalizeJson(value);
    return true;
  } catch {
    return false;
  }
};

/** 证照照面信息: matter-specific data printed on the certificate (法定代表人, 住所, 经营范围 …), plain JSON. */
export const certificateFieldsSchema = z
  .record(z.string().min(1).max(64), z.unknown())
  .refine(isPlainJson, 'plain JSON values only')
  .transform((fields) => fields as { [key: string]: CertificateFieldValue })
  .openapi({
    description:
      '照面信息: matter-specific fields printed on the certificate, e.g. legalRepresentative 法定代表人, address 住所, businessScope 经营范围 (plain JSON)',
    example: { legalRepresentative: '张三', address: '浙江省杭州市萧山区城厢街道示例路1号', businessScope: ['餐饮服务'] },
  });

export const reissueBodySchema = z
  .object({
    officer,
    reason: reason.optional().openapi({ description: '变更事由', example: '住所变更' }),
    on: isoDate.optional().openapi({ description: 'Issue day of the new version (default today, Beijing)' }),
    caseNumber: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: 'The change case (变更登记) that approved it; default the case that issued the certificate' }),
    matterCode: z.string().min(1).max(128).optional().openapi({ description: 'The change matter’s 实施编码; default the original matter' }),
    changes: z
      .object({
        name: z.string().trim().min(1).max(100).optional(),
        number: z.string().trim().min(1).max(64).optional(),
        holderName: z.string().trim().min(1).max(100).optional().openapi({ description: '持证主体名称变更' }),
        validFrom: isoDate.optional(),
        validTo: isoDate.nullable().optional().openapi({ description: 'null: 长期' }),
        fields: certificateFieldsSchema.optional().openapi({ description: 'Replaces the whole field record (not merged)' }),
      })
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, 'name at least one change')
      .openapi({ description: '变更内容: the signed fields that change; identity (type, issuer, serial, holder code) never does' }),
  })
  .openapi('CertificateReissueRequest', {
    example: { officer: 'scjg-wang', reason: '住所变更', changes: { fields: { address: '浙江省杭州市萧山区北干街道示例路8号' } } },
  });

export const qrQuerySchema = z.object({
  payload: z
    .string()
    .min(1)
    .max(4096)
    .openapi({ description: 'The scanned QR text (`OWC1|…|<seal signature>`), URL-encoded', example: 'OWC1|1.2.156.3005.2…|…' }),
});

export const qrBodySchema = z
  .object({ payload: z.string().min(1).max(4096).openapi({ description: 'The scanned QR text, exactly as read' }) })
  .openapi('QrVerifyRequest', { example: { payload: 'OWC1|1.2.156.3005.2.11100000000013338W009.11330109MB20201373.2026112701.001.Z|营业执照|…' } });

/** Who collects at the issuing window (领取人). */
export const collectorSchema = z
  .object({
    kind: z.enum(['holder', 'agent']).openapi({
      description:
        'holder 本人 (a person: the applicant; an organisation: its legal representative on record) / agent 受托人 (needs a written authorisation)',
    }),
    name: z.string().trim().min(1).max(100).openapi({ example: '李四' }),
    idNumber: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .openapi({ description: '领取人居民身份证号码, checked at the window; stored masked only', example: '11010519491231002X' }),
    authorisationRef: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: '授权委托书编号: required for an agent', example: 'WT-2026-1130-0007' }),
  })
  .openapi('Collector');

export const pickupBodySchema = z
  .object({ officer, collector: collectorSchema })
  .openapi('PickupRequest', {
    example: { officer: 'window-30', collector: { kind: 'agent', name: '李四', idNumber: '11010519491231002X', authorisationRef: 'WT-2026-1130-0007' } },
  });

export const mailBodySchema = z
  .object({
    officer,
    address: z.string().trim().min(4).max(300).openapi({ description: '寄送地址 (stored on the delivery; never shown on public tracking)', example: '浙江省杭州市萧山区城厢街道示例路1号' }),
    carrier: z.string().trim().min(1).max(50).openapi({ description: '寄递企业', example: 'EMS' }),
    trackingNumber: z.string().trim().min(4).max(64).openapi({ description: '运单号', example: '1151234567890' }),
  })
  .openapi('MailRequest', { example: { officer: 'window-30', address: '浙江省杭州市萧山区城厢街道示例路1号', carrier: 'EMS', trackingNumber: '1151234567890' } });

export const deliveredBodySchema = z
  .object({
    officer,
    on: isoDate.optional().openapi({ description: 'The day the carrier delivered (default today)' }),
  })
  .openapi('DeliveredRequest', { example: { officer: 'window-30' } });

export type CertificateChangeBody = z.infer<typeof certificateChangeBodySchema>;
export type ReissueBody = z.infer<typeof reissueBodySchema>;
export type PickupBody = z.infer<typeof pickupBodySchema>;
export type MailBody = z.infer<typeof mailBodySchema>;
export type DeliveredBody = z.infer<typeof deliveredBodySchema>;
