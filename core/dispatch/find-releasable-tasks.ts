/** Which back-office tasks a progress change lets go out (并联审批), and which can no longer happen. */
import type { CasePlan, PlannedTask, TaskProgress } from './types.ts';

/**
 * `release`: waiting tasks whose every predecessor is approved (stage-0 tasks have none, so they go at
 * once). `withdraw`: waiting tasks downstream of a rejected or withdrawn task, transitively, in one answer,
 * so a rejection clears the whole chain at once. A task with no progress entry counts as waiting.
 * Both lists follow plan order. The caller applies them; calling again with the same progress is idempotent.
 */
export const findReleasableTasks = (
  plan: CasePlan,
  progress: ReadonlyMap<string, TaskProgress>,
): { release: string[]; withdraw: string[] } => {
  const release: string[] = [];
  const withdraw: string[] = [];
  const byKey = new Map<string, PlannedTask>();
  for (const task of plan.tasks) byKey.set(task.key, task);
  const dead = new Map<string, boolean>();

  /** Rejected or withdrawn, or waiting behind one that is (memoised; a cycle reads as alive). */
  const isDead = (key: string): boolean => {
    const known = dead.get(key);
    if (known !== undefined) return known;
    const status = progress.get(key) ?? 'waiting';
    if (status === 'rejected' || status === 'withdrawn') return remember(key, true);
    if (status !== 'waiting') return remember(key, false);
    dead.set(key, false);
    return remember(key, byKey.get(key)?.dependsOn.some(isDead) ?? false);
  };
  const remember = (key: string, value: boolean): boolean => {
    dead.set(key, value);
    return value;
  };

  for (const task of plan.tasks) {
    if ((progress.get(task.key) ?? 'waiting') !== 'waiting') continue;
    if (task.dependsOn.some(isDead)) withdraw.push(task.key);
    else if (task.dependsOn.every((key) => progress.get(key) === 'approved')) release.push(task.key);
  }
  return { release, withdraw };
};
