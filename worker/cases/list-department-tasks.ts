import { err, localDateOf, ok, type Result } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { readDepartmentTasks } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import { presentDepartmentRef } from '../replies/department-ref.ts';
import { INBOX_STATUSES } from '../schemas/case.ts';
import type { InboxReply } from '../schemas/case-replies.ts';
import { toTaskState } from './case-record.ts';
import { presentTask } from './present-case.ts';
import { refreshDepartmentDueDates } from './refresh-due-dates.ts';

/**
 * 即收即审: a department's released, undecided tasks (or those in one status), soonest due first, each with
 * its deadline level and working days left as of today. Tasks whose due date is pending the next year's
 * holiday schedule come after every task with a known date (they are all due after the calendar's last day),
 * at level `awaiting-calendar`; pending dates the calendar now covers are written first, so they sort among the
 * known ones. DEPARTMENT_NOT_FOUND for an id the catalog lacks. Only the tasks of `tenantId`'s cases.
 */
export const listDepartmentTasks = async (
  db: Database,
  departmentId: string,
  status: (typeof INBOX_STATUSES)[number] | undefined,
  limit: number,
  tenantId: string,
  now: number,
): Promise<Result<InboxReply>> => {
  const store = getCatalogStore();
  if (!store.index.departments.has(departmentId)) return err('DEPARTMENT_NOT_FOUND', { id: departmentId });
  await refreshDepartmentDueDates(db, departmentId);
  const rows = await readDepartmentTasks(db, departmentId, status === undefined ? INBOX_STATUSES : [status], limit, tenantId);
  const today = localDateOf(now);
  return ok({
    department: presentDepartmentRef(store, departmentId),
    today,
    tasks: rows.map((row) => presentTask(row, toTaskState(row), today)),
  });
};
