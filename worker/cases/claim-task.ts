import { claimTask, localDateOf, ok, type Result } from '../../core/index.ts';
import { updateTask } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { TaskReply } from '../schemas/case-replies.ts';
import type { TenantScope } from '../tenant-guard.ts';
import { loadTaskCase, toTaskColumns } from './case-record.ts';
import { commitCaseWrite, retryOnConflict, RETRY } from './commit-case.ts';
import { describeTaskForEvent } from './dispatch-tasks.ts';
import { presentTask } from './present-case.ts';

/**
 * 领取: a reviewer takes an open task. Atomic: the update is conditional on the version read and the event on
 * the case's head, so of two reviewers claiming at once exactly one commits; the other re-reads and gets
 * TASK_ALREADY_CLAIMED. The holder claiming again gets the task unchanged (a retried request). Only the owner
 * tenant's reviewers of the task's department (loadTaskCase).
 */
export const claimCaseTask = async (db: Database, taskId: string, reviewer: string, scope: TenantScope, now: number): Promise<Result<TaskReply>> =>
  retryOnConflict(async () => {
    const loaded = await loadTaskCase(db, taskId, scope);
    if (!loaded.ok) return loaded;
    const { record, task } = loaded.value;
    const claimed = claimTask(task.state, reviewer);
    if (!claimed.ok) return claimed;
    const today = localDateOf(now);
    if (claimed.value === task.state) return ok(presentTask(task.row, task.state, today));
    const write = {
      change: {},
      statements: [updateTask(db, taskId, task.row.version, toTaskColumns(claimed.value), now)],
      events: [{ type: 'task-claimed' as const, actor: `reviewer:${reviewer}`, payload: describeTaskForEvent(claimed.value, { reviewer }) }],
    };
    if (!(await commitCaseWrite(db, record.row.number, record.head, write, now))) return RETRY;
    return ok(presentTask({ ...task.row, ...toTaskColumns(claimed.value) }, claimed.value, today));
  });
