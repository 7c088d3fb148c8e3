import { err, localDateOf, ok, type Result } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { readDepartmentTasks } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import { presentDepartmentRef } from '../replies/department-ref.ts';
import { INBOX_STATUSES } from '../schemas/case.ts';
import type { InboxReply } from '../schemas/case-replies.ts';
import { toTaskState } from './case-record.ts';
import { presentTask } from './present-case.ts';

/**
 * 即收即审: a department's released, undecided tasks (or those in one status), soonest due first, each with
 * its deadline level and working days left as of today. DEPARTMENT_NOT_FOUND for an id the catalog lacks.
 */
export const listDepartmentTasks = async (
  db: Database,
  departmentId: string,
  status: (typeof INBOX_STATUSES)[number] | undefined,
  limit: number,
  now: number,
): Promise<Result<InboxReply>> => {
  const store = getCatalogStore();
  if (!store.index.departments.has(departmentId)) return err('DEPARTMENT_NOT_FOUND', { id: departmentId });
  const rows = await readDepartmentTasks(db, departmentId, status === undefined ? INBOX_STATUSES : [status], limit);
  const today = localDateOf(now);
  return ok({
    department: presentDepartmentRef(store, departmentId),
    today,
    tasks: rows.map((row) => presentTask(row, toTaskState(row), today)),
  });
};
