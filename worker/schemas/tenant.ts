import { z } from '@hono/zod-openapi';
import { roleSchema, scopeSchema, staffIdSchema } from './auth.ts';
import { buildIdempotencyHeaders } from './idempotency-key.ts';

/** Schemas of the tenant routes (worker/routes/tenants.ts): the profile, API keys and staff accounts. */

const tenant = z.string().min(1).max(64).openapi({ description: '租户 id (a municipality)', example: 'xiaoshan' });
const keyId = z.string().min(1).max(64).openapi({ description: 'API key id (the `<id>` of `ow_<id>_<secret>`)', example: 'k7q2m4x6p3aa' });

export const tenantParamsSchema = z.object({ tenant });
export const tenantKeyParamsSchema = z.object({ tenant, id: keyId });

export const tenantProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    halls: z.array(z.string()).openapi({ description: 'Its service halls (the `{hall}` of the hall routes)' }),
    catalog: z.object({ id: z.string(), version: z.string() }).openapi({ description: 'The catalog it serves' }),
    crossRegion: z
      .object({
        partners: z.array(z.string()).openapi({ description: 'Tenants whose front desks and systems may submit its matters' }),
        minOnlineDepth: z.enum(['I', 'II', 'III', 'IV']).openapi({ description: 'Matters at least this 网上办理深度 are open to partners' }),
        matterCodes: z.array(z.string()).openapi({ description: 'Further matters open to partners, by code' }),
      })
      .openapi({ description: '跨区域通办 policy' }),
  })
  .openapi('TenantProfile', {
    example: {
      id: 'xiaoshan',
      name: '杭州市萧山区',
      nameEn: 'Xiaoshan District, Hangzhou',
      halls: ['xiaoshan'],
      catalog: { id: 'xiaoshan', version: '2026.11' },
      crossRegion: { partners: ['binjiang'], minOnlineDepth: 'III', matterCodes: [] },
    },
  });

/** Most a key may be allowed per minute; the default suits a portal, the demo keys use 6000 for the load bench. */
export const MAX_RATE_LIMIT_PER_MINUTE = 100_000;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

export const createApiKeyBodySchema = z
  .object({
    label: z.string().trim().min(1).max(100).openapi({ description: 'What uses the key', example: '滨江区政务服务网' }),
    scopes: z
      .array(scopeSchema)
      .min(1)
      .refine((scopes) => new Set(scopes).size === scopes.length, 'scopes must not repeat')
      .openapi({ description: 'What the key may do' }),
    rateLimitPerMinute: z
      .number()
      .int()
      .min(1)
      .max(MAX_RATE_LIMIT_PER_MINUTE)
      .default(DEFAULT_RATE_LIMIT_PER_MINUTE)
      .openapi({ description: `Requests per minute (token bucket, burst = the same); default ${DEFAULT_RATE_LIMIT_PER_MINUTE}` }),
  })
  .openapi('CreateApiKeyRequest', { example: { label: '滨江区政务服务网', scopes: ['catalog:read', 'cases:submit'], rateLimitPerMinute: 600 } });

const API_KEY_EXAMPLE = {
  id: 'k7q2m4x6p3aa',
  label: '滨江区政务服务网',
  scopes: ['catalog:read', 'cases:submit'],
  rateLimitPerMinute: 600,
  createdAt: '2026-11-28T08:00:00.000Z',
  createdBy: 'xs-admin',
  revokedAt: null,
};

export const apiKeySummarySchema = z
  .object({
    id: keyId,
    label: z.string(),
    scopes: z.array(scopeSchema),
    rateLimitPerMinute: z.number().int(),
    createdAt: z.string().openapi({ description: 'ISO 8601' }),
    createdBy: z.string().openapi({ description: 'The staff id or key id that created it' }),
    revokedAt: z.string().nullable().openapi({ description: 'ISO 8601; null while the key works' }),
  })
  .openapi('ApiKey', { example: API_KEY_EXAMPLE });

export const apiKeyListSchema = z.object({ keys: z.array(apiKeySummarySchema) }).openapi('ApiKeyList');

export const createdApiKeySchema = apiKeySummarySchema
  .extend({
    key: z.string().openapi({ description: 'The key text `ow_<id>_<secret>`: shown this once, never again (only its hash is kept)' }),
  })
  .openapi('CreatedApiKey', {
    example: { ...API_KEY_EXAMPLE, key: 'ow_k7q2m4x6p3aa_3x7vq2m5kd6hwz4tb2nr7yc5fj4ga3se' },
  });

/**
 * An administrator's tool retrying a key request sends the same key: the replay carries the same key text, so the
 * idempotency key must be as hard to guess as a secret (the stored reply is sealed with it).
 */
export const keyIdempotencyHeadersSchema = buildIdempotencyHeaders(
  '幂等键：每次签发用一个新的随机值（如 UUID），重试时原样再发。 A fresh random value (a UUID) per key to issue, the same on' +
    ' every retry of it. The same key with the same body returns the very same reply (201, same key id and key text,' +
    ' `Idempotent-Replay: true`) for 24 hours; with another body, 422 IDEMPOTENCY_KEY_REUSED. The stored reply is' +
    ' sealed (AES-GCM) with this idempotency key, which is itself stored only hashed: treat it like a secret.',
  '3b6f0c2e-8d41-4a7b-9c15-7e2d4f6a8b90',
);

export const MIN_PASSWORD_LENGTH = 12;

export const createStaffBodySchema = z
  .object({
    id: staffIdSchema,
    name: z.string().trim().min(1).max(64).openapi({ description: '姓名 shown on records', example: '王审批' }),
    roles: z
      .array(roleSchema)
      .min(1)
      .refine((roles) => new Set(roles).size === roles.length, 'roles must not repeat'),
    department: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: 'Catalog department id: required for, and only for, the back-office role', example: 'scjg' }),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH)
      .max(256)
      .openapi({ description: `口令, at least ${MIN_PASSWORD_LENGTH} characters; stored as a PBKDF2 hash only`, example: 'correct-horse-battery' }),
  })
  .superRefine((body, ctx) => {
    const backOffice = body.roles.includes('back-office');
    if (backOffice && !body.department) ctx.addIssue({ code: 'custom', path: ['department'], message: 'required for the back-office role' });
    if (!backOffice && body.department) ctx.addIssue({ code: 'custom', path: ['department'], message: 'only for the back-office role' });
  })
  .openapi('CreateStaffRequest', {
    example: { id: 'scjg-li', name: '李审批', roles: ['back-office'], department: 'scjg', password: 'correct-horse-battery' },
  });

export const staffAccountSchema = z
  .object({
    id: z.string().openapi({ example: 'scjg-li' }),
    tenant: z.string().openapi({ example: 'xiaoshan' }),
    name: z.string().openapi({ example: '李审批' }),
    roles: z.array(roleSchema),
    department: z.string().nullable().openapi({ example: 'scjg' }),
    createdAt: z.string().openapi({ description: 'ISO 8601' }),
    disabled: z.boolean(),
  })
  .openapi('StaffAccount', {
    example: { id: 'scjg-li', tenant: 'xiaoshan', name: '李审批', roles: ['back-office'], department: 'scjg', createdAt: '2026-11-28T08:00:00.000Z', disabled: false },
  });

export const staffListSchema = z.object({ staff: z.array(staffAccountSchema) }).openapi('StaffAccountList');
