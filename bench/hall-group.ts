import type { BenchGroup, Figure } from './bench-types.ts';
import { runHallBenchmarks } from './hall-benchmarks.ts';
import { runHallHttpBenchmarks } from './hall-http.ts';
import { runCasesHttpBenchmarks } from './cases-http.ts';
import { runCertificatesHttpBenchmarks } from './certificates-http.ts';

// The hall and case HTTP runners share this shape.
type HallRunner = (options: { smoke: boolean }) => Promise<{ figures: readonly Figure[]; failures: readonly string[] }>;

/** A hall benchmark runner as a group of this harness: its figures keep their own group names, its failed checks fail the run. */
const groupOf = (name: string, description: string, run: HallRunner): BenchGroup => ({
  name,
  description,
  async run(ctx) {
    const results = await run({ smoke: ctx.smoke });
    ctx.check(results.figures.length > 0, `${name} benchmarks produced no figures`);
    for (const figure of results.figures) ctx.record(figure);
    for (const failure of results.failures) ctx.check(false, failure);
  },
});

export const hallGroup = groupOf(
  'hall',
  'hall queue: core throughput and a simulated Xiaoshan day (hall-benchmarks.ts)',
  runHallBenchmarks,
);

export const hallHttpGroup = groupOf(
  'hall-http',
  'hall over HTTP in local workerd: ticket take vs bare DO RPC echo, native RPC vs itty-durable (hall-http.ts)',
  runHallHttpBenchmarks,
);

export const casesHttpGroup = groupOf(
  'cases-http',
  'case intake, tracking and a D1 read over HTTP in local workerd with a migrated local D1 (cases-http.ts)',
  runCasesHttpBenchmarks,
);

export const certificatesHttpGroup = groupOf(
  'certificates-http',
  'certificate issue on approval and verification (by identifier, by QR) over HTTP in local workerd, and ECDSA P-256 sign / verify per second (certificates-http.ts)',
  runCertificatesHttpBenchmarks,
);
