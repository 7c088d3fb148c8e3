/**
 * Case intake through local workerd with D1 (issue 4): the real worker (top-level wrangler.toml) started with
 * wrangler's unstable_startWorker on 127.0.0.1, its local D1 in a temporary directory migrated with
 * `wrangler d1 migrations apply --local` (the same migrations `npm start` applies). Nothing leaves the machine.
 *   npx tsx bench/cases-http.ts [--smoke]
 * Subjects, each round in the same order: GET /v1/health (one D1 read: the floor a D1-backed route costs),
 * POST /v1/cases for one matter, POST /v1/cases for the 企业开办 bundle (5 matters), GET /v1/track/{number}.
 * Timing never fails the run; a broken benchmark does (a wrong status, a case number given twice).
 */
import {
  buildChecklist,
  computeCreditCodeCheck,
  findBundle,
  indexCatalog,
  selectBundleMatters,
  type Matter,
} from '../core/index.ts';
import type { Figure } from './bench-types.ts';
import { checkThat, createReport, describeLoad, runIfMainModule, type HallBenchReport } from './hall-report.ts';
import { loadFixtures } from './load-fixtures.ts';
import { median, runLoad, type LoadPlan, type LoadResult } from './workerd/load-client.ts';
import { createBenchStaff } from './workerd/bench-staff.ts';
import { startMigratedWorker } from './workerd/start-local-worker.ts';

const GROUP = 'cases-http';
const TODAY = '2026-03-02';

interface Sizes {
  readonly warmup: number;
  readonly rounds: number;
  readonly count: number;
  readonly concurrency: number;
  readonly maxSeconds: number;
}

const SIZES: Record<'smoke' | 'full', Sizes> = {
  smoke: { warmup: 5, rounds: 1, count: 20, concurrency: 4, maxSeconds: 30 },
  full: { warmup: 100, rounds: 3, count: 600, concurrency: 16, maxSeconds: 60 },
};

const creditBody = '91330109MA2B3C4D5';
const company = { kind: 'organisation', name: '杭州萧然餐饮管理有限公司', creditCode: creditBody + computeCreditCodeCheck(creditBody), phone: '13800138000' };

/** Every checklist material handed in as asked: the complete case a front desk accepts. */
const materialsFor = (matters: readonly Matter[]) =>
  buildChecklist(matters, [], TODAY).items.map((item) => ({
    materialId: item.material.id,
    form: item.form === '2' ? 'electronic' : 'paper',
    originals: item.originals,
    copies: item.copies,
  }));

const buildBodies = () => {
  const { catalog } = loadFixtures();
  const index = indexCatalog(catalog);
  const matter = catalog.matters.find((m) => m.name === '食品经营许可（新办）');
  const bundle = findBundle(index, 'start-company');
  if (!matter || !bundle.ok) throw new Error('fixtures: 食品经营许可（新办） or start-company missing');
  const members = selectBundleMatters(bundle.value, index, {}, []);
  if (!members.ok) throw new Error('fixtures: start-company members');
  return {
    single: { hall: 'xiaoshan', channel: 'window', applicant: company, matterCode: matter.code, materials: materialsFor([matter]) },
    bundle: { hall: 'xiaoshan', channel: 'online', applicant: company, bundle: { id: 'start-company' }, materials: materialsFor([...members.value.values()]) },
  };
};

type SubjectId = 'health' | 'single' | 'bundle' | 'track';

const LABELS: Record<SubjectId, string> = {
  health: 'GET /v1/health (one D1 read)',
  single: 'POST /v1/cases, one matter (食品经营许可)',
  bundle: 'POST /v1/cases, 企业开办 bundle (5 matters)',
  track: 'GET /v1/track/{number}?code=',
};

/** The number and query code of an accepted case's reply, or null for any other body. */
const readAccepted = (body: string): { number: string; queryCode: string } | null => {
  try {
    const reply = JSON.parse(body) as { number?: unknown; queryCode?: unknown; status?: unknown };
    return typeof reply.number === 'string' && typeof reply.queryCode === 'string' && reply.status === 'in-review'
      ? { number: reply.number, queryCode: reply.queryCode }
      : null;
  } catch {
    return null;
  }
};

export const runCasesHttpBenchmarks = async (options: { smoke: boolean }): Promise<{ figures: readonly Figure[]; failures: readonly string[] }> => {
  const report: HallBenchReport = createReport();
  const sizes = SIZES[options.smoke ? 'smoke' : 'full'];
  const bodies = buildBodies();
  const staff = await createBenchStaff();
  const { base, dispose } = await startMigratedWorker({ dirPrefix: 'onewindow-cases-bench-', bindings: staff.bindings });
  try {
    const tracked: { number: string; queryCode: string }[] = [];
    const plan = (id: SubjectId, count: number, tag: string): LoadPlan => {
      if (id === 'health') return { base, method: 'GET', path: '/v1/health', count, concurrency: sizes.concurrency, maxSeconds: sizes.maxSeconds, expectStatus: 200 };
      if (id === 'track') {
        const t = tracked[0]!;
        return { base, method: 'GET', path: `/v1/track/${t.number}?code=${t.queryCode}`, count, concurrency: sizes.concurrency, maxSeconds: sizes.maxSeconds, expectStatus: 200 };
      }
      return {
        base,
        method: 'POST',
        path: '/v1/cases',
        body: () => (id === 'single' ? bodies.single : bodies.bundle),
        headers: (i) => ({ 'Idempotency-Key': `${id}-${tag}-${i}`, Authorization: staff.frontDesk }),
        count,
        concurrency: sizes.concurrency,
        maxSeconds: sizes.maxSeconds,
        expectStatus: 201,
        keepBodies: true,
      };
    };
    const order: SubjectId[] = ['health', 'single', 'bundle', 'track'];
    const results: Record<SubjectId, LoadResult[]> = { health: [], single: [], bundle: [], track: [] };
    const numbers: string[] = [];
    const collect = (r: LoadResult) => {
      // Bodies of every reply are kept; only the accepted ones (201) carry a case number.
      for (const body of r.bodies) {
        const reply = readAccepted(body);
        if (reply === null) continue;
        numbers.push(reply.number);
        if (tracked.length === 0) tracked.push(reply);
      }
    };
    for (const id of order) {
      const warm = await runLoad(plan(id, sizes.warmup, 'warm'));
      checkThat(report, warm.ok === warm.sent, `warm-up of ${id}: ${warm.ok}/${warm.sent}; ${warm.errors.join('; ')}`);
      if (id === 'single' || id === 'bundle') collect(warm);
    }
    for (let round = 0; round < sizes.rounds; round++) {
      for (const id of order) {
        const r = await runLoad(plan(id, sizes.count, `r${round}`));
        results[id].push(r);
        checkThat(report, r.sent > 0 && r.ok === r.sent, `${id}: ${r.ok}/${r.sent} ok; ${r.errors.join('; ')}`);
        if (id === 'single' || id === 'bundle') collect(r);
      }
    }
    checkThat(report, new Set(numbers).size === numbers.length, `a case number was given twice (${numbers.length} replies)`);
    for (const id of order) report.figures.push(...describeLoad(LABELS[id], results[id], sizes.concurrency));
    const ratio = median(results.single.map((r, i) => r.requestsPerSecond / (results.health[i]?.requestsPerSecond ?? Number.NaN)));
    report.figures.push({ subject: 'intake, one matter ÷ health', metric: 'throughput ratio', value: Number(ratio.toFixed(3)), unit: '', note: 'median of same-round ratios' });
    report.details.casesCreated = numbers.length;
    report.details.sizes = sizes;
  } catch (error) {
    report.failures.push(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await dispose();
  }
  return { figures: report.figures.map((f) => ({ group: GROUP, ...f })), failures: report.failures };
};

await runIfMainModule(import.meta.url, GROUP, runCasesHttpBenchmarks);
