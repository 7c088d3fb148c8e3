/**
 * Where a request's CPU goes (a bench-only probe, not part of `npm run bench`, Linux only): starts the bench
 * worker as hall-http.ts does, then per subject sends N requests from 32 keep-alive clients and reads the CPU
 * time (/proc, all threads, user + system) of the three processes that share the machine's 2 cores:
 *   node   this process: the load client, and wrangler parsing every line workerd logs (and appending it to its
 *          debug log file under ~/.config/.wrangler/logs);
 *   proxy  the workerd that listens on the URL (wrangler's proxy worker in front of the worker);
 *   user   the workerd running the bench worker, the app and the Durable Objects.
 * The take is CPU-bound across all three while the echo is bound by the proxy alone, so the ratio the hall-http
 * group reports follows from these µs. With --direct the worker runs as its deploy bundle in Miniflare
 * (start-bundled-worker.ts): no proxy, its log lines drained, so two processes (node, and `user`, the workerd).
 * The bench's own timings vary ±15 % from run to run: compare subjects of the same run, not runs.
 *   npx tsx bench/workerd/probe-cpu.ts [--direct] [subject …]      (N=3000 ROUNDS=3 by default; env N, ROUNDS)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadPlan } from './load-client.ts';
import { startBundledWorker } from './start-bundled-worker.ts';

process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
const CONFIG = fileURLToPath(new URL('./wrangler.toml', import.meta.url));
/** Clock ticks per second in /proc/<pid>/stat (CLK_TCK, 100 on Linux x64). */
const TICKS = 100;

interface Probe {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly status: number;
  readonly body?: boolean;
  /** The cut-down app bench-worker.ts serves the take from (X-Bench-App). */
  readonly app?: 'quiet' | 'bare';
}

/** The hall-http subjects, and bench-worker probes that add one piece of a take to the echo. */
const PROBES: readonly Probe[] = [
  { id: 'echo', method: 'GET', path: '/echo', status: 200 },
  { id: 'commit', method: 'GET', path: '/echo-commit', status: 200 },
  { id: 'route', method: 'POST', path: '/v1/halls/xiaoshan/tickets', status: 201, body: true },
  { id: 'native', method: 'POST', path: '/native/tickets', status: 201, body: true },
  { id: 'quiet', method: 'POST', path: '/v1/halls/xiaoshan/tickets', status: 201, body: true, app: 'quiet' },
  { id: 'bare', method: 'POST', path: '/v1/halls/xiaoshan/tickets', status: 201, body: true, app: 'bare' },
  { id: 'log', method: 'GET', path: '/probe/log', status: 200 },
  { id: 'body', method: 'POST', path: '/probe/body', status: 200, body: true },
  { id: 'app404', method: 'GET', path: '/v1/halls/xiaoshan/nothing', status: 404 },
];

const cpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
};

const workerdPids = (): number[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('bin/workerd');
      } catch {
        return false;
      }
    });

/** The pid listening on `port` (ss -ltnp), to tell wrangler's proxy from the worker's own workerd. */
const listenerOf = (port: string): number => Number(/pid=(\d+)/.exec(execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }))?.[1]);

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const direct = process.argv.includes('--direct');
const only = process.argv.slice(2).filter((a) => a !== '--direct');
const probes = PROBES.filter((p) => only.length === 0 || only.includes(p.id));
const N = Number(process.env.N ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'onewindow-probe-'));
const { unstable_startWorker } = await import('wrangler');
const worker = direct
  ? await startBundledWorker({ config: CONFIG, dir, name: 'onewindow-bench' })
  : await unstable_startWorker({
      config: CONFIG,
      dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: dir, watch: false, remote: false, logLevel: 'warn' },
    });
try {
  const base = 'base' in worker ? worker.base : await worker.url;
  const plan = (p: Probe, tag: string, count: number, concurrency = 32): LoadPlan => ({
    base,
    method: p.method,
    path: p.path,
    count,
    concurrency,
    maxSeconds: 120,
    expectStatus: p.status,
    ...(p.body
      ? {
          body: (i: number) => (i % 3 === 2 ? { class: 'priority', priorityReason: 'elderly' } : { class: 'normal' }),
          headers: (i: number) => ({ 'Idempotency-Key': `${p.id}-${tag}-${i}`, ...(p.app ? { 'X-Bench-App': p.app } : {}) }),
        }
      : {}),
  });
  for (const p of probes) await runLoad(plan(p, 'warm', 1500));
  // The worker's workerd starts on first use, so the processes are found after the warm-up.
  const proxy = direct ? null : listenerOf(base.port);
  const user = workerdPids().find((pid) => pid !== proxy)!;
  const pids = proxy === null ? [process.pid, user] : [process.pid, proxy, user];
  const rows = new Map<string, { rps: number[]; cpu: number[][]; alone: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of probes) {
      const before = pids.map(cpuSeconds);
      const result = await runLoad(plan(p, `r${round}`, N));
      const after = pids.map(cpuSeconds);
      if (result.ok !== result.sent) console.log(p.id, result.errors.slice(0, 2));
      const alone = await runLoad(plan(p, `a${round}`, 300, 1));
      const row = rows.get(p.id) ?? { rps: [], cpu: pids.map(() => []), alone: [] };
      rows.set(p.id, row);
      row.rps.push(result.requestsPerSecond);
      after.forEach((s, i) => row.cpu[i]!.push(((s - before[i]!) * 1e6) / result.sent));
      row.alone.push(alone.p50Ms * 1000);
    }
  }
  console.log(`CPU µs per request, median of ${ROUNDS} rounds of ${N} from 32 clients; p50 in µs from one client`);
  console.log(['subject', 'req/s', 'node', ...(proxy === null ? [] : ['proxy']), 'user', 'total', 'p50 one'].map((h, i) => (i ? h.padStart(8) : h.padEnd(8))).join(''));
  for (const [id, row] of rows) {
    const cpu = row.cpu.map(median);
    const cells = [median(row.rps), ...cpu, cpu.reduce((a, b) => a + b, 0), median(row.alone)];
    console.log(id.padEnd(8) + cells.map((v) => v.toFixed(0).padStart(8)).join(''));
  }
} finally {
  await worker.dispose();
  rmSync(dir, { recursive: true, force: true });
}
