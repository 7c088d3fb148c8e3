import type { HallReport, ReportRate } from '../core/index.ts';

/**
 * 大厅运行报表 as plain text for a terminal: the headline figures, on-time per department and the days, in
 * aligned columns. Chinese characters take two columns on a terminal, so padding counts display width.
 */

/** Columns a string takes on a terminal: East Asian wide and full-width characters count two. */
export const displayWidth = (text: string): number => {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
};

const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/**
 * Rows as columns two spaces apart: the first (a label) and, with `noteLast`, the last (free text) left-aligned,
 * the figures between them right-aligned.
 */
const formatTable = (rows: readonly (readonly string[])[], noteLast = false): string[] => {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const last = widths.length - 1;
  const left = (i: number) => i === 0 || (noteLast && i === last);
  return rows.map((row) => row.map((cell, i) => (left(i) ? padEnd(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ').trimEnd());
};

const NONE = '—';

export const formatPercent = (value: number | null): string => (value === null ? NONE : `${(value * 100).toFixed(1)}%`);
const formatRate = (rate: ReportRate): string => `${formatPercent(rate.value)} (${rate.numerator}/${rate.denominator})`;
const formatNumber = (value: number | null, digits = 1): string => (value === null ? NONE : value.toFixed(digits));
const formatMinutes = (value: number | null): string => (value === null ? NONE : `${value.toFixed(1)} 分钟 min`);

/** The report as text: a title, the key figures, on-time per department, then one line per day. */
export const formatHallReportTable = (r: HallReport): string => {
  const f = r.frontDesk;
  const s = r.satisfaction;
  const goal = `目标 goal ≥${formatPercent(f.goal)}${f.met === null ? '' : f.met ? ' 达标 met' : ' 未达标 not met'}`;
  const key = formatTable([
    ['指标 Indicator', '数值 Value', '说明 Note'],
    ['前台集中受理率 Front-desk concentration', formatRate(f.concentration), goal],
    ['综合/部门/网上受理 General/department/online', `${f.generalWindow} / ${f.departmentWindow} / ${f.online}`, `网上占比 online ${formatPercent(f.onlineShare.value)}`],
    ['取号/办结 Tickets taken/served', `${r.totals.ticketsTaken} / ${r.totals.ticketsServed}`, `日均 per active day ${formatNumber(r.totals.ticketsPerActiveDay)}`],
    ['受理/办结 Cases accepted/completed', `${r.totals.casesAccepted} / ${r.totals.casesCompleted}`, `日均受理 per active day ${formatNumber(r.totals.casesPerActiveDay)}`],
    ['平均等候 Mean wait', formatMinutes(r.queue.meanWaitMinutes), `${r.queue.waitCount} 人次 calls`],
    ['95%等候 P95 wait', formatMinutes(r.queue.p95WaitMinutes), ''],
    ['平均办理 Mean handling', formatMinutes(r.queue.meanHandlingMinutes), ''],
    ['按时办结率 On-time rate', formatRate(r.onTime.hall.rate), `超期未办结 overdue open ${r.onTime.hall.overdueOpen}`],
    [
      '并联审批节省 Days saved in parallel',
      `${formatNumber(r.parallelApproval.daysSaved)} 工作日 days`,
      `${r.parallelApproval.bundleCases} 件一件事 bundle cases`,
    ],
    ['最多跑一次率 At most one visit', formatRate(r.visits.atMostOnce), `件均 per case ${formatNumber(r.visits.meanPerCase, 2)}`],
    ['满意率 Satisfaction', formatRate(s.satisfied), `均分 mean ${formatNumber(s.meanLevel, 2)}; 申诉排除 excluded ${s.excluded}`],
    ['差评率 Negative', formatRate(s.negative), ''],
    ['整改按时率 Rectified on time', formatRate(s.rectifications.onTimeRate), `超期 overdue ${s.rectifications.overdue}; 整改中 open ${s.rectifications.open}`],
  ], true);
  const departments =
    r.onTime.departments.length === 0
      ? ['  （无 none）']
      : formatTable([
          ['部门 Department', '按时 On time', '超期 Late', '按时率 Rate', '超期未办结 Overdue open'],
          ...r.onTime.departments.map((d) => [`${d.name} ${d.departmentId}`, String(d.onTime), String(d.late), formatPercent(d.rate.value), String(d.overdueOpen)]),
        ]);
  const days = formatTable([
    ['日期 Date', '取号 Taken', '办结号 Served', '受理 Accepted', '办结 Completed', '平均等候 Wait', 'P95'],
    ...r.days.map((d) => [
      d.date,
      String(d.ticketsTaken),
      String(d.ticketsServed),
      String(d.casesAccepted),
      String(d.casesCompleted),
      formatNumber(d.meanWaitMinutes),
      formatNumber(d.p95WaitMinutes),
    ]),
  ]);
  const asOf = r.period.asOf === null ? '' : `, 截至 as of ${r.period.asOf}`;
  return [
    `大厅运行报表 Hall report · ${r.hallId} · ${r.period.from} – ${r.period.to} (${r.period.days} 天 days${asOf})`,
    '',
    ...key,
    '',
    '部门按时办结 On-time by department',
    ...departments,
    '',
    '每日统计 Daily (等候单位分钟 waits in minutes)',
    ...days,
  ].join('\n');
};
