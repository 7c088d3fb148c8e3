/** The shapes every benchmark group shares: a measured figure, the run context, a group. */

/** One measured number, as printed in the table and stored in results/latest.json. */
export interface Figure {
  readonly group: string;
  /** What was measured: `onewindow`, `flexsearch`, `naive find` … */
  readonly subject: string;
  readonly metric: string;
  /** `null` when the figure could not be measured (e.g. heap without --expose-gc, a skipped library). */
  readonly value: number | null;
  readonly unit: string;
  /** Human-readable target, e.g. `≥ 10,000,000/s`; absent when the figure has none. */
  readonly target?: string;
  /** Whether the target is met; timing targets are reported, never enforced. */
  readonly met?: boolean;
  readonly note?: string;
}

export interface BenchContext {
  /** Tiny iteration counts: proves every code path runs and results are sane, says nothing about speed. */
  readonly smoke: boolean;
  /** Figures go under the running group's name unless they name their own (a group of sub-groups). */
  record(figure: Omit<Figure, 'group'> & { readonly group?: string }): void;
  /** A sanity check: a failure marks the benchmark broken and the run exits non-zero. */
  check(condition: boolean, message: string): void;
  log(message: string): void;
  /** Extra structured detail kept in the results file (slowest queries, per-kind accuracy …). */
  detail(key: string, value: unknown): void;
}

export interface BenchGroup {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<void>;
}
