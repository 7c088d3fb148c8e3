/**
 * 按时办结率 per department against the promised limits (承诺时限). The period is judged as it stood at its end:
 * - a task decided in the period is on time when decidedOn ≤ dueOn, else late;
 * - a task undecided at the end of the period (no decision, or one after `to`) whose due date fell in the period
 *   and has passed is late; one not yet due is left out (it can still be on time);
 * - a task due before the period and still undecided is not counted again (its period counted it) but shows in
 *   `overdueOpen`, the backlog of every undecided task past due;
 * - withdrawn tasks and tasks with no due date (waiting, or 到期日待定 past the calendar) are left out.
 * "Passed" means before the first day not yet over: `to + 1` for a closed period, `asOf` while it runs.
 */
import { makeRate, readAmount, readDay } from './report-figures.ts';
import type { HallReport, ReportDepartmentOnTime, ReportTask } from './types.ts';

interface Tally {
  onTime: number;
  late: number;
  overdueOpen: number;
}

/** The task's due day: dueOn, or its release day for a 即办 (0-day) matter stored without one. */
const findDueDay = (task: ReportTask): number | null => {
  if (task.dueOn !== null) return readDay(task.dueOn, `dueOn of a ${task.departmentId} task`);
  if (readAmount(task.promisedDays, `promisedDays of a ${task.departmentId} task`) === 0 && task.releasedOn !== null) {
    return readDay(task.releasedOn, `releasedOn of a ${task.departmentId} task`);
  }
  return null;
};

/**
 * @param first, last the period's day numbers (inclusive)
 * @param openDay the first day not yet over (last + 1 for a closed period; asOf if earlier)
 */
export const summarizeOnTime = (
  tasks: readonly ReportTask[],
  first: number,
  last: number,
  openDay: number,
  departmentNames: Readonly<Record<string, string>>,
): HallReport['onTime'] => {
  const tallies = new Map<string, Tally>();
  const tallyOf = (departmentId: string): Tally => {
    let tally = tallies.get(departmentId);
    if (!tally) tallies.set(departmentId, (tally = { onTime: 0, late: 0, overdueOpen: 0 }));
    return tally;
  };

  for (const task of tasks) {
    if (task.decision === 'withdrawn') continue;
    const due = findDueDay(task);
    if (due === null) continue;
    const decided = task.decidedOn === null ? null : readDay(task.decidedOn, `decidedOn of a ${task.departmentId} task`);
    if (decided !== null && decided <= last) {
      if (decided >= first) {
        const tally = tallyOf(task.departmentId);
        if (decided <= due) tally.onTime++;
        else tally.late++;
      }
      continue;
    }
    // Undecided when the period ended.
    if (due >= openDay) continue;
    const tally = tallyOf(task.departmentId);
    tally.overdueOpen++;
    if (due >= first) tally.late++;
  }

  const hall: Tally = { onTime: 0, late: 0, overdueOpen: 0 };
  const departments: ReportDepartmentOnTime[] = [...tallies]
    // Code-point order: locale collation could differ between the Worker and Node.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([departmentId, tally]) => {
      hall.onTime += tally.onTime;
      hall.late += tally.late;
      hall.overdueOpen += tally.overdueOpen;
      return {
        departmentId,
        name: Object.hasOwn(departmentNames, departmentId) ? departmentNames[departmentId]! : departmentId,
        ...tally,
        rate: makeRate(tally.onTime, tally.onTime + tally.late),
      };
    });
  return { hall: { ...hall, rate: makeRate(hall.onTime, hall.onTime + hall.late) }, departments };
};
