/**
 * Where the time goes: after the mix, each persona runs alone as ONE client with no think time for a moment,
 * so every route's latency is its service time with nothing queued ahead of it (the worker, its D1 and its
 * Durable Objects share one workerd thread locally). Multiplied by the route's rate in the mix, it says how much
 * of that thread each route took: the routes to make cheaper first.
 */
import { createRandom } from '../hall-prng.ts';
import { Recorder, type LoadHttp } from './load-http.ts';
import type { ThinkTime } from './load-mix.ts';
import { runKiosk, runProbe, runReviewer, runSearcher, runTracker, runWindow, type HallDay } from './load-personas.ts';
import { summariseByRoute, type RouteFigures } from './load-stats.ts';

export interface RouteCost {
  readonly route: string;
  /** Median latency with one client and nothing else in flight, ms. */
  readonly aloneP50Ms: number;
  readonly samples: number;
  /** Requests per second of this route in the mix. */
  readonly mixPerSecond: number;
  /** mixPerSecond × aloneP50Ms / 1000: seconds of service per second (1 = one busy thread). */
  readonly busyShare: number;
}

const NO_THINK: ThinkTime = { minSeconds: 0, expMeanSeconds: 0, maxSeconds: 0 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one persona alone for `ms` and returns what it recorded. */
const alone = async (day: HallDay, run: (d: HallDay) => Promise<void>, ms: number): Promise<Recorder> => {
  const recorder = new Recorder();
  let stop = () => {};
  const solo: HallDay = {
    ...day,
    recorder,
    think: NO_THINK,
    stopped: false,
    whenStopped: new Promise<void>((resolve) => {
      stop = resolve;
    }),
  };
  recorder.startedAt = performance.now();
  const running = run(solo);
  await sleep(ms);
  solo.stopped = true;
  recorder.stoppedAt = performance.now();
  stop();
  await running;
  day.serial = Math.max(day.serial, solo.serial);
  return recorder;
};

export const measureRouteCosts = async (
  day: HallDay,
  options: { readonly bare: LoadHttp | null; readonly window: string | undefined; readonly department: string | undefined; readonly mix: readonly RouteFigures[]; readonly msPerPersona: number },
): Promise<RouteCost[]> => {
  const client = { id: 10_000, random: createRandom(4242) };
  const runs: ((d: HallDay) => Promise<void>)[] = [
    (d) => runProbe(d, client, options.bare),
    (d) => runKiosk(d, client),
    (d) => runTracker(d, client),
    (d) => runSearcher(d, client),
  ];
  if (options.window) runs.push((d) => runWindow(d, client, options.window!));
  if (options.department) runs.push((d) => runReviewer(d, client, options.department!));
  const samples = [];
  for (const run of runs) samples.push(...(await alone(day, run, options.msPerPersona)).samples.filter((s) => s.outcome === 'ok'));
  return summariseByRoute(samples, 1)
    .map((r) => {
      const mixPerSecond = options.mix.find((m) => m.route === r.route)?.perSecond ?? 0;
      return { route: r.route, aloneP50Ms: r.p50Ms, samples: r.count, mixPerSecond, busyShare: (mixPerSecond * r.p50Ms) / 1000 };
    })
    .sort((a, b) => b.busyShare - a.busyShare);
};

/** The cost table as Markdown. */
export const formatRouteCosts = (costs: readonly RouteCost[]): string => {
  const total = costs.reduce((s, c) => s + c.busyShare, 0);
  return [
    '| route (one client, alone) | p50 ms | samples | req/s in the mix | busy share |',
    '|---|---:|---:|---:|---:|',
    ...costs.map((c) => `| ${c.route} | ${c.aloneP50Ms.toFixed(2)} | ${c.samples} | ${c.mixPerSecond.toFixed(1)} | ${(c.busyShare * 100).toFixed(1)} % |`),
    `| **all** | | | | **${(total * 100).toFixed(1)} %** |`,
  ].join('\n');
};
