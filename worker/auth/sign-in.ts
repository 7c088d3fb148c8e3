import { err, ok, type Result, type Role } from '../../core/index.ts';
import { openDatabase } from '../db/client.ts';
import { readStaffAccount } from '../db/staff-accounts.ts';
import type { Env } from '../env.ts';
import { DECOY_PASSWORD_HASH, verifyPassword } from './password-hash.ts';
import { signStaffToken, staffTokenKey } from './staff-token.ts';

/** Wrong passwords allowed per user name per minute (a token bucket in a KeyGate): guessing stays slow. */
export const SIGN_IN_FAILURES_PER_MINUTE = 10;

export interface SignedIn {
  token: string;
  tokenType: 'Bearer';
  expiresAt: string;
  staff: { id: string; tenant: string; roles: Role[]; department: string | null; name: string };
}

/**
 * 登录: checks the user name and password and signs a staff token. Unknown name, wrong password and disabled
 * account all answer the same INVALID_CREDENTIALS, after the same PBKDF2 work (an unknown name is checked against a
 * decoy hash), so accounts cannot be found. Only failures are counted, per user name, in a KeyGate named
 * `sign-in:<name>` (key ids have no colon, so the names never meet): a busy account signing in on many windows is
 * never throttled, a guesser is (RATE_LIMITED, even for the right password, until the bucket refills).
 */
export const signIn = async (env: Env, typed: string, password: string, nowMs = Date.now()): Promise<Result<SignedIn>> => {
  if (!staffTokenKey(env.AUTH_TOKEN_SECRET)) return err('AUTH_UNAVAILABLE');
  // User names are lowercase (worker/schemas/auth.ts): `XS-Admin ` typed at a window is `xs-admin`.
  const username = typed.trim().toLowerCase();
  const gate = env.KEY_GATE.get(env.KEY_GATE.idFromName(`sign-in:${username}`));
  const before = await gate.peek(SIGN_IN_FAILURES_PER_MINUTE, nowMs);
  if (!before.allowed) return err('RATE_LIMITED', rateDetails(before.retryAfterMs));

  const row = await readStaffAccount(openDatabase(env.DB), username);
  const matches = await verifyPassword(password, row?.passwordHash ?? DECOY_PASSWORD_HASH);
  if (!row || !matches || row.disabledAt !== null) {
    await gate.admit(SIGN_IN_FAILURES_PER_MINUTE, nowMs);
    return err('INVALID_CREDENTIALS');
  }
  const staff = { id: row.id, tenant: row.tenantId, roles: row.roles, department: row.departmentId, name: row.displayName };
  const signed = await signStaffToken(env.AUTH_TOKEN_SECRET, { ...staff, department: staff.department ?? undefined }, Math.floor(nowMs / 1000));
  if (!signed) return err('AUTH_UNAVAILABLE');
  return ok({ token: signed.token, tokenType: 'Bearer', expiresAt: signed.expiresAt.toISOString(), staff });
};

const rateDetails = (retryAfterMs: number) => ({
  retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  limitPerMinute: SIGN_IN_FAILURES_PER_MINUTE,
});
