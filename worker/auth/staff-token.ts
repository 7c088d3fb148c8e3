import { Jwt } from 'hono/utils/jwt';
import { JwtTokenExpired } from 'hono/utils/jwt/types';
import { err, isRole, ok, type Principal, type Result, type Role } from '../../core/index.ts';

/**
 * 工作人员令牌: an HS256 JWT signed with the Worker secret AUTH_TOKEN_SECRET. Stateless (no session table): the
 * 30-minute lifetime bounds what a stolen token or a disabled account can still do, and a staff member signs in
 * again at the start of a shift or after a break.
 *
 * Without a usable secret (missing, or shorter than 32 bytes, too weak for HMAC-SHA256) nothing is signed and no
 * token is accepted: sign-in answers 503 AUTH_UNAVAILABLE (an operator's fix) and a presented token 401 with reason
 * `token-signing-unavailable`. API keys do not depend on it and keep working.
 */
export const STAFF_TOKEN_LIFETIME_SECONDS = 30 * 60;
export const MIN_SECRET_BYTES = 32;

/** The claims a staff token carries (the contract's names: short, as JWT claims are). */
export interface StaffClaims {
  sub: string;
  ten: string;
  roles: Role[];
  dep?: string;
  name: string;
  iat: number;
  exp: number;
}

export interface StaffIdentity {
  readonly id: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
  readonly department?: string | undefined;
  readonly name: string;
}

// Importing the HMAC key is the costly part of a verification; the secret does not change within an isolate.
let cachedKey: { secret: string; key: Promise<CryptoKey> } | undefined;

/** The signing key for a usable secret, or undefined (see above). */
export const staffTokenKey = (secret: string | undefined): Promise<CryptoKey> | undefined => {
  if (!secret || new TextEncoder().encode(secret).length < MIN_SECRET_BYTES) return undefined;
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    cachedKey = { secret, key };
  }
  return cachedKey.key;
};

/** Signs a token for the staff member; `issuedAtSeconds` lets tests mint expired ones. Undefined without a usable secret. */
export const signStaffToken = async (
  secret: string | undefined,
  staff: StaffIdentity,
  issuedAtSeconds = Math.floor(Date.now() / 1000),
): Promise<{ token: string; expiresAt: Date } | undefined> => {
  const key = staffTokenKey(secret);
  if (!key) return undefined;
  const exp = issuedAtSeconds + STAFF_TOKEN_LIFETIME_SECONDS;
  const claims: StaffClaims = {
    sub: staff.id,
    ten: staff.tenant,
    roles: [...staff.roles],
    ...(staff.department ? { dep: staff.department } : {}),
    name: staff.name,
    iat: issuedAtSeconds,
    exp,
  };
  const token = await Jwt.sign({ ...claims }, await key, 'HS256');
  return { token, expiresAt: new Date(exp * 1000) };
};

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The claims as a principal, if they have the contract's shape (a token signed by an older build may not). */
const principalOf = (payload: Record<string, unknown>): Principal | undefined => {
  const { sub, ten, roles, dep, name } = payload;
  if (typeof sub !== 'string' || typeof ten !== 'string' || !isStringArray(roles) || !roles.every(isRole)) return undefined;
  if (dep !== undefined && typeof dep !== 'string') return undefined;
  return {
    kind: 'staff',
    id: sub,
    tenant: ten,
    roles,
    scopes: [],
    ...(dep ? { department: dep } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
};

/**
 * The principal a token names, or UNAUTHENTICATED with details.reason: `token-expired`, `token-invalid`
 * (malformed, bad signature, wrong algorithm, claims of the wrong shape) or `token-signing-unavailable`.
 */
export const verifyStaffToken = async (secret: string | undefined, token: string): Promise<Result<Principal>> => {
  const key = staffTokenKey(secret);
  if (!key) return err('UNAUTHENTICATED', { reason: 'token-signing-unavailable' });
  let payload: Record<string, unknown>;
  try {
    // alg pinned: a token claiming `none` or another algorithm is refused before its signature is looked at.
    payload = (await Jwt.verify(token, await key, { alg: 'HS256' })) as Record<string, unknown>;
  } catch (error) {
    return err('UNAUTHENTICATED', { reason: error instanceof JwtTokenExpired ? 'token-expired' : 'token-invalid' });
  }
  if (typeof payload.exp !== 'number') return err('UNAUTHENTICATED', { reason: 'token-invalid' });
  const principal = principalOf(payload);
  return principal ? ok(principal) : err('UNAUTHENTICATED', { reason: 'token-invalid' });
};
