/**
 * A worker in local workerd through Miniflare directly, as it would be uploaded: wrangler builds the very
 * bundle `wrangler deploy` would send (--dry-run, nothing leaves the machine), the wrangler config gives the
 * bindings (unstable_getMiniflareWorkerOptions), and Miniflare serves it on 127.0.0.1 with nothing in front:
 * no dev ProxyWorker (an extra workerd hop that `wrangler dev` puts before the worker) and no wrangler logger
 * parsing every line the worker logs. The worker's stdout and stderr are drained: each line costs the worker
 * what console.log costs it in production, where Workers Logs collects it outside the request.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const requireHere = createRequire(import.meta.url);

/** What the benches use of Miniflare (typed here: the hoisted copy's types are of another version). */
interface MiniflareInstance {
  readonly ready: Promise<URL>;
  dispose(): Promise<void>;
}
// The Miniflare wrangler itself runs (its workerd matches wrangler's), not the other version hoisted to the root.
const { Miniflare } = createRequire(requireHere.resolve('wrangler'))('miniflare') as {
  Miniflare: new (options: Record<string, unknown>) => MiniflareInstance;
};

export interface BundledWorker {
  readonly base: URL;
  dispose(): Promise<void>;
}

/** `npx wrangler …` from the repository root, output kept off the console. */
export const runWrangler = (args: readonly string[]): Buffer =>
  execFileSync('npx', ['wrangler', ...args], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: 'true' } });

/** The worker's log lines: drained, not printed (a bench prints its own table). */
export const drainStdio = () => ({
  handleRuntimeStdio: (stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) => {
    stdout.resume();
    stderr.resume();
  },
});

/** Another worker (a plain script) in a Miniflare of its own, e.g. a bare fetch handler as a floor. */
export const startScriptWorker = async (name: string, script: string): Promise<BundledWorker> => {
  const mf = new Miniflare({ name, modules: true, script, compatibilityDate: '2026-04-01', host: '127.0.0.1', port: 0, ...drainStdio() });
  try {
    return { base: await mf.ready, dispose: () => mf.dispose() };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
};

/**
 * Builds the worker of `config` (a wrangler.toml) into `dir`/bundle and serves it; storage (D1, Durable
 * Objects) lives under `dir`/v3, where `wrangler d1 … --persist-to dir` writes. `bindings` are added to the
 * config's (secrets for the run, never a developer's .dev.vars). The caller owns `dir`.
 */
export const startBundledWorker = async (options: {
  readonly config: string;
  readonly dir: string;
  readonly name: string;
  readonly bindings?: Record<string, string>;
}): Promise<BundledWorker> => {
  const bundle = join(options.dir, 'bundle');
  runWrangler(['deploy', '--dry-run', '--config', options.config, '--outdir', bundle]);
  const { unstable_getMiniflareWorkerOptions, unstable_readConfig } = await import('wrangler');
  const { main } = unstable_readConfig({ config: options.config });
  if (!main) throw new Error(`${options.config} names no main module`);
  const { workerOptions } = unstable_getMiniflareWorkerOptions(options.config);
  const mf = new Miniflare({
    ...workerOptions,
    name: options.name,
    modules: true,
    scriptPath: join(bundle, basename(main).replace(/\.[cm]?ts$/, '.js')),
    modulesRoot: bundle, // module names relative to the bundle (the default, the cwd, is elsewhere)
    bindings: { ...workerOptions.bindings, ...options.bindings },
    defaultPersistRoot: join(options.dir, 'v3'),
    host: '127.0.0.1',
    port: 0,
    ...drainStdio(),
  });
  try {
    return { base: await mf.ready, dispose: () => mf.dispose() };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
};
