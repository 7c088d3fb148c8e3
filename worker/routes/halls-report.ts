import { formatHallReportCsv, type HallReport } from '../../core/index.ts';
import type { App } from '../app.ts';
import { caseClock } from '../cases/case-clock.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { openHall } from '../hall/open-hall.ts';
import { replyError } from '../http-errors.ts';
import { reportHall } from '../reports/report-hall.ts';
import { hallParamsSchema } from '../schemas/hall.ts';
import { hallReportSchema, reportQuerySchema } from '../schemas/report.ts';
import { REPORT_EXAMPLE } from '../schemas/report-examples.ts';
import { actorOf, hallOfActor } from '../tenant-guard.ts';
import { HALL_REPORT_ACCESS, TENANT_NOTE } from './route-access.ts';

const reportRoute = defineRoute({
  method: 'get',
  path: '/v1/halls/{hall}/report',
  access: HALL_REPORT_ACCESS,
  tags: ['reports'],
  summary: '大厅运行报表 The hall report',
  description:
    '改革成效统计：前台集中受理率（目标≥95%）、每日取号与办件量、平均与95%等候时间、办理时长、各部门按时办结率、' +
    '并联审批节省天数、最多跑一次率、满意率与差评整改（含超期整改）。' +
    ' The figures the reform is judged by, for one hall from `from` to `to` (Beijing dates, inclusive, at most 366' +
    ' days): front-desk concentration (general-window / on-site acceptances; goal ≥ 95%), tickets and cases per day,' +
    ' mean and p95 wait (from merged histograms) and handling time, on-time rate per department against the' +
    ' promised limits, days saved by parallel approval, visits per case (最多跑一次), satisfaction and 差评 handling' +
    ' (overdue rectifications judged today). `format=csv` answers one UTF-8 CSV file with a BOM for Excel, a' +
    ' titled section per table (`text/csv`, as an attachment). A bad date is 400 INVALID_DATE; a reversed or' +
    ' over-long period 400 INVALID_INPUT with `reason`.' +
    TENANT_NOTE,
  errors: ['HALL_NOT_FOUND', 'INVALID_DATE', 'CALENDAR_YEAR_UNKNOWN'],
  request: { params: hallParamsSchema, query: reportQuerySchema },
  responses: {
    200: {
      description: '报表 The report: JSON, or the CSV file with `format=csv`',
      headers: {
        'Content-Disposition': {
          schema: { type: 'string' },
          description: 'With format=csv: `attachment; filename="hall-report-<hall>-<from>-<to>.csv"`',
        },
      },
      content: {
        'application/json': { schema: hallReportSchema, example: REPORT_EXAMPLE },
        'text/csv': {
          schema: { type: 'string', description: 'UTF-8 with a BOM; CRLF line ends; RFC 4180 quoting' },
          example: formatHallReportCsv(REPORT_EXAMPLE),
        },
      },
    },
  },
});

/** The CSV's file name: ASCII only (hall ids and ISO dates are), so no RFC 5987 encoding is needed. */
const csvFileName = (report: HallReport): string =>
  `hall-report-${report.hallId}-${report.period.from}-${report.period.to}.csv`.replace(/[^\w.-]/g, '_');

export const registerHallReportRoutes = (app: App) => {
  app.openapi(reportRoute, async (c) => {
    const { hall } = c.req.valid('param');
    const { from, to, format } = c.req.valid('query');
    const own = hallOfActor(actorOf(c), hall);
    if (!own.ok) return replyError(c, own.error);
    const stub = openHall(c.env, hall);
    if (!stub.ok) return replyError(c, stub.error);
    const report = await reportHall(openDatabase(c.env.DB), stub.value, hall, from, to, caseClock.now());
    if (!report.ok) return replyError(c, report.error);
    c.header('Cache-Control', 'no-store');
    if (format === 'csv') {
      return c.body(formatHallReportCsv(report.value), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csvFileName(report.value)}"`,
      });
    }
    return c.json(report.value, 200);
  });
};
