import { describeError, type ErrorCode } from '../../core/index.ts';
import { buildErrorBody, HTTP_STATUS } from '../http-errors.ts';
import { buildErrorSchema, type errorBodySchema, type ErrorResponseConfig } from '../schemas/error.ts';

/** Sample details shown in the document's examples, so readers see what each code carries. */
const EXAMPLE_DETAILS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  INVALID_INPUT: { issues: [{ location: 'query', path: ['limit'], message: 'Too big: expected number to be <=50' }] },
  MATTER_NOT_FOUND: { code: '000000000000' },
  DEPARTMENT_NOT_FOUND: { id: 'nope' },
  BUNDLE_NOT_FOUND: { id: 'nope' },
  FORBIDDEN: { required: ['admin'] },
};

const describeCode = (code: ErrorCode): string => {
  const { message, messageEn } = describeError(code);
  return `\`${code}\` ${message} (${messageEn})`;
};

/**
 * Documents the error codes a route can return: one response per HTTP status, whose schema enumerates
 * exactly those codes and whose examples show each code's body.
 */
export const documentErrors = (codes: readonly ErrorCode[]): Record<string, ErrorResponseConfig> => {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = HTTP_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, ErrorResponseConfig> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    const [first, ...rest] = group as [ErrorCode, ...ErrorCode[]];
    const examples = Object.fromEntries(
      group.map((code) => [
        code,
        {
          summary: `${code}: ${describeError(code).message}`,
          value: buildErrorBody(code, '6f1c2d3e-0000-4000-8000-000000000000', EXAMPLE_DETAILS[code]),
        },
      ]),
    );
    responses[String(status)] = {
      description: group.map(describeCode).join('; '),
      // The narrower schema documents the codes; its type widens to the full model for handlers.
      content: {
        'application/json': { schema: buildErrorSchema([first, ...rest]) as typeof errorBodySchema, examples },
      },
    };
  }
  return responses;
};
