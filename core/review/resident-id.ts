/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male) and an
 * ISO 7064 MOD 11-2 check character.
 */
import type { IsoDate } from '../clock/types.ts';
import { err, ok, type Result } from '../result.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by `S mod 11`. */
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
const BODY = /^\d{17}$/;

/** Why a resident ID number was refused (stable: callers branch on it). */
export type ResidentIdProblem = 'format' | 'checksum' | 'birth-date';

export interface ResidentId {
  /** The normalised number (trimmed, check character `x` upper-cased). */
  readonly value: string;
  /** 行政区划代码 (GB/T 2260) where the number was first issued. */
  readonly areaCode: string;
  readonly birthDate: IsoDate;
  readonly sex: 'male' | 'female';
}

/** The MOD 11-2 sum's check character; `body` must already be 17 digits. */
const checkCharOf = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
};

/**
 * The check character for the first 17 digits (test fixtures, demo data). Throws RangeError on anything but
 * 17 digits: callers pass constants, so a bad body is a programming error, not a domain failure.
 */
export const computeResidentIdCheck = (first17: string): string => {
  if (!BODY.test(first17)) throw new RangeError(`a resident ID body is 17 digits: ${first17}`);
  return checkCharOf(first17);
};

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** `YYYYMMDD` as an ISO date when such a day exists on the Gregorian calendar. */
const readBirthDate = (digits: string): IsoDate | undefined => {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return undefined;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > monthDays) return undefined;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
};

/** The parsed number, or why it is refused: a plain union, so formal review reads the reason without casts. */
export const readResidentId = (text: string, today: IsoDate): ResidentId | ResidentIdProblem => {
  const value = text.trim().toUpperCase();
  if (!SHAPE.test(value)) return 'format';
  if (checkCharOf(value) !== value[17]) return 'checksum';
  const birthDate = readBirthDate(value.slice(6, 14));
  // ISO dates compare as text: no clock arithmetic needed.
  if (birthDate === undefined || birthDate > today) return 'birth-date';
  const sex = (value.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { value, areaCode: value.slice(0, 6), birthDate, sex };
};

/**
 * Checks a resident ID number as typed at the window: surrounding spaces are dropped and a lowercase `x`
 * accepted. The checksum is judged before the birth date, so a typo reads as a typo ('checksum'); 'birth-date'
 * means the check character agrees but no such day exists, or it is after `today`.
 */
export const checkResidentIdNumber = (text: string, today: IsoDate): Result<ResidentId> => {
  const read = readResidentId(text, today);
  return typeof read === 'string' ? err('INVALID_INPUT', { reason: read }) : ok(read);
};
