import { describe, expect, it } from 'vitest';
import { assessDeadline } from './assess-deadline.ts';
import { loadChinaCalendar } from './china-calendar.ts';

const cal = loadChinaCalendar();
const status = (level: string, workingDaysLeft: number) => ({ ok: true, value: { level, workingDaysLeft } });

describe('assessDeadline', () => {
  // Due Friday 2026-03-13.
  it('is on track while more than two working days are left', () => {
    expect(assessDeadline(cal, '2026-03-13', '2026-03-09')).toEqual(status('on-track', 4));
  });

  it('is near with two working days or fewer left, today not counted', () => {
    expect(assessDeadline(cal, '2026-03-13', '2026-03-11')).toEqual(status('near', 2));
    expect(assessDeadline(cal, '2026-03-13', '2026-03-12')).toEqual(status('near', 1));
    expect(assessDeadline(cal, '2026-03-13', '2026-03-09', 4)).toEqual(status('near', 4));
  });

  it('is due today on the due date, and overdue the day after, counting negative working days', () => {
    expect(assessDeadline(cal, '2026-03-13', '2026-03-13')).toEqual(status('due-today', 0));
    expect(assessDeadline(cal, '2026-03-13', '2026-03-14')).toEqual(status('overdue', 0)); // the Saturday after
    expect(assessDeadline(cal, '2026-03-13', '2026-03-17')).toEqual(status('overdue', -2));
  });

  it('does not count a holiday as time left', () => {
    // Thursday 2026-02-12 to Tuesday 2/24: 2/13, the make-up Saturday 2/14, then 2/24 after 春节.
    expect(assessDeadline(cal, '2026-02-24', '2026-02-12')).toEqual(status('on-track', 3));
    expect(assessDeadline(cal, '2026-02-24', '2026-02-14')).toEqual(status('near', 1));
  });

  it('refuses unknown years, malformed dates and a negative threshold', () => {
    expect(assessDeadline(cal, '2027-01-05', '2026-12-30')).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } },
    });
    expect(assessDeadline(cal, '2026-03-13', '13/03/2026')).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    expect(assessDeadline(cal, '2026-03-13', '2026-03-09', -1)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
