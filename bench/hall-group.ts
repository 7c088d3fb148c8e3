import type { BenchGroup } from './bench-types.ts';
import { runHallBenchmarks } from './hall-benchmarks.ts';

/**
 * The hall benchmarks (hall-benchmarks.ts: queue throughput and a simulated Xiaoshan day) as one group of
 * this harness: their figures keep their own group names, their failed checks fail the run like any other.
 */
export const hallGroup: BenchGroup = {
  name: 'hall',
  description: 'hall queue: core throughput and a simulated Xiaoshan day (hall-benchmarks.ts)',
  async run(ctx) {
    const results = await runHallBenchmarks({ smoke: ctx.smoke });
    ctx.check(results.figures.length > 0, 'hall benchmarks produced no figures');
    for (const figure of results.figures) ctx.record(figure);
    for (const failure of results.failures) ctx.check(false, failure);
  },
};
