/**
 * The demo accounts the run signs in with, and the seed SQL that creates them: both from scripts/ (what
 * `npm start` seeds and prints), loaded only if present, so the benchmark also runs before staff sign-in exists.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AccountFinder } from './load-auth.ts';

const CREDENTIALS = new URL('../../scripts/demo-credentials.ts', import.meta.url);

/** Demo staff as scripts/demo-credentials.ts lists them (only what sign-in needs). */
interface DemoStaff {
  readonly username: string;
  readonly tenant?: string;
  readonly role?: string;
  readonly roles?: readonly string[];
  readonly department?: string | null;
}

export const loadAccountFinder = async (): Promise<AccountFinder> => {
  if (!existsSync(fileURLToPath(CREDENTIALS))) return () => null;
  const module = (await import(CREDENTIALS.href)) as { DEMO_PASSWORD?: string; DEMO_STAFF?: readonly DemoStaff[] };
  const password = module.DEMO_PASSWORD;
  const staff = module.DEMO_STAFF ?? [];
  if (typeof password !== 'string' || staff.length === 0) return () => null;
  return (who) => {
    const holds = (s: DemoStaff) => s.role === who.role || (s.roles ?? []).includes(who.role);
    const sameTenant = staff.filter((s) => (s.tenant ?? 'xiaoshan') === who.tenant && holds(s));
    const account =
      sameTenant.find((s) => who.department === undefined || s.department === who.department) ??
      null;
    return account ? { username: account.username, password } : null;
  };
};

/** The seed SQL of `npm start` (catalog release, demo applicant, and the demo tenants' staff and keys). */
export const loadSeedSql = async (): Promise<string | null> => {
  const module = (await import('../../scripts/seed-local.ts')) as { buildSeedSql?: (now?: number) => string | Promise<string> };
  return module.buildSeedSql ? await module.buildSeedSql() : null;
};
