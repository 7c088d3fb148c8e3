import { buildSearchIndex, indexCatalog, loadXiaoshanCatalog } from '../core/index.ts';
import type { BenchGroup } from './bench-types.ts';
import { hasGc } from './measure-heap.ts';
import { timeMedian } from './measure-time.ts';
import { runChild, type ChildMessage } from './run-child.ts';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** Median of a numeric field over the children's reports; null when any child could not measure it. */
const medianOf = (reports: readonly ChildMessage[], key: string): number | null => {
  const values = reports.map((r) => r[key]);
  return values.every((v) => typeof v === 'number') ? median(values as number[]) : null;
};

/** `copyHeap`: a further build's heap (loadXiaoshanCatalog returns the one catalog it made, so has none). */
const steps = [
  { subject: 'loadXiaoshanCatalog', ms: 'loadMs', heap: 'loadHeapBytes', copyHeap: undefined },
  {
    subject: 'indexCatalog',
    ms: 'indexCatalogMs',
    heap: 'indexCatalogHeapBytes',
    copyHeap: 'indexCatalogCopyHeapBytes',
  },
  {
    subject: 'buildSearchIndex',
    ms: 'buildSearchIndexMs',
    heap: 'buildSearchIndexHeapBytes',
    copyHeap: 'buildSearchIndexCopyHeapBytes',
  },
] as const;

/**
 * Start-up cost: each build step's first call in a fresh process (what a new worker isolate pays), the median
 * over several processes, its retained heap; and the same steps warm, repeated in this process.
 */
export const indexBuildGroup: BenchGroup = {
  name: 'index-build',
  description: 'loadXiaoshanCatalog, indexCatalog, buildSearchIndex: cold (fresh process) and warm; retained heap',
  async run(ctx) {
    const processes = ctx.smoke ? 1 : 7;
    const reports: ChildMessage[] = [];
    for (let i = 0; i < processes; i++) {
      const outcome = await runChild('./cold-build-child.ts', [], { deadlines: { start: 120_000 } });
      const done = outcome.messages.find((m) => m.event === 'done');
      ctx.check(
        done !== undefined && outcome.exitCode === 0,
        `cold build child failed (exit ${outcome.exitCode}${outcome.timedOutIn ? ', timed out' : ''}): ${outcome.stderr.slice(-500)}`,
      );
      if (done) reports.push(done);
    }
    if (reports.length === 0) return;
    ctx.check(
      reports.every((r) => typeof r['matters'] === 'number' && r['matters'] === r['indexedCodes']),
      'cold build: indexCatalog did not index every matter code',
    );
    const note = `median of ${reports.length} fresh processes`;
    for (const step of steps) {
      const ms = medianOf(reports, step.ms);
      ctx.check(ms !== null, `${step.subject}: cold time missing`);
      ctx.record({ subject: step.subject, metric: 'cold build (1st call)', value: ms, unit: 'ms', note });
      const heaps = [
        { metric: 'retained heap (1st call)', key: step.heap },
        ...(step.copyHeap ? [{ metric: 'retained heap (each further copy)', key: step.copyHeap }] : []),
      ];
      for (const { metric, key } of heaps) {
        const heap = medianOf(reports, key);
        ctx.record({
          subject: step.subject,
          metric,
          value: heap === null ? null : heap / 2 ** 20,
          unit: 'MiB',
          note: heap === null ? 'n/a: child ran without --expose-gc' : note,
        });
      }
    }

    const repetitions = ctx.smoke ? 1 : 30;
    const warmNote = `median of ${repetitions} in one process`;
    const catalog = loadXiaoshanCatalog();
    const warm: { subject: string; work: () => unknown }[] = [
      { subject: 'loadXiaoshanCatalog', work: () => loadXiaoshanCatalog() },
      { subject: 'indexCatalog', work: () => indexCatalog(catalog) },
      { subject: 'buildSearchIndex', work: () => buildSearchIndex(catalog) },
    ];
    for (const { subject, work } of warm) {
      const timed = timeMedian(repetitions, work);
      ctx.check(timed.value !== undefined && Number.isFinite(timed.ms), `${subject}: warm time not measured`);
      ctx.record({ subject, metric: 'warm build', value: timed.ms, unit: 'ms', note: warmNote });
    }
    if (!hasGc()) ctx.log('  note: no global.gc in this process (heap figures come from the child processes)');
  },
};
