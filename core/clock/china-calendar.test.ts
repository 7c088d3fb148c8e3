import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { loadChinaCalendar } from './china-calendar.ts';
import { CHINA_SCHEDULES } from './data/china-schedules.ts';
import { addCalendarDays } from './iso-date.ts';
import { isWorkingDay } from './working-days.ts';

describe('the China calendar', () => {
  it('is compiled once and then served', () => {
    expect(loadChinaCalendar()).toBe(loadChinaCalendar());
    expect(loadChinaCalendar()).toMatchObject({ firstYear: 2024, lastYear: 2026 });
  });

  it('names the State Council notice of every year', () => {
    for (const schedule of CHINA_SCHEDULES) expect(schedule.source).toContain(`${schedule.year}年部分节假日安排的通知`);
  });

  it('agrees with the chinese-days package on every day of every year it holds', () => {
    const cal = loadChinaCalendar();
    let checked = 0;
    for (let date = `${cal.firstYear}-01-01`; date <= `${cal.lastYear}-12-31`; date = addCalendarDays(date, 1)) {
      expect({ date, working: isWorkingDay(cal, date) }).toEqual({ date, working: { ok: true, value: isWorkday(date) } });
      checked++;
    }
    expect(checked).toBe(366 + 365 + 365);
  });

  it('knows 2026 as the notice gives it', () => {
    const cal = loadChinaCalendar();
    const working = (date: string): unknown => isWorkingDay(cal, date);
    expect(working('2026-01-04')).toEqual({ ok: true, value: true }); // Sunday, 元旦 make-up
    expect(working('2026-02-23')).toEqual({ ok: true, value: false }); // Monday, last day of 春节
    expect(working('2026-02-28')).toEqual({ ok: true, value: true }); // Saturday, 春节 make-up
    expect(working('2026-10-08')).toEqual({ ok: true, value: true }); // Thursday after 国庆
    expect(working('2026-10-10')).toEqual({ ok: true, value: true }); // Saturday, 国庆 make-up
  });
});
