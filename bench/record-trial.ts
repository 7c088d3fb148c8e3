import type { BenchContext } from './bench-types.ts';
import type { AccuracyReport } from './score-accuracy.ts';
import type { LatencyStats } from './measure-latency.ts';

/** What a trial reports, whether it ran in this process or in a child (then it arrived as JSON). */
export interface TrialFigures {
  readonly buildMs: number;
  readonly heapBytes: number | null;
  readonly latency: LatencyStats;
  readonly accuracy: AccuracyReport;
  readonly slowestQueries: readonly { readonly query: string; readonly medianMs: number }[];
}

export interface TrialScope {
  /** Queries the engine was given (a per-kind sample for slow engines) and the whole labelled set. */
  readonly sampled: number;
  readonly total: number;
  readonly p99TargetMs?: number;
}

/** JSON turns NaN into null; a null here means "not measured" and fails the sanity checks. */
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const recordTrial = (ctx: BenchContext, subject: string, trial: TrialFigures, scope: TrialScope): void => {
  const { latency, accuracy } = trial;
  const notes = [
    scope.sampled < scope.total ? `sample of ${scope.sampled}/${scope.total} queries` : '',
    latency.covered < scope.sampled ? `timed ${latency.covered}/${scope.sampled} (hard cap)` : '',
  ].filter(Boolean);
  const withNote = notes.length ? { note: notes.join('; ') } : {};
  ctx.check(isNumber(trial.buildMs), `${subject}: build time not measured`);
  ctx.check(isNumber(latency.p99Ms) && latency.samples > 0, `${subject}: no latency samples`);
  ctx.check(isNumber(accuracy.top3) && accuracy.scored > 0, `${subject}: accuracy not computed`);
  ctx.check(accuracy.filterViolations === 0, `${subject}: ${accuracy.filterViolations} hits outside the filtered department`);

  ctx.record({ subject, metric: 'index build', value: trial.buildMs, unit: 'ms' });
  ctx.record({
    subject,
    metric: 'index heap',
    value: trial.heapBytes === null ? null : trial.heapBytes / 2 ** 20,
    unit: 'MiB',
    ...(trial.heapBytes === null ? { note: 'n/a: run with node --expose-gc' } : {}),
  });
  ctx.record({ subject, metric: 'search p50', value: latency.p50Ms, unit: 'ms', ...withNote });
  ctx.record({
    subject,
    metric: 'search p99',
    value: latency.p99Ms,
    unit: 'ms',
    ...(scope.p99TargetMs === undefined
      ? {}
      : { target: `≤ ${scope.p99TargetMs} ms`, met: latency.p99Ms <= scope.p99TargetMs }),
    ...withNote,
  });
  ctx.record({ subject, metric: 'search mean', value: latency.meanMs, unit: 'ms', ...withNote });
  ctx.record({
    subject,
    metric: 'top-1 accuracy',
    value: accuracy.top1 * 100,
    unit: '%',
    note: `${Math.round(accuracy.top1 * accuracy.scored)}/${accuracy.scored}`,
  });
  ctx.record({
    subject,
    metric: 'top-3 accuracy',
    value: accuracy.top3 * 100,
    unit: '%',
    note: `${Math.round(accuracy.top3 * accuracy.scored)}/${accuracy.scored}`,
  });
  ctx.detail(subject, {
    samples: latency.samples,
    rounds: latency.rounds,
    maxMs: latency.maxMs,
    byKind: accuracy.byKind,
    slowestQueries: trial.slowestQueries,
    misses: accuracy.misses.slice(0, 40),
  });
};

/** Accuracy per query kind, one column per engine, so a tuner sees where each engine loses. */
export const formatKindTable = (
  queryKinds: readonly string[],
  reports: readonly { readonly subject: string; readonly accuracy: AccuracyReport }[],
): string => {
  const kinds = [...new Set(queryKinds)].sort();
  const header = ['kind', 'n', ...reports.map((r) => r.subject)];
  const rows = kinds.map((kind) => {
    const total = queryKinds.filter((k) => k === kind).length;
    return [
      kind,
      String(total),
      ...reports.map((r) => {
        const k = r.accuracy.byKind[kind];
        return k ? `${k.found}/${k.total}` : '-';
      }),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
};
