import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ErrorCode } from '../core/index.ts';
import { ACCESS_EXTENSION, enforceAccess, type Access } from './access.ts';
import type { AppEnv } from './app-env.ts';
import { cacheCatalogReplies, CATALOG_CACHE_CONTROL } from './catalog-cache.ts';
import { documentErrors } from './openapi/error-responses.ts';
import type { ErrorResponseConfig } from './schemas/error.ts';

export type RouteSpec = Omit<RouteConfig, 'middleware'> & {
  /** Who may call the route. Required: a route without it does not compile. */
  access: Access;
  /** Domain codes the handler itself may return; the codes every route of its shape shares are added here. */
  errors?: readonly ErrorCode[];
  /** A catalog reply: ETag from the catalog version, `Cache-Control: public`, 304 on `If-None-Match`. */
  catalogCache?: boolean;
  middleware?: MiddlewareHandler<AppEnv>[];
};

/** Codes any route of this shape can answer with, besides its own. */
const sharedErrors = (spec: RouteSpec): ErrorCode[] => [
  ...(spec.request ? (['INVALID_INPUT'] as const) : []),
  ...(spec.request?.body ? (['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
  // Any route: a credential that does not check out is 401 (public routes too), and a key over its limit is 429.
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  ...(spec.access === 'public' ? [] : (['FORBIDDEN'] as const)),
  'INTERNAL',
];

const NOT_MODIFIED = {
  description:
    '未变更 Not modified: If-None-Match holds the current catalog ETag. ' +
    `Catalog replies carry \`Cache-Control: ${CATALOG_CACHE_CONTROL}\`.`,
};

/**
 * Declares a route: its access (enforced first, before validation, and published as `x-access`), its error
 * responses documented per status, and optional catalog caching. Handlers may reply any error-model body; the
 * types see it as the `default` response.
 */
export const defineRoute = <const R extends RouteSpec>(spec: R) => {
  const { access, errors = [], catalogCache = false, middleware = [], ...config } = spec;
  const declared = access === 'public' ? 'public' : { roles: [...access.roles], scopes: [...access.scopes] };
  const route = createRoute({
    ...config,
    [ACCESS_EXTENSION]: declared,
    middleware: [enforceAccess(access), ...(catalogCache ? [cacheCatalogReplies] : []), ...middleware],
    responses: {
      ...config.responses,
      ...(catalogCache ? { 304: NOT_MODIFIED } : {}),
      ...documentErrors([...errors, ...sharedErrors(spec)]),
    },
  });
  return route as unknown as Omit<R, 'access' | 'errors' | 'catalogCache' | 'responses' | 'middleware'> & {
    responses: R['responses'] & { default: ErrorResponseConfig };
    middleware: MiddlewareHandler<AppEnv>[];
    getRoutingPath(): string;
  };
};
