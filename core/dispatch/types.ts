/**
 * Dispatch's shapes (前台综合受理、后台分类审批): a case becomes one back-office task per matter at its
 * department; a bundle's dependency graph orders them into stages; site inspections are merged.
 */
import type { Checklist } from '../review/types.ts';

export interface PlannedTask {
  /** The bundle member key, or the matter code for a single-matter case. Unique within the plan. */
  readonly key: string;
  readonly matterCode: string;
  readonly matterName: string;
  readonly departmentId: string;
  /** 0-based stage: stage 0 goes out at acceptance; stage n once all its predecessors are approved. */
  readonly stage: number;
  /** Keys that must be approved before this task is released. */
  readonly dependsOn: readonly string[];
  /** The joint inspection this task's site inspection belongs to, if any. */
  readonly jointInspection?: string;
  /** The matter's promised limit in working days (0 on the spot), as used for the critical path. */
  readonly promisedDays: number;
}

export interface PlannedInspection {
  readonly name: string;
  readonly taskKeys: readonly string[];
  readonly departmentIds: readonly string[];
}

export interface CasePlan {
  readonly bundleId?: string;
  readonly tasks: readonly PlannedTask[];
  /** Task keys per stage, in order. */
  readonly stages: readonly (readonly string[])[];
  readonly inspections: readonly PlannedInspection[];
  readonly checklist: Checklist;
  /** Longest chain of promised days through the dependency graph (parallel approval). */
  readonly criticalPathDays: number;
  readonly criticalPath: readonly string[];
  /** What one-after-another would take: the sum of the members' promised days. */
  readonly sequentialDays: number;
  readonly daysSaved: number;
  /** The bundle's own promise where it has one (企业开办 ≤ 1 working day), else the critical path. */
  readonly promisedDays: number;
}

/** A task's progress as release decisions need it. */
export type TaskProgress = 'waiting' | 'released' | 'approved' | 'rejected' | 'withdrawn';
