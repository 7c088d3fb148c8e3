import { err, ok, parseApiKey, type Principal, type Result } from '../../core/index.ts';
import type { Env } from '../env.ts';
import { constantTimeEqual, hashApiKeySecret } from './api-key-secret.ts';
import { findKeyRecord } from './key-records.ts';

/**
 * Checks an API key text: its form, its row (isolate cache, then D1), its secret's hash, then its KeyGate (rate
 * limit and revocation). UNAUTHENTICATED with details.reason `key-malformed`, `key-unknown` (no such id, or the
 * secret does not match: which one is not told) or `key-revoked`; RATE_LIMITED with
 * { retryAfterSeconds, limitPerMinute }.
 */
export const checkApiKey = async (env: Env, text: string, nowMs = Date.now()): Promise<Result<Principal>> => {
  const parsed = parseApiKey(text);
  if (!parsed.ok) return parsed;
  const row = await findKeyRecord(env.DB, parsed.value.id, nowMs);
  if (!row) return err('UNAUTHENTICATED', { reason: 'key-unknown' });
  if (!constantTimeEqual(await hashApiKeySecret(parsed.value.secret), row.secretHash)) return err('UNAUTHENTICATED', { reason: 'key-unknown' });
  if (row.revokedAt !== null) return err('UNAUTHENTICATED', { reason: 'key-revoked' });
  const gate = env.KEY_GATE.get(env.KEY_GATE.idFromName(row.id));
  const decision = await gate.admit(row.rateLimitPerMinute, nowMs);
  if (decision.revoked) return err('UNAUTHENTICATED', { reason: 'key-revoked' });
  if (!decision.allowed) {
    return err('RATE_LIMITED', { retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000), limitPerMinute: row.rateLimitPerMinute });
  }
  return ok({ kind: 'key', id: row.id, tenant: row.tenantId, roles: [], scopes: row.scopes, name: row.label });
};
