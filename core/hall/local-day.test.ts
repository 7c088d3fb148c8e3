import { describe, expect, it } from 'vitest';
import { localDayOf, localMinuteOf, localTime, parseLocalClock, startOfLocalDay } from './local-day.ts';

describe('local day (Asia/Shanghai, UTC+8)', () => {
  it('starts the day at local midnight, which is 16:00 UTC the day before', () => {
    const midnight = Date.UTC(2026, 2, 1, 16, 0); // 2026-03-02 00:00 in Beijing
    expect(localDayOf(midnight)).toBe(localDayOf(midnight - 1) + 1);
    expect(startOfLocalDay(localDayOf(midnight))).toBe(midnight);
    expect(localTime(2026, 3, 2)).toBe(midnight);
  });

  it('gives minutes after local midnight', () => {
    expect(localMinuteOf(localTime(2026, 3, 2, 8, 30))).toBe(510);
    expect(localMinuteOf(localTime(2026, 3, 2, 23, 59) + 59_999)).toBe(1439);
  });

  it('parses HH:MM clock times', () => {
    expect(parseLocalClock('08:30')).toBe(510);
    expect(parseLocalClock('24:00')).toBe(1440);
    expect(parseLocalClock('8:30')).toBeNull();
    expect(parseLocalClock('12:60')).toBeNull();
  });
});
