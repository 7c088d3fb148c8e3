import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { getCatalogStore } from './catalog-store.ts';

/** Catalog replies change only with a new catalog version (and a new deployment), so shared caches may keep them. */
export const CATALOG_CACHE_CONTROL = 'public, max-age=300';

/** Weak comparison (RFC 9110 §8.8.3.2): `W/` prefixes are ignored; `*` matches anything. */
const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
};

/**
 * Answers 304 when the caller already holds the current catalog's reply; otherwise stamps successful replies
 * with the catalog ETag and Cache-Control. Errors are never stamped.
 */
export const cacheCatalogReplies: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { etag } = getCatalogStore();
  if (matchesEtag(c.req.header('If-None-Match'), etag)) {
    c.header('ETag', etag);
    c.header('Cache-Control', CATALOG_CACHE_CONTROL);
    return c.body(null, 304);
  }
  await next();
  if (c.res.status === 200) {
    c.header('ETag', etag);
    c.header('Cache-Control', CATALOG_CACHE_CONTROL);
  }
};
