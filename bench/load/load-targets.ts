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
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWrangler, startBundledWorker, startScriptWorker, type BundledWorker } from '../workerd/start-bundled-worker.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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

/** Migrated as `npm start` migrates, then the seed SQL executed, both on the run's own directory. */
const prepareDatabase = (dir: string, sql: string | null) => {
  runWrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir]);
  if (sql === null) return;
  const file = join(dir, 'seed.sql');
  writeFileSync(file, sql);
  runWrangler(['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', file]);
};

const BARE_SCRIPT = `export default { fetch() { return new Response('ok', { headers: { 'content-type': 'text/plain' } }); } };`;

export const openTargets = async (options: { readonly url: URL | null; readonly bareUrl: URL | null; readonly seedSql: SeedSql }): Promise<Targets> => {
  if (options.url) return { app: options.url, bare: options.bareUrl, local: false, authSecret: null, dispose: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-load-'));
  const started: BundledWorker[] = [];
  const dispose = async () => {
    await Promise.allSettled(started.map((worker) => worker.dispose()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    prepareDatabase(dir, await options.seedSql());
    const authSecret = randomBytes(32).toString('base64url');
    const certificateKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    // The run's own secrets, never a developer's .dev.vars.
    const bindings = { CERT_SIGNING_KEY: certificateKey, AUTH_TOKEN_SECRET: authSecret };
    const app = await startBundledWorker({ config: join(ROOT, 'wrangler.toml'), dir, name: 'onewindow', bindings });
    started.push(app);
    const bare = await startScriptWorker('bare', BARE_SCRIPT);
    started.push(bare);
    return { app: app.base, bare: bare.base, local: true, authSecret, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
};
