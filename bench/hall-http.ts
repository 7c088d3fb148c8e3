/**
 * The hall over HTTP in local workerd: ticket-take throughput and latency through the real worker, beside the
 * floor (a bare Durable Object RPC echo over the same HTTP path) and beside itty-durable doing the same take.
 * Starts bench/workerd/wrangler.toml (the real worker plus bench-only routes) with wrangler's
 * unstable_startWorker on 127.0.0.1, in-memory storage; nothing leaves the machine.
 *   npx tsx bench/hall-http.ts [--smoke]
 * Each round runs every subject once, in the same order; throughput is the median over rounds and ratios are
 * medians of same-round ratios (so drift in the machine's load cancels); p50/p99 pool every round's requests.
 * Timing never fails the run; a broken benchmark does (a wrong status, a ticket given twice, a lost ticket).
 */
import { fileURLToPath } from 'node:url';
import type { Figure } from './bench-types.ts';
import { checkThat, createReport, isMainModule, printReport, type HallBenchReport } from './hall-report.ts';
import { percentile, runLoad, type LoadPlan, type LoadResult } from './workerd/load-client.ts';

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

type SubjectId = 'echo' | 'route' | 'native' | 'ittyEcho' | 'itty';

interface Subject {
  readonly id: SubjectId;
  readonly label: string;
  readonly path: string;
  readonly take: boolean;
}

const SUBJECTS: readonly Subject[] = [
  { id: 'echo', label: 'bare DO RPC echo (HTTP → worker → stub.echo())', path: '/echo', take: false },
  { id: 'route', label: 'ticket take: real route (Hono, zod, DO RPC, SQLite)', path: '/v1/halls/xiaoshan/tickets', take: true },
  { id: 'native', label: 'ticket take: native DO RPC (bare route)', path: '/native/tickets', take: true },
  { id: 'ittyEcho', label: 'echo through itty-durable', path: '/itty/echo', take: false },
  { id: 'itty', label: 'ticket take: itty-durable (bare route)', path: '/itty/tickets', take: true },
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

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

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

const recordSubject = (report: HallBenchReport, subject: Subject, results: readonly LoadResult[], note?: string) => {
  const rates = results.map((r) => r.requestsPerSecond);
  const spread = `median of ${rates.length}: ${rates.map((r) => Math.round(r)).join(', ')}`;
  report.figures.push(
    { subject: subject.label, metric: 'throughput', value: median(rates), unit: '/s', note: note ?? spread },
    { subject: subject.label, metric: 'p50 latency', value: pooledPercentile(results, 0.5), unit: 'ms' },
    { subject: subject.label, metric: 'p99 latency', value: pooledPercentile(results, 0.99), unit: 'ms' },
  );
  report.details[subject.id] = results.map((r) => ({
    sent: r.sent,
    ok: r.ok,
    statuses: r.statuses,
    requestsPerSecond: Math.round(r.requestsPerSecond),
    p50Ms: Number(r.p50Ms.toFixed(2)),
    p99Ms: Number(r.p99Ms.toFixed(2)),
    errors: r.errors,
  }));
};

/** Median over rounds of a / b measured in the same round. */
const sameRoundRatio = (a: readonly LoadResult[], b: readonly LoadResult[]): number =>
  median(a.map((r, i) => r.requestsPerSecond / b[i]!.requestsPerSecond));

export const runHallHttpBenchmarks = async ({ smoke }: { smoke: boolean }): Promise<HallHttpResults> => {
  const sizes = SIZES[smoke ? 'smoke' : 'full'];
  const report = createReport();
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: CONFIG,
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      remote: false,
      logLevel: 'warn',
    },
  });
  try {
    const base = await worker.url;
    // Warm every path (module load, object construction, JIT) before any measured request.
    for (const subject of SUBJECTS) {
      const warm = await runLoad(planFor(base, subject, sizes, sizes.warmup, 'warm'));
      checkThat(report, subject.id.startsWith('itty') || warm.ok === warm.sent, `warm-up of ${subject.path}: ${warm.errors.join('; ')}`);
    }
    const results = Object.fromEntries(SUBJECTS.map((s) => [s.id, [] as LoadResult[]])) as Record<SubjectId, LoadResult[]>;
    for (let round = 0; round < sizes.rounds; round++) {
      for (const subject of SUBJECTS) results[subject.id].push(await runLoad(planFor(base, subject, sizes, sizes.count, `r${round}`)));
    }
    // One client alone: the latency of a request when nothing queues in front of it.
    const alone = new Map<SubjectId, LoadResult>();
    for (const id of ['echo', 'route', 'native', 'itty'] as const) {
      const subject = SUBJECTS.find((s) => s.id === id)!;
      alone.set(id, await runLoad({ ...planFor(base, subject, sizes, sizes.alone, 'alone'), concurrency: 1 }));
    }
    const ittyFailed = results.itty.every((r) => r.ok === 0);
    for (const subject of SUBJECTS) {
      const failed = subject.id.startsWith('itty') && results[subject.id].every((r) => r.ok === 0);
      recordSubject(report, subject, results[subject.id], failed ? `failed: ${results[subject.id][0]?.errors[0] ?? 'no reply'}` : undefined);
    }
    for (const [id, result] of alone) {
      const label = SUBJECTS.find((s) => s.id === id)!.label;
      report.figures.push(
        { subject: label, metric: 'p50 latency, one client', value: result.p50Ms, unit: 'ms' },
        { subject: label, metric: 'p99 latency, one client', value: result.p99Ms, unit: 'ms' },
      );
      if (!id.startsWith('itty')) checkThat(report, result.ok === result.sent, `${id} alone: ${result.ok}/${result.sent} ok; ${result.errors.join('; ')}`);
    }
    const routeRatio = sameRoundRatio(results.route, results.echo);
    report.figures.push(
      {
        subject: 'ticket take: real route',
        metric: 'throughput ÷ echo',
        value: routeRatio,
        unit: '',
        target: `≥ ${TAKE_RATIO_TARGET}`,
        met: routeRatio >= TAKE_RATIO_TARGET,
        note: 'median of same-round ratios',
      },
      {
        subject: 'ticket take: native DO RPC',
        metric: 'throughput ÷ echo',
        value: sameRoundRatio(results.native, results.echo),
        unit: '',
        note: 'the take with no Hono/zod in front',
      },
      {
        subject: 'itty-durable ÷ native RPC',
        metric: 'take throughput ratio',
        value: ittyFailed ? null : sameRoundRatio(results.itty, results.native),
        unit: '',
        note: '< 1: itty-durable is slower',
      },
      {
        subject: 'itty-durable ÷ native RPC',
        metric: 'echo throughput ratio',
        value: results.ittyEcho.every((r) => r.ok === 0) ? null : sameRoundRatio(results.ittyEcho, results.echo),
        unit: '',
      },
    );

    // Sanity: every measured request answered as expected, and no ticket was given twice.
    for (const id of ['echo', 'route', 'native'] as const) {
      for (const r of results[id]) checkThat(report, r.sent > 0 && r.ok === r.sent, `${id}: ${r.ok}/${r.sent} ok; ${r.errors.join('; ')}`);
    }
    for (const id of ['route', 'native', 'itty'] as const) {
      const all = [...results[id], alone.get(id)!];
      const numbers = ticketNumbers(all.flatMap((r) => r.bodies));
      const ok = all.reduce((n, r) => n + r.ok, 0);
      checkThat(report, new Set(numbers).size === numbers.length, `${id}: a ticket number was given twice`);
      checkThat(report, numbers.length === ok, `${id}: ${ok} replies ok but ${numbers.length} ticket numbers`);
    }
    // Nothing lost: the real hall's line holds every ticket taken through the route (warm-up included).
    const taken = sizes.warmup + [...results.route, alone.get('route')!].reduce((n, r) => n + r.ok, 0);
    const queue = (await (await fetch(new URL('/v1/halls/xiaoshan/queue', base))).json()) as { waitingTotal: number };
    checkThat(report, queue.waitingTotal === taken, `queue holds ${queue.waitingTotal}, expected ${taken}`);
    report.details.waitingAtEnd = queue.waitingTotal;
    report.details.sizes = sizes;
  } catch (error) {
    report.failures.push(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await worker.dispose();
  }
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
