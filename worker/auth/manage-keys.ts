import { err, ok, type Principal, type Result, type Scope } from '../../core/index.ts';
import { isConflict } from '../cases/commit-case.ts';
import { findStoredReply, prepareKey, sealReply, storeReply } from '../cases/idempotent-replies.ts';
import { insertApiKey, listApiKeys, revokeApiKey } from '../db/api-keys.ts';
import type { Statement } from '../db/cases.ts';
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

export type CreatedApiKey = ApiKeySummary & { readonly key: string };

/** What issuing answers: the key (its text included) and whether it is the stored reply of an earlier request. */
export interface IssuedApiKey {
  readonly created: CreatedApiKey;
  readonly replay: boolean;
}

/** The route of key issuing's Idempotency-Keys (scoped further by the caller's tenant). */
const ISSUE_ROUTE = 'POST /v1/tenants/{tenant}/keys';

/**
 * Issues a key for the actor's tenant; the reply carries the key text, the only time it is ever shown.
 *
 * With an Idempotency-Key the reply is stored under it in the same batch as the key row, sealed with the
 * idempotency key itself (stored nowhere; only its hash is), so a retry after a lost reply gets the very same
 * key id and text instead of a second key; of concurrent requests under one key exactly one inserts a key, the
 * others fail on the stored key's primary key and replay. The same key with another body: IDEMPOTENCY_KEY_REUSED.
 */
export const issueApiKey = async (
  env: Env,
  actor: Principal,
  request: NewKeyRequest,
  idempotencyKey: string | null,
  nowMs = Date.now(),
): Promise<Result<IssuedApiKey>> => {
  const db = openDatabase(env.DB);
  const prepared = idempotencyKey === null ? null : await prepareKey(ISSUE_ROUTE, actor.tenant, idempotencyKey, request);
  const replay = async (): Promise<Result<IssuedApiKey> | null> => {
    if (prepared === null) return null;
    const stored = await findStoredReply(db, prepared, nowMs);
    if (!stored.ok) return stored;
    return stored.value === null ? null : ok({ created: stored.value.body as CreatedApiKey, replay: true });
  };
  const earlier = await replay();
  if (earlier !== null) return earlier;
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
  const created: CreatedApiKey = { ...presentApiKey(row), key: minted.text };
  const statements: [Statement, ...Statement[]] = [insertApiKey(db, row)];
  if (prepared !== null) statements.push(storeReply(db, await sealReply(prepared, { status: 201, body: created }, nowMs)));
  try {
    await db.batch(statements);
  } catch (error) {
    // Lost the race to a concurrent request under the same key: its key is the one to answer.
    const winner = isConflict(error) ? await replay() : null;
    if (winner === null) throw error;
    return winner;
  }
  return ok({ created, replay: false });
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
