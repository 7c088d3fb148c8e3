/**
 * Where the load goes: the real worker started locally, or a URL given on the command line.
 *
 * Locally the worker runs in Miniflare (workerd) directly, not through `wrangler dev` / unstable_startWorker as
 * the other HTTP benches do (bench/workerd/start-local-worker.ts): measured here, wrangler's dev ProxyWorker,
 * an extra workerd hop in front of the worker, answers a share of 200 concurrent clients' POSTs with 503 "Your
 * worker restarted mid-request" (any hiccup on its hop is reported as a restart) and holds the GETs to replay
 * them seconds later, so the figures measured the dev proxy, not the worker. Nothing is left out that runs in
 * production: wrangler builds the very bundle `wrangler deploy` would upload (--dry-run, nothing leaves the
 * machine), wrangler.toml gives the bindings (unstable_getMiniflareWorkerOptions), and the D1 is migrated with
 * `wrangler d1 migrations apply --local` and seeded as `npm start` seeds it, in a temporary directory of its own.
 * The floor is a bare fetch handler in its own Miniflare beside it.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const requireHere = createRequire(import.meta.url);
/** What the run uses of Miniflare (typed here: the hoisted copy's types are of another version). */
interface MiniflareInstance {
  readonly ready: Promise<URL>;
  dispose(): Promise<void>;
}
// The Miniflare wrangler itself runs (its workerd matches wrangler's), not the other version hoisted to the root.
const { Miniflare } = createRequire(requireHere.resolve('wrangler'))('miniflare') as {
  Miniflare: new (options: Record<string, unknown>) => MiniflareInstance;
};

export interface Targets {
  readonly app: URL;
  /** The bare route, or null to use GET /v1/health of the app as the floor. */
  readonly bare: URL | null;
  readonly local: boolean;
  /** The AUTH_TOKEN_SECRET the run gave a worker it started; null for --url. */
  readonly authSecret: string | null;
  dispose(): Promise<void>;
}

/** The demo data `npm start` seeds (staff accounts and keys once issue 6's auth lands), as SQL; null if none. */
export type SeedSql = () => Promise<string | null>;

const wrangler = (args: readonly string[]) =>
  execFileSync('npx', ['wrangler', ...args], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: 'true' } });

/** Migrated as `npm start` migrates, then the seed SQL executed, both on the run's own directory. */
const prepareDatabase = (dir: string, sql: string | null) => {
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir]);
  if (sql === null) return;
  const file = join(dir, 'seed.sql');
  writeFileSync(file, sql);
  wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', file]);
};

const BARE_SCRIPT = `export default { fetch() { return new Response('ok', { headers: { 'content-type': 'text/plain' } }); } };`;

const quietLog = () => ({ handleRuntimeStdio: (stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) => {
  // The worker's per-request JSON log lines: drained (they cost the worker what they cost in production), not printed.
  stdout.resume();
  stderr.resume();
} });

export const openTargets = async (options: { readonly url: URL | null; readonly bareUrl: URL | null; readonly seedSql: SeedSql }): Promise<Targets> => {
  if (options.url) return { app: options.url, bare: options.bareUrl, local: false, authSecret: null, dispose: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-load-'));
  const started: MiniflareInstance[] = [];
  const dispose = async () => {
    await Promise.allSettled(started.map((mf) => mf.dispose()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    prepareDatabase(dir, await options.seedSql());
    wrangler(['deploy', '--dry-run', '--outdir', join(dir, 'bundle')]);
    const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
    const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
    const authSecret = randomBytes(32).toString('base64url');
    const certificateKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const app = new Miniflare({
      ...workerOptions,
      name: 'onewindow',
      modules: true,
      scriptPath: join(dir, 'bundle', 'index.js'),
      modulesRoot: join(dir, 'bundle'), // module names relative to the bundle (the default, the cwd, is elsewhere)
      // The run's own secrets, never a developer's .dev.vars.
      bindings: { ...workerOptions.bindings, CERT_SIGNING_KEY: certificateKey, AUTH_TOKEN_SECRET: authSecret },
      defaultPersistRoot: join(dir, 'v3'),
      host: '127.0.0.1',
      port: 0,
      ...quietLog(),
    });
    started.push(app);
    const bare = new Miniflare({ name: 'bare', modules: true, script: BARE_SCRIPT, compatibilityDate: '2026-04-01', host: '127.0.0.1', port: 0, ...quietLog() });
    started.push(bare);
    return { app: await app.ready, bare: await bare.ready, local: true, authSecret, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
};
