import type { BenchGroup } from './bench-types.ts';
import { runHallHttpBenchmarks } from './hall-http.ts';

/**
 * Ticket takes over HTTP through local workerd, beside a bare Durable Object RPC echo and itty-durable
 * (hall-http.ts), as one group of this harness.
 */
export const hallHttpGroup: BenchGroup = {
  name: 'hall-http',
  description: 'hall over HTTP in local workerd: ticket take vs bare DO RPC echo, native RPC vs itty-durable',
  async run(ctx) {
    const results = await runHallHttpBenchmarks({ smoke: ctx.smoke });
    ctx.check(results.figures.length > 0, 'hall-http benchmarks produced no figures');
    for (const figure of results.figures) ctx.record(figure);
    for (const failure of results.failures) ctx.check(false, failure);
  },
};
