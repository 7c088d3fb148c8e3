/**
 * The hall over HTTP in local workerd: ticket-take throughput and latency through the real worker, beside two
 * floors measured in the same rounds (a bare Durable Object RPC echo, and an RPC that commits one SQLite row as
 * every hall command does) and beside itty-durable doing the same take. Two ways to run the same bench worker
 * (bench/workerd/wrangler.toml: the real worker plus bench-only routes), both on 127.0.0.1, nothing leaves
 * the machine:
 *   dev     wrangler's unstable_startWorker, as `npm start` runs it: wrangler's dev ProxyWorker (a workerd of
 *           its own) in front, and every line the worker logs parsed by wrangler and appended to its debug log;
 *   direct  the `wrangler deploy` bundle in Miniflare with nothing in front and the log lines drained
 *           (bench/workerd/start-bundled-worker.ts), as bench/load runs the worker.
 *   npx tsx bench/hall-http.ts [--smoke]
 * Each round runs every subject once, in the same order; throughput is the median over rounds and ratios are
 * medians of same-round ratios (so drift in the machine's load cancels); p50/p99 pool every round's requests.
 * Timing never fails the run; a broken benchmark does (a wrong status, a ticket given twice, a lost ticket).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './bench-types.ts';
import { checkThat, createReport, isMainModule, printReport, type HallBenchReport } from './hall-report.ts';
import { median, percentile, runLoad, type LoadPlan, type LoadResult } from './workerd/load-client.ts';
import { startBundledWorker, type BundledWorker } from './workerd/start-bundled-worker.ts';

// No metrics, no Request.cf fetch: the local runtime never talks to Cloudflare.
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const GROUP = 'hall-http';
const CONFIG = fileURLToPath(new URL('./workerd/wrangler.toml', import.meta.url));
const TAKE_RATIO_TARGET = 0.7;

export interface HallHttpResults {
  readonly report: HallBenchReport;
  readonly figures: readonly Figure[];
  readonly failures: readonly string[];
}

interface Sizes {
  /** Requests one lone client sends per subject, for latency without queueing (a kiosk in a quiet hall). */
  readonly alone: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly count: number;
  readonly concurrency: number;
  readonly maxSeconds: number;
}

const SIZES: Record<'smoke' | 'full', Sizes> = {
  smoke: { alone: 20, warmup: 20, rounds: 1, count: 60, concurrency: 8, maxSeconds: 30 },
  full: { alone: 500, warmup: 2000, rounds: 5, count: 1500, concurrency: 32, maxSeconds: 60 },
};

type SubjectId = 'echo' | 'commit' | 'route' | 'native' | 'ittyEcho' | 'itty';

interface Subject {
  readonly id: SubjectId;
  readonly label: string;
  readonly path: string;
  readonly take: boolean;
}

const SUBJECTS: readonly Subject[] = [
  { id: 'echo', label: 'bare DO RPC echo (HTTP → worker → stub.echo())', path: '/echo', take: false },
  { id: 'commit', label: 'DO RPC committing one row (stub.echoCommit())', path: '/echo-commit', take: false },
  { id: 'route', label: 'ticket take: real route (Hono, zod, DO RPC, SQLite)', path: '/v1/halls/xiaoshan/tickets', take: true },
  { id: 'native', label: 'ticket take: native DO RPC (bare route)', path: '/native/tickets', take: true },
  { id: 'ittyEcho', label: 'echo through itty-durable', path: '/itty/echo', take: false },
  { id: 'itty', label: 'ticket take: itty-durable (bare route)', path: '/itty/tickets', take: true },
];

type TopologyId = 'dev' | 'direct';

interface Topology {
  readonly id: TopologyId;
  /** Appended to every subject of this topology, e.g. "… [wrangler dev]". */
  readonly tag: string;
  readonly subjects: readonly SubjectId[];
  start(dir: string): Promise<BundledWorker>;
}

const TOPOLOGIES: readonly Topology[] = [
  {
    id: 'dev',
    tag: 'wrangler dev',
    subjects: ['echo', 'commit', 'route', 'native', 'ittyEcho', 'itty'],
    start: async (dir) => {
      const { unstable_startWorker } = await import('wrangler');
      const worker = await unstable_startWorker({
        config: CONFIG,
        dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: dir, watch: false, remote: false, logLevel: 'warn' },
      });
      try {
        return { base: await worker.url, dispose: () => worker.dispose() };
      } catch (error) {
        await worker.dispose();
        throw error;
      }
    },
  },
  {
    id: 'direct',
    tag: 'workerd direct',
    subjects: ['echo', 'commit', 'route', 'native'],
    start: (dir) => startBundledWorker({ config: CONFIG, dir, name: 'onewindow-bench' }),
  },
];

/** Takes carry a fresh Idempotency-Key each, as a kiosk sends one: the key row is part of the measured work. */
const planFor = (base: URL, subject: Subject, sizes: Sizes, count: number, tag: string): LoadPlan => ({
  base,
  method: subject.take ? 'POST' : 'GET',
  path: subject.path,
  ...(subject.take
    ? {
        body: (i: number) => (i % 3 === 2 ? { class: 'priority', priorityReason: 'elderly' } : { class: 'normal' }),
        headers: (i: number) => ({ 'Idempotency-Key': `${subject.id}-${tag}-${i}` }),
        keepBodies: true,
      }
    : {}),
  count,
  concurrency: sizes.concurrency,
  maxSeconds: sizes.maxSeconds,
  expectStatus: subject.take ? 201 : 200,
});

/** Ticket numbers out of reply bodies: the real route's ticket, or the raw routes' `{ ok, value: { ticket } }`. */
const ticketNumbers = (bodies: readonly string[]): string[] =>
  bodies.flatMap((body) => {
    try {
      const parsed = JSON.parse(body) as { number?: string; value?: { ticket?: { number?: string } } };
      const number = parsed.number ?? parsed.value?.ticket?.number;
      return number ? [number] : [];
    } catch {
      return [];
    }
  });

const pooledPercentile = (results: readonly LoadResult[], p: number): number => {
  const all = new Float64Array(results.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const r of results) {
    all.set(r.latencies, at);
    at += r.latencies.length;
  }
  return percentile(all.sort(), p);
};

/** Median over rounds of a / b measured in the same round. */
const sameRoundRatio = (a: readonly LoadResult[], b: readonly LoadResult[], of: (r: LoadResult) => number): number =>
  median(a.map((r, i) => of(r) / of(b[i]!)));
const rate = (r: LoadResult) => r.requestsPerSecond;
/** Latency as a speed (1 / p99), so that every ratio reads the same way: 1 is as fast as the floor, lower is slower. */
const inverseP99 = (r: LoadResult) => 1 / r.p99Ms;

type Results = Partial<Record<SubjectId, LoadResult[]>>;

/** Warm-up, then `rounds` rounds of every subject, then the lone-client latencies. */
const measure = async (base: URL, subjects: readonly Subject[], sizes: Sizes, report: HallBenchReport, topology: Topology) => {
  for (const subject of subjects) {
    const warm = await runLoad(planFor(base, subject, sizes, sizes.warmup, 'warm'));
    checkThat(report, subject.id.startsWith('itty') || warm.ok === warm.sent, `${topology.id}: warm-up of ${subject.path}: ${warm.errors.join('; ')}`);
  }
  const results: Results = Object.fromEntries(subjects.map((s) => [s.id, [] as LoadResult[]]));
  for (let round = 0; round < sizes.rounds; round++) {
    for (const subject of subjects) results[subject.id]!.push(await runLoad(planFor(base, subject, sizes, sizes.count, `r${round}`)));
  }
  const alone = new Map<SubjectId, LoadResult>();
  for (const subject of subjects.filter((s) => s.id !== 'ittyEcho')) {
    alone.set(subject.id, await runLoad({ ...planFor(base, subject, sizes, sizes.alone, 'alone'), concurrency: 1 }));
  }
  return { results, alone };
};

const recordSubject = (report: HallBenchReport, label: string, results: readonly LoadResult[], alone: LoadResult | undefined, note?: string) => {
  const rates = results.map(rate);
  report.figures.push(
    { subject: label, metric: 'throughput', value: median(rates), unit: '/s', note: note ?? `median of ${rates.length}: ${rates.map((r) => Math.round(r)).join(', ')}` },
    { subject: label, metric: 'p50 latency', value: pooledPercentile(results, 0.5), unit: 'ms' },
    { subject: label, metric: 'p99 latency', value: pooledPercentile(results, 0.99), unit: 'ms' },
  );
  if (alone) {
    report.figures.push(
      { subject: label, metric: 'p50 latency, one client', value: alone.p50Ms, unit: 'ms' },
      { subject: label, metric: 'p99 latency, one client', value: alone.p99Ms, unit: 'ms' },
    );
  }
};

const recordRatios = (report: HallBenchReport, topology: Topology, sizes: Sizes, results: Results) => {
  const { echo, commit, route, native, itty, ittyEcho } = results;
  const at = ` [${topology.tag}]`;
  const failed = (r: LoadResult[] | undefined) => !r || r.every((x) => x.ok === 0);
  const ratio = (a: LoadResult[] | undefined, b: LoadResult[] | undefined, of = rate) => (failed(a) || failed(b) ? null : sameRoundRatio(a!, b!, of));
  const routeRate = ratio(route, echo);
  const routeP99 = ratio(route, echo, inverseP99);
  report.figures.push(
    { subject: `ticket take: real route${at}`, metric: 'throughput ÷ echo', value: routeRate, unit: '', target: `≥ ${TAKE_RATIO_TARGET}`, met: routeRate !== null && routeRate >= TAKE_RATIO_TARGET, note: 'median of same-round ratios' },
    { subject: `ticket take: real route${at}`, metric: 'p99 latency: echo ÷ take', value: routeP99, unit: '', target: `≥ ${TAKE_RATIO_TARGET}`, met: routeP99 !== null && routeP99 >= TAKE_RATIO_TARGET, note: `${sizes.concurrency} clients; median of same-round ratios` },
    { subject: `ticket take: native DO RPC${at}`, metric: 'throughput ÷ echo', value: ratio(native, echo), unit: '', note: 'the take with no Hono/zod in front' },
    { subject: `DO RPC committing one row${at}`, metric: 'throughput ÷ echo', value: ratio(commit, echo), unit: '', note: 'the floor of any durable command' },
    { subject: `ticket take: real route${at}`, metric: 'throughput ÷ one-row commit', value: ratio(route, commit), unit: '', note: 'the take over the durable floor' },
  );
  if (topology.subjects.includes('itty')) {
    report.figures.push(
      { subject: `itty-durable ÷ native RPC${at}`, metric: 'take throughput ratio', value: ratio(itty, native), unit: '', note: '< 1: itty-durable is slower' },
      { subject: `itty-durable ÷ native RPC${at}`, metric: 'echo throughput ratio', value: ratio(ittyEcho, echo), unit: '' },
    );
  }
};

/** Every measured request answered as expected, no ticket given twice, and the hall's line holds every take. */
const checkResults = async (report: HallBenchReport, topology: Topology, base: URL, sizes: Sizes, results: Results, alone: Map<SubjectId, LoadResult>) => {
  const where = topology.id;
  for (const id of ['echo', 'commit', 'route', 'native'] as const) {
    for (const r of [...(results[id] ?? []), alone.get(id)!]) checkThat(report, r.sent > 0 && r.ok === r.sent, `${where} ${id}: ${r.ok}/${r.sent} ok; ${r.errors.join('; ')}`);
  }
  for (const id of ['route', 'native', 'itty'] as const) {
    if (!results[id]) continue;
    const all = [...results[id], alone.get(id)!];
    const numbers = ticketNumbers(all.flatMap((r) => r.bodies));
    const ok = all.reduce((n, r) => n + r.ok, 0);
    checkThat(report, new Set(numbers).size === numbers.length, `${where} ${id}: a ticket number was given twice`);
    checkThat(report, numbers.length === ok, `${where} ${id}: ${ok} replies ok but ${numbers.length} ticket numbers`);
  }
  // Nothing lost: the real hall's line holds every ticket taken through the route (warm-up included).
  const taken = sizes.warmup + [...results.route!, alone.get('route')!].reduce((n, r) => n + r.ok, 0);
  const queue = (await (await fetch(new URL('/v1/halls/xiaoshan/queue', base))).json()) as { waitingTotal: number };
  checkThat(report, queue.waitingTotal === taken, `${where}: queue holds ${queue.waitingTotal}, expected ${taken}`);
  return queue.waitingTotal;
};

const runTopology = async (report: HallBenchReport, topology: Topology, sizes: Sizes): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), `onewindow-hall-http-${topology.id}-`));
  let worker: BundledWorker | null = null;
  try {
    worker = await topology.start(dir);
    const subjects = SUBJECTS.filter((s) => topology.subjects.includes(s.id));
    const { results, alone } = await measure(worker.base, subjects, sizes, report, topology);
    for (const subject of subjects) {
      const rounds = results[subject.id]!;
      const broken = subject.id.startsWith('itty') && rounds.every((r) => r.ok === 0);
      recordSubject(report, `${subject.label} [${topology.tag}]`, rounds, alone.get(subject.id), broken ? `failed: ${rounds[0]?.errors[0] ?? 'no reply'}` : undefined);
    }
    recordRatios(report, topology, sizes, results);
    report.details[topology.id] = {
      waitingAtEnd: await checkResults(report, topology, worker.base, sizes, results, alone),
      rounds: Object.fromEntries(
        Object.entries(results).map(([id, rounds]) => [
          id,
          rounds.map((r) => ({ sent: r.sent, ok: r.ok, statuses: r.statuses, requestsPerSecond: Math.round(r.requestsPerSecond), p50Ms: Number(r.p50Ms.toFixed(2)), p99Ms: Number(r.p99Ms.toFixed(2)), errors: r.errors })),
        ]),
      ),
    };
  } catch (error) {
    report.failures.push(`${topology.id} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await worker?.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const runHallHttpBenchmarks = async ({ smoke }: { smoke: boolean }): Promise<HallHttpResults> => {
  const sizes = SIZES[smoke ? 'smoke' : 'full'];
  const report = createReport();
  for (const topology of TOPOLOGIES) await runTopology(report, topology, sizes);
  report.details.sizes = sizes;
  return {
    report,
    figures: report.figures.map((f) => ({ group: GROUP, ...f })),
    failures: report.failures.map((f) => `${GROUP}: ${f}`),
  };
};

if (isMainModule(import.meta.url)) {
  const results = await runHallHttpBenchmarks({ smoke: process.argv.includes('--smoke') });
  printReport(GROUP, results.report);
  if (process.argv.includes('--details')) console.log(JSON.stringify(results.report.details, null, 2));
  if (results.failures.length > 0) process.exitCode = 1;
}
