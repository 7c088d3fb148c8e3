import { countCoveredDaysLeft, describeCalendarCoverage, type IsoDate, type WorkCalendar } from '../../core/index.ts';

/** How the working-day calendar's coverage stands on `today`, as GET /v1/health reports it. */
export interface CalendarHealth {
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  readonly lastYear: number;
  readonly today: IsoDate;
  readonly daysLeft: number;
  readonly status: 'ok' | 'ending-soon' | 'exhausted';
  readonly warning: { readonly message: string; readonly messageEn: string } | null;
}

/**
 * `ending-soon` when fewer than `warnWithin` calendar days of data are left after today, `exhausted` once today is
 * past the last day (a real operational fault: today's deadlines cannot be assessed; intake still registers and
 * accepts cases, their due dates pending). The warning says what to do, Chinese first.
 */
export const presentCalendarHealth = (cal: WorkCalendar, today: IsoDate, warnWithin: number): CalendarHealth => {
  const { firstDay, lastDay, lastYear } = describeCalendarCoverage(cal);
  const left = countCoveredDaysLeft(cal, today);
  const daysLeft = left.ok ? left.value : 0; // today comes from the clock: always a valid date
  const next = lastYear + 1;
  const base = { firstDay, lastDay, lastYear, today, daysLeft };
  if (daysLeft < 0) {
    return {
      ...base,
      status: 'exhausted',
      warning: {
        message: `工作日历数据已于${lastDay}用尽：今日办件期限无法评估，新办件到期日均待定。请立即将国务院办公厅${next}年节假日安排加入 core/clock/data 并发布`,
        messageEn: `The working-day calendar ended on ${lastDay}: today's deadlines cannot be assessed and every new due date is pending. Add the State Council's ${next} holiday schedule to core/clock/data and deploy now`,
      },
    };
  }
  if (daysLeft < warnWithin) {
    return {
      ...base,
      status: 'ending-soon',
      warning: {
        message: `工作日历数据仅覆盖至${lastDay}（剩${daysLeft}天）：晚于该日的到期日暂记为待定。请在国务院办公厅公布${next}年节假日安排后加入 core/clock/data`,
        messageEn: `The working-day calendar covers only through ${lastDay} (${daysLeft} days left): due dates past it are recorded as pending. Add the State Council's ${next} holiday schedule to core/clock/data once published`,
      },
    };
  }
  return { ...base, status: 'ok', warning: null };
};
