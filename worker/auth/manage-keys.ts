import { err, ok, type Principal, type Result, type Scope } from '../../core/index.ts';
import { insertApiKey, listApiKeys, revokeApiKey } from '../db/api-keys.ts';
import { openDatabase } from '../db/client.ts';
import type { ApiKeyRow } from '../db/schema.ts';
import type { Env } from '../env.ts';
import { mintApiKey } from './api-key-secret.ts';
import { forgetKeyRecord } from './key-records.ts';

/** A key as an administrator sees it: never its secret or hash. */
export const presentApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  label: row.label,
  scopes: row.scopes,
  rateLimitPerMinute: row.rateLimitPerMinute,
  createdAt: new Date(row.createdAt).toISOString(),
  createdBy: row.createdBy,
  revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt).toISOString(),
});

export type ApiKeySummary = ReturnType<typeof presentApiKey>;

export interface NewKeyRequest {
  readonly label: string;
  readonly scopes: readonly Scope[];
  readonly rateLimitPerMinute: number;
}

/** Issues a key for the actor's tenant; the reply carries the key text, the only time it is ever shown. */
export const issueApiKey = async (env: Env, actor: Principal, request: NewKeyRequest, nowMs = Date.now()) => {
  const minted = await mintApiKey();
  const row: ApiKeyRow = {
    id: minted.id,
    tenantId: actor.tenant,
    label: request.label,
    secretHash: minted.secretHash,
    scopes: [...request.scopes],
    rateLimitPerMinute: request.rateLimitPerMinute,
    createdAt: nowMs,
    createdBy: actor.id,
    revokedAt: null,
  };
  await insertApiKey(openDatabase(env.DB), row);
  return { ...presentApiKey(row), key: minted.text };
};

export const listTenantApiKeys = async (env: Env, tenant: string): Promise<ApiKeySummary[]> =>
  (await listApiKeys(openDatabase(env.DB), tenant)).map(presentApiKey);

/**
 * Revokes a key of the tenant: the row (for lists and every isolate's next cache refresh) and the key's KeyGate
 * (which refuses the very next request anywhere). Revoking twice keeps the first time. Another tenant's key is
 * API_KEY_NOT_FOUND, as an unknown one.
 */
export const revokeTenantApiKey = async (env: Env, tenant: string, id: string, nowMs = Date.now()): Promise<Result<ApiKeySummary>> => {
  const row = await revokeApiKey(openDatabase(env.DB), tenant, id, nowMs);
  if (!row) return err('API_KEY_NOT_FOUND', { id });
  await env.KEY_GATE.get(env.KEY_GATE.idFromName(row.id)).revoke();
  forgetKeyRecord(row.id);
  return ok(presentApiKey(row));
};
