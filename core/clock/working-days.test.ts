import { describe, expect, it } from 'vitest';
import { CLOCK_IMPLEMENTATIONS } from './clock-fixture.ts';

const unknownYear = (year: number) => ({ ok: false, error: { code: 'CALENDAR_YEAR_UNKNOWN', details: { year } } });

describe.each(CLOCK_IMPLEMENTATIONS)('working days (%s)', (_name, clock) => {
  it('counts 5 working days from Friday 2025-09-26 to 2025-10-10, the make-up Sunday 9/28 included', () => {
    expect(clock.addWorkingDays('2025-09-26', 5)).toEqual({ ok: true, value: '2025-10-10' });
  });

  it('counts 20 working days from 2025-09-26 to 2025-10-30, over the eight days of 国庆中秋', () => {
    expect(clock.addWorkingDays('2025-09-26', 20)).toEqual({ ok: true, value: '2025-10-30' });
  });

  it('counts 5 working days from 2026-02-12 to 2026-02-26: the make-up Saturday counts, 春节 does not', () => {
    expect(clock.addWorkingDays('2026-02-12', 5)).toEqual({ ok: true, value: '2026-02-26' });
  });

  it('does not count the day of acceptance, and answers that day for zero days', () => {
    expect(clock.addWorkingDays('2026-03-06', 1)).toEqual({ ok: true, value: '2026-03-09' }); // Friday → Monday
    expect(clock.addWorkingDays('2026-03-07', 1)).toEqual({ ok: true, value: '2026-03-09' }); // from a Saturday
    expect(clock.addWorkingDays('2026-03-07', 0)).toEqual({ ok: true, value: '2026-03-07' });
  });

  it('treats make-up weekend days as working and holidays as not', () => {
    expect(clock.isWorkingDay('2025-09-28')).toEqual({ ok: true, value: true }); // Sunday, 调休上班
    expect(clock.isWorkingDay('2025-10-08')).toEqual({ ok: true, value: false }); // Wednesday, 国庆中秋
    expect(clock.isWorkingDay('2025-10-11')).toEqual({ ok: true, value: true }); // Saturday, 调休上班
    expect(clock.isWorkingDay('2025-10-12')).toEqual({ ok: true, value: false }); // plain Sunday
    expect(clock.isWorkingDay('2026-03-10')).toEqual({ ok: true, value: true }); // plain Tuesday
  });

  it('counts working days in (after, through], negative when through comes first', () => {
    expect(clock.countWorkingDays('2025-09-26', '2025-10-10')).toEqual({ ok: true, value: 5 });
    expect(clock.countWorkingDays('2025-09-30', '2025-10-08')).toEqual({ ok: true, value: 0 });
    expect(clock.countWorkingDays('2025-10-10', '2025-09-26')).toEqual({ ok: true, value: -5 });
    expect(clock.countWorkingDays('2026-03-09', '2026-03-09')).toEqual({ ok: true, value: 0 });
    expect(clock.countWorkingDays('2024-12-31', '2025-12-31')).toEqual({ ok: true, value: 248 });
    expect(clock.countWorkingDays('2025-12-31', '2026-12-31')).toEqual({ ok: true, value: 248 });
  });

  it('refuses a year it has no schedule for, rather than guessing', () => {
    expect(clock.isWorkingDay('2027-01-04')).toMatchObject(unknownYear(2027));
    expect(clock.isWorkingDay('2023-12-29')).toMatchObject(unknownYear(2023));
    expect(clock.addWorkingDays('2027-03-01', 1)).toMatchObject(unknownYear(2027));
    expect(clock.countWorkingDays('2026-12-01', '2027-01-05')).toMatchObject(unknownYear(2027));
  });

  it('refuses to walk past 2026-12-31', () => {
    expect(clock.addWorkingDays('2026-12-30', 1)).toEqual({ ok: true, value: '2026-12-31' });
    expect(clock.addWorkingDays('2026-12-30', 2)).toMatchObject(unknownYear(2027));
    expect(clock.addWorkingDays('2026-12-31', 0)).toEqual({ ok: true, value: '2026-12-31' });
  });

  it('refuses malformed dates and counts that are not whole numbers', () => {
    expect(clock.isWorkingDay('2026-02-29')).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    const slashed = clock.countWorkingDays('2026-03-01', '2026/03/05');
    expect(slashed).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(clock.addWorkingDays('2026-03-02', n)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});
