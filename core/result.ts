import type { ErrorCode } from './errors.ts';

/** A domain failure as a value: a stable code plus details for the caller. Never an exception. */
export interface DomainError {
  readonly code: ErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = (code: ErrorCode, details?: Record<string, unknown>): Result<never, DomainError> => ({
  ok: false,
  error: details === undefined ? { code } : { code, details },
});
