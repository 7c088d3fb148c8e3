/** What each hall benchmark returns: figures in the harness's shape, sanity checks, details for the results file. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figure } from './bench-types.ts';
import { formatTextTable } from './format-table.ts';
import { median, percentile, type LoadResult } from './workerd/load-client.ts';

export type HallFigure = Omit<Figure, 'group'>;

export interface HallBenchReport {
  readonly figures: HallFigure[];
  /** Failed sanity checks (a broken benchmark, not a slow one). Empty when all is well. */
  readonly failures: string[];
  readonly details: Record<string, unknown>;
}

export const createReport = (): HallBenchReport => ({ figures: [], failures: [], details: {} });

export const checkThat = (report: HallBenchReport, condition: boolean, message: string): void => {
  if (!condition) report.failures.push(message);
};

export const printReport = (group: string, report: HallBenchReport): void => {
  console.log(formatTextTable(report.figures.map((f) => ({ group, ...f }))));
  for (const failure of report.failures) console.log(`  ✗ ${failure}`);
};

/** True when this module is the script node was started with (`npx tsx bench/hall-xxx.ts`). */
export const isMainModule = (moduleUrl: string): boolean => {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(resolve(entry)).href === moduleUrl;
};

/**
 * Runs a group's benchmarks and prints them when this module is the script node was started with
 * (`npx tsx bench/xxx-http.ts [--smoke]`); a failed sanity check sets a non-zero exit code.
 */
export const runIfMainModule = async (
  moduleUrl: string,
  group: string,
  run: (options: { smoke: boolean }) => Promise<{ figures: readonly Figure[]; failures: readonly string[] }>,
): Promise<void> => {
  if (!isMainModule(moduleUrl)) return;
  const smoke = process.argv.includes('--smoke');
  const { figures, failures } = await run({ smoke });
  const report = createReport();
  report.figures.push(...figures);
  report.failures.push(...failures);
  printReport(group, report);
  if (failures.length > 0) process.exitCode = 1;
};

/** Throughput (median over rounds) and p50 / p99 latency (pooled over rounds) of one HTTP subject. */
export const describeLoad = (subject: string, results: readonly LoadResult[], concurrency: number): HallFigure[] => {
  const latencies = Float64Array.from(results.flatMap((r) => [...r.latencies])).sort();
  return [
    { subject, metric: 'throughput', value: Math.round(median(results.map((r) => r.requestsPerSecond))), unit: 'req/s', note: `${concurrency} clients` },
    { subject, metric: 'p50 latency', value: Number(percentile(latencies, 0.5).toFixed(2)), unit: 'ms' },
    { subject, metric: 'p99 latency', value: Number(percentile(latencies, 0.99).toFixed(2)), unit: 'ms' },
  ];
};
