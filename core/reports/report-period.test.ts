import { describe, expect, it } from 'vitest';
import { checkReportPeriod, MAX_REPORT_DAYS } from './report-period.ts';

describe('checkReportPeriod', () => {
  it('accepts a real period and counts its days, both ends included', () => {
    expect(checkReportPeriod('2026-01-01', '2026-01-31')).toEqual({ ok: true, value: { from: '2026-01-01', to: '2026-01-31', days: 31 } });
    expect(checkReportPeriod('2024-01-01', '2024-12-31')).toMatchObject({ ok: true, value: { days: MAX_REPORT_DAYS } });
  });

  it('refuses text that is not a date, naming the field', () => {
    expect(checkReportPeriod('2026-02-30', '2026-03-01')).toEqual({
      ok: false,
      error: { code: 'INVALID_DATE', details: { date: '2026-02-30', field: 'from' } },
    });
    expect(checkReportPeriod('2026-03-01', '2026-3-2')).toMatchObject({ ok: false, error: { code: 'INVALID_DATE', details: { field: 'to' } } });
  });

  it('refuses a period that ends before it starts or runs longer than a year', () => {
    expect(checkReportPeriod('2026-03-02', '2026-03-01')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'from-after-to' } } });
    expect(checkReportPeriod('2025-01-01', '2026-01-02')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { reason: 'period-too-long', days: 367, maxDays: 366 } },
    });
  });
});
