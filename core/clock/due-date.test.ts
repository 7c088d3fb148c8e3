import { describe, expect, it } from 'vitest';
import type { TimeLimit } from '../catalog/types.ts';
import { CLOCK_IMPLEMENTATIONS } from './clock-fixture.ts';
import type { LegalClock, Suspension } from './types.ts';

const workingDays = (value: number): TimeLimit => ({ value, unit: 'working_days' });
const calendarDays = (value: number): TimeLimit => ({ value, unit: 'calendar_days' });
const clockOf = (startedOn: string, limit: TimeLimit, suspensions: Suspension[] = []): LegalClock => ({
  startedOn,
  limit,
  suspensions,
});
const due = (dueOn: string, suspendedDays = 0, suspended = false) => ({
  ok: true,
  value: { dueOn, suspendedDays, suspended },
});
const AS_OF = '2026-03-02';

describe.each(CLOCK_IMPLEMENTATIONS)('computeDueDate (%s)', (_name, clock) => {
  const compute = (legal: LegalClock, asOf = AS_OF) => clock.computeDueDate(legal, asOf);

  it('gives the worked examples of the legal clock', () => {
    expect(compute(clockOf('2025-09-26', workingDays(5)))).toEqual(due('2025-10-10'));
    expect(compute(clockOf('2025-09-26', workingDays(20)))).toEqual(due('2025-10-30'));
    expect(compute(clockOf('2026-02-12', workingDays(5)))).toEqual(due('2026-02-26'));
  });

  describe('suspensions (行政许可法 Art. 45)', () => {
    // Started Monday 2026-03-02: 5 working days end on Monday 3/9 when nothing is suspended.
    const started = (suspensions: Suspension[]) => clockOf('2026-03-02', workingDays(5), suspensions);

    it('push the due date by the working days suspended', () => {
      expect(compute(started([{ from: '2026-03-04', to: '2026-03-05', reason: 'inspection' }]))).toEqual(
        due('2026-03-11', 2),
      );
    });

    it('change nothing when they fall on a weekend or a holiday', () => {
      expect(compute(started([{ from: '2026-03-07', to: '2026-03-08', reason: 'hearing' }]))).toEqual(due('2026-03-09'));
      const national = clockOf('2025-09-26', workingDays(5), [{ from: '2025-10-01', to: '2025-10-08', reason: 'testing' }]);
      expect(compute(national)).toEqual(due('2025-10-10'));
    });

    it('never count a day twice when they overlap', () => {
      const overlapping = started([
        { from: '2026-03-04', to: '2026-03-05', reason: 'inspection' },
        { from: '2026-03-05', to: '2026-03-06', reason: 'testing' },
        { from: '2026-03-04', to: '2026-03-04', reason: 'other' },
      ]);
      expect(compute(overlapping)).toEqual(due('2026-03-12', 3));
    });

    it('run through asOf while still open, and the due date moves on', () => {
      const open = started([{ from: '2026-03-04', reason: 'expert-review' }]);
      expect(compute(open, '2026-03-10')).toEqual(due('2026-03-16', 5, true));
      expect(compute(open, '2026-03-11')).toEqual(due('2026-03-17', 6, true));
    });

    it('count nothing before the clock started or after it ran out', () => {
      expect(compute(started([{ from: '2026-02-25', to: '2026-03-03', reason: 'other' }]))).toEqual(due('2026-03-10', 1));
      expect(compute(started([{ from: '2026-03-20', to: '2026-03-25', reason: 'other' }]))).toEqual(due('2026-03-09'));
    });

    it('are refused when they end before they start or carry a malformed date', () => {
      const backwards = started([{ from: '2026-03-05', to: '2026-03-04', reason: 'other' }]);
      expect(compute(backwards)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const malformed = started([{ from: '2026-03-32', reason: 'other' }]);
      expect(compute(malformed)).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    });
  });

  describe('calendar days', () => {
    it('count every day and end on a working day', () => {
      expect(compute(clockOf('2026-03-02', calendarDays(10)))).toEqual(due('2026-03-12'));
      expect(compute(clockOf('2026-02-18', calendarDays(10)))).toEqual(due('2026-02-28')); // make-up Saturday
    });

    it('move a last day on a holiday or rest day to the next working day (民法典 第二百零三条)', () => {
      expect(compute(clockOf('2025-09-21', calendarDays(10)))).toEqual(due('2025-10-09')); // 10/1 is 国庆
      expect(compute(clockOf('2026-03-05', calendarDays(10)))).toEqual(due('2026-03-16')); // 3/15 is a Sunday
    });

    it('exclude suspended calendar days, weekends included', () => {
      const weekend = clockOf('2026-03-02', calendarDays(10), [{ from: '2026-03-07', to: '2026-03-08', reason: 'other' }]);
      expect(compute(weekend)).toEqual(due('2026-03-16', 2)); // 3/14 is a Saturday, so Monday
    });
  });

  it('is due the same day on the spot (即办)', () => {
    expect(compute(clockOf('2026-03-06', { value: 0, unit: 'on_the_spot' }))).toEqual(due('2026-03-06'));
  });

  it('restarts when complete materials arrive after a correction (补正): the caller passes the new start', () => {
    expect(compute(clockOf('2026-03-02', workingDays(5)))).toEqual(due('2026-03-09'));
    expect(compute(clockOf('2026-03-10', workingDays(5)))).toEqual(due('2026-03-17'));
  });

  it('refuses to compute over a year it has no schedule for', () => {
    const pastTheData = compute(clockOf('2026-12-28', workingDays(20)));
    expect(pastTheData).toMatchObject({ ok: false, error: { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } } });
    const in2027 = compute(clockOf('2027-01-04', workingDays(1)));
    expect(in2027).toMatchObject({ ok: false, error: { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } } });
  });

  it('refuses malformed dates and limits', () => {
    expect(compute(clockOf('2026-3-2', workingDays(5)))).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    expect(compute(clockOf('2026-03-02', workingDays(5)), 'today')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATE' },
    });
    expect(compute(clockOf('2026-03-02', workingDays(-1)))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
