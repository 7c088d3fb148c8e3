import type { LabelledQuery } from './load-fixtures.ts';
import type { LatencyPlan } from './measure-latency.ts';

/** Which catalog a trial runs on, and whose engine: they decide how many rounds are affordable. */
export type TrialScale = 'xiaoshan' | 'national';
export type TrialSubject = 'ours' | 'naive' | 'library';

export interface TrialPlan {
  readonly latency: LatencyPlan;
  /** Queries per kind, when the engine is too slow for all of them (the naive oracle scans every text). */
  readonly perKind?: number;
}

/** Smoke: one warm-up query and one timed round exercise every path; the numbers mean nothing. */
const smokeLatency: LatencyPlan = { warmupRounds: 1, minRounds: 1, maxRounds: 1, budgetMs: 0, hardCapMs: 120_000 };

/**
 * Full runs: ours is fast, so many rounds give a stable p99; others get a time budget, and a hard cap so a
 * slow engine at national scale costs minutes, not hours (coverage then says how far it got).
 */
const fullPlans: Record<TrialScale, Record<TrialSubject, TrialPlan>> = {
  xiaoshan: {
    ours: { latency: { warmupRounds: 5, minRounds: 100, maxRounds: 1000, budgetMs: 4000, hardCapMs: 60_000 } },
    naive: { latency: { warmupRounds: 1, minRounds: 1, maxRounds: 5, budgetMs: 10_000, hardCapMs: 60_000 }, perKind: 4 },
    library: { latency: { warmupRounds: 2, minRounds: 5, maxRounds: 300, budgetMs: 4000, hardCapMs: 60_000 } },
  },
  national: {
    ours: { latency: { warmupRounds: 3, minRounds: 20, maxRounds: 500, budgetMs: 6000, hardCapMs: 60_000 } },
    naive: { latency: { warmupRounds: 1, minRounds: 1, maxRounds: 3, budgetMs: 10_000, hardCapMs: 60_000 }, perKind: 2 },
    library: { latency: { warmupRounds: 1, minRounds: 1, maxRounds: 50, budgetMs: 8000, hardCapMs: 180_000 } },
  },
};

export const pickTrialPlan = (smoke: boolean, scale: TrialScale, subject: TrialSubject): TrialPlan => {
  if (!smoke) return fullPlans[scale][subject];
  // Smoke still runs every query through ours and the Xiaoshan libraries; slow engines see one or two per kind.
  const perKind = subject === 'naive' ? 1 : scale === 'national' && subject === 'library' ? 2 : undefined;
  return perKind === undefined ? { latency: smokeLatency } : { latency: smokeLatency, perKind };
};

/** The first `perKind` queries of every kind, in file order, so every query family stays represented. */
export const sampleQueries = (queries: readonly LabelledQuery[], perKind: number | undefined): LabelledQuery[] => {
  if (perKind === undefined) return [...queries];
  const taken = new Map<string, number>();
  return queries.filter((q) => {
    const n = taken.get(q.kind) ?? 0;
    taken.set(q.kind, n + 1);
    return n < perKind;
  });
};
