import { err, ok, type Result } from '../../core/index.ts';
import type { Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import { deleteIdempotencyKey, insertIdempotencyKey, readIdempotencyKey, type NewIdempotencyKeyRow } from '../db/idempotency-keys.ts';
import { canonicalJson, openText, sealText, sha256Hex } from './digest.ts';

/** How long a reply is kept under its key: a retry comes within seconds or minutes; a day covers a kiosk outage. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A reply as stored and replayed: the status and the body (for an error, its `details`). */
export interface StoredReply {
  readonly status: number;
  readonly body: unknown;
}

/** An Idempotency-Key ready to use: its hash (the stored key) and the request's fingerprint. */
export interface PreparedKey {
  readonly scope: string;
  readonly key: string;
  readonly keyHash: string;
  readonly requestHash: string;
}

/**
 * Keys are the caller's: two tenants' systems may well both send `order-1`. The tenant is part of the stored
 * scope (`xiaoshan POST /v1/cases`) and of the hashed key, so one tenant's key never finds, replays or blocks
 * another's reply.
 */
export const prepareKey = async (route: string, tenant: string, key: string, request: unknown): Promise<PreparedKey> => {
  const scope = `${tenant} ${route}`;
  return {
    scope,
    key,
    keyHash: await sha256Hex(`${scope}\n${key}`),
    requestHash: await sha256Hex(canonicalJson(request)),
  };
};

/**
 * The reply stored under the key, null when none is live (an expired one is deleted first), or
 * IDEMPOTENCY_KEY_REUSED when the key came with another request.
 */
export const findStoredReply = async (db: Database, prepared: PreparedKey, now: number): Promise<Result<StoredReply | null>> => {
  const row = await readIdempotencyKey(db, prepared.scope, prepared.keyHash);
  if (row === undefined) return ok(null);
  if (row.expiresAt <= now) {
    await db.batch([deleteIdempotencyKey(db, prepared.scope, prepared.keyHash, row.createdAt)]);
    return ok(null);
  }
  if (row.requestHash !== prepared.requestHash) return err('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: prepared.key });
  const body = JSON.parse(await openText(prepared.key, prepared.requestHash, row.reply)) as unknown;
  return ok({ status: row.status, body });
};

/**
 * The statement storing `reply` under the key, sealed with the raw key (which is stored nowhere). Sealing is
 * async, so the caller awaits `sealReply` and builds the statement with `storeReply`: an async function must
 * not return a drizzle query, which is thenable and would run on `await`.
 */
export const sealReply = async (prepared: PreparedKey, reply: StoredReply, now: number): Promise<NewIdempotencyKeyRow> => ({
  scope: prepared.scope,
  keyHash: prepared.keyHash,
  requestHash: prepared.requestHash,
  status: reply.status,
  reply: await sealText(prepared.key, prepared.requestHash, JSON.stringify(reply.body)),
  createdAt: now,
  expiresAt: now + IDEMPOTENCY_TTL_MS,
});

export const storeReply = (db: Database, sealed: NewIdempotencyKeyRow): Statement => insertIdempotencyKey(db, sealed);
