import { and, eq } from 'drizzle-orm';
import type { Database } from './client.ts';
import type { Statement } from './cases.ts';
import { idempotencyKeys, type IdempotencyKeyRow } from './schema.ts';

/** Repository functions for stored replies under an Idempotency-Key (scope + SHA-256 of the key). */

export type NewIdempotencyKeyRow = typeof idempotencyKeys.$inferInsert;

export const readIdempotencyKey = (db: Database, scope: string, keyHash: string): Promise<IdempotencyKeyRow | undefined> =>
  db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.keyHash, keyHash)))
    .get();

/**
 * Plain insert, in the same batch as what the request created: of concurrent requests under one key only one
 * batch commits; the others fail on the primary key, roll back entirely, and replay the stored reply.
 */
export const insertIdempotencyKey = (db: Database, row: NewIdempotencyKeyRow): Statement =>
  db.insert(idempotencyKeys).values(row);

/** Frees an expired key so it can be used again (a key's reply is kept for IDEMPOTENCY_TTL_MS). */
export const deleteIdempotencyKey = (db: Database, scope: string, keyHash: string, createdAt: number): Statement =>
  db
    .delete(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.keyHash, keyHash), eq(idempotencyKeys.createdAt, createdAt)),
    );
