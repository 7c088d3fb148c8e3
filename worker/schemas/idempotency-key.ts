import { z } from '@hono/zod-openapi';

/**
 * The `Idempotency-Key` header of a POST that must never act twice (a kiosk's ticket, an intake): printable ASCII
 * without spaces, as the IETF Idempotency-Key draft allows, up to 200 characters. Each route says in `description`
 * what a replay returns.
 */
export const buildIdempotencyHeaders = (description: string, example: string) =>
  z.object({
    'idempotency-key': z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .optional()
      .openapi({ description, example }),
  });
