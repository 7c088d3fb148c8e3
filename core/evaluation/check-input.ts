/**
 * Input checks shared by the evaluation commands. The worker validates with zod first; these run again because
 * the CLI and the benchmarks call the core directly, and a stored rating must never hold a level 7.
 */
import { localDateOf } from '../clock/index.ts';
import type { IsoDate } from '../clock/types.ts';
import { err, ok, type Result } from '../result.ts';
import { EVALUATION_TEXT_LIMIT, SATISFACTION_LEVEL_LABELS } from './labels.ts';
import type { SatisfactionLevel } from './types.ts';

export const isLevel = (value: unknown): value is SatisfactionLevel =>
  typeof value === 'number' && Object.hasOwn(SATISFACTION_LEVEL_LABELS, value);

/** A level 1-5, or INVALID_INPUT naming the field. */
export const checkLevel = (value: unknown, field: string): Result<SatisfactionLevel> =>
  isLevel(value) ? ok(value) : err('INVALID_INPUT', { field, value, reason: 'a whole number 1-5' });

/**
 * Optional free text: trimmed, blank as absent (undefined), at most `limit` code points (so a Chinese character
 * counts once, an emoji too).
 */
export const checkOptionalText = (
  value: unknown,
  field: string,
  limit = EVALUATION_TEXT_LIMIT,
): Result<string | undefined> => {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value !== 'string') return err('INVALID_INPUT', { field, reason: 'text' });
  const text = value.trim();
  if (text.length === 0) return ok(undefined);
  const length = [...text].length;
  if (length > limit) return err('INVALID_INPUT', { field, length, limit, reason: 'too long' });
  return ok(text);
};

/** Required free text: as optional text, but blank is refused. */
export const checkRequiredText = (value: unknown, field: string, limit = EVALUATION_TEXT_LIMIT): Result<string> => {
  const text = checkOptionalText(value, field, limit);
  if (!text.ok) return text;
  return text.value === undefined ? err('INVALID_INPUT', { field, reason: 'required' }) : ok(text.value);
};

/** An identifier: 1-64 characters, no whitespace and no `:` (the separator of evaluation ids). */
export const checkIdentifier = (value: unknown, field: string): Result<string> =>
  typeof value === 'string' && /^[^\s:]{1,64}$/u.test(value)
    ? ok(value)
    : err('INVALID_INPUT', { field, reason: '1-64 characters, no spaces or colons' });

/** Who acts (`department:<id>`, `staff:<id>`, ...): non-blank, at most 128 characters. */
export const checkActor = (value: unknown): Result<string> =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= 128
    ? ok(value)
    : err('INVALID_INPUT', { field: 'by', reason: 'who acts: 1-128 characters' });

/** An instant as epoch milliseconds, and its Beijing date. */
export const checkInstant = (now: unknown): Result<{ at: number; on: IsoDate }> =>
  typeof now === 'number' && Number.isSafeInteger(now) && now >= 0
    ? ok({ at: now, on: localDateOf(now) })
    : err('INVALID_INPUT', { field: 'now', reason: 'epoch milliseconds' });
