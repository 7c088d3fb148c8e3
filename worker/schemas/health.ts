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
