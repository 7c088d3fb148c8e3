import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Role } from './app-env.ts';
import { replyError } from './http-errors.ts';

/**
 * Who may call a route: anyone (`'public'`), or a caller holding one of the listed roles.
 * Every route must say it; the OpenAPI document carries it as `x-access`.
 */
export type Access = 'public' | readonly [Role, ...Role[]];

/** The OpenAPI extension that carries a route's access. */
export const ACCESS_EXTENSION = 'x-access';

/**
 * Lets a request through only if its caller may call the route. Credentials arrive in a later issue; until an
 * authentication middleware sets `actor`, every non-public route answers 401: there is no bypass.
 */
export const enforceAccess =
  (access: Access): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (access === 'public') return next();
    const actor = c.get('actor');
    if (!actor) return replyError(c, 'UNAUTHENTICATED');
    if (!actor.roles.some((role) => access.includes(role))) return replyError(c, 'FORBIDDEN', { required: access });
    return next();
  };
