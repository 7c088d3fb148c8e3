import { describeError, type ErrorCode } from '../../core/index.ts';
import { buildErrorBody, HTTP_STATUS } from '../http-errors.ts';
import { buildErrorSchema, type errorBodySchema, type ErrorResponseConfig } from '../schemas/error.ts';

/** Sample details shown in the document's examples, so readers see what each code carries. */
const EXAMPLE_DETAILS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  INVALID_INPUT: { issues: [{ location: 'query', path: ['limit'], message: 'Too big: expected number to be <=50' }] },
  MATTER_NOT_FOUND: { code: '000000000000' },
  DEPARTMENT_NOT_FOUND: { id: 'nope' },
  BUNDLE_NOT_FOUND: { id: 'nope' },
  FORBIDDEN: { roles: ['admin'], scopes: ['admin'] },
  MATERIALS_INCOMPLETE: {
    number: 'XS-260302-0007-4',
    queryCode: '482913',
    notice: {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      issuedAt: '2026-03-02T09:12:00.000Z',
      defects: [
        {
          reason: 'missing',
          materialId: '511a0005200004-1-3',
          materialName: '设备布局和工艺流程',
          message: '缺少必要材料《设备布局和工艺流程》',
          messageEn: 'The required material 设备布局和工艺流程 is missing',
          fix: '请提交纸质《设备布局和工艺流程》（原件1份）',
          fixEn: 'Hand in 设备布局和工艺流程 on paper (1 original)',
        },
        {
          reason: 'invalid-phone',
          field: 'phone',
          message: '联系电话格式不正确',
          messageEn: 'The phone number is not valid',
          fix: '请填写11位手机号码，或带区号的固定电话',
          fixEn: 'Give an 11-digit mobile number or a landline with its area code',
        },
      ],
    },
  },
  BUNDLE_CHOICE_INVALID: { member: 'business-licence', reason: 'choice-required' },
  TASK_ALREADY_CLAIMED: { taskId: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', status: 'claimed', claimedBy: 'scjg-li' },
  CALENDAR_YEAR_UNKNOWN: { year: 2027 },
  UNAUTHENTICATED: { reason: 'token-expired' },
  RATE_LIMITED: { retryAfterSeconds: 12, limitPerMinute: 600 },
  TOO_MANY_CODE_ATTEMPTS: { retryAfterSeconds: 720, limitPerHour: 5 },
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
      // 429 always says when to come back (RFC 9110 Retry-After, in seconds).
      ...(status === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer' as const }, description: 'Seconds to wait' } } } : {}),
      // The narrower schema documents the codes; its type widens to the full model for handlers.
      content: {
        'application/json': { schema: buildErrorSchema([first, ...rest]) as typeof errorBodySchema, examples },
      },
    };
  }
  return responses;
};
