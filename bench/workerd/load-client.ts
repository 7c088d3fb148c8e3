import { Agent, request } from 'node:http';

/**
 * Many concurrent HTTP clients on loopback: `concurrency` keep-alive connections, each sending its next request
 * as soon as the previous reply is read in full, until `count` requests or `maxSeconds` (whichever first).
 * Latency is request start to the last byte of the reply, per request.
 */

export interface LoadPlan {
  readonly base: URL;
  readonly method: 'GET' | 'POST';
  /** One path for every request, or the i-th request's (a different task or certificate each time). */
  readonly path: string | ((i: number) => string);
  /** The i-th request's JSON body, if any. */
  readonly body?: (i: number) => unknown;
  readonly headers?: (i: number) => Record<string, string>;
  readonly count: number;
  readonly concurrency: number;
  readonly maxSeconds: number;
  readonly expectStatus: number;
  /** Keep the reply bodies (for sanity checks on what was returned). */
  readonly keepBodies?: boolean;
}

export interface LoadResult {
  readonly sent: number;
  /** Replies with the expected status. */
  readonly ok: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** A few bodies of unexpected replies, for the report. */
  readonly errors: readonly string[];
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  /** Every request's latency in ms, ascending (for pooling rounds). */
  readonly latencies: Float64Array;
  readonly bodies: readonly string[];
}

const send = (agent: Agent, plan: LoadPlan, i: number): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const payload = plan.body ? JSON.stringify(plan.body(i)) : undefined;
    const req = request(
      {
        agent,
        host: plan.base.hostname,
        port: plan.base.port,
        method: plan.method,
        path: typeof plan.path === 'function' ? plan.path(i) : plan.path,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...plan.headers?.(i),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

/** Nearest-rank percentile of sorted samples. */
export const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/** The middle value (the lower of the two middles for an even count); NaN for none. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

export const runLoad = async (plan: LoadPlan): Promise<LoadResult> => {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const latencies = new Float64Array(plan.count);
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  const bodies: string[] = [];
  let next = 0;
  let done = 0;
  let ok = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(plan.maxSeconds * 1e9));

  const client = async () => {
    while (next < plan.count && process.hrtime.bigint() < deadline) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      let status = 0;
      let body = '';
      try {
        ({ status, body } = await send(agent, plan, i));
      } catch (error) {
        body = error instanceof Error ? error.message : String(error);
      }
      latencies[done++] = Number(process.hrtime.bigint() - t0) / 1e6;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === plan.expectStatus) ok++;
      else if (errors.length < 5) errors.push(`${status} ${body.slice(0, 300)}`);
      if (plan.keepBodies) bodies.push(body);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();

  const sorted = latencies.slice(0, done).sort();
  let sum = 0;
  for (const ms of sorted) sum += ms;
  return {
    sent: done,
    ok,
    statuses,
    errors,
    seconds,
    requestsPerSecond: done / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: done === 0 ? Number.NaN : sum / done,
    latencies: sorted,
    bodies,
  };
};
