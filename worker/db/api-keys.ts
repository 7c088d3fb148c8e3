import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Statement } from './cases.ts';
import type { Database } from './client.ts';
import { apiKeys, type ApiKeyRow } from './schema.ts';

/** Repository functions for API keys (接口密钥). Rows hold the secret's hash, never the secret. */

export type NewApiKeyRow = typeof apiKeys.$inferInsert;

export const readApiKey = (db: Database, id: string): Promise<ApiKeyRow | undefined> =>
  db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();

/** The insert as a statement, so issuing can batch it with its Idempotency-Key row (awaiting it runs it alone). */
export const insertApiKey = (db: Database, row: NewApiKeyRow): Statement => db.insert(apiKeys).values(row);

/** A tenant's keys, newest first, revoked ones included (an administrator sees what was revoked and when). */
export const listApiKeys = (db: Database, tenantId: string): Promise<ApiKeyRow[]> =>
  db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt), apiKeys.id).all();

/** Marks the tenant's key revoked (once: a second revoke keeps the first time). The row, or undefined if not the tenant's. */
export const revokeApiKey = async (db: Database, tenantId: string, id: string, at: number): Promise<ApiKeyRow | undefined> => {
  const ofTenant = and(eq(apiKeys.id, id), eq(apiKeys.tenantId, tenantId));
  // One round trip: the conditional update, then the row as it now stands.
  const [, rows] = await db.batch([
    db.update(apiKeys).set({ revokedAt: at }).where(and(ofTenant, isNull(apiKeys.revokedAt))),
    db.select().from(apiKeys).where(ofTenant),
  ]);
  return rows[0];
};
