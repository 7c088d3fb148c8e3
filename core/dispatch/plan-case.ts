/**
 * Planning a case (前台综合受理 → 后台分类审批 → 并联审批): one back-office task per matter at its department,
 * ordered into stages by the bundle's dependencies, with merged site inspections, the shared checklist and
 * the time parallel approval saves over one-after-another.
 */
import type { IsoDate } from '../clock/types.ts';
import type { Bundle, Matter, TimeLimit } from '../catalog/types.ts';
import type { LibraryItem } from '../review/types.ts';
import { buildChecklist } from './build-checklist.ts';
import { markProducedMaterials } from './find-produced-materials.ts';
import { planInspections } from './plan-inspections.ts';
import type { CasePlan, PlannedTask } from './types.ts';

/**
 * A limit as working days for the critical path. 即办 counts 0. A calendar-day limit counts its own value:
 * N calendar days never hold more than N working days, so it is a safe upper bound; a 5/7 ratio would be
 * wrong across holidays and make-up workdays (调休), which only the legal clock can count.
 */
export const countPromisedDays = (limit: TimeLimit): number => (limit.unit === 'on_the_spot' ? 0 : limit.value);

/** A case of one matter: one task, keyed by the matter's 实施编码. */
export const planSingleMatter = (matter: Matter, library: readonly LibraryItem[], today: IsoDate): CasePlan => {
  const days = countPromisedDays(matter.promisedLimit);
  const task: PlannedTask = {
    key: matter.code,
    matterCode: matter.code,
    matterName: matter.name,
    departmentId: matter.departmentId,
    stage: 0,
    dependsOn: [],
    promisedDays: days,
  };
  return {
    tasks: [task],
    stages: [[matter.code]],
    inspections: planInspections([matter.code], [matter], [], [0]).inspections,
    checklist: buildChecklist([matter], library, today),
    criticalPathDays: days,
    criticalPath: [matter.code],
    sequentialDays: days,
    daysSaved: 0,
    promisedDays: days,
  };
};

/**
 * A bundle case over its chosen members (from selectBundleMatters; keys the bundle lacks are ignored).
 * A dependency is kept only when both ends were chosen: an omitted optional member drops its edges.
 * Stages are longest-path layers: a task's stage is one more than its latest predecessor's.
 * Tasks and stages come stage by stage, in bundle member order within a stage (inspections: planInspections).
 * A certificate one member issues and only its successors ask for is not requested (markProducedMaterials).
 * Precondition: the dependencies form no cycle (validateCatalog refuses DEPENDENCY_CYCLE).
 */
export const planBundle = (
  bundle: Bundle,
  members: ReadonlyMap<string, Matter>,
  library: readonly LibraryItem[],
  today: IsoDate,
): CasePlan => {
  const keys: string[] = [];
  const matters: Matter[] = [];
  for (const member of bundle.members) {
    const matter = members.get(member.key);
    if (matter === undefined) continue;
    keys.push(member.key);
    matters.push(matter);
  }
  const n = keys.length;
  // Bundles have a handful of members: index arrays and linear scans beat maps here.
  const preds: number[][] = [];
  for (let i = 0; i < n; i++) preds.push([]);
  for (const { from, to } of bundle.dependencies) {
    const f = keys.indexOf(from);
    const t = keys.indexOf(to);
    if (f < 0 || t < 0 || preds[t]!.includes(f)) continue;
    preds[t]!.push(f);
  }
  for (const list of preds) if (list.length > 1) list.sort((a, b) => a - b);

  const stage = layerStages(preds);
  const order = orderByStage(stage);
  const days = matters.map((m) => countPromisedDays(m.promisedLimit));
  const critical = findCriticalPath(preds, days, order);
  const { inspections, jointOf } = planInspections(keys, matters, bundle.jointInspections, order);

  const tasks: PlannedTask[] = [];
  const stages: string[][] = [];
  let sequentialDays = 0;
  for (const i of order) {
    const s = stage[i]!;
    (stages[s] ??= []).push(keys[i]!);
    sequentialDays += days[i]!;
    const task: Mutable<PlannedTask> = {
      key: keys[i]!,
      matterCode: matters[i]!.code,
      matterName: matters[i]!.name,
      departmentId: matters[i]!.departmentId,
      stage: s,
      dependsOn: preds[i]!.map((p) => keys[p]!),
      promisedDays: days[i]!,
    };
    if (jointOf[i] !== undefined) task.jointInspection = jointOf[i];
    tasks.push(task);
  }
  const criticalPathDays = critical.days;
  return {
    bundleId: bundle.id,
    tasks,
    stages,
    inspections,
    checklist: markProducedMaterials(buildChecklist(order.map((i) => matters[i]!), library, today), { keys, matters, preds, order }),
    criticalPathDays,
    criticalPath: critical.path.map((i) => keys[i]!),
    sequentialDays,
    daysSaved: sequentialDays - criticalPathDays,
    promisedDays: bundle.promisedLimit ? countPromisedDays(bundle.promisedLimit) : criticalPathDays,
  };
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Longest-path layering by repeated passes: a task is placed once all its predecessors are, one stage
 * after the latest. O(n²) on a dozen nodes is cheaper than building successor lists. Should a cycle slip
 * past validation, its first unplaced task is placed ignoring unplaced predecessors, so this still ends.
 */
export const layerStages = (preds: readonly (readonly number[])[]): number[] => {
  const n = preds.length;
  const stage = new Array<number>(n).fill(-1);
  let placed = 0;
  while (placed < n) {
    let progressed = false;
    for (let i = 0; i < n; i++) {
      if (stage[i] !== -1) continue;
      const s = stageAfter(preds[i]!, stage, false);
      if (s < 0) continue;
      stage[i] = s;
      placed++;
      progressed = true;
    }
    if (progressed) continue;
    const stuck = stage.indexOf(-1);
    stage[stuck] = stageAfter(preds[stuck]!, stage, true);
    placed++;
  }
  return stage;
};

/** One past the latest placed predecessor; -1 when one is unplaced (unless told to skip those). */
const stageAfter = (preds: readonly number[], stage: readonly number[], skipUnplaced: boolean): number => {
  let s = 0;
  for (const p of preds) {
    const ps = stage[p]!;
    if (ps === -1) {
      if (skipUnplaced) continue;
      return -1;
    }
    if (ps + 1 > s) s = ps + 1;
  }
  return s;
};

/** Node indices by stage, then by member order: a topological order. */
const orderByStage = (stage: readonly number[]): number[] => {
  const order: number[] = [];
  for (let i = 0; i < stage.length; i++) order.push(i);
  return order.sort((a, b) => stage[a]! - stage[b]! || a - b);
};

/**
 * The chain with the largest sum of promised days. Ties go to the chain with more tasks (so an all-即办
 * bundle still reports its longest chain), then to the earlier task in plan order.
 */
const findCriticalPath = (
  preds: readonly (readonly number[])[],
  days: readonly number[],
  order: readonly number[],
): { days: number; path: number[] } => {
  const n = days.length;
  const total = new Array<number>(n).fill(0);
  const hops = new Array<number>(n).fill(0);
  const parent = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false); // only a cycle could offer a predecessor not yet done
  let end = -1;
  for (const i of order) {
    let best = -1;
    for (const p of preds[i]!) if (done[p] && (best === -1 || longer(total, hops, p, best))) best = p;
    parent[i] = best;
    total[i] = days[i]! + (best === -1 ? 0 : total[best]!);
    hops[i] = best === -1 ? 0 : hops[best]! + 1;
    done[i] = true;
    if (end === -1 || longer(total, hops, i, end)) end = i;
  }
  const path: number[] = [];
  for (let i = end; i !== -1; i = parent[i]!) path.push(i);
  return { days: end === -1 ? 0 : total[end]!, path: path.reverse() };
};

const longer = (total: readonly number[], hops: readonly number[], a: number, b: number): boolean =>
  total[a]! > total[b]! || (total[a] === total[b] && hops[a]! > hops[b]!);
