/**
 * Calendar dates as day numbers (days since 1970-01-01), with strict `YYYY-MM-DD` text at the edges.
 * Integer arithmetic (Hinnant's civil-day algorithms) instead of `Date`: no time zone can shift a day, and
 * parsing a date costs a few character reads, which keeps a due-date computation well under a microsecond.
 */
import { err, ok, type Result } from '../result.ts';
import { localDayOf } from '../hall/local-day.ts';
import type { IsoDate } from './types.ts';

const ZERO = 48; // '0'
const DASH = 45; // '-'

/** Days since 1970-01-01 of a proleptic Gregorian date: the index every calendar table is keyed by. */
export const dayNumberOfCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // counted from 1 March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

/** Year, month (1-12) and day of a day number: the inverse of `dayNumberOfCivil`. */
export const readCivil = (dayNumber: number): { year: number; month: number; day: number } => {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
};

/** Days in a month, leap years included: what makes 2026-02-29 not a date. */
const findDaysInMonth = (year: number, month: number): number => {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** Reads `n` ASCII digits at `at`, or -1 if any is not a digit. */
const readDigits = (text: string, at: number, n: number): number => {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

/**
 * The day number of strict `YYYY-MM-DD` text naming a real date (years 0001-9999), or NaN.
 * Hot path of every query, so it answers NaN rather than allocating an error.
 */
export const dayNumberOf = (text: string): number => {
  if (typeof text !== 'string' || text.length !== 10) return NaN;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return NaN;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > findDaysInMonth(year, month)) return NaN;
  return dayNumberOfCivil(year, month, day);
};

/** The year a day number falls in, for CALENDAR_YEAR_UNKNOWN details. */
export const yearOfDay = (dayNumber: number): number => readCivil(dayNumber).year;

/** Day of week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

/** `YYYY-MM-DD` of a day number; throws RangeError outside years 0001-9999 (a caller's bug, not a domain error). */
export const formatDay = (dayNumber: number): IsoDate => {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`not a day number: ${dayNumber}`);
  const { year, month, day } = readCivil(dayNumber);
  if (year < 1 || year > 9999) throw new RangeError(`year ${year} is outside 0001-9999`);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
};

/** Checks that text is a real date written strictly as `YYYY-MM-DD` (2026-02-30 and 2026-2-3 are refused). */
export const parseIsoDate = (text: string): Result<IsoDate> =>
  Number.isNaN(dayNumberOf(text)) ? err('INVALID_DATE', { date: text }) : ok(text);

/** The Beijing local date (UTC+8, no daylight saving) of an instant: the day a clock starts on. */
export const localDateOf = (epochMs: number): IsoDate => formatDay(localDayOf(epochMs));

/**
 * The date `n` calendar days after `date` (before, if n is negative). Expects a date already checked by
 * `parseIsoDate`: malformed text is a caller's bug and throws RangeError.
 */
export const addCalendarDays = (date: IsoDate, n: number): IsoDate => {
  const dayNumber = dayNumberOf(date);
  if (Number.isNaN(dayNumber)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return formatDay(dayNumber + n);
};
