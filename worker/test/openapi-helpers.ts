import { expect } from 'vitest';
import { call } from './case-helpers.ts';

/** One operation of the OpenAPI document, as far as the route tests read it. */
export interface Operation {
  'x-access'?: unknown;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema?: any; example?: unknown }> }>;
}

/** GET /v1/openapi.json, which must answer 200. */
export const readDocument = async () => {
  const res = await call('/v1/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as { paths: Record<string, Record<string, Operation>> };
};

/** The error codes an operation documents for one status. */
export const readErrorCodes = (op: Operation, status: string): string[] =>
  op.responses[status]?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];
