/**
 * What the load run measured, kept per request: the route (a template such as `POST /v1/tasks/{id}/claim`, so
 * one line per endpoint, not per id), when it started, how long it took, and how it ended. Pure: the driver feeds
 * it samples with times it measured itself, so the same figures come out in a test.
 */

/** ok: the reply a person expects; conflict: a domain refusal the mix provokes on purpose (two reviewers
 *  claiming one task), counted apart so it is visible but never mistaken for a fault; error: anything else. */
export type Outcome = 'ok' | 'conflict' | 'error';

export interface Sample {
  readonly route: string;
  /** ms since the measured phase started (request start). */
  readonly at: number;
  readonly ms: number;
  readonly status: number;
  readonly outcome: Outcome;
}

export interface RouteFigures {
  readonly route: string;
  readonly count: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
  readonly errors: number;
  readonly conflicts: number;
  /** Replies by HTTP status (0: no reply: refused, reset or timed out). */
  readonly statuses: Readonly<Record<string, number>>;
}

export interface TimelinePoint {
  /** Start of the bucket, s since the measured phase started. */
  readonly t: number;
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly errors: number;
}

/** Nearest-rank percentile of ascending samples; NaN for none. */
export const percentileOf = (sorted: ArrayLike<number>, p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/** Figures of a set of samples under one name, over `seconds` of measured time. */
export const summarise = (route: string, samples: readonly Sample[], seconds: number): RouteFigures => {
  const sorted = Float64Array.from(samples, (s) => s.ms).sort();
  const statuses: Record<string, number> = {};
  let errors = 0;
  let conflicts = 0;
  let sum = 0;
  for (const s of samples) {
    statuses[s.status] = (statuses[s.status] ?? 0) + 1;
    if (s.outcome === 'error') errors++;
    if (s.outcome === 'conflict') conflicts++;
    sum += s.ms;
  }
  return {
    route,
    count: samples.length,
    perSecond: seconds > 0 ? samples.length / seconds : Number.NaN,
    p50Ms: percentileOf(sorted, 0.5),
    p95Ms: percentileOf(sorted, 0.95),
    p99Ms: percentileOf(sorted, 0.99),
    maxMs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
    meanMs: samples.length === 0 ? Number.NaN : sum / samples.length,
    errors,
    conflicts,
    statuses,
  };
};

/** One line per route, busiest first (ties by name, so two runs list routes in the same order). */
export const summariseByRoute = (samples: readonly Sample[], seconds: number): RouteFigures[] => {
  const byRoute = new Map<string, Sample[]>();
  for (const s of samples) {
    const list = byRoute.get(s.route);
    if (list) list.push(s);
    else byRoute.set(s.route, [s]);
  }
  return [...byRoute]
    .map(([route, list]) => summarise(route, list, seconds))
    .sort((a, b) => b.count - a.count || a.route.localeCompare(b.route));
};

/** Latency over time: samples bucketed by start time, `bucketSeconds` wide, from 0 to `seconds`. */
export const buildTimeline = (samples: readonly Sample[], seconds: number, bucketSeconds: number): TimelinePoint[] => {
  const buckets = Math.max(1, Math.ceil(seconds / bucketSeconds));
  const lists: number[][] = Array.from({ length: buckets }, () => []);
  const errors = new Array<number>(buckets).fill(0);
  for (const s of samples) {
    const i = Math.min(buckets - 1, Math.max(0, Math.floor(s.at / 1000 / bucketSeconds)));
    lists[i]!.push(s.ms);
    if (s.outcome === 'error') errors[i]!++;
  }
  return lists.map((list, i) => {
    const sorted = Float64Array.from(list).sort();
    return { t: i * bucketSeconds, count: list.length, p50Ms: percentileOf(sorted, 0.5), p95Ms: percentileOf(sorted, 0.95), errors: errors[i]! };
  });
};

/**
 * A running tally for the progress line: totals, and the p95 of the last `windowMs` (the "current" p95: a run's
 * whole-run p95 hides a slowdown that started a few seconds ago).
 */
export class LiveTally {
  requests = 0;
  errors = 0;
  private readonly recent: { at: number; ms: number }[] = [];

  constructor(private readonly windowMs: number) {}

  add(sample: Pick<Sample, 'at' | 'ms' | 'outcome'>): void {
    this.requests++;
    if (sample.outcome === 'error') this.errors++;
    this.recent.push({ at: sample.at + sample.ms, ms: sample.ms });
  }

  /** p95 of the replies that ended in the last window before `now` (ms since start). */
  recentP95(now: number): number {
    let drop = 0;
    while (drop < this.recent.length && this.recent[drop]!.at < now - this.windowMs) drop++;
    this.recent.splice(0, drop);
    return percentileOf(Float64Array.from(this.recent, (r) => r.ms).sort(), 0.95);
  }
}
