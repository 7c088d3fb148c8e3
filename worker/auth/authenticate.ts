import type { MiddlewareHandler } from 'hono';
import { API_KEY_PREFIX } from '../../core/index.ts';
import type { AppEnv } from '../app-env.ts';
import { replyError } from '../http-errors.ts';
import { checkApiKey } from './check-api-key.ts';
import { verifyStaffToken } from './staff-token.ts';

const BEARER = /^Bearer +([^\s]+) *$/i;

/**
 * Identifies the caller from `Authorization: Bearer <credential>`: an API key (`ow_…`) or a staff token. No header:
 * an anonymous caller (public routes serve it; the others answer 401). A header that does not check out is
 * refused on every route, public ones included, so a client with a broken credential learns it at once instead
 * of silently being served as anonymous. Runs before routing; each route's access is enforced after it.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization');
  if (header === undefined) {
    c.set('actor', undefined);
    return next();
  }
  const credential = BEARER.exec(header)?.[1];
  const result = !credential
    ? ({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'scheme-unsupported' } } } as const)
    : credential.startsWith(API_KEY_PREFIX)
      ? await checkApiKey(c.env, credential)
      : await verifyStaffToken(c.env.AUTH_TOKEN_SECRET, credential);
  if (!result.ok) {
    const { code } = result.error;
    // RFC 6750: a refused bearer credential is named in WWW-Authenticate.
    if (code === 'UNAUTHENTICATED') c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    return replyError(c, result.error);
  }
  c.set('actor', result.value);
  return next();
};
