/**
 * The hall's local calendar: Asia/Shanghai is UTC+8 all year (no daylight saving since 1991),
 * so the local day is pure arithmetic on epoch milliseconds, with no time-zone database.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 in Beijing time: tickets are numbered per hall per local day. */
export const localDayOf = (epochMs: number): number => Math.floor((epochMs + OFFSET_MS) / DAY_MS);

/** Epoch milliseconds of local midnight starting `day`. */
export const startOfLocalDay = (day: number): number => day * DAY_MS - OFFSET_MS;

/** Minutes since local midnight, 0..1439. */
export const localMinuteOf = (epochMs: number): number =>
  Math.floor((epochMs - startOfLocalDay(localDayOf(epochMs))) / 60_000);

/** Epoch milliseconds of a local wall-clock time, e.g. `localTime(2026, 3, 2, 8, 30)` for 8:30 on 2 March 2026. */
export const localTime = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS;

/** 'HH:MM' (00:00..24:00) to minutes after midnight, or null if malformed. */
export const parseLocalClock = (text: string): number | null => {
  if (text === '24:00') return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};
