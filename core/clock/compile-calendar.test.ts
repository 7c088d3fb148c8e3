import { describe, expect, it } from 'vitest';
import { compileCalendar } from './compile-calendar.ts';
import { CHINA_SCHEDULES } from './data/china-schedules.ts';
import type { WorkCalendar, YearSchedule } from './types.ts';
import { addWorkingDays, isWorkingDay } from './working-days.ts';

const year = (y: number, extra: Partial<YearSchedule> = {}): YearSchedule => ({
  year: y,
  holidays: [],
  makeUpWorkdays: [],
  source: `test schedule ${y}`,
  ...extra,
});

const problemsOf = (years: readonly YearSchedule[]): unknown => {
  const compiled = compileCalendar(years);
  expect(compiled.ok).toBe(false);
  if (compiled.ok) return undefined;
  expect(compiled.error.code).toBe('INVALID_INPUT');
  return compiled.error.details?.problems;
};

describe('compileCalendar', () => {
  it('compiles contiguous years given in any order', () => {
    const compiled = compileCalendar([year(2027), year(2025), year(2026)]);
    expect(compiled.ok && { first: compiled.value.firstYear, last: compiled.value.lastYear }).toEqual({
      first: 2025,
      last: 2027,
    });
  });

  it('takes a new year as one more data entry, with no code change', () => {
    const y2027 = year(2027, { holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-02'] });
    const compiled = compileCalendar([...CHINA_SCHEDULES, y2027]);
    if (!compiled.ok) throw new Error('should compile');
    expect(isWorkingDay(compiled.value, '2027-01-01')).toEqual({ ok: true, value: false });
    expect(isWorkingDay(compiled.value, '2027-01-02')).toEqual({ ok: true, value: true });
    expect(addWorkingDays(compiled.value, '2026-12-31', 1)).toEqual({ ok: true, value: '2027-01-02' });
  });

  it('refuses no years, a gap, a year twice and a nameless source', () => {
    expect(problemsOf([])).toEqual([{ problem: 'no year given' }]);
    expect(problemsOf([year(2024), year(2026)])).toEqual([{ year: 2026, problem: 'gap after 2024' }]);
    expect(problemsOf([year(2025), year(2025)])).toEqual([{ year: 2025, problem: 'listed twice' }]);
    expect(problemsOf([year(2025, { source: ' ' })])).toEqual([{ year: 2025, problem: 'no source notice named' }]);
    expect(problemsOf([year(2025.5)])).toEqual([{ year: 2025.5, problem: 'not a year' }]);
  });

  it('lists every bad date at once', () => {
    const bad = year(2026, {
      holidays: ['2026-10-01', '2026-10-01', '2025-12-31', '2026-02-30'],
      makeUpWorkdays: ['2026-10-01', '2026-10-09', '2026-10-10'],
    });
    expect(problemsOf([bad])).toEqual([
      { year: 2026, date: '2026-10-01', problem: 'holidays: listed twice' },
      { year: 2026, date: '2025-12-31', problem: 'holidays: outside its year' },
      { year: 2026, date: '2026-02-30', problem: 'holidays: not a YYYY-MM-DD date' },
      { year: 2026, date: '2026-10-01', problem: 'both a holiday and a make-up workday' },
      { year: 2026, date: '2026-10-01', problem: 'makeUpWorkdays: not a weekend day' },
      { year: 2026, date: '2026-10-09', problem: 'makeUpWorkdays: not a weekend day' },
    ]);
  });

  it('answers only for calendars it compiled', () => {
    const forged: WorkCalendar = { firstYear: 2025, lastYear: 2026 };
    expect(isWorkingDay(forged, '2026-01-05')).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { reason: 'the calendar was not built by compileCalendar' } },
    });
  });

  it('hands out a frozen calendar', () => {
    const compiled = compileCalendar([year(2026)]);
    expect(compiled.ok && Object.isFrozen(compiled.value)).toBe(true);
  });
});
