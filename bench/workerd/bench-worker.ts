import { OpenAPIHono } from '@hono/zod-openapi';
import { proxyDurable } from 'itty-durable';
import { createApp } from '../../worker/app.ts';
import type { AppEnv } from '../../worker/app-env.ts';
import app from '../../worker/index.ts';
import { registerHallTicketRoutes } from '../../worker/routes/halls-tickets.ts';
import { reportInvalidInput } from '../../worker/validation-hook.ts';
import type { Env } from '../../worker/env.ts';
import { HallObject } from '../../worker/hall-object.ts';
import type { TakeTicketInput } from '../../worker/hall/hall-engine.ts';

export { IttyHallObject } from './itty-hall-object.ts';

/** About what a take stores: its event and, under its Idempotency-Key, its reply (one row of ~0.7 KB). */
const COMMIT_ROW = JSON.stringify({ type: 'benchCommit', pad: 'x'.repeat(680) });

/**
 * The production hall object plus two floors a take over HTTP and DO RPC is compared with: `echo`, a no-op,
 * and `echoCommit`, which commits one row in its own transaction as every hall command does (the least any
 * durable command can cost), in a table of its own, so the hall's log is untouched.
 */
export class BenchHallObject extends HallObject {
  private commits = 0;

  async echo(): Promise<string> {
    return 'echo';
  }

  async echoCommit(): Promise<string> {
    const { sql } = this.ctx.storage;
    this.ctx.storage.transactionSync(() => {
      if (this.commits === 0) sql.exec('CREATE TABLE IF NOT EXISTS bench_commits (seq INTEGER PRIMARY KEY, json TEXT NOT NULL)');
      sql.exec('INSERT INTO bench_commits (json) VALUES (?)', COMMIT_ROW);
    });
    this.commits++;
    return 'echo';
  }
}

interface BenchEnv extends Omit<Env, 'HALL'> {
  HALL: DurableObjectNamespace<BenchHallObject>;
  HALL_ITTY: DurableObjectNamespace;
}

const HALL = 'xiaoshan';

/** A request log line of a take's size (worker/request-log.ts writes one per request). */
const PROBE_LOG_LINE = { level: 'info', method: 'POST', path: '/v1/halls/xiaoshan/tickets', status: 201, ms: 1, tenant: null, actorKind: null, actorId: null };

/**
 * The take route in two cut-down apps, for probe-cpu.ts (`X-Bench-App` picks one): `quiet`, the whole app frame
 * with the request log built but not written; `bare`, the route alone (zod, handler) with no app-wide middleware.
 */
const quietApp = createApp({ writeLog: () => {} });
registerHallTicketRoutes(quietApp);
const bareApp = new OpenAPIHono<AppEnv>({ defaultHook: reportInvalidInput });
registerHallTicketRoutes(bareApp as unknown as typeof quietApp);
const PROBE_APPS: Record<string, { fetch: typeof quietApp.fetch }> = { quiet: quietApp, bare: bareApp };

/** What the raw take routes accept: the take body as the real route would pass it on (no zod, no catalog check). */
const readTake = async (request: Request): Promise<{ input: TakeTicketInput; key: string | null }> => ({
  input: (await request.json()) as TakeTicketInput,
  key: request.headers.get('Idempotency-Key'),
});

/** As the real route answers: the ticket's JSON text as the body (an error as the Result itself). */
const reply = (result: { ok: true; value: { reply: string } } | { ok: false }) =>
  result.ok
    ? new Response(result.value.reply, { status: 201, headers: { 'Content-Type': 'application/json' } })
    : Response.json(result, { status: 400 });

const routeBench = async (request: Request, env: BenchEnv): Promise<Response | null> => {
  const { pathname } = new URL(request.url);
  if (pathname === '/echo') return Response.json(await env.HALL.get(env.HALL.idFromName(HALL)).echo());
  if (pathname === '/echo-commit') return Response.json(await env.HALL.get(env.HALL.idFromName(HALL)).echoCommit());
  // Probes for bench/workerd/probe-cpu.ts: the echo plus one piece of a take's work, to price that piece.
  if (pathname === '/probe/log' || pathname === '/probe/body') {
    if (pathname === '/probe/log') console.log(JSON.stringify({ ...PROBE_LOG_LINE, at: new Date().toISOString(), requestId: crypto.randomUUID() }));
    else await request.json();
    return Response.json(await env.HALL.get(env.HALL.idFromName(HALL)).echo());
  }
  if (pathname === '/native/tickets') {
    const { input, key } = await readTake(request);
    // Its own object (same hall config), so its line grows like the itty one's and not with the real route's.
    return reply(await env.HALL.get(env.HALL.idFromName('bench-native')).takeTicket(HALL, input, key));
  }
  if (pathname === '/itty/echo' || pathname === '/itty/tickets') {
    const stub = proxyDurable(env.HALL_ITTY, { name: 'HALL_ITTY', parse: true }).get(HALL) as unknown as {
      echo(): Promise<string>;
      takeTicket(hallId: string, input: TakeTicketInput, key: string | null): Promise<{ ok: true; value: { reply: string } } | { ok: false }>;
    };
    if (pathname === '/itty/echo') return Response.json(await stub.echo());
    const { input, key } = await readTake(request);
    return reply(await stub.takeTicket(HALL, input, key));
  }
  return null;
};

export default {
  async fetch(request: Request, env: BenchEnv, ctx: ExecutionContext): Promise<Response> {
    const probeApp = PROBE_APPS[request.headers.get('X-Bench-App') ?? ''];
    if (probeApp) return probeApp.fetch(request, env as unknown as Env, ctx);
    try {
      const benched = await routeBench(request, env);
      if (benched) return benched;
    } catch (error) {
      return Response.json({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, { status: 500 });
    }
    return app.fetch(request, env as unknown as Env, ctx);
  },
};
