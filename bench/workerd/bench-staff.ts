/**
 * Staff credentials for the HTTP benchmarks that act as staff (intake, claims, decisions): a token secret made for
 * the run and given to the worker it starts, and tokens signed by the worker's own signer (worker/auth/
 * staff-token.ts), so each is exactly what sign-in would return. Tokens live 30 minutes, longer than any group.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../core/index.ts';
import { signStaffToken } from '../../worker/auth/staff-token.ts';

export interface BenchStaff {
  /** The binding to add to the started worker's (startMigratedWorker `bindings`). */
  readonly bindings: { AUTH_TOKEN_SECRET: { type: 'secret_text'; value: string } };
  /** `Authorization` of a Xiaoshan front desk (intake). */
  readonly frontDesk: string;
  /**
   * `Authorization` of the Xiaoshan reviewer `bench` (claims and decisions on any department's tasks: back office
   * together with hall manager is not bound to one department).
   */
  readonly reviewer: string;
}

const sign = async (secret: string, id: string, roles: Role[]): Promise<string> => {
  const signed = await signStaffToken(secret, { id, tenant: 'xiaoshan', roles, name: '基准测试' });
  if (!signed) throw new Error('the staff token signer refused the run’s secret');
  return `Bearer ${signed.token}`;
};

export const createBenchStaff = async (): Promise<BenchStaff> => {
  const secret = randomBytes(32).toString('base64url');
  return {
    bindings: { AUTH_TOKEN_SECRET: { type: 'secret_text', value: secret } },
    frontDesk: await sign(secret, 'bench-front-desk', ['front-desk']),
    reviewer: await sign(secret, 'bench', ['back-office', 'hall-manager']),
  };
};
