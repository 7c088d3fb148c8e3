import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeError, type DomainError, type ErrorCode } from '../core/index.ts';
import type { AppEnv } from './app-env.ts';

/** The one table from domain error code to HTTP status. Every code must appear (the type checks it). */
export const HTTP_STATUS = {
  INVALID_INPUT: 400,
  EMPTY_QUERY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ROUTE_NOT_FOUND: 404,
  MATTER_NOT_FOUND: 404,
  DEPARTMENT_NOT_FOUND: 404,
  BUNDLE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  // The hall's queue (core/hall): unknown things are 404; a command the hall's current state refuses is 409.
  UNKNOWN_WINDOW: 404,
  TICKET_NOT_FOUND: 404,
  HALL_NOT_OPEN: 409,
  WINDOW_CLOSED: 409,
  WINDOW_PAUSED: 409,
  WINDOW_BUSY: 409,
  QUEUE_EMPTY: 409,
  TICKET_ID_CONFLICT: 409,
  TICKET_EXPIRED: 409,
  TICKET_ALREADY_DONE: 409,
  TICKET_NOT_CALLED: 409,
  TICKET_ALREADY_SERVING: 409,
  TICKET_NOT_AT_WINDOW: 409,
  APPOINTMENT_NOT_TODAY: 409,
  HALL_NOT_FOUND: 404,
  // A different body under a key already used: the request is well-formed but cannot be processed as sent.
  IDEMPOTENCY_KEY_REUSED: 422,
  UPGRADE_REQUIRED: 426,
  // Cases (core/review, core/dispatch, core/clock): unknown things 404; state conflicts 409; defects 422.
  INVALID_DATE: 400,
  CALENDAR_YEAR_UNKNOWN: 422,
  CASE_NOT_FOUND: 404,
  MATERIALS_INCOMPLETE: 422,
  MATTER_NOT_ACCEPTED_HERE: 422,
  BUNDLE_CHOICE_INVALID: 422,
  CASE_NOT_AWAITING_CORRECTION: 409,
  CASE_ALREADY_CLOSED: 409,
  TASK_NOT_FOUND: 404,
  TASK_ALREADY_CLAIMED: 409,
  TASK_NOT_RELEASED: 409,
  TASK_NOT_HELD: 409,
  TASK_ALREADY_DECIDED: 409,
  CLOCK_STATE_CONFLICT: 409,
  APPLICANT_NOT_FOUND: 404,
  // Certificates, pickup and evaluation (core/certificates, core/evaluation).
  CERTIFICATE_NOT_FOUND: 404,
  CERTIFICATE_IDENTIFIER_INVALID: 400,
  CERTIFICATE_STATUS_CONFLICT: 409,
  // An operator's fix (set the secret), not the caller's: retry later.
  CERTIFICATE_SIGNING_UNAVAILABLE: 503,
  PICKUP_NOT_READY: 409,
  PICKUP_NOT_AUTHORISED: 403,
  EVALUATION_ALREADY_GIVEN: 409,
  EVALUATION_NOT_OPEN: 409,
  EVALUATION_NOT_FOUND: 404,
  RECTIFICATION_STATE_CONFLICT: 409,
  // Tenants and access (issue 6): unknown or foreign things are 404 (a tenant never learns another's ids exist).
  RATE_LIMITED: 429,
  TOO_MANY_CODE_ATTEMPTS: 429,
  INVALID_CREDENTIALS: 401,
  TENANT_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  STAFF_ACCOUNT_EXISTS: 409,
  CROSS_REGION_NOT_ALLOWED: 403,
  WEBHOOK_URL_INVALID: 422,
  WEBHOOK_NOT_CONFIGURED: 404,
  WEBHOOK_DELIVERY_NOT_FOUND: 404,
  WEBHOOK_DELIVERY_NOT_FAILED: 409,
  // An operator's fix (set AUTH_TOKEN_SECRET), not the caller's, like CERTIFICATE_SIGNING_UNAVAILABLE.
  AUTH_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof HTTP_STATUS)[C];

/** The wire shape of every error. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    messageEn: string;
    details?: Record<string, unknown>;
    requestId: string;
  };
}

export const buildErrorBody = (
  code: ErrorCode,
  requestId: string,
  details?: Readonly<Record<string, unknown>>,
): ErrorBody => ({
  error: { code, ...describeError(code), ...(details === undefined ? {} : { details: { ...details } }), requestId },
});

/** Replies with a domain error (a code, or a `DomainError` from a core `Result`) in the error model. */
export const replyError = <C extends ErrorCode>(
  c: Context<AppEnv>,
  error: C | (DomainError & { code: C }),
  details?: Readonly<Record<string, unknown>>,
) => {
  const failure = typeof error === 'string' ? { code: error, details } : error;
  // The request-id middleware runs first; the fallback covers errors raised before it (none today).
  const requestId = c.get('requestId') ?? 'unknown';
  const status = HTTP_STATUS[failure.code];
  // A 429 says when to come back (RFC 9110 Retry-After, seconds), from the details every 429 code carries.
  const retryAfter = failure.details?.retryAfterSeconds;
  if (status === 429 && typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
  return c.json(buildErrorBody(failure.code, requestId, failure.details), status);
};
