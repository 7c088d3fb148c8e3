import { describe, expect, it } from 'vitest';
import { countCoveredDaysLeft, describeCalendarCoverage, isBeyondCoverage } from './calendar-coverage.ts';
import { loadChinaCalendar } from './china-calendar.ts';

const cal = loadChinaCalendar();

describe('calendar coverage', () => {
  it('names the first and last day the shipped schedules cover', () => {
    expect(describeCalendarCoverage(cal)).toEqual({ firstYear: 2024, lastYear: 2026, firstDay: '2024-01-01', lastDay: '2026-12-31' });
  });

  it('counts calendar days left after today: 33 on 2026-11-28, 0 on the last day, negative past it', () => {
    expect(countCoveredDaysLeft(cal, '2026-11-28')).toEqual({ ok: true, value: 33 });
    expect(countCoveredDaysLeft(cal, '2026-12-31')).toEqual({ ok: true, value: 0 });
    expect(countCoveredDaysLeft(cal, '2027-01-05')).toEqual({ ok: true, value: -5 });
    expect(countCoveredDaysLeft(cal, '2026-02-30')).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
  });

  it('tells a year past the data (worth waiting for) from one before it or another error', () => {
    expect(isBeyondCoverage(cal, { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } })).toBe(true);
    expect(isBeyondCoverage(cal, { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2031 } })).toBe(true);
    expect(isBeyondCoverage(cal, { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2023 } })).toBe(false);
    expect(isBeyondCoverage(cal, { code: 'CALENDAR_YEAR_UNKNOWN' })).toBe(false);
    expect(isBeyondCoverage(cal, { code: 'INVALID_DATE', details: { year: 2027 } })).toBe(false);
  });
});
