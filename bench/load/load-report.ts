/**
 * The load run's verdict: per-route and overall figures, the reference routes measured in the same run (a bare
 * Workers fetch handler, GET /v1/health), ratios to the bare route, offered vs achieved rate, and the comparison
 * with the published peer figure and with the target. Pure: built from samples, printed and saved by the runner.
 */
import { summarise, summariseByRoute, buildTimeline, type RouteFigures, type Sample, type TimelinePoint } from './load-stats.ts';

/** An open-source government queue system, as published: 200 concurrent users. */
export const PEER = { users: 200, requestsPerSecond: 28.5, p95Ms: 12_000 } as const;
/** Issue 6's target on this 2-core machine. */
export const TARGET = { clients: 200, errors: 0, p95Ms: 100 } as const;

/** Routes measured beside the mix, never counted in it. */
export const BARE_ROUTE = 'ref: bare Workers fetch handler';
export const HEALTH_ROUTE = 'ref: GET /v1/health';
const isReference = (route: string) => route.startsWith('ref: ');

export interface RunSettings {
  readonly target: string;
  readonly clients: number;
  readonly durationS: number;
  readonly smoke: boolean;
  readonly think: string;
  readonly mix: Readonly<Record<string, number>>;
  readonly offeredRps: number;
  readonly machine: string;
  readonly commit: string;
  readonly startedAt: string;
}

export interface LoadReport {
  readonly settings: RunSettings;
  readonly measuredSeconds: number;
  readonly overall: RouteFigures;
  readonly routes: readonly RouteFigures[];
  readonly reference: readonly RouteFigures[];
  /** Mix route latency ÷ the bare route's, same run (p50 and p95). */
  readonly ratioToBare: Readonly<Record<string, { p50: number; p95: number }>>;
  readonly achievedRps: number;
  readonly peer: typeof PEER & { readonly throughputFactor: number; readonly p95Factor: number };
  readonly target: typeof TARGET & { readonly met: boolean; readonly why: readonly string[] };
  readonly timeline: readonly TimelinePoint[];
  readonly errorExamples: readonly string[];
}

const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? Number((a / b).toFixed(2)) : Number.NaN);

export const buildLoadReport = (
  settings: RunSettings,
  samples: readonly Sample[],
  measuredSeconds: number,
  errorExamples: readonly string[],
  bucketSeconds: number,
): LoadReport => {
  const mix = samples.filter((s) => !isReference(s.route));
  const routes = summariseByRoute(mix, measuredSeconds);
  const reference = summariseByRoute(samples.filter((s) => isReference(s.route)), measuredSeconds);
  const overall = summarise('overall (mix)', mix, measuredSeconds);
  const bare = reference.find((r) => r.route === BARE_ROUTE) ?? reference.find((r) => r.route === HEALTH_ROUTE);
  const ratioToBare: Record<string, { p50: number; p95: number }> = {};
  if (bare) {
    for (const r of [overall, ...routes, ...reference]) {
      if (r !== bare) ratioToBare[r.route] = { p50: ratio(r.p50Ms, bare.p50Ms), p95: ratio(r.p95Ms, bare.p95Ms) };
    }
  }
  const why: string[] = [];
  if (settings.clients < TARGET.clients) why.push(`${settings.clients} clients < ${TARGET.clients}`);
  if (overall.errors > TARGET.errors) why.push(`${overall.errors} errors`);
  if (!(overall.p95Ms < TARGET.p95Ms)) why.push(`overall p95 ${overall.p95Ms.toFixed(1)} ms ≥ ${TARGET.p95Ms} ms`);
  return {
    settings,
    measuredSeconds,
    overall,
    routes,
    reference,
    ratioToBare,
    achievedRps: overall.perSecond,
    peer: { ...PEER, throughputFactor: ratio(overall.perSecond, PEER.requestsPerSecond), p95Factor: ratio(PEER.p95Ms, overall.p95Ms) },
    target: { ...TARGET, met: why.length === 0, why },
    timeline: buildTimeline(mix, measuredSeconds, bucketSeconds),
    errorExamples,
  };
};

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');

/** The report as Markdown: the per-route table the README keeps, and the verdict lines. */
export const formatLoadReport = (report: LoadReport): string => {
  const bareRatio = (route: string) => report.ratioToBare[route];
  const row = (r: RouteFigures) => {
    const x = bareRatio(r.route);
    return `| ${r.route} | ${r.count} | ${r.perSecond.toFixed(1)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ${r.errors} | ${r.conflicts} | ${x ? `${x.p50} / ${x.p95}` : '1 (floor)'} |`;
  };
  const s = report.settings;
  return [
    `${s.clients} clients, ${report.measuredSeconds.toFixed(1)} s measured, think ${s.think}; target ${s.target}; ${s.machine}; commit ${s.commit}`,
    '',
    '| route | requests | req/s | p50 ms | p95 ms | p99 ms | errors | conflicts | ÷ bare (p50 / p95) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.routes.map(row),
    `| **${report.overall.route}** | **${report.overall.count}** | **${report.overall.perSecond.toFixed(1)}** | **${ms(report.overall.p50Ms)}** | **${ms(report.overall.p95Ms)}** | **${ms(report.overall.p99Ms)}** | **${report.overall.errors}** | **${report.overall.conflicts}** | ${bareRatio(report.overall.route) ? `${bareRatio(report.overall.route)!.p50} / ${bareRatio(report.overall.route)!.p95}` : ''} |`,
    ...report.reference.map(row),
    '',
    `Offered ${s.offeredRps.toFixed(1)} req/s (clients ÷ mean think time), achieved ${report.achievedRps.toFixed(1)} req/s (mix only).`,
    `Peer (${PEER.users} users): ${PEER.requestsPerSecond} req/s, p95 ${PEER.p95Ms / 1000} s → here ${report.peer.throughputFactor}× the rate at ${report.peer.p95Factor}× lower p95.`,
    `Target (${TARGET.clients} clients, 0 errors, p95 < ${TARGET.p95Ms} ms): ${report.target.met ? 'MET' : `NOT MET (${report.target.why.join('; ')})`}.`,
    ...(report.errorExamples.length > 0 ? ['', 'First errors:', ...report.errorExamples.map((e) => `  ${e}`)] : []),
  ].join('\n');
};
