import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTime } from '../hall/local-day.ts';
import { addCalendarDays, dayNumberOf, formatDay, localDateOf, parseIsoDate, weekdayOf } from './iso-date.ts';

describe('ISO dates', () => {
  it('accepts real dates written strictly as YYYY-MM-DD', () => {
    expect(parseIsoDate('2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
    expect(parseIsoDate('2024-02-29').ok).toBe(true);
    expect(parseIsoDate('2000-02-29').ok).toBe(true);
  });

  it('refuses dates that do not exist or are written loosely', () => {
    for (const text of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00',
      '2026-2-3', '2026/02/03', '20260203', ' 2026-02-03', '2026-02-03T00:00', '0000-01-01', '２０２６-02-03', '']) {
      expect(parseIsoDate(text)).toEqual({ ok: false, error: { code: 'INVALID_DATE', details: { date: text } } });
    }
  });

  it('numbers days like Date does, in both directions', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatDay(day)).toBe(iso);
        expect(dayNumberOf(iso)).toBe(day);
        expect(weekdayOf(day)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
    );
  });

  it('takes the Beijing date of an instant: 16:00 UTC is already tomorrow', () => {
    expect(localDateOf(Date.UTC(2025, 11, 31, 15, 59, 59, 999))).toBe('2025-12-31');
    expect(localDateOf(Date.UTC(2025, 11, 31, 16, 0))).toBe('2026-01-01');
    expect(localDateOf(localTime(2026, 2, 12, 8, 30))).toBe('2026-02-12');
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2026-03-15', 0)).toBe('2026-03-15');
  });

  it('treats a malformed date given to addCalendarDays as a bug, not a domain error', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-02-03', 1.5)).toThrow(RangeError);
  });
});
