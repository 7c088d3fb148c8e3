import { z } from '@hono/zod-openapi';

/**
 * The hall report (大厅运行报表, GET /v1/halls/{hall}/report): its query and its reply, which mirrors core/reports
 * HallReport. Every rate is `{ numerator, denominator, value }`, value 0-1 and null when the denominator is 0.
 */

export const reportQuerySchema = z.object({
  from: z.string().min(1).max(32).openapi({ description: '起始日期 (YYYY-MM-DD, Beijing), inclusive', example: '2026-11-01' }),
  to: z.string().min(1).max(32).openapi({ description: '截止日期 (YYYY-MM-DD), inclusive; at most 366 days after `from`', example: '2026-11-28' }),
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .openapi({ description: 'json (default), or csv: one UTF-8 file with a BOM for Excel, a section per table' }),
});

const rate = z
  .object({
    numerator: z.number().int().openapi({ example: 95 }),
    denominator: z.number().int().openapi({ example: 100 }),
    value: z.number().nullable().openapi({ description: 'numerator / denominator (0-1); null when the denominator is 0', example: 0.95 }),
  })
  .openapi('ReportRate');

const minutes = (description: string) => z.number().nullable().openapi({ description: `${description}, in minutes; null when nothing was measured` });

const dayRow = z.object({
  date: z.string().openapi({ example: '2026-11-23' }),
  ticketsTaken: z.number().int(),
  ticketsServed: z.number().int(),
  casesAccepted: z.number().int(),
  casesCompleted: z.number().int(),
  meanWaitMinutes: minutes('Mean wait'),
  p95WaitMinutes: minutes('95th percentile wait (from the day’s histogram)'),
  meanHandlingMinutes: minutes('Mean handling time'),
});

const onTimeTally = z.object({
  onTime: z.number().int().openapi({ description: 'Decided in the period by the due date' }),
  late: z.number().int().openapi({ description: 'Decided in the period after the due date, or fell due in it and still undecided' }),
  rate: rate.openapi({ description: '按时办结率 onTime / (onTime + late)' }),
  overdueOpen: z.number().int().openapi({ description: 'Backlog at the period’s end: undecided and past due' }),
});

export const hallReportSchema = z
  .object({
    hallId: z.string().openapi({ example: 'xiaoshan' }),
    period: z.object({
      from: z.string(),
      to: z.string(),
      days: z.number().int(),
      asOf: z.string().nullable().openapi({ description: 'The report day while the period runs (tasks not yet late are not judged); null for a period over' }),
    }),
    frontDesk: z
      .object({
        generalWindow: z.number().int().openapi({ description: '综合受理窗口受理件数' }),
        departmentWindow: z.number().int().openapi({ description: '部门窗口受理件数' }),
        online: z.number().int().openapi({ description: '网上受理件数' }),
        concentration: rate.openapi({ description: '前台集中受理率 generalWindow / (generalWindow + departmentWindow); online in neither part' }),
        goal: z.number().openapi({ example: 0.95 }),
        met: z.boolean().nullable().openapi({ description: 'concentration ≥ goal; null when nothing was accepted on site' }),
        onlineShare: rate.openapi({ description: 'online / every acceptance' }),
      })
      .openapi({ description: '前台集中受理 over the cases accepted in the period' }),
    days: z.array(dayRow).openapi({ description: 'Every calendar day of the period, zeros included' }),
    totals: z.object({
      ticketsTaken: z.number().int(),
      ticketsServed: z.number().int(),
      casesAccepted: z.number().int(),
      casesCompleted: z.number().int(),
      activeDays: z.number().int().openapi({ description: 'Days with a ticket taken or a case accepted' }),
      ticketsPerActiveDay: z.number().nullable(),
      casesPerActiveDay: z.number().nullable(),
    }),
    queue: z
      .object({
        waitCount: z.number().int(),
        meanWaitMinutes: minutes('Mean wait'),
        p95WaitMinutes: minutes('95th percentile wait, from the merged histograms (never an average of daily p95s)'),
        handlingCount: z.number().int(),
        meanHandlingMinutes: minutes('Mean handling time'),
      })
      .openapi({ description: '统一取号: waits over every ticket of the period' }),
    onTime: z.object({
      hall: onTimeTally,
      departments: z.array(onTimeTally.extend({ departmentId: z.string(), name: z.string() })).openapi({ description: '按时办结率 per department against the promised limits' }),
    }),
    parallelApproval: z
      .object({
        bundleCases: z.number().int(),
        sequentialDays: z.number(),
        criticalPathDays: z.number(),
        daysSaved: z.number().openapi({ description: 'Σ (one-after-another − critical path) working days' }),
        meanDaysSaved: z.number().nullable(),
      })
      .openapi({ description: '并联审批 over bundle (一件事) cases completed in the period' }),
    visits: z
      .object({
        cases: z.number().int(),
        total: z.number().int(),
        meanPerCase: z.number().nullable(),
        atMostOnce: rate.openapi({ description: '最多跑一次率: cases done with at most one visit' }),
        zero: rate.openapi({ description: '零跑腿: cases done without coming to the hall' }),
        distribution: z.array(z.object({ visits: z.number().int(), cases: z.number().int() })),
      })
      .openapi({ description: '跑动次数 over cases completed in the period' }),
    satisfaction: z
      .object({
        counted: z.number().int(),
        excluded: z.number().int().openapi({ description: 'Ratings an upheld appeal excluded' }),
        byLevel: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
        meanLevel: z.number().nullable(),
        satisfied: rate.openapi({ description: '满意率: levels 3-5 among the counted' }),
        negative: rate.openapi({ description: '差评率: levels 1-2 among the counted' }),
        rectifications: z.object({
          opened: z.number().int(),
          onTime: z.number().int(),
          overdue: z.number().int().openapi({ description: '超期整改: a limit missed (late, or still open past it)' }),
          open: z.number().int(),
          onTimeRate: rate,
        }),
        appeals: z.object({ upheld: z.number().int(), rejected: z.number().int(), pending: z.number().int() }),
        followUps: z.object({ given: z.number().int(), satisfied: rate }),
      })
      .openapi({ description: '好差评 over the ratings given in the period; 整改 judged as of the report day' }),
  })
  .openapi('HallReport');
