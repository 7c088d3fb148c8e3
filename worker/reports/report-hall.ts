import { buildHallReport, checkReportPeriod, localDateOf, ok, type HallReport, type Result } from '../../core/index.ts';
import { workCalendar } from '../cases/case-clock.ts';
import { getCatalogStore } from '../catalog-store.ts';
import type { Database } from '../db/client.ts';
import { listHallEvaluations } from '../db/evaluations.ts';
import type { HallObject } from '../hall-object.ts';
import type { HallDayRecord } from '../hall/hall-days.ts';
import { readReportRecords } from './read-report-records.ts';
import { summarizeReportEvaluations } from './report-evaluations.ts';

/**
 * 大厅运行报表: one hall's figures from `from` to `to` (request text, checked first: INVALID_DATE, or INVALID_INPUT
 * for a reversed or over-long period). Cases and tasks from D1, the queue's days from the hall object (its
 * durable day records and the live day), 好差评 from D1; core builds the figures. While the period runs (it
 * reaches today) the report is as of today, so tasks not yet due are not judged late.
 */
export const reportHall = async (
  db: Database,
  hall: DurableObjectStub<HallObject>,
  hallId: string,
  fromText: string,
  toText: string,
  now: number,
): Promise<Result<HallReport>> => {
  const period = checkReportPeriod(fromText, toText);
  if (!period.ok) return period;
  const { from, to } = period.value;
  const today = localDateOf(now);
  const [records, days, rated] = await Promise.all([
    readReportRecords(db, hallId, from, to),
    hall.listDayStats(hallId, from, to) as Promise<Result<HallDayRecord[]>>,
    listHallEvaluations(db, hallId, from, to),
  ]);
  if (!days.ok) return days;
  const evaluations = summarizeReportEvaluations(workCalendar(), rated.evaluations, rated.rectifications, today);
  if (!evaluations.ok) return evaluations;
  const departmentNames = Object.fromEntries([...getCatalogStore().index.departments].map(([id, d]) => [id, d.name]));
  return ok(
    buildHallReport({
      hallId,
      from,
      to,
      ...(today <= to ? { asOf: today } : {}),
      cases: records.cases,
      tasks: records.tasks,
      ticketDays: days.value,
      evaluations: evaluations.value,
      departmentNames,
    }),
  );
};
