/**
 * The real worker (top-level wrangler.toml) in local workerd for the HTTP benchmarks: wrangler's
 * unstable_startWorker on 127.0.0.1, its local D1 in a fresh temporary directory migrated with
 * `wrangler d1 migrations apply --local` (the same migrations `npm start` applies). Nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { unstable_startWorker as StartWorker } from 'wrangler';

process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bindings as wrangler's startWorker takes them, e.g. `{ KEY: { type: 'secret_text', value } }`. */
type WorkerBindings = Parameters<typeof StartWorker>[0]['bindings'];

/** A started worker: where it listens, and how to stop it and remove its D1 directory. */
export interface LocalWorker {
  readonly base: URL;
  dispose(): Promise<void>;
}

/** `wrangler d1 migrations apply --local` into a fresh directory: the schema exactly as `npm start` builds it. */
const migrateInto = (dir: string): void => {
  execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, CI: 'true' },
  });
};

/**
 * Starts the worker on a migrated D1 of its own; `bindings` are added to wrangler.toml's (a secret for the run,
 * so a developer's .dev.vars is never read into the figures). `dirPrefix` names the temporary directory.
 */
export const startMigratedWorker = async (
  options: { readonly dirPrefix?: string; readonly bindings?: WorkerBindings } = {},
): Promise<LocalWorker> => {
  const dir = mkdtempSync(join(tmpdir(), options.dirPrefix ?? 'onewindow-bench-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    migrateInto(dir);
    const { unstable_startWorker } = await import('wrangler');
    const worker = await unstable_startWorker({
      config: join(ROOT, 'wrangler.toml'),
      ...(options.bindings === undefined ? {} : { bindings: options.bindings }),
      dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: dir, watch: false, remote: false, logLevel: 'warn' },
    });
    const dispose = async () => {
      try {
        await worker.dispose();
      } finally {
        removeDir();
      }
    };
    try {
      return { base: await worker.url, dispose };
    } catch (error) {
      await dispose();
      throw error;
    }
  } catch (error) {
    removeDir();
    throw error;
  }
};
