import { z } from '@hono/zod-openapi';

export const healthReplySchema = z
  .object({
    status: z.enum(['ok', 'degraded']).openapi({ description: '`degraded` when the database check fails' }),
    catalog: z.object({
      id: z.string(),
      version: z.string(),
      matterCount: z.number().int().openapi({ example: 836 }),
      departmentCount: z.number().int().openapi({ example: 28 }),
    }),
    database: z.enum(['ok', 'error']).openapi({
      description: '`error`: the query failed (D1 unreachable, or migrations not applied); logged under the request id',
    }),
    calendar: z
      .object({
        firstDay: z.string().openapi({ description: 'First day the working-day calendar has official data for', example: '2024-01-01' }),
        lastDay: z.string().openapi({ description: 'Last day it covers: due dates past it are recorded as pending (到期日待定), never guessed', example: '2026-12-31' }),
        lastYear: z.number().int().openapi({ example: 2026 }),
        today: z.string().openapi({ description: 'Beijing local date of this check', example: '2026-11-28' }),
        daysLeft: z.number().int().openapi({ description: 'Calendar days after today through lastDay; negative once today is past it', example: 33 }),
        status: z.enum(['ok', 'ending-soon', 'exhausted']).openapi({
          description:
            '`ending-soon`: fewer than 45 days of data left, add next year’s official schedule (published each November) to ' +
            'core/clock/data; `exhausted`: today is past the data: today’s deadlines cannot be assessed and every new due date ' +
            'is pending (intake goes on). Neither changes the HTTP status',
        }),
        warning: z
          .object({ message: z.string(), messageEn: z.string() })
          .nullable()
          .openapi({ description: 'What to do, Chinese first; null while status is ok' }),
      })
      .openapi({ description: '工作日历覆盖范围 The working-day calendar’s coverage, so operators add the next year in time' }),
    certificates: z
      .object({
        signing: z.enum(['ok', 'missing', 'invalid']).openapi({
          description:
            '电子证照签名密钥: `missing` — the Worker secret CERT_SIGNING_KEY is not set; `invalid` — it is not a P-256 PKCS#8' +
            ' key. Either way approvals go on and their certificates wait (待签发); verification answers 503',
        }),
        keyId: z.string().nullable().openapi({ description: 'JWK thumbprint of the public key (GET /v1/certificates/public-key)' }),
      })
      .openapi({ description: '电子证照签名 Certificate signing' }),
    release: z
      .object({
        catalogId: z.string(),
        version: z.string(),
        matterCount: z.number().int(),
        departmentCount: z.number().int(),
        loadedAt: z.string().openapi({ description: 'ISO 8601, when the release was first recorded' }),
      })
      .nullable()
      .openapi({ description: 'The recorded row for the catalog this worker serves; null if not recorded (yet)' }),
  })
  .openapi('Health');
