import type { MiddlewareHandler } from 'hono';
import { maskPersonalText } from '../core/index.ts';
import type { AppEnv } from './app-env.ts';

/**
 * One JSON line per request on stdout (Workers Logs / `wrangler tail` index JSON lines by field). It holds who
 * called what and how it ended, never a body, a credential or a query code, and every text taken from the
 * request is masked (maskPersonalText): a path may carry an ID number, a user agent anything at all.
 */
export interface RequestLogLine {
  level: 'info' | 'warn' | 'error';
  at: string;
  requestId: string;
  method: string;
  path: string;
  query?: string;
  status: number;
  ms: number;
  tenant: string | null;
  actorKind: 'staff' | 'key' | null;
  actorId: string | null;
  ua?: string;
}

/** Hostile requests send megabyte paths and agents; a log line stays readable. */
const MAX_TEXT = 300;
/** Query parameters that are credentials by themselves (查询码, the holder's code, signed QR payloads): dropped to `***`. */
const SECRET_PARAMS = new Set(['code', 'querycode', 'payload', 'token', 'key']);

const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/** Percent-escapes would hide an ID number from the masking; a malformed escape is masked as it stands. */
const decodeLoosely = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The request's path, decoded, masked and clipped. */
export const maskPath = (path: string): string => clip(maskPersonalText(decodeLoosely(path)));

/** The query string with credential parameters hidden and the rest masked; undefined when there is none. */
export const maskQuery = (search: string): string | undefined => {
  const params = new URLSearchParams(search);
  const parts: string[] = [];
  for (const [name, value] of params) {
    parts.push(`${name}=${SECRET_PARAMS.has(name.toLowerCase()) ? '***' : value}`);
  }
  return parts.length === 0 ? undefined : clip(maskPersonalText(parts.join('&')));
};

const levelOf = (status: number): RequestLogLine['level'] => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

/** Where lines go: stdout, looked up per line (tests spy on console.log). */
const writeToStdout = (line: string): void => console.log(line);

/**
 * Logs after the response is decided (the actor is known by then, set by authentication further down).
 * Registered right after the request id, before CORS, so preflights and refusals are logged too. `write` is
 * for bench/workerd probes that price the line's output apart from its making; the app always logs to stdout.
 */
export const logRequests =
  (write: (line: string) => void = writeToStdout): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      const url = new URL(c.req.url);
      const actor = c.get('actor');
      const ua = c.req.header('User-Agent');
      const line: RequestLogLine = {
        level: levelOf(c.res.status),
        at: new Date(started).toISOString(),
        requestId: c.get('requestId'),
        method: c.req.method,
        path: maskPath(url.pathname),
        ...(url.search ? { query: maskQuery(url.search) } : {}),
        status: c.res.status,
        // Workers' clock stands still while code runs and moves on I/O: ms is time spent waiting, which is the point.
        ms: Date.now() - started,
        tenant: actor?.tenant ?? null,
        actorKind: actor?.kind ?? null,
        actorId: actor?.id ?? null,
        ...(ua ? { ua: clip(maskPersonalText(ua)) } : {}),
      };
      write(JSON.stringify(line));
    }
  };
