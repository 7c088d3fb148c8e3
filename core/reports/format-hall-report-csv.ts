/**
 * The hall report as one CSV file for Excel: a section per table, each a title row, a header row and its data
 * rows, sections parted by an empty line. Headers are Chinese with the English in parentheses
 * (`日期 (Date)`); percentages and minutes carry two decimals; an unknown figure is an empty cell, never NaN.
 * Encoding, quoting and line ends: see csv-text.ts.
 */
import { formatCsvRows, UTF8_BOM, type CsvCell } from './csv-text.ts';
import { REPORT_LEVELS } from './summarize-satisfaction.ts';
import type { HallReport, ReportLevel, ReportRate } from './types.ts';

type Row = readonly CsvCell[];

const LEVEL_NAMES: Readonly<Record<ReportLevel, string>> = {
  5: '非常满意 (Very satisfied)',
  4: '满意 (Satisfied)',
  3: '基本满意 (Fairly satisfied)',
  2: '不满意 (Dissatisfied)',
  1: '非常不满意 (Very dissatisfied)',
};

const percent = (value: number | null): string | null => (value === null ? null : (value * 100).toFixed(2));
const decimal = (value: number | null): string | null => (value === null ? null : value.toFixed(2));

const INDICATOR_HEADER: Row = [
  '指标 (Indicator)',
  '数值 (Value)',
  '单位 (Unit)',
  '分子 (Numerator)',
  '分母 (Denominator)',
  '目标 (Goal)',
  '是否达标 (Met)',
];

const rateRow = (label: string, rate: ReportRate, goal: number | null = null, met: boolean | null = null): Row => [
  label,
  percent(rate.value),
  '%',
  rate.numerator,
  rate.denominator,
  goal === null ? null : percent(goal),
  met,
];
const countRow = (label: string, value: number, unit: string): Row => [label, value, unit, null, null, null, null];
const figureRow = (label: string, value: number | null, unit: string): Row => [label, decimal(value), unit, null, null, null, null];

const describePeriod = (report: HallReport): Row[] => [
  ['报表信息 (Report)'],
  ['项目 (Item)', '内容 (Value)'],
  ['大厅 (Hall)', report.hallId],
  ['起始日期 (From)', report.period.from],
  ['截止日期 (To)', report.period.to],
  ['天数 (Days)', report.period.days],
  ['统计截至 (As of)', report.period.asOf],
];

const describeIndicators = (r: HallReport): Row[] => {
  const { frontDesk: f, totals: t, queue: q, parallelApproval: p, visits: v, satisfaction: s } = r;
  return [
    ['主要指标 (Key figures)'],
    INDICATOR_HEADER,
    rateRow('前台集中受理率 (Front-desk concentration rate)', f.concentration, f.goal, f.met),
    countRow('综合窗口受理 (Accepted at general windows)', f.generalWindow, '件 (cases)'),
    countRow('部门窗口受理 (Accepted at department windows)', f.departmentWindow, '件 (cases)'),
    countRow('网上受理 (Accepted online)', f.online, '件 (cases)'),
    rateRow('网上受理占比 (Online share)', f.onlineShare),
    countRow('取号数 (Tickets taken)', t.ticketsTaken, '个 (tickets)'),
    countRow('办结号数 (Tickets served)', t.ticketsServed, '个 (tickets)'),
    countRow('受理件数 (Cases accepted)', t.casesAccepted, '件 (cases)'),
    countRow('办结件数 (Cases completed)', t.casesCompleted, '件 (cases)'),
    countRow('有业务天数 (Active days)', t.activeDays, '天 (days)'),
    figureRow('日均取号 (Tickets per active day)', t.ticketsPerActiveDay, '个 (tickets)'),
    figureRow('日均受理 (Cases per active day)', t.casesPerActiveDay, '件 (cases)'),
    figureRow('平均等候时间 (Mean wait)', q.meanWaitMinutes, '分钟 (min)'),
    figureRow('95%等候时间 (P95 wait)', q.p95WaitMinutes, '分钟 (min)'),
    figureRow('平均办理时间 (Mean handling time)', q.meanHandlingMinutes, '分钟 (min)'),
    rateRow('按时办结率 (On-time rate)', r.onTime.hall.rate),
    countRow('超期未办结 (Overdue, undecided)', r.onTime.hall.overdueOpen, '件 (tasks)'),
    countRow('一件事办结 (Bundle cases completed)', p.bundleCases, '件 (cases)'),
    figureRow('串联承诺天数合计 (Sequential days)', p.sequentialDays, '工作日 (working days)'),
    figureRow('并联关键路径天数合计 (Critical path days)', p.criticalPathDays, '工作日 (working days)'),
    figureRow('并联审批节省天数 (Days saved by parallel approval)', p.daysSaved, '工作日 (working days)'),
    figureRow('件均节省天数 (Days saved per bundle case)', p.meanDaysSaved, '工作日 (working days)'),
    figureRow('件均跑动次数 (Visits per case)', v.meanPerCase, '次 (visits)'),
    rateRow('最多跑一次率 (At most one visit)', v.atMostOnce),
    rateRow('零跑腿率 (No visit)', v.zero),
    countRow('参评数 (Ratings counted)', s.counted, '条 (ratings)'),
    countRow('申诉排除 (Excluded by upheld appeal)', s.excluded, '条 (ratings)'),
    figureRow('平均评分 (Mean level)', s.meanLevel, '分 (of 5)'),
    rateRow('满意率 (Satisfaction rate)', s.satisfied),
    rateRow('差评率 (Negative rate)', s.negative),
    rateRow('差评整改按时率 (Rectified on time)', s.rectifications.onTimeRate),
    countRow('整改超期 (Rectifications overdue)', s.rectifications.overdue, '件 (rectifications)'),
    countRow('整改中 (Rectifications open)', s.rectifications.open, '件 (rectifications)'),
    countRow('申诉成立 (Appeals upheld)', s.appeals.upheld, '件 (appeals)'),
    countRow('申诉驳回 (Appeals rejected)', s.appeals.rejected, '件 (appeals)'),
    countRow('申诉待定 (Appeals pending)', s.appeals.pending, '件 (appeals)'),
    rateRow('追评转满意 (Follow-ups no longer negative)', s.followUps.satisfied),
  ];
};

const describeDays = (report: HallReport): Row[] => [
  ['每日统计 (Daily)'],
  [
    '日期 (Date)',
    '取号数 (Tickets taken)',
    '办结号数 (Tickets served)',
    '受理件数 (Cases accepted)',
    '办结件数 (Cases completed)',
    '平均等候分钟 (Mean wait, min)',
    '95%等候分钟 (P95 wait, min)',
    '平均办理分钟 (Mean handling, min)',
  ],
  ...report.days.map((d): Row => [
    d.date,
    d.ticketsTaken,
    d.ticketsServed,
    d.casesAccepted,
    d.casesCompleted,
    decimal(d.meanWaitMinutes),
    decimal(d.p95WaitMinutes),
    decimal(d.meanHandlingMinutes),
  ]),
];

const describeOnTime = (report: HallReport): Row[] => {
  const hall = report.onTime.hall;
  return [
    ['部门按时办结 (On-time by department)'],
    [
      '部门编码 (Department id)',
      '部门 (Department)',
      '按时办结 (On time)',
      '超时 (Late)',
      '应办结 (Judged)',
      '按时办结率% (On-time rate %)',
      '超期未办结 (Overdue, undecided)',
    ],
    ...report.onTime.departments.map((d): Row => [
      d.departmentId,
      d.name,
      d.onTime,
      d.late,
      d.rate.denominator,
      percent(d.rate.value),
      d.overdueOpen,
    ]),
    [null, '合计 (All)', hall.onTime, hall.late, hall.rate.denominator, percent(hall.rate.value), hall.overdueOpen],
  ];
};

const describeVisits = (report: HallReport): Row[] => [
  ['跑动次数分布 (Visits per case)'],
  ['跑动次数 (Visits)', '办件数 (Cases)'],
  ...report.visits.distribution.map((d): Row => [d.visits, d.cases]),
];

const describeLevels = (report: HallReport): Row[] => [
  ['评价等级分布 (Ratings by level)'],
  ['等级 (Level)', '名称 (Name)', '条数 (Ratings)'],
  ...REPORT_LEVELS.map((level): Row => [level, LEVEL_NAMES[level], report.satisfaction.byLevel[level]]),
];

/** The report as a UTF-8 CSV text with a BOM, CRLF line ends and RFC 4180 quoting. */
export const formatHallReportCsv = (report: HallReport): string => {
  const sections = [
    describePeriod(report),
    describeIndicators(report),
    describeDays(report),
    describeOnTime(report),
    describeVisits(report),
    describeLevels(report),
  ];
  return UTF8_BOM + sections.map(formatCsvRows).join('\r\n');
};
