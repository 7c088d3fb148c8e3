/**
 * Staff tokens minted by the run itself, for identities the demo data has no account for (a department the demo
 * does not staff): only for a worker this run started, whose AUTH_TOKEN_SECRET the run chose. The worker's own
 * signer is used (worker/auth/staff-token.ts), so the token is exactly what sign-in would return.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TokenMinter } from './load-auth.ts';

const SIGNER = new URL('../../worker/auth/staff-token.ts', import.meta.url);

type Sign = (
  secret: string,
  staff: { id: string; tenant: string; roles: string[]; department?: string; name: string },
) => Promise<{ token: string } | undefined>;

/** A minter for the secret, or null before staff tokens exist in the worker. */
export const createTokenMinter = async (secret: string): Promise<TokenMinter | null> => {
  if (!existsSync(fileURLToPath(SIGNER))) return null;
  const { signStaffToken } = (await import(SIGNER.href)) as { signStaffToken: Sign };
  return async (who) => {
    const id = `load-${who.tenant}-${who.role}${who.department ? `-${who.department}` : ''}-${who.person}`;
    const signed = await signStaffToken(secret, {
      id,
      tenant: who.tenant,
      roles: [who.role],
      ...(who.department ? { department: who.department } : {}),
      name: '负载测试',
    });
    return signed ? { token: signed.token, staffId: id, shared: false } : null;
  };
};
