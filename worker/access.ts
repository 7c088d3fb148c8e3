import type { MiddlewareHandler } from 'hono';
import { mayCall, type Access } from '../core/index.ts';
import type { AppEnv } from './app-env.ts';
import { replyError } from './http-errors.ts';

export type { Access } from '../core/index.ts';

/** The OpenAPI extension that carries a route's access: `'public'` or `{ roles, scopes }`. */
export const ACCESS_EXTENSION = 'x-access';

/**
 * Lets a request through only if its caller may call the route: no credentials → 401, credentials without a
 * listed role (staff) or scope (key) → 403. Tenant and department checks follow in the handler, per resource
 * (a foreign tenant's resource is a 404, so ids cannot be probed).
 */
export const enforceAccess =
  (access: Access): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (access === 'public') return next();
    const actor = c.get('actor');
    if (!actor) return replyError(c, 'UNAUTHENTICATED');
    if (!mayCall(access, actor)) return replyError(c, 'FORBIDDEN', { roles: access.roles, scopes: access.scopes });
    return next();
  };
