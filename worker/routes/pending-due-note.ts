/** 到期日待定, as every route that computes a due date explains it. */
export const PENDING_DUE_NOTE =
  ' 到期日晚于工作日历已有数据（次年法定节假日安排尚未公布）时照常受理、照常计时，到期日记为待定（dueOn 为 null，duePending 说明），' +
  '次年安排加入后查询时自动补定。 A due date past the working-day calendar’s data (next year’s official holiday schedule' +
  ' not yet published) never refuses anything: the clock runs, `dueOn` is null and `duePending` says the date is later' +
  ' than `dueAfter` and which year’s schedule it awaits; it is filled in on a later read once that schedule is added.' +
  ' CALENDAR_YEAR_UNKNOWN remains only for a date before the calendar’s first year (a wrong clock).';
