import { z } from '@hono/zod-openapi';
import { ERROR_MESSAGES, type ErrorCode } from '../../core/index.ts';

const ALL_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];

/** The error model whose `code` is one of `codes`: per-response schemas document exactly their codes. */
export const buildErrorSchema = (codes: readonly [ErrorCode, ...ErrorCode[]]) =>
  z.object({
    error: z.object({
      code: z.enum(codes).openapi({ description: 'Stable error code; partner systems branch on it. 稳定的错误码' }),
      message: z.string().openapi({ description: '中文说明，可直接展示给用户' }),
      messageEn: z.string().openapi({ description: 'English message' }),
      details: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Machine-readable specifics' }),
      requestId: z.string().openapi({ description: 'Equals the X-Request-Id header; quote it when reporting a fault' }),
    }),
  });

/** The error model with any code: what the handlers' types accept for a non-success reply. */
export const errorBodySchema = buildErrorSchema(ALL_CODES);

/** An error response config, as declared to @hono/zod-openapi's types. */
export interface ErrorResponseConfig {
  description: string;
  content: {
    'application/json': {
      schema: typeof errorBodySchema;
      examples?: Record<string, { summary: string; value: unknown }>;
    };
  };
}
