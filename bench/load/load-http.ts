/**
 * The load run's HTTP side: keep-alive connections (one per client at most, as browsers and terminals hold
 * theirs), each request timed from start to the last byte of the reply, and every measured request handed to
 * the recorder with its route template and outcome.
 */
import { Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Outcome, Sample } from './load-stats.ts';

export interface Reply {
  readonly status: number;
  readonly text: string;
  readonly ms: number;
}

export interface SendOptions {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** No reply within this long counts as an error (status 0): a hall terminal gives up and shows an error too. */
const TIMEOUT_MS = 30_000;

/** An HTTP client for one origin with `maxSockets` keep-alive connections. */
export class LoadHttp {
  private readonly agent: Agent;
  private readonly secure: boolean;

  constructor(
    readonly base: URL,
    maxSockets: number,
  ) {
    this.secure = base.protocol === 'https:';
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** Requests sent again because a kept-alive connection had been closed by the server while idle. */
  staleRetries = 0;

  async send(options: SendOptions): Promise<Reply> {
    const started = performance.now();
    const first = await this.attempt(options);
    // A browser does the same: a request that fails on a reused idle connection before any reply byte is sent
    // again on a fresh one (the server closed the connection during the client's think time; nothing ran).
    const reply = first.stale ? (this.staleRetries++, await this.attempt(options)) : first;
    return { status: reply.status, text: reply.text, ms: performance.now() - started };
  }

  private attempt(options: SendOptions): Promise<{ status: number; text: string; stale: boolean }> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve) => {
      let replied = false;
      const finish = (status: number, text: string, stale = false) => resolve({ status, text, stale });
      const req = (this.secure ? httpsRequest : httpRequest)(
        {
          ...(this.secure ? {} : { agent: this.agent }),
          host: this.base.hostname,
          port: this.base.port,
          method: options.method,
          path: options.path,
          timeout: TIMEOUT_MS,
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...options.headers,
          },
        },
        (res) => {
          replied = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
          res.on('error', (error) => finish(0, error.message));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no reply within ${TIMEOUT_MS} ms`)));
      req.on('error', (error) => finish(0, error.message, !replied && req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET'));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Which statuses are what a person expects at this step, and which are a provoked domain conflict. */
export interface Expect {
  readonly ok: readonly number[];
  readonly conflict?: readonly number[];
}

export const classify = (status: number, expect: Expect): Outcome =>
  expect.ok.includes(status) ? 'ok' : expect.conflict?.includes(status) ? 'conflict' : 'error';

/**
 * Collects samples while the measured phase runs (`startedAt` set); setup and seeding go through the same code
 * with no recorder start, so they never count. Keeps a few error bodies for the report.
 */
export class Recorder {
  readonly samples: Sample[] = [];
  readonly errorExamples: string[] = [];
  startedAt: number | null = null;
  stoppedAt: number | null = null;
  onSample: ((sample: Sample) => void) | null = null;
  /** The last unexpected reply before the measured phase, for a setup failure's message. */
  lastSetupError = '';

  record(route: string, reply: Reply, expect: Expect): Outcome {
    const outcome = classify(reply.status, expect);
    if (this.startedAt === null && outcome === 'error') this.lastSetupError = `${route} → ${reply.status} ${reply.text.slice(0, 400)}`;
    if (this.startedAt === null || this.stoppedAt !== null) return outcome;
    const sample: Sample = { route, at: performance.now() - reply.ms - this.startedAt, ms: reply.ms, status: reply.status, outcome };
    if (sample.at < 0) return outcome; // started during setup
    this.samples.push(sample);
    if (outcome === 'error' && this.errorExamples.length < 12) this.errorExamples.push(`${route} → ${reply.status} ${reply.text.slice(0, 240)}`);
    this.onSample?.(sample);
    return outcome;
  }

  /** ms since the measured phase started. */
  elapsed(): number {
    return this.startedAt === null ? 0 : performance.now() - this.startedAt;
  }
}

/** The parsed JSON body, or null when the body is not JSON. */
export const readJson = <T>(reply: Reply): T | null => {
  try {
    return JSON.parse(reply.text) as T;
  } catch {
    return null;
  }
};
