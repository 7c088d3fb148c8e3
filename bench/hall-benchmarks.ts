/**
 * The hall benchmarks in one call, for bench/run.ts to wire in: core throughput (hall-throughput.ts) and the
 * simulated Xiaoshan day (hall-simulated-day.ts). Returns the figures (in the harness's Figure shape, grouped)
 * and any failed sanity check; prints the table.
 *   npx tsx bench/hall-benchmarks.ts [--smoke]
 */
import type { Figure } from './bench-types.ts';
import { isMainModule, printReport, type HallBenchReport } from './hall-report.ts';
import { runHallSimulatedDay } from './hall-simulated-day.ts';
import { runHallThroughput } from './hall-throughput.ts';

export interface HallBenchmarkResults {
  readonly groups: Readonly<Record<'hall-throughput' | 'hall-simulated-day', HallBenchReport>>;
  readonly figures: readonly Figure[];
  /** Failed sanity checks: non-empty means a benchmark is broken (timings never fail). */
  readonly failures: readonly string[];
}

export const runHallBenchmarks = async ({ smoke }: { smoke: boolean }): Promise<HallBenchmarkResults> => {
  const groups = {
    'hall-throughput': await runHallThroughput({ smoke }),
    'hall-simulated-day': await runHallSimulatedDay({ smoke }),
  };
  const figures: Figure[] = [];
  const failures: string[] = [];
  for (const [group, report] of Object.entries(groups)) {
    printReport(group, report);
    console.log('');
    figures.push(...report.figures.map((f) => ({ group, ...f })));
    failures.push(...report.failures.map((f) => `${group}: ${f}`));
  }
  return { groups, figures, failures };
};

if (isMainModule(import.meta.url)) {
  const results = await runHallBenchmarks({ smoke: process.argv.includes('--smoke') });
  if (results.failures.length > 0) process.exitCode = 1;
}
