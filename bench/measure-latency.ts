/**
 * Per-call latency over a query set, timed one call at a time with process.hrtime.bigint(): the tail (p99) of
 * single queries is what a clerk at a window feels, and batch throughput tools average it away.
 */

export interface LatencyPlan {
  /** Untimed passes over all queries, so the JIT has compiled every path before timing. */
  readonly warmupRounds: number;
  readonly minRounds: number;
  readonly maxRounds: number;
  /** Stop after this much timed work once minRounds are done. */
  readonly budgetMs: number;
  /** Hard stop even mid-round (very slow engines at national scale): coverage then reports the shortfall. */
  readonly hardCapMs: number;
}

export interface LatencyStats {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  readonly samples: number;
  readonly rounds: number;
  /** Distinct queries timed at least once, out of all queries. */
  readonly covered: number;
  /** Median time per query, slowest first, for whoever tunes the engine. */
  readonly slowest: readonly { readonly index: number; readonly medianMs: number }[];
}

/** Nearest-rank percentile over a sorted array. */
export const pickPercentile = (sorted: Float64Array, p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
};

/**
 * Times `run(i)` for every query index i, round after round. `onFirst` sees each query's first timed result
 * (for accuracy), so accuracy and latency come from the very same calls.
 */
export const measureLatency = <T>(
  count: number,
  run: (i: number) => T,
  plan: LatencyPlan,
  onFirst?: (i: number, result: T) => void,
): LatencyStats => {
  const warmupStarted = process.hrtime.bigint();
  warmup: for (let r = 0; r < plan.warmupRounds; r++) {
    for (let i = 0; i < count; i++) {
      run(i);
      // Slow engines at national scale: half the budget of warm-up is enough to compile the hot paths.
      if (Number(process.hrtime.bigint() - warmupStarted) / 1e6 > plan.budgetMs / 2) break warmup;
    }
  }

  const perQuery: number[][] = Array.from({ length: count }, () => []);
  const all: number[] = [];
  const started = process.hrtime.bigint();
  const elapsedMs = (): number => Number(process.hrtime.bigint() - started) / 1e6;
  let rounds = 0;
  let stop = false;
  while (!stop && rounds < plan.maxRounds) {
    for (let i = 0; i < count; i++) {
      const t0 = process.hrtime.bigint();
      const result = run(i);
      const ns = Number(process.hrtime.bigint() - t0);
      all.push(ns);
      perQuery[i]?.push(ns);
      if (rounds === 0) onFirst?.(i, result);
      if (elapsedMs() > plan.hardCapMs) {
        stop = true;
        break;
      }
    }
    if (!stop) rounds++;
    if (rounds >= plan.minRounds && elapsedMs() > plan.budgetMs) stop = true;
  }

  const sorted = Float64Array.from(all).sort();
  const sum = all.reduce((a, b) => a + b, 0);
  const medians = perQuery
    .map((times, index) => ({ index, medianMs: pickPercentile(Float64Array.from(times).sort(), 50) / 1e6 }))
    .filter((q) => !Number.isNaN(q.medianMs))
    .sort((a, b) => b.medianMs - a.medianMs);
  return {
    p50Ms: pickPercentile(sorted, 50) / 1e6,
    p99Ms: pickPercentile(sorted, 99) / 1e6,
    meanMs: all.length ? sum / all.length / 1e6 : Number.NaN,
    maxMs: (sorted[sorted.length - 1] ?? Number.NaN) / 1e6,
    samples: all.length,
    rounds,
    covered: medians.length,
    slowest: medians.slice(0, 5),
  };
};
