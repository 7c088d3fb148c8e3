import { openDatabase } from '../db/client.ts';
import { readApiKey } from '../db/api-keys.ts';
import type { ApiKeyRow } from '../db/schema.ts';

/**
 * An isolate-wide cache of API key rows, so the hot path does not read D1 on every request. Entries live
 * KEY_RECORD_TTL_MS; a revocation does not wait for that (the key's KeyGate refuses at once), and a changed row
 * (revoked_at) is seen by every isolate within the TTL. Unknown ids are cached too (`null`): ids are 60 random
 * bits, so a key is never looked up before it exists, and a flood of made-up keys then costs no D1 reads.
 */
export const KEY_RECORD_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

const cache = new Map<string, { row: ApiKeyRow | null; until: number }>();

/** The key's row (null: no such key), from the cache while fresh. */
export const findKeyRecord = async (d1: D1Database, id: string, nowMs = Date.now()): Promise<ApiKeyRow | null> => {
  const hit = cache.get(id);
  if (hit && hit.until > nowMs) return hit.row;
  const row = (await readApiKey(openDatabase(d1), id)) ?? null;
  // Bounded: the oldest entry goes first (Map keeps insertion order).
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.delete(id);
  cache.set(id, { row, until: nowMs + KEY_RECORD_TTL_MS });
  return row;
};

/** Drops a key from this isolate's cache (after it was created or revoked here). */
export const forgetKeyRecord = (id: string): void => {
  cache.delete(id);
};
