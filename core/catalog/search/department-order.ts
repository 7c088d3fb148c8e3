/**
 * Departments, for filtered searches only: each department's index, and each text's matters regrouped by
 * department, so a filtered search finds a text's matters in one department by binary search instead of
 * scanning them (a national text stands for ~120 matters, one per region). Built on the first filtered search
 * and kept with the index.
 */
import type { BuiltSearchIndex } from './build-search-index.ts';

export interface DepartmentOrder {
  /** Department id → index, in order of first appearance in the catalog. */
  readonly departmentIds: ReadonlyMap<string, number>;
  /** Same ranges as the index's textMatters (matterStart), each range sorted by department, stably. */
  readonly matters: Int32Array;
  readonly factors: Float64Array;
  readonly departments: Int32Array;
}

/** The index's department order, built on first use. */
export function obtainDepartmentOrder(ix: BuiltSearchIndex): DepartmentOrder {
  return (ix.departmentOrder ??= orderByDepartment(ix));
}

function orderByDepartment(ix: BuiltSearchIndex): DepartmentOrder {
  const departmentIds = new Map<string, number>();
  const matterDepartment = new Int32Array(ix.matters.length);
  ix.matters.forEach((matter, m) => {
    let d = departmentIds.get(matter.departmentId);
    if (d === undefined) departmentIds.set(matter.departmentId, (d = departmentIds.size));
    matterDepartment[m] = d;
  });
  const total = ix.textMatters.length;
  const matters = new Int32Array(total);
  const factors = new Float64Array(total);
  const departments = new Int32Array(total);
  for (let t = 0; t < ix.textCount; t++) {
    const start = ix.matterStart[t] ?? 0;
    const end = ix.matterStart[t + 1] ?? 0;
    const order: number[] = [];
    for (let i = start; i < end; i++) order.push(i);
    // Stable: within a department the (alias rank, catalog) order of the range is kept.
    const departmentOf = (i: number): number => matterDepartment[ix.textMatters[i] ?? 0] ?? 0;
    order.sort((a, b) => departmentOf(a) - departmentOf(b) || a - b);
    order.forEach((i, k) => {
      matters[start + k] = ix.textMatters[i] ?? 0;
      factors[start + k] = ix.matterFactors[i] ?? 1;
      departments[start + k] = departmentOf(i);
    });
  }
  return { departmentIds, matters, factors, departments };
}

/** Whether text t leads to a matter of the department. */
export function holdsDepartment(ix: BuiltSearchIndex, order: DepartmentOrder, t: number, department: number): boolean {
  const end = ix.matterStart[t + 1] as number;
  const from = lowerBound(order.departments, ix.matterStart[t] as number, end, department);
  return from < end && order.departments[from] === department;
}

/** The [from, to) part of text t's range that belongs to a department (empty when none). */
export function findDepartmentRange(
  ix: BuiltSearchIndex,
  order: DepartmentOrder,
  t: number,
  department: number,
): [number, number] {
  const end = ix.matterStart[t + 1] ?? 0;
  const from = lowerBound(order.departments, ix.matterStart[t] ?? 0, end, department);
  return [from, lowerBound(order.departments, from, end, department + 1)];
}

function lowerBound(values: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
