import type { BenchContext, BenchGroup } from './bench-types.ts';
import { allEngines } from './engines/all-engines.ts';
import { buildSearchDocuments } from './engines/search-documents.ts';
import { findBrokenQueries, loadFixtures } from './load-fixtures.ts';
import { timeOnce } from './measure-time.ts';
import { formatKindTable, recordTrial } from './record-trial.ts';
import { runEngineTrial, scoreEngine, type TrialResult } from './run-engine-trial.ts';
import type { AccuracyReport } from './score-accuracy.ts';
import { pickTrialPlan, sampleQueries } from './trial-plans.ts';

/** p99 of one query on the Xiaoshan catalog: well inside a keystroke, so search-as-you-type never lags. */
export const XIAOSHAN_P99_TARGET_MS = 0.2;

/** The blind set is scored once per engine, untimed: accuracy on queries nobody tuned against. */
const recordBlindAccuracy = (ctx: BenchContext, subject: string, blind: AccuracyReport): void => {
  ctx.check(Number.isFinite(blind.top3), `${subject}: blind accuracy not computed`);
  ctx.check(blind.filterViolations === 0, `${subject}: ${blind.filterViolations} blind hits outside the department`);
  for (const [metric, value] of [
    ['top-1 accuracy (blind)', blind.top1],
    ['top-3 accuracy (blind)', blind.top3],
  ] as const) {
    ctx.record({ subject, metric, value: value * 100, unit: '%', note: `${Math.round(value * blind.scored)}/${blind.scored}` });
  }
  ctx.detail(`${subject} blind`, { byKind: blind.byKind, misses: blind.misses.slice(0, 40) });
};

/** Ours and three libraries over the same catalog, documents and labelled queries, in one run. */
export const searchCompareGroup: BenchGroup = {
  name: 'search-compare',
  description: 'labelled queries on Xiaoshan: onewindow vs FlexSearch, MiniSearch, Fuse.js (latency, build, top-3)',
  async run(ctx) {
    const { catalog, queries, blindQueries } = loadFixtures();
    const broken = findBrokenQueries(catalog, [...queries, ...blindQueries]);
    ctx.check(broken.length === 0, `labelled queries refer to missing matters/departments: ${broken.slice(0, 5).join('; ')}`);
    ctx.check(queries.length > 0, 'no labelled queries');
    if (queries.length < 120) ctx.log(`  note: only ${queries.length} labelled queries (≥ 120 expected)`);
    if (blindQueries.length === 0) ctx.log('  note: no blind-queries.json; blind accuracy not measured');

    // Pinyin for the libraries is made once, outside their build times (ours makes its own inside).
    const documents = timeOnce(() => buildSearchDocuments(catalog));
    ctx.record({
      subject: 'libraries (shared input)',
      metric: 'documents + pinyin-pro',
      value: documents.ms,
      unit: 'ms',
      note: 'not in the libraries build times',
    });

    const reports: { subject: string; trial: TrialResult; blind: AccuracyReport | undefined }[] = [];
    for (const factory of allEngines) {
      ctx.log(`  ${factory.name}: ${factory.config}`);
      const ours = factory.role === 'ours';
      const plan = pickTrialPlan(ctx.smoke, 'xiaoshan', factory.role);
      const sample = sampleQueries(queries, plan.perKind);
      const trial = runEngineTrial({
        factory,
        catalog,
        documents: documents.value,
        queries: sample,
        plan: plan.latency,
        buildRepetitions: ctx.smoke ? 1 : 5,
      });
      recordTrial(ctx, factory.name, trial, {
        sampled: sample.length,
        total: queries.length,
        ...(ours ? { p99TargetMs: XIAOSHAN_P99_TARGET_MS } : {}),
      });
      const blind = blindQueries.length ? scoreEngine(trial.engine, blindQueries) : undefined;
      if (blind) recordBlindAccuracy(ctx, factory.name, blind);
      reports.push({ subject: factory.name, trial, blind });
      if (ours) {
        // Typing a matter's exact name and not finding it means the engine, not the ranking, is broken.
        const exact = new Set(queries.filter((q) => q.query === q.expect).map((q) => q.query));
        const lost = trial.accuracy.misses.filter((m) => exact.has(m.query));
        ctx.check(lost.length === 0, `onewindow misses exact-name queries: ${lost.map((m) => m.query).join(', ')}`);
      }
    }
    ctx.detail('configs', Object.fromEntries(allEngines.map((f) => [f.name, f.config])));
    ctx.log('  top-3 found per query kind (labelled set):');
    ctx.log(
      formatKindTable(
        queries.map((q) => q.kind),
        reports.map((r) => ({ subject: r.subject, accuracy: r.trial.accuracy })),
      ).replace(/^/gm, '    '),
    );
    if (blindQueries.length === 0) return;
    ctx.log('  top-3 found per query kind (blind set):');
    ctx.log(
      formatKindTable(
        blindQueries.map((q) => q.kind),
        reports.flatMap((r) => (r.blind ? [{ subject: r.subject, accuracy: r.blind }] : [])),
      ).replace(/^/gm, '    '),
    );
  },
};
