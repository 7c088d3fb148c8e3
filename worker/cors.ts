import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './app-env.ts';

/**
 * CORS for the window front ends and the docs page (env.CORS_ORIGINS, comma-separated). Credentials travel in
 * `Authorization`, never in cookies, so `credentials` stays false and no origin can ride a signed-in browser.
 */

/** What a browser may send: the credential, JSON, an idempotency key, its own request id, a cached ETag. */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'If-None-Match'];
/** What a front end may read: the request id to quote, when to retry, where a creation went, replay and ETag. */
export const CORS_EXPOSE_HEADERS = ['X-Request-Id', 'Retry-After', 'Location', 'Idempotent-Replay', 'ETag'];
export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Browsers cap it anyway (Chromium at 2 hours); ten minutes lets an origin removed from the list drop out soon. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The configured origins, trimmed, without a trailing slash (browsers never send one). */
export const parseCorsOrigins = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin !== '');

/** A preflight, as opposed to a plain OPTIONS request from curl: the browser names the method it wants. */
const isPreflight = (method: string, requestMethod: string | undefined): boolean => method === 'OPTIONS' && requestMethod !== undefined;

/**
 * Answers preflights from allowed origins (204, before authentication: preflights carry no credentials, and
 * before the not-found handler, which would call OPTIONS a 405) and adds the CORS headers to their other
 * responses. Other origins get no CORS header at all, so the browser blocks them; their preflight still
 * ends here with a bare 204 instead of reaching the routes. Every response varies by Origin, so a shared
 * cache never gives one origin's headers to another.
 */
export const corsForOrigins = (): MiddlewareHandler<AppEnv> => {
  // The handler is built once per distinct CORS_ORIGINS text (one in practice), not per request.
  let compiledFor: string | undefined;
  let origins: string[] = [];
  let allowed: MiddlewareHandler | undefined;
  return async (c, next) => {
    if (allowed === undefined || compiledFor !== c.env.CORS_ORIGINS) {
      compiledFor = c.env.CORS_ORIGINS;
      origins = parseCorsOrigins(compiledFor);
      allowed = cors({
        origin: (origin) => (origins.includes(origin) ? origin : null),
        allowMethods: CORS_ALLOW_METHODS,
        allowHeaders: CORS_ALLOW_HEADERS,
        exposeHeaders: CORS_EXPOSE_HEADERS,
        credentials: false,
        maxAge: CORS_MAX_AGE_SECONDS,
      });
    }
    const origin = c.req.header('Origin');
    if (origin !== undefined && origins.includes(origin)) return allowed(c, next);
    if (origin !== undefined && isPreflight(c.req.method, c.req.header('Access-Control-Request-Method'))) {
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    await next();
    c.header('Vary', 'Origin', { append: true });
  };
};
