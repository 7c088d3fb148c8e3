import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { maskPersonalText, type ErrorCode } from '../core/index.ts';
import type { AppEnv } from './app-env.ts';
import { authenticate } from './auth/authenticate.ts';
import { replyError } from './http-errors.ts';
import { compileAllowedMethods } from './method-not-allowed.ts';
import { corsForOrigins } from './cors.ts';
import { logRequests, maskPath } from './request-log.ts';
import { registerApplicantRoutes } from './routes/applicants.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerBundleRoutes } from './routes/bundles.ts';
import { registerCaseIntakeRoutes } from './routes/cases-intake.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerCertificateRoutes } from './routes/certificates.ts';
import { registerDeliveryRoutes } from './routes/deliveries.ts';
import { registerDepartmentRoutes } from './routes/departments.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerEvaluationRoutes } from './routes/evaluations.ts';
import { registerHallBoardRoutes } from './routes/halls-board.ts';
import { registerHallReportRoutes } from './routes/halls-report.ts';
import { registerHallTicketActionRoutes } from './routes/halls-ticket-actions.ts';
import { registerHallTicketRoutes } from './routes/halls-tickets.ts';
import { registerHallWindowRoutes } from './routes/halls-windows.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerMatterRoutes } from './routes/matters.ts';
import { registerRectificationRoutes } from './routes/rectifications.ts';
import { registerTaskRoutes } from './routes/tasks.ts';
import { registerTenantRoutes } from './routes/tenants.ts';
import { registerCrossRegionRoutes } from './routes/cross-region.ts';
import { registerTenantWebhookRoutes } from './routes/tenant-webhook.ts';
import { registerTenantWebhookDeliveryRoutes } from './routes/tenant-webhook-deliveries.ts';
import { registerTrackRoutes } from './routes/track.ts';
import { reportInvalidInput } from './validation-hook.ts';

/** Larger bodies are refused before any route reads them. Catalog routes take none; later intake routes are JSON. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Incoming request ids are kept when short and plain (letters, digits, `_`, `-`, `=`); otherwise we mint one. */
const MAX_REQUEST_ID_LENGTH = 128;

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
 * Tests build small apps on it to exercise the frame with routes of their own; `writeLog` (stdout unless
 * given) lets bench/workerd price the request log's output apart from the rest of the frame.
 */
export const createApp = ({ writeLog }: { writeLog?: (line: string) => void } = {}) => {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: reportInvalidInput });

  app.use('*', requestId({ limitLength: MAX_REQUEST_ID_LENGTH }));
  // One masked log line per request, preflights and refusals included; then CORS, before authentication
  // (preflights carry no credentials) and before the not-found handler (which would call OPTIONS a 405).
  app.use('*', logRequests(writeLog));
  app.use('*', corsForOrigins());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => replyError(c, 'PAYLOAD_TOO_LARGE', { maxBytes: MAX_BODY_BYTES }),
    }),
  );
  // Who is calling (staff token or API key), before any route: a bad credential is refused even on public routes.
  app.use('*', authenticate);

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
        path: maskPath(c.req.path),
        // Messages quote inputs (an ID number in a failed lookup); masked like the request log.
        error: maskPersonalText(error instanceof Error ? (error.stack ?? error.message) : String(error)),
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
registerAuthRoutes(app);
registerTenantRoutes(app);
registerCrossRegionRoutes(app);
registerTenantWebhookRoutes(app);
registerTenantWebhookDeliveryRoutes(app);
registerHallTicketRoutes(app);
registerHallTicketActionRoutes(app);
registerHallWindowRoutes(app);
registerHallBoardRoutes(app);
registerCaseIntakeRoutes(app);
registerCaseRoutes(app);
registerTaskRoutes(app);
registerTrackRoutes(app);
registerApplicantRoutes(app);
registerCertificateRoutes(app);
registerDeliveryRoutes(app);
registerEvaluationRoutes(app);
registerRectificationRoutes(app);
registerHallReportRoutes(app);
registerDocsRoutes(app);
