import { buildSearchIndex, indexCatalog } from '../core/index.ts';
import type { BenchContext, BenchGroup } from './bench-types.ts';
import { allEngines } from './engines/all-engines.ts';
import { loadFixtures } from './load-fixtures.ts';
import { measureHeap } from './measure-heap.ts';
import { measureLookups } from './measure-lookups.ts';
import { timeMedian, timeOnce } from './measure-time.ts';
import { formatKindTable, recordTrial, type TrialFigures } from './record-trial.ts';
import { countRegionsFor, replicateCatalog } from './replicate-catalog.ts';
import { runChild } from './run-child.ts';

/** National scale: ~100,000 matters; a query still answers within 2 ms at p99. */
export const NATIONAL_MATTERS = 100_000;
export const NATIONAL_P99_TARGET_MS = 2;
/** A library still building after a minute is skipped: nobody would ship that start-up. */
const BUILD_DEADLINE_MS = 60_000;

const MiB = 2 ** 20;

/** Ours in this process: replication sanity, index build time and heap, lookups. */
const measureOursInProcess = async (ctx: BenchContext, regions: number): Promise<void> => {
  const { catalog: base } = loadFixtures();
  const replicated = timeOnce(() => replicateCatalog(base, regions));
  const national = replicated.value.catalog;
  const codes = new Set(national.matters.map((m) => m.code));
  ctx.check(national.matters.length === base.matters.length * regions, 'national catalog: wrong matter count');
  ctx.check(codes.size === national.matters.length, `national catalog: ${national.matters.length - codes.size} duplicate 实施编码`);
  ctx.check(
    new Set(national.departments.map((d) => d.id)).size === base.departments.length * regions,
    'national catalog: department ids are not distinct per region',
  );
  ctx.record({
    subject: 'national catalog',
    metric: 'matters',
    value: national.matters.length,
    unit: '',
    note: `${regions} regions × ${base.matters.length}; built in ${Math.round(replicated.ms)} ms`,
  });

  const repetitions = ctx.smoke ? 1 : 5;
  const steps: { subject: string; work: () => unknown }[] = [
    { subject: 'indexCatalog', work: () => indexCatalog(national) },
    { subject: 'buildSearchIndex', work: () => buildSearchIndex(national) },
  ];
  for (const { subject, work } of steps) {
    const heap = measureHeap(work, repetitions);
    const timed = timeMedian(repetitions, work);
    ctx.record({ subject, metric: 'build', value: timed.ms, unit: 'ms', note: `median of ${repetitions}` });
    ctx.record({
      subject,
      metric: 'retained heap',
      value: heap.bytes === null ? null : heap.bytes / MiB,
      unit: 'MiB',
      ...(heap.bytes === null ? { note: 'n/a: run with node --expose-gc' } : {}),
    });
  }
  await measureLookups(ctx, national, indexCatalog(national), {
    naiveSample: ctx.smoke ? 50 : 1000,
    withTarget: false,
  });
};

/** Each engine's build and search in its own process, with a build deadline. */
const compareEnginesInChildren = async (ctx: BenchContext, regions: number, queryKinds: readonly string[]) => {
  const reports: { subject: string; trial: TrialFigures }[] = [];
  for (const factory of allEngines) {
    const ours = factory.role === 'ours';
    const outcome = await runChild('./national-engine-child.ts', [factory.name, String(regions), ctx.smoke ? '1' : '0'], {
      deadlines: { start: 600_000, ready: BUILD_DEADLINE_MS, built: 600_000 },
    });
    const done = outcome.messages.find((m) => m.event === 'done') as
      | (TrialFigures & { event: string; sampled: number })
      | undefined;
    if (!done) {
      const built = outcome.messages.some((m) => m.event === 'built');
      const reason =
        outcome.timedOutIn === 'ready'
          ? `skipped: build > ${BUILD_DEADLINE_MS / 1000} s`
          : /heap out of memory|Allocation failed/i.test(outcome.stderr)
            ? `skipped: out of memory ${built ? 'while searching' : 'while building'}`
            : `failed (exit ${outcome.exitCode}${outcome.timedOutIn ? `, deadline in ${outcome.timedOutIn}` : ''})`;
      ctx.log(`  ${factory.name}: ${reason}${reason.startsWith('failed') ? `\n${outcome.stderr.slice(-800)}` : ''}`);
      // Ours must always finish; a library may be skipped, but not crash for a reason we cannot name.
      ctx.check(!ours && reason.startsWith('skipped'), `${factory.name} at national scale: ${reason}`);
      ctx.record({ subject: factory.name, metric: 'index build', value: null, unit: 'ms', note: reason });
      continue;
    }
    recordTrial(ctx, factory.name, done, {
      sampled: done.sampled,
      total: queryKinds.length,
      ...(ours ? { p99TargetMs: NATIONAL_P99_TARGET_MS } : {}),
    });
    reports.push({ subject: factory.name, trial: done });
  }
  ctx.log('  top-3 found per query kind (national; unfiltered queries see every region’s copy of a name):');
  ctx.log(
    formatKindTable(queryKinds, reports.map((r) => ({ subject: r.subject, accuracy: r.trial.accuracy }))).replace(
      /^/gm,
      '    ',
    ),
  );
};

export const nationalCatalogGroup: BenchGroup = {
  name: 'national-catalog',
  description: `~${NATIONAL_MATTERS.toLocaleString('en-US')} matters (Xiaoshan × regions): build, heap, lookups, search vs libraries`,
  async run(ctx) {
    const { catalog, queries } = loadFixtures();
    const regions = ctx.smoke ? 3 : countRegionsFor(NATIONAL_MATTERS, catalog);
    await measureOursInProcess(ctx, regions);
    await compareEnginesInChildren(ctx, regions, queries.map((q) => q.kind));
  },
};
