/**
 * 办件编号 and 查询码: the two things a citizen reads out over the phone to track a case.
 * A case number is `XS-261128-0042-7`: hall code, yymmdd, the day's sequence, a Damm check digit over the digits.
 */
import { parseIsoDate } from '../clock/index.ts';
import { err, ok, type Result } from '../result.ts';
import type { CaseNumberParts } from './types.ts';

/**
 * Damm's quasigroup of order 10 (totally anti-symmetric): one check digit catches every single-digit error
 * and every adjacent transposition, with digits only (unlike ISO 7064 MOD 11-2, no `X` to spell out).
 */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** The Damm interim digit of a digit string: the check digit to append, or 0 when the string ends in a valid one. */
export const computeDammDigit = (digits: string): number => {
  let interim = 0;
  for (let i = 0; i < digits.length; i++) interim = DAMM[interim]![digits.charCodeAt(i) - 48]!;
  return interim;
};

const HALL_CODE = /^[A-Z]{2,4}$/;
/** Hall code, then the digits: yymmdd (6), sequence (at least 4), check digit (1). */
const COMPACT = /^([A-Z]{2,4})(\d{6})(\d{4,9})(\d)$/;
/** Whitespace and every dash a keyboard or an input method may produce. */
const SEPARATORS = /[\s\-‐‑‒–—―−_]/g;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats a case number. The parts come from the system (hall config, today's date, a counter), so bad parts
 * are a caller's bug and throw RangeError: dates must be in 2000-2099 (two-digit year), the sequence 1..999999999.
 */
export const formatCaseNumber = (parts: CaseNumberParts): string => {
  const { hallCode, date, sequence } = parts;
  if (!HALL_CODE.test(hallCode)) throw new RangeError(`hall code must be 2-4 letters A-Z: ${hallCode}`);
  if (!parseIsoDate(date).ok || !date.startsWith('20')) throw new RangeError(`date must be 2000-2099: ${date}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999_999) {
    throw new RangeError(`sequence must be 1..999999999: ${sequence}`);
  }
  const digits = date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10) + pad(sequence, 4);
  return `${hallCode}-${digits.slice(0, 6)}-${digits.slice(6)}-${computeDammDigit(digits)}`;
};

const invalid = (reason: 'format' | 'check-digit' | 'date' | 'sequence') =>
  err('INVALID_INPUT', { field: 'caseNumber', reason });

/**
 * Reads a case number as a person types it: surrounding blanks, lowercase hall code, full-width characters,
 * missing or extra hyphens and spaces are all tolerated. What is refused (INVALID_INPUT, `details.reason`):
 * `format` (shape, or a non-canonical sequence such as `00042`), `check-digit` (a typo), `date`, `sequence` (0).
 * The check digit is tested before the date, so a mistyped month reads as the typo it is.
 */
export const parseCaseNumber = (text: string): Result<CaseNumberParts> => {
  if (typeof text !== 'string' || text.length > 64) return invalid('format');
  // NFKC folds full-width letters, digits and dashes (ＸＳ－２６…) typed with a Chinese input method.
  const compact = text.normalize('NFKC').replace(SEPARATORS, '').replace(/[a-z]/g, (c) => c.toUpperCase());
  const match = COMPACT.exec(compact);
  if (!match) return invalid('format');
  const [, hallCode, yymmdd, sequenceText, check] = match as unknown as [string, string, string, string, string];
  // One spelling per case: the sequence is padded to 4 digits and no further.
  if (sequenceText.length > 4 && sequenceText.startsWith('0')) return invalid('format');
  if (computeDammDigit(yymmdd + sequenceText + check) !== 0) return invalid('check-digit');
  const date = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!parseIsoDate(date).ok) return invalid('date');
  const sequence = Number(sequenceText);
  if (sequence < 1) return invalid('sequence');
  return ok({ hallCode, date, sequence });
};

/** 2^32 rounded down to a multiple of 10^6: uint32 draws below this reduce to six digits exactly uniformly. */
export const QUERY_CODE_DRAW_LIMIT = 4_294_000_000;

/**
 * 查询码: six digits (leading zeros kept) from one uint32 draw, `random mod 10^6`.
 * Uniform reduction: 2^32 = 4294 × 10^6 + 967296, so a draw below QUERY_CODE_DRAW_LIMIT maps each code from
 * exactly 4294 values. The worker redraws at or above the limit (1 draw in 4,295; rejection sampling); a draw
 * that is not redrawn still works, and favours codes below 967296 by one part in 4294 at most.
 * A random value that is not a uint32 is a caller's bug (RangeError).
 */
export const formatQueryCode = (random: number): string => {
  if (!Number.isInteger(random) || random < 0 || random > 0xffff_ffff) {
    throw new RangeError(`query code needs a uint32 draw: ${random}`);
  }
  return pad(random % 1_000_000, 6);
};

/** Exactly six ASCII digits: the caller trims what a person typed first. */
export const isQueryCode = (text: string): boolean => typeof text === 'string' && /^\d{6}$/.test(text);
