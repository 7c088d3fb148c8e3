import { env } from 'cloudflare:test';
import type { Role, Scope } from '../../core/index.ts';
import { mintApiKey } from '../auth/api-key-secret.ts';
import { signStaffToken } from '../auth/staff-token.ts';
import { insertApiKey } from '../db/api-keys.ts';
import { openDatabase } from '../db/client.ts';

/**
 * Real credentials for worker tests: staff tokens signed with the run's AUTH_TOKEN_SECRET (vitest.config.ts) and
 * API keys inserted into the test D1. Nothing is mocked: requests go through the authenticate middleware as a
 * client's would.
 */

/** The Xiaoshan catalog's 市场监管局, the default back-office department (its reviewer in examples is scjg-wang). */
export const DEFAULT_DEPARTMENT = 'scjg';

export interface StaffOptions {
  role: Role;
  tenant?: string;
  department?: string;
  id?: string;
  name?: string;
  /** Extra roles held besides `role`. */
  roles?: Role[];
  /** Token issue time (unix seconds); in the past mints an expired token. */
  issuedAtSeconds?: number;
}

/** A staff token for the role (stateless: no account row needed). */
export const staffToken = async (opts: StaffOptions): Promise<string> => {
  const tenant = opts.tenant ?? 'xiaoshan';
  const department = opts.department ?? (opts.role === 'back-office' ? DEFAULT_DEPARTMENT : undefined);
  const signed = await signStaffToken(
    env.AUTH_TOKEN_SECRET,
    {
      id: opts.id ?? `${tenant}-${opts.role}`,
      tenant,
      roles: [opts.role, ...(opts.roles ?? []).filter((role) => role !== opts.role)],
      department,
      name: opts.name ?? `测试${opts.role}`,
    },
    opts.issuedAtSeconds,
  );
  if (!signed) throw new Error('AUTH_TOKEN_SECRET is not set for the tests (vitest.config.ts)');
  return signed.token;
};

/** `Authorization` header of a staff member with the role (default tenant xiaoshan, id `${tenant}-${role}`). */
export const staffHeaders = async (opts: StaffOptions): Promise<Record<string, string>> => ({
  authorization: `Bearer ${await staffToken(opts)}`,
});

export interface ApiKeyOptions {
  tenant?: string;
  scopes: Scope[];
  rateLimitPerMinute?: number;
  label?: string;
}

/** A real API key row in the test D1; the key text and its `Authorization` header. */
export const createApiKey = async (opts: ApiKeyOptions): Promise<{ id: string; key: string; headers: Record<string, string> }> => {
  const minted = await mintApiKey();
  await insertApiKey(openDatabase(env.DB), {
    id: minted.id,
    tenantId: opts.tenant ?? 'xiaoshan',
    label: opts.label ?? 'test key',
    secretHash: minted.secretHash,
    scopes: opts.scopes,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 600,
    createdAt: Date.now(),
    createdBy: 'test',
  });
  return { id: minted.id, key: minted.text, headers: { authorization: `Bearer ${minted.text}` } };
};
