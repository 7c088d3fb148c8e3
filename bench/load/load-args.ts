/**
 * `npm run bench:load -- [--clients N] [--duration S] [--smoke] [--url http://…] [--bare-url http://…] [--seed N]`
 * Defaults are the issue's target (200 clients) for a minute; --smoke is a few seconds with 20 clients so CI can
 * run it and know the mix still works (its files go to results/*.tmp, never over the recorded figures).
 */

export interface LoadArgs {
  readonly clients: number;
  readonly durationS: number;
  readonly smoke: boolean;
  /** Target an already running worker instead of starting one (its demo accounts must exist). */
  readonly url: URL | null;
  /** A bare route to compare with when targeting a URL; default GET /v1/health of the target. */
  readonly bareUrl: URL | null;
  readonly seed: number;
  readonly help: boolean;
}

export const USAGE = `npm run bench:load -- [--clients 200] [--duration 60] [--smoke] [--url http://host:port] [--bare-url http://…] [--seed 1]`;

const positive = (name: string, text: string | undefined): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number, got ${text ?? 'nothing'}`);
  return n;
};

const url = (name: string, text: string | undefined): URL => {
  try {
    return new URL(text ?? '');
  } catch {
    throw new Error(`${name} needs a URL such as http://127.0.0.1:8787, got ${text ?? 'nothing'}`);
  }
};

export const parseLoadArgs = (argv: readonly string[]): LoadArgs => {
  const smoke = argv.includes('--smoke');
  let clients = smoke ? 20 : 200;
  let durationS = smoke ? 6 : 60;
  let target: URL | null = null;
  let bareUrl: URL | null = null;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--clients') clients = Math.round(positive(flag, value()));
    else if (flag === '--duration') durationS = positive(flag, value());
    else if (flag === '--url') target = url(flag, value());
    else if (flag === '--bare-url') bareUrl = url(flag, value());
    else if (flag === '--seed') seed = Math.round(positive(flag, value()));
    else if (flag !== '--smoke' && flag !== '--help' && flag !== '-h') throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return { clients, durationS, smoke, url: target, bareUrl, seed, help: argv.includes('--help') || argv.includes('-h') };
};
