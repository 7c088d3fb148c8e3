/** Site inspections of a case (现场核查), merged into joint visits where the bundle says so (联合踏勘). */
import type { JointInspection, Matter } from '../catalog/types.ts';
import type { PlannedInspection } from './types.ts';

/**
 * Every task whose matter needs a site inspection gets exactly one inspection. A bundle joint inspection
 * becomes one visit when two or more of its chosen members need one; with a single such member it is just
 * that task's own inspection (nothing to merge), so the task carries no `jointInspection`. A task named by
 * two joint inspections goes with the first (one visit per site). Joint visits come first, in bundle order,
 * then the tasks inspected alone, in `order`. A joint visit waits until all its tasks are released.
 */
export const planInspections = (
  keys: readonly string[],
  matters: readonly Matter[],
  joint: readonly JointInspection[],
  order: readonly number[],
): { inspections: PlannedInspection[]; jointOf: (string | undefined)[] } => {
  const inspections: PlannedInspection[] = [];
  const jointOf = new Array<string | undefined>(keys.length);
  for (const { name, members } of joint) {
    const taken: number[] = [];
    for (const key of members) {
      const i = keys.indexOf(key);
      if (i >= 0 && matters[i]!.siteInspection && jointOf[i] === undefined && !taken.includes(i)) taken.push(i);
    }
    if (taken.length < 2) continue;
    const departmentIds: string[] = [];
    for (const i of taken) {
      jointOf[i] = name;
      const department = matters[i]!.departmentId;
      if (!departmentIds.includes(department)) departmentIds.push(department);
    }
    inspections.push({ name, taskKeys: taken.map((i) => keys[i]!), departmentIds });
  }
  for (const i of order) {
    const matter = matters[i]!;
    if (!matter.siteInspection || jointOf[i] !== undefined) continue;
    inspections.push({ name: `${matter.name}现场核查`, taskKeys: [keys[i]!], departmentIds: [matter.departmentId] });
  }
  return { inspections, jointOf };
};
