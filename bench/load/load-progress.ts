/**
 * The live progress display on stderr: one line rewritten in place twice a second on a terminal; on a pipe (CI
 * logs) one plain line every 5 s, since carriage returns would pile up as a single unreadable line there.
 */
import { LiveTally } from './load-stats.ts';

export interface ProgressView {
  readonly elapsedS: number;
  readonly durationS: number;
  readonly requests: number;
  readonly errors: number;
  readonly rps: number;
  readonly offeredRps: number;
  readonly p95Ms: number;
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** The line itself (pure, so its shape is tested). */
export const formatProgress = (v: ProgressView): string =>
  `load ${fixed(v.elapsedS, 1)}/${v.durationS} s · ${v.requests} req · ${fixed(v.rps, 1)} req/s (offered ${fixed(v.offeredRps, 1)}) · ` +
  `errors ${v.errors} · p95 last 5 s ${fixed(v.p95Ms, 1)} ms`;

export const startProgress = (options: {
  readonly tally: LiveTally;
  readonly elapsedMs: () => number;
  readonly durationS: number;
  readonly offeredRps: number;
  readonly stream?: NodeJS.WriteStream;
}): (() => void) => {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const draw = () => {
    const elapsedMs = options.elapsedMs();
    const line = formatProgress({
      elapsedS: elapsedMs / 1000,
      durationS: options.durationS,
      requests: options.tally.requests,
      errors: options.tally.errors,
      rps: elapsedMs > 0 ? (options.tally.requests * 1000) / elapsedMs : 0,
      offeredRps: options.offeredRps,
      p95Ms: options.tally.recentP95(elapsedMs),
    });
    stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  };
  const timer = setInterval(draw, tty ? 500 : 5000);
  return () => {
    clearInterval(timer);
    draw();
    if (tty) stream.write('\n');
  };
};
