import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { MiddlewareHandler } from 'hono';
import type { ErrorCode } from '../core/index.ts';
import type { AppEnv } from './app-env.ts';
import { replyError } from './http-errors.ts';
import { compileAllowedMethods } from './method-not-allowed.ts';
import { registerBundleRoutes } from './routes/bundles.ts';
import { registerDepartmentRoutes } from './routes/departments.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerHallBoardRoutes } from './routes/halls-board.ts';
import { registerHallTicketActionRoutes } from './routes/halls-ticket-actions.ts';
import { registerHallTicketRoutes } from './routes/halls-tickets.ts';
import { registerHallWindowRoutes } from './routes/halls-windows.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerMatterRoutes } from './routes/matters.ts';
import { fuseRequestValidation, reportInvalidInput, type RouteHook, type ValidatedRequest } from './validation-hook.ts';

/** Larger bodies are refused before any route reads them. Catalog routes take none; later intake routes are JSON. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Incoming request ids are kept when short and plain (letters, digits, `_`, `-`, `=`); otherwise we mint one. */
const MAX_REQUEST_ID_LENGTH = 128;

/** Characters a kept request id may hold (the same rule as hono's request-id middleware). */
const PLAIN_REQUEST_ID = /^[\w\-=]+$/;

/** Statuses that Hono or its middleware throw as HTTPException, as domain codes. */
const CODE_FOR_HTTP_EXCEPTION: Partial<Record<number, ErrorCode>> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * The app frame without routes: request id, body limit, zod failures, 404/405 and the error model.
 * Tests build small apps on it to exercise the frame with routes of their own.
 */
export const createApp = () => {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: reportInvalidInput });

  // Request id and body limit in one layer: every request pays one middleware hop, not two. A declared
  // Content-Length is checked here; a body without one (chunked) is measured by hono's body-limit, which buffers it.
  const limitStreamedBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => replyError(c, 'PAYLOAD_TOO_LARGE', { maxBytes: MAX_BODY_BYTES }),
  });
  const frame: MiddlewareHandler<AppEnv> = async (c, next) => {
    const raw = c.req.raw;
    let id = raw.headers.get('X-Request-Id');
    if (!id || id.length > MAX_REQUEST_ID_LENGTH || !PLAIN_REQUEST_ID.test(id)) id = crypto.randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    if (!raw.body) {
      await next();
      return;
    }
    const length = raw.headers.get('content-length');
    if (length !== null && !raw.headers.has('transfer-encoding')) {
      if (parseInt(length || '0', 10) > MAX_BODY_BYTES) return replyError(c, 'PAYLOAD_TOO_LARGE', { maxBytes: MAX_BODY_BYTES });
      await next();
      return;
    }
    return limitStreamedBody(c, next);
  };
  app.use('*', frame);

  // Each route's request validation as one middleware (see fuseRequestValidation) instead of the library's chain of
  // up to five; the route is still documented as declared. Shapes the fused validator leaves alone keep the chain.
  const openapi = app.openapi;
  app.openapi = ((route: { request?: ValidatedRequest; middleware?: unknown; hide?: boolean }, handler: never, hook?: never) => {
    const fused = fuseRequestValidation(route.request, (hook ?? reportInvalidInput) as RouteHook);
    if (!fused) return openapi(route as never, handler, hook);
    const { middleware, hide, ...documented } = route;
    if (!hide) app.openAPIRegistry.registerPath(documented as never);
    const before = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
    return openapi({ ...documented, request: undefined, hide: true, middleware: [...before, fused] } as never, handler, hook);
  }) as typeof app.openapi;

  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    // Routes are all registered by the first request, so the lookup is compiled once, then.
    allowedMethods ??= compileAllowedMethods(app.routes);
    const allowed = allowedMethods(c.req.path);
    if (allowed.length === 0) return replyError(c, 'ROUTE_NOT_FOUND', { path: c.req.path });
    c.header('Allow', allowed.join(', '));
    return replyError(c, 'METHOD_NOT_ALLOWED', { method: c.req.method, allowed });
  });

  app.onError((error, c) => {
    const code = error instanceof HTTPException ? CODE_FOR_HTTP_EXCEPTION[error.status] : undefined;
    if (code) return replyError(c, code, error.message ? { reason: error.message } : undefined);
    // Internals stay in the log, found by the request id the caller was given.
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
    return replyError(c, 'INTERNAL');
  });

  return app;
};

export type App = ReturnType<typeof createApp>;

/** The onewindow edge API. */
export const app = createApp();
registerMatterRoutes(app);
registerDepartmentRoutes(app);
registerBundleRoutes(app);
registerHealthRoutes(app);
registerHallTicketRoutes(app);
registerHallTicketActionRoutes(app);
registerHallWindowRoutes(app);
registerHallBoardRoutes(app);
registerDocsRoutes(app);
