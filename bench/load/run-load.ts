/**
 * `npm run bench:load`: a hall day's mix from many concurrent clients against the worker (started locally, or
 * --url), with a live progress line on stderr, then per-route throughput, p50/p95/p99 and errors beside a bare
 * worker measured in the same run, written to bench/results/load-latest.{json,svg} (a --smoke run to
 * load-smoke.*.tmp). Exit 1 when the mix is broken (a route never answered as expected, a 4xx/5xx error), never
 * for being slow: timing is reported, not enforced.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../hall-prng.ts';
import { loadAccountFinder, loadSeedSql } from './load-accounts.ts';
import { parseLoadArgs, USAGE } from './load-args.ts';
import { Credentials } from './load-auth.ts';
import { buildMixBodies } from './load-bodies.ts';
import { formatRouteCosts, measureRouteCosts } from './load-costs.ts';
import { drawLoadChart } from './load-chart.ts';
import { LoadHttp, Recorder } from './load-http.ts';
import { allocateClients, HALL_THINK, meanThinkSeconds, offeredRate, PERSONAS } from './load-mix.ts';
import { runKiosk, runProbe, runReviewer, runSearcher, runTracker, runWindow, type Client, type HallDay } from './load-personas.ts';
import { startProgress } from './load-progress.ts';
import { buildLoadReport, formatLoadReport, TARGET } from './load-report.ts';
import { allocateReviewers, listWindows, openWindows, seedHallDay, signInClerks, waitUntilReady } from './load-setup.ts';
import { createTokenMinter } from './load-mint.ts';
import { LiveTally } from './load-stats.ts';
import { openTargets } from './load-targets.ts';

const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const BUCKET_SECONDS = 2;
const HALL = 'xiaoshan';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const describeMachine = () =>
  `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
  `${process.platform} ${process.arch}, Node ${process.version}, 1-min load average at start ${loadavg()[0]!.toFixed(1)}`;

const describeCommit = () => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'worker', 'core', 'migrations'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted worker/core changes` : head;
  } catch {
    return 'unknown';
  }
};

const main = async () => {
  const args = parseLoadArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const bodies = buildMixBodies();
  const probes = Math.max(2, Math.round(args.clients / 40));
  console.error(args.url ? `▶ target ${args.url.href}` : '▶ starting the worker locally (migrated, seeded D1 in a temporary directory) and a bare worker …');
  const targets = await openTargets({ url: args.url, bareUrl: args.bareUrl, seedSql: loadSeedSql });
  const http = new LoadHttp(targets.app, args.clients + probes + 4);
  const bare = targets.bare ? new LoadHttp(targets.bare, probes + 2) : null;
  const recorder = new Recorder();
  const findAccount = await loadAccountFinder();
  const minter = targets.authSecret ? await createTokenMinter(targets.authSecret) : null;
  let stop = () => {};
  const day: HallDay = {
    http,
    recorder,
    credentials: new Credentials(http, recorder, findAccount, minter),
    bodies,
    think: HALL_THINK,
    hall: HALL,
    tenant: HALL,
    cases: [],
    serial: Date.now() % 1_000_000, // distinct keys and applicants when --url targets the same worker twice
    stopped: false,
    whenStopped: new Promise<void>((resolve) => {
      stop = resolve;
    }),
  };
  try {
    await waitUntilReady(day);
    const windows = await listWindows(day);
    const counts = allocateClients(args.clients, windows.length);
    const staffed = windows.slice(0, counts.get('window') ?? 0);
    await signInClerks(day, staffed);
    await openWindows(day, staffed);
    const setupRandom = createRandom(args.seed ^ 0x5eed);
    await seedHallDay(day, setupRandom, staffed.length * 2, Math.min(20, Math.max(4, args.clients / 10)));
    // A worker this run did not start (--url): reviewers only where a demo account can sign in (else every 401).
    const reviewers = allocateReviewers(counts.get('reviewer') ?? 0, bodies, (department) =>
      minter !== null || findAccount({ role: 'back-office', tenant: day.tenant, department, person: 'probe' }) !== null,
    );
    const mix = Object.fromEntries(counts);
    console.error(
      `▶ ${args.clients} clients (${PERSONAS.map((p) => `${counts.get(p.persona)} ${p.persona}`).join(', ')}; reviewers ${reviewers
        .map(([d, n]) => `${d}×${n}`)
        .join(' ')}) + ${probes} reference probes, ${args.durationS} s, think ${HALL_THINK.minSeconds} s + Exp(${HALL_THINK.expMeanSeconds} s) ≤ ${HALL_THINK.maxSeconds} s`,
    );

    const tally = new LiveTally(5000);
    recorder.onSample = (s) => {
      if (!s.route.startsWith('ref: ')) tally.add(s);
    };
    const offered = offeredRate(args.clients, HALL_THINK);
    recorder.startedAt = performance.now();
    const stopProgress = startProgress({ tally, elapsedMs: () => recorder.elapsed(), durationS: args.durationS, offeredRps: offered });
    let id = 0;
    const client = (): Client => ({ id: id++, random: createRandom(args.seed * 7919 + id) });
    const running: Promise<void>[] = [];
    staffed.forEach((window) => running.push(runWindow(day, client(), window)));
    for (let i = 0; i < (counts.get('kiosk') ?? 0); i++) running.push(runKiosk(day, client()));
    for (const [department, n] of reviewers) for (let i = 0; i < n; i++) running.push(runReviewer(day, client(), department));
    for (let i = 0; i < (counts.get('tracker') ?? 0); i++) running.push(runTracker(day, client()));
    for (let i = 0; i < (counts.get('searcher') ?? 0); i++) running.push(runSearcher(day, client()));
    for (let i = 0; i < probes; i++) running.push(runProbe(day, client(), bare));

    await sleep(args.durationS * 1000);
    recorder.stoppedAt = performance.now();
    day.stopped = true;
    stop();
    stopProgress();
    // Clients finish the request in flight (a clerk completes a held ticket); requests after the stop are not counted.
    await Promise.race([Promise.allSettled(running), new Promise((resolve) => setTimeout(resolve, 35_000).unref())]);

    const measuredSeconds = (recorder.stoppedAt - recorder.startedAt) / 1000;
    const report = buildLoadReport(
      {
        target: targets.local ? 'local workerd via Miniflare (the wrangler deploy bundle), 127.0.0.1' : targets.app.href,
        clients: args.clients,
        durationS: args.durationS,
        smoke: args.smoke,
        think: `${HALL_THINK.minSeconds} s + Exp(mean ${HALL_THINK.expMeanSeconds} s), capped at ${HALL_THINK.maxSeconds} s (mean ${meanThinkSeconds(HALL_THINK).toFixed(2)} s) before every request`,
        mix,
        offeredRps: offered,
        machine: describeMachine(),
        commit: describeCommit(),
        startedAt: new Date(Date.now() - measuredSeconds * 1000).toISOString(),
      },
      recorder.samples,
      measuredSeconds,
      recorder.errorExamples,
      BUCKET_SECONDS,
    );
    console.log(formatLoadReport(report));
    // After the mix: each persona alone, one client, no think time: every route's service time and its share.
    const costs = await measureRouteCosts(day, {
      bare,
      window: staffed[0],
      department: reviewers[0]?.[0],
      mix: report.routes,
      msPerPersona: args.smoke ? 400 : 2500,
    });
    console.log(`\nService time per route (each persona alone afterwards) and its share of the worker's thread in the mix:\n${formatRouteCosts(costs)}`);
    const staleConnectionRetries = http.staleRetries + (bare?.staleRetries ?? 0);
    console.log(`Requests re-sent after the server closed an idle kept-alive connection: ${staleConnectionRetries} (counted once, retry time included).`);
    const stem = args.smoke ? 'load-smoke' : 'load-latest';
    const ext = args.smoke ? '.tmp' : '';
    writeFileSync(`${RESULTS}${stem}.json${ext}`, `${JSON.stringify({ ...report, reviewers, staleConnectionRetries, routeCosts: costs }, null, 2)}\n`);
    writeFileSync(
      `${RESULTS}${stem}.svg${ext}`,
      drawLoadChart({
        title: `Hall-day mix, ${args.clients} clients, ${measuredSeconds.toFixed(0)} s: ${report.achievedRps.toFixed(1)} req/s, p95 ${report.overall.p95Ms.toFixed(1)} ms, ${report.overall.errors} errors (target p95 < ${TARGET.p95Ms} ms)`,
        routes: [...report.routes, ...report.reference],
        timeline: report.timeline,
        bucketSeconds: BUCKET_SECONDS,
        targetMs: TARGET.p95Ms,
      }),
    );
    console.error(`▶ wrote bench/results/${stem}.json${ext} and ${stem}.svg${ext}`);

    // Broken, not slow: a route of the mix never answered as expected, or a reply said the request was wrong.
    const expected = ['POST /v1/halls/{hall}/tickets', 'POST /v1/halls/{hall}/windows/{window}/call', 'GET /v1/matters?q=', 'GET /v1/track/{number}'];
    const broken = [
      ...expected.filter((route) => !report.routes.some((r) => r.route === route && r.count > r.errors)).map((r) => `no successful ${r}`),
      ...[...new Set(recorder.samples.filter((s) => s.outcome === 'error' && s.status >= 400).map((s) => `${s.route} answered ${s.status}`))],
    ];
    for (const b of broken) console.error(`✗ ${b}`);
    if (broken.length > 0) process.exitCode = 1;
  } finally {
    http.close();
    bare?.close();
    await targets.dispose();
  }
};

await main();
